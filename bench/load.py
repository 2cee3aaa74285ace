"""The load benchmarks of MICROFUTURE Exchange (called by bench/run).

For each backend: a fresh database filled by `mfx seed-bench`, the release server started on
it (time to ready measured), then wrk over loopback for each scenario, the server's peak
resident memory read from /proc for each, and a digest run to a local SMTP sink. Prints a
Markdown table per backend. With --relevance, runs bench/relevance.py per backend instead.
Only the standard library is used."""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = ROOT / "target" / "bench"
PASSWORD = "bench accounts share this password"
SECRET = "bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz"

SCENARIOS = {
    "a": ("list", "GET /api/v1/practices?lang=fr&limit=20, anonymous"),
    "b": ("document", "GET /api/v1/practices/{id}?lang=sv, {ids} ids, fallback"),
    "B": ("document_html", "GET /api/v1/practices/{id}?lang=sv&text_format=html, {ids} ids, fallback"),
    "c": ("search", "GET /api/v1/search?q=…&lang=it, 38 popular queries (cached)"),
    "C": ("search_varied", "GET /api/v1/search?q=…&lang=it, 6,000 distinct queries"),
    "d": ("mixed", "mixed: lists, documents, search; 10 % writes signed in"),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def anon_kb(pid: int) -> tuple[int, int]:
    """The process's anonymous and file-backed resident memory (RssAnon, RssFile), in KB."""
    anon = file = 0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                anon = int(line.split()[1])
            elif line.startswith("RssFile:"):
                file = int(line.split()[1])
    return anon, file


class MemoryWatch:
    """Samples a process's RssAnon and RssFile every 50 ms and keeps the peaks."""

    def __init__(self, pid: int):
        self.pid = pid
        self.anon = self.file = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                anon, file = anon_kb(self.pid)
            except OSError:
                return
            self.anon, self.file = max(self.anon, anon), max(self.file, file)
            time.sleep(0.05)

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join()


def reset_peak(pid: int) -> None:
    # Writing 5 to clear_refs resets the peak resident set size (VmHWM) to the current one.
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("5")


class Database:
    def __init__(self, backend: str, size: int, pg_url: str):
        self.backend = backend
        if backend == "sqlite":
            self.dir = WORK / f"sqlite-{size}"
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir.mkdir(parents=True)
            self.url = f"sqlite://{self.dir / 'mfx.db'}"
        else:
            self.dir = WORK / f"postgres-{size}"
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir.mkdir(parents=True)
            name = f"mfx_bench_{size}"
            admin = urllib.parse.urlsplit(pg_url)
            self.psql = ["psql", "-q", "-v", "ON_ERROR_STOP=1", pg_url]
            subprocess.run(self.psql + ["-c", f"DROP DATABASE IF EXISTS {name}"], check=True)
            subprocess.run(self.psql + ["-c", f"CREATE DATABASE {name}"], check=True)
            self.url = urllib.parse.urlunsplit(admin._replace(path=f"/{name}"))

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "MFX_DATABASE_URL": self.url,
            "MFX_DATA_DIR": str(self.dir),
            "MFX_JWT_SECRET": SECRET,
            "MFX_LOG": "warn",
            "MFX_PUBLIC_URL": "http://127.0.0.1",
            "MALLOC_ARENA_MAX": "2",
        }
        env.update(extra)
        return env

    def size_mb(self) -> float:
        if self.backend == "sqlite":
            return sum(p.stat().st_size for p in self.dir.glob("mfx.db*")) / 1e6
        name = urllib.parse.urlsplit(self.url).path.lstrip("/")
        out = subprocess.run(
            self.psql + ["-At", "-c", f"SELECT pg_database_size('{name}')"], check=True, capture_output=True, text=True
        )
        return int(out.stdout.strip()) / 1e6


