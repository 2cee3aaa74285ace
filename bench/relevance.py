"""The relevance of search over the demo content (bench/relevance/queries.json).

Fills a new database with `mfx seed-demo` (SQLite in a temporary folder, or with --postgres a
database of its own on that server, dropped afterwards), starts `mfx serve` on it, sends every
judged query to GET /api/v1/search (anonymously, or signed in as a viewer of a partner with no
unpublished documents for the queries marked "reader": "member"), maps the results to the
demo's seed keys by reading the database, and prints recall@5 and MRR overall, per language
and per kind of query, then the queries whose first five results hold none of their documents.

    python3 bench/relevance.py --bin target/debug/mfx
    python3 bench/relevance.py --bin target/debug/mfx --postgres postgres://postgres@127.0.0.1:5432/postgres

recall@5: the share of a query's judged documents among its first five results, averaged over
the queries. MRR: the mean of 1/rank of the first judged document among the first ten results
(0 when none is there). Only the standard library (and psql for PostgreSQL) is used."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import PASSWORD, SECRET, Server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "bench" / "relevance" / "queries.json"
MEMBER_EMAIL = "relevance-reader@example.org"
# A partner whose demo documents are all published, so a member of it reads exactly what every
# member of the partnership reads.
MEMBER_PARTNER = "yunus-italy"
DEPTH = 10


class DemoDatabase:
    """A new database holding the demo content, with the environment `mfx` needs for it."""

    def __init__(self, backend: str, pg_url: str | None):
        self.backend = backend
        self.dir = Path(tempfile.mkdtemp(prefix=f"mfx-relevance-{backend}-"))
        if backend == "sqlite":
            self.url = f"sqlite://{self.dir / 'mfx.db'}"
        else:
            self.name = f"mfx_relevance_{os.getpid()}"
            self.psql_admin = ["psql", "-q", "-v", "ON_ERROR_STOP=1", pg_url]
            self.admin("DROP DATABASE IF EXISTS {name}", check=True)
            self.admin("CREATE DATABASE {name}", check=True)
            self.url = urllib.parse.urlunsplit(urllib.parse.urlsplit(pg_url)._replace(path=f"/{self.name}"))

    def admin(self, sql: str, check: bool) -> None:
        quiet = {**os.environ, "PGOPTIONS": "-c client_min_messages=warning"}
        subprocess.run(self.psql_admin + ["-c", sql.format(name=self.name)], env=quiet, check=check)

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "MFX_DATABASE_URL": self.url,
            "MFX_DATA_DIR": str(self.dir),
            "MFX_JWT_SECRET": SECRET,
            "MFX_LOG": "warn",
            "MFX_PUBLIC_URL": "http://127.0.0.1",
        }
        env.update(extra)
        return env

    def run(self, binary: Path, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run([str(binary), *args], env=self.env(), input=stdin, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"mfx {' '.join(args)} failed: {done.stderr.strip() or done.stdout.strip()}")
        return done.stdout.strip()

    def seed_keys(self) -> dict[str, str]:
        """Document id → the demo's seed key."""
        sql = "SELECT id, seed_key FROM documents WHERE seed_key IS NOT NULL"
        if self.backend == "sqlite":
            with sqlite3.connect(self.dir / "mfx.db") as conn:
                rows = conn.execute(sql).fetchall()
        else:
            out = subprocess.run(
                ["psql", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", self.url, "-c", sql],
                check=True, capture_output=True, text=True,
            )
            rows = [line.split("\t") for line in out.stdout.splitlines() if line]
        return {str(id_).lower(): key for id_, key in rows}

    def drop(self) -> None:
        if self.backend == "postgres":
            self.admin("DROP DATABASE IF EXISTS {name}", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


def search(server: Server, query: dict, token: str | None) -> list[str]:
    params = urllib.parse.urlencode({"q": query["q"], "lang": query["lang"], "limit": DEPTH})
    status, body = server.get(f"/api/v1/search?{params}", token)
    if status != 200:
        raise SystemExit(f"{query['id']}: GET /api/v1/search answered {status}: {body[:300]!r}")
    return [item["document"]["id"].lower() for item in json.loads(body)["items"]]


def score(relevant: list[str], found: list[str]) -> tuple[float, float]:
    """recall@5 and reciprocal rank (within the first DEPTH results) of one query."""
    recall = len(set(found[:5]) & set(relevant)) / len(relevant)
    rank = next((i + 1 for i, key in enumerate(found[:DEPTH]) if key in relevant), None)
    return recall, (1 / rank if rank else 0.0)


def summary(rows: list[dict], group: str) -> list[tuple[str, int, float, float]]:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        for name in row[group] if isinstance(row[group], list) else [row[group]]:
            groups.setdefault(name, []).append(row)
    out = []
    for name, members in groups.items():
        n = len(members)
        out.append((name, n, sum(r["recall"] for r in members) / n, sum(r["rr"] for r in members) / n))
    return out


def evaluate(binary: Path, backend: str, pg_url: str | None, queries: list[dict]) -> list[dict]:
    db = DemoDatabase(backend, pg_url)
    server = None
    try:
        started = time.monotonic()
        # The first run on a new database also prints the administrator's one-time password.
        seeded = db.run(binary, "seed-demo").splitlines()
        print(next((line for line in seeded if line.startswith("Demo content")), ""), file=sys.stderr)
        if any(q.get("reader") == "member" for q in queries):
            db.run(binary, "user", "add", "--email", MEMBER_EMAIL, "--partner", MEMBER_PARTNER, "--role", "viewer",
                   "--password-stdin", stdin=PASSWORD + "\n")
        keys = db.seed_keys()
        print(f"{backend}: demo loaded in {time.monotonic() - started:.1f} s, {len(keys)} documents", file=sys.stderr)
        server = Server(binary, db)
        member = server.sign_in(MEMBER_EMAIL) if any(q.get("reader") == "member" for q in queries) else None
        rows = []
        for query in queries:
            token = member if query.get("reader") == "member" else None
            found = [keys.get(id_, f"(no seed key: {id_})") for id_ in search(server, query, token)]
            recall, rr = score(query["relevant"], found)
            rows.append({**query, "found": found, "recall": recall, "rr": rr})
        return rows
    finally:
        if server is not None:
            server.stop()
        db.drop()


def report(backend: str, binary: Path, rows: list[dict]) -> None:
    print(f"\n### {backend}: {len(rows)} queries, {binary}\n")
    print("| | queries | recall@5 | MRR |")
    print("|---|---:|---:|---:|")
    for name, n, recall, mrr in summary(rows, "lang"):
        print(f"| {name} | {n} | {recall:.2f} | {mrr:.2f} |")
    overall = summary([{**r, "all": "all"} for r in rows], "all")[0]
    print(f"| **all** | {overall[1]} | **{overall[2]:.2f}** | **{overall[3]:.2f}** |")
    print("\nper kind of query (a query may be of several kinds)\n")
    print("| kind | queries | recall@5 | MRR |")
    print("|---|---:|---:|---:|")
    for name, n, recall, mrr in sorted(summary(rows, "kinds")):
        print(f"| {name} | {n} | {recall:.2f} | {mrr:.2f} |")
    missed = [r for r in rows if r["recall"] == 0]
    print(f"\nqueries whose first five results hold none of their documents: {len(missed)}\n")
    for r in missed:
        later = f"; first judged one at rank {round(1 / r['rr'])}" if r["rr"] else ""
        got = ", ".join(r["found"][:5]) or "nothing"
        print(f"- {r['id']} {r['q']!r}: wanted {', '.join(r['relevant'])}; got {got}{later}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=str(ROOT / "target" / "debug" / "mfx"), help="the mfx binary")
    parser.add_argument("--postgres", metavar="URL",
                        help="run on PostgreSQL: a server URL whose user may create databases")
    parser.add_argument("--queries", default=str(QUERIES))
    parser.add_argument("--lang", help="only the queries of these languages, comma-separated")
    parser.add_argument("--json", metavar="FILE", help="also write every query's results and scores here")
    args = parser.parse_args()
    binary = Path(args.bin)
    if not binary.exists():
        raise SystemExit(f"{binary} does not exist (cargo build -p mfx-api)")
    if args.postgres and not shutil.which("psql"):
        raise SystemExit("psql is needed (Debian: apt-get install postgresql-client)")
    queries = json.loads(Path(args.queries).read_text())["queries"]
    if args.lang:
        queries = [q for q in queries if q["lang"] in args.lang.split(",")]
    backend = "postgres" if args.postgres else "sqlite"
    rows = evaluate(binary, backend, args.postgres, queries)
    report(backend, binary, rows)
    if args.json:
        Path(args.json).write_text(json.dumps({"backend": backend, "queries": rows}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
