"""A local SMTP sink for the digest benchmark: speaks enough SMTP over TCP for a mail client
(EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), accepts every message and counts them. It prints its
port on the first line, then, when stopped with SIGTERM, the number of messages accepted."""

import asyncio
import signal
import sys

accepted = 0


async def session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    global accepted
    writer.write(b"220 bench-sink ESMTP\r\n")
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                writer.write(b"250-bench-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
            elif verb == b"DATA":
                writer.write(b"354 go ahead\r\n")
                await writer.drain()
                # The whole message up to the end-of-data line, in one search for it.
                try:
                    await reader.readuntil(b"\r\n.\r\n")
                except asyncio.IncompleteReadError:
                    break
                accepted += 1
                writer.write(b"250 accepted\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            else:
                writer.write(b"250 ok\r\n")
            await writer.drain()
    finally:
        writer.close()


async def main() -> None:
    server = await asyncio.start_server(session, "127.0.0.1", 0, limit=1 << 20)
    print(server.sockets[0].getsockname()[1], flush=True)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    server.close()
    print(accepted, flush=True)


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