class Server:
    def __init__(self, binary: Path, db: Database):
        self.port = free_port()
        self.log = open(db.dir / "server.log", "w")
        started = time.monotonic()
        self.process = subprocess.Popen(
            [str(binary), "serve"], env=db.env(MFX_BIND=f"127.0.0.1:{self.port}"), stdout=self.log, stderr=self.log
        )
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"the server stopped while starting; see {db.dir / 'server.log'}")
            try:
                status, _ = self.get("/readyz")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() - started > 120:
                raise SystemExit("the server was not ready after 120 s")
            time.sleep(0.005)
        self.ready_s = time.monotonic() - started

    def get(self, path: str, token: str | None = None) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        conn.close()
        return response.status, body

    def sign_in(self, email: str) -> str:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        body = json.dumps({"email": email, "password": PASSWORD})
        conn.request("POST", "/api/v1/auth/login", body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        reply = json.loads(response.read())
        conn.close()
        if response.status != 200:
            raise SystemExit(f"cannot sign in as {email}: {reply}")
        return reply["access_token"]

    def practice_ids(self, wanted: int) -> list[str]:
        ids: list[str] = []
        cursor = None
        while len(ids) < wanted:
            path = "/api/v1/practices?limit=100" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
            status, body = self.get(path)
            page = json.loads(body)
            ids += [item["id"] for item in page["items"]]
            cursor = page.get("next_cursor")
            if not cursor:
                break
        return ids[:wanted]

    def stop(self) -> int:
        peak = peak_rss_kb(self.process.pid)
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        return peak


def wrk(server: Server, script: str, duration: int, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{duration}s", "-s", str(BENCH / "wrk" / f"{script}.lua"),
         f"http://127.0.0.1:{server.port}"],
        env={**os.environ, **env, "MFX_BENCH_LUA": str(BENCH / "wrk")},
        check=True, capture_output=True, text=True,
    )
    match = re.search(r"MFX-RESULT (.*)", out.stdout)
    if not match:
        raise SystemExit(f"wrk printed no result:\n{out.stdout}\n{out.stderr}")
    fields = dict(pair.split("=") for pair in match.group(1).split())
    result = {key: float(value) for key, value in fields.items()}
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def digest_run(binary: Path, db: Database) -> dict[str, float]:
    sink = subprocess.Popen([sys.executable, str(BENCH / "smtp_sink.py")], stdout=subprocess.PIPE, text=True)
    port = int(sink.stdout.readline())
    started = time.monotonic()
    run = subprocess.Popen(
        [str(binary), "digest", "run", "--now"],
        env=db.env(MFX_SMTP_URL=f"smtp://127.0.0.1:{port}"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    _, status, usage = os.wait4(run.pid, 0)
    seconds = time.monotonic() - started
    output = (run.stdout.read() + run.stderr.read()).strip()
    run.returncode = os.waitstatus_to_exitcode(status)
    sink.send_signal(signal.SIGTERM)
    delivered = int(sink.stdout.read().strip() or 0)
    sink.wait()
    if run.returncode != 0:
        raise SystemExit(f"mfx digest run failed: {output}")
    return {"seconds": seconds, "delivered": delivered, "rss_mb": usage.ru_maxrss / 1024, "summary": output}


def search_words(path: Path) -> None:
    """Queries from the content's own vocabulary: single words and pairs, in every language."""
    words: list[str] = []
    seen = set()
    for name in ("practices", "meeting_notes", "action_plans"):
        for entry in json.loads((ROOT / "seed" / "demo" / f"{name}.json").read_text()):
            texts = [entry.get("text", {})] + list(entry.get("translations", {}).values())
            for text in texts:
                for value in text.values():
                    if not isinstance(value, str):
                        continue
                    for word in re.findall(r"\w{5,}", value.lower()):
                        if word not in seen and not word.isdigit():
                            seen.add(word)
                            words.append(word)
    pairs = [f"{words[i]} {words[(i * 7 + 3) % len(words)]}" for i in range(0, len(words), 2)]
    queries = (words + pairs)[:6000]
    path.write_text("\n".join(queries) + "\n")


def fmt_ms(us: float) -> str:
    return f"{us / 1000:.2f} ms" if us < 10_000 else f"{us / 1000:.0f} ms"


def bench_backend(args, backend: str, size: int, scenarios: str, binary: Path) -> list[str]:
    print(f"\n### {backend}: {size:,} practices, {args.users:,} accounts", flush=True)
    db = Database(backend, size, args.postgres_url)
    started = time.monotonic()
    seed = subprocess.run(
        [str(binary), "seed-bench", "--practices", str(size), "--users", str(args.users), "--password-stdin"],
        env=db.env(), input=PASSWORD + "\n", capture_output=True, text=True,
    )
    if seed.returncode != 0:
        raise SystemExit(f"seed-bench failed: {seed.stderr}")
    print(f"seeded in {time.monotonic() - started:.1f} s; database {db.size_mb():.0f} MB", flush=True)
    rows = []
    started = time.monotonic()
    reindex = subprocess.run([str(binary), "search", "reindex"], env=db.env(), capture_output=True, text=True)
    if reindex.returncode != 0:
        raise SystemExit(f"search reindex failed: {reindex.stderr}")
    reindexed = time.monotonic() - started
    index_mb = sum(f.stat().st_size for f in (db.dir / "search").rglob("*") if f.is_file()) / 1e6
    rows.append(f"| full search reindex ({size:,} practices) | | | | | {reindexed:.1f} s, index {index_mb:.0f} MB |")
    print(rows[-1], flush=True)
    server = Server(binary, db)
    watch = MemoryWatch(server.process.pid)
    rows.append(f"| start to ready | | | | {server.ready_s * 1000:.0f} ms | |")
    token = server.sign_in("reader-0@bench.example.org")
    ids_file = db.dir / "ids.txt"
    ids = server.practice_ids(2000)
    ids_file.write_text("\n".join(ids) + "\n")
    words_file = db.dir / "words.txt"
    search_words(words_file)
    env = {"MFX_BENCH_IDS": str(ids_file), "MFX_BENCH_TOKEN": token, "MFX_BENCH_WORDS": str(words_file)}
    for key in scenarios:
        if key not in SCENARIOS:
            continue
        script, label = SCENARIOS[key]
        label = label.replace("{ids}", f"{len(ids):,}")
        wrk(server, script, 2, env)  # warm the caches
        reset_peak(server.process.pid)
        r = wrk(server, script, args.duration, env)
        rss = peak_rss_kb(server.process.pid) / 1024
        bad = f"{int(r['non2xx'])} non-2xx, {int(r['errors'])} errors" if r["non2xx"] or r["errors"] else "none"
        rows.append(
            f"| ({key}) {label} | {r['rps']:,.0f} | {fmt_ms(r['p50_us'])} | {fmt_ms(r['p99_us'])} | "
            f"{rss:.0f} MB | {bad} |"
        )
        print(rows[-1], flush=True)
    watch.stop()
    peak = server.stop() / 1024
    rows.append(f"| server peak RSS over the whole run | | | | {peak:.0f} MB | |")
    rows.append(
        f"| server anonymous memory (RssAnon) peak over the whole run; file-backed (RssFile) peak | | | | "
        f"{watch.anon / 1024:.0f} MB | RssFile {watch.file / 1024:.0f} MB |"
    )
    print(rows[-1], flush=True)
    if "e" in scenarios and args.users:
        d = digest_run(binary, db)
        rows.append(
            f"| (e) digest run for {args.users:,} accounts to a local SMTP sink | "
            f"{d['delivered']:,.0f} sent | | | {d['rss_mb']:.0f} MB | {d['seconds']:.1f} s |"
        )
        print(rows[-1], "—", d["summary"], flush=True)
    return rows


def relevance(args, binary: Path) -> None:
    """bench/relevance.py once per backend, with this run's binary and PostgreSQL server."""
    for backend in args.backends.split(","):
        command = [sys.executable, str(BENCH / "relevance.py"), "--bin", str(binary)]
        if backend == "postgres":
            command += ["--postgres", args.postgres_url]
        elif backend != "sqlite":
            raise SystemExit(f"unknown backend {backend}")
        subprocess.run(command, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--practices", default="10000", help="one size or several, comma-separated")
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--scenarios", default="abBcCde",
                        help="a b B c C d e (B: the document as HTML only; C: search with distinct words)")
    parser.add_argument("--postgres-url", default=os.environ.get("MFX_BENCH_POSTGRES_URL",
                                                                   "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--binary", "--bin", default=str(ROOT / "target" / "release" / "mfx"))
    parser.add_argument("--relevance", action="store_true",
                        help="instead of the load benchmarks, the relevance set (bench/relevance.py) per backend")
    args = parser.parse_args()
    binary = Path(args.binary)
    if args.relevance:
        relevance(args, binary)
        return
    for tool in ("wrk",) + (("psql",) if "postgres" in args.backends else ()):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (Debian: apt-get install {'wrk' if tool == 'wrk' else 'postgresql-client'})")
    memory = int(open("/proc/meminfo").read().split()[1]) / 1048576
    print(f"machine: {os.cpu_count()} cores, {memory:.1f} GB, {platform.system()} {platform.release()}; "
          f"{time.strftime('%Y-%m-%d', time.gmtime())}; wrk -t2 -c32 -d{args.duration}s over loopback")
    tables = {}
    for backend in args.backends.split(","):
        for size in [int(s) for s in args.practices.split(",")]:
            tables[(backend, size)] = bench_backend(args, backend, size, args.scenarios, binary)
    for (backend, size), rows in tables.items():
        print(f"\n{backend}, {size:,} practices\n")
        print("| scenario | req/s | p50 | p99 | peak RSS | failures / time |")
        print("|---|---:|---:|---:|---:|---|")
        for row in rows:
            print(row)


if __name__ == "__main__":
    main()
