"""``make bench-web``: load on the web server, from another process, on loopback.

1. Starts ``storyline serve`` as its own process with a temporary database and stores the sample story.
2. Reads: the story page and ``GET /api/stories/{id}`` under closed-loop load, with ``wrk`` when installed
   (``scripts/setup-browser.sh`` installs it) or else the bounded Python generator in ``loadgen.py``:
   requests/s, p50/p99 latency, errors (must be zero).
3. A burst: 50 stories submitted at once while the story is being read; all must be stored (none lost),
   with the time to drain the queue and the read latency meanwhile.

Writes ``benchmarks/web_results.md`` (atomically).
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import storyline  # noqa: E402
from storyline.files import write_atomic  # noqa: E402

SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
STORIES = int(os.environ.get("BENCH_STORIES", "50"))
LOADGEN = Path(__file__).with_name("loadgen.py")
LAUNCH = "import sys; from storyline.cli import main; sys.argv[0] = 'storyline'; main()"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    log = open(db.with_suffix(".log"), "wb")  # noqa: SIM115  (closed with the process)
    proc = subprocess.Popen([sys.executable, "-c", LAUNCH, "serve", "--port", str(port), "--db", str(db),
                             "--log-level", "warning"], stdout=log, stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("bench-web: the server did not start")


def _ms(value: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s)", value)
    if not m:
        return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]


def run_wrk(url: str) -> dict:
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{int(SECONDS)}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"tool": "wrk", "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50_ms": _ms(lat.get("50", "")), "p99_ms": _ms(lat.get("99", "")),
            "errors": errors + (int(non2xx.group(1)) if non2xx else 0)}


def run_python(url: str) -> dict:
    out = subprocess.run([sys.executable, str(LOADGEN), "read", url, "--seconds", str(SECONDS),
                          "--concurrency", str(CONNECTIONS)], capture_output=True, text=True, check=True).stdout
    return {"tool": "python loadgen (httpx/asyncio)", **json.loads(out)}


def main(argv: list[str] | None = None) -> None:
    import argparse

    argparse.ArgumentParser(
        description="Load test of the web server (make bench-web): reads under load and a burst of stories; "
        "writes benchmarks/web_results.md.",
        epilog="Settings from the environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (16), BENCH_STORIES (50).",
    ).parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="storyline-bench-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    articles = [{"text": p.read_text(encoding="utf-8"), "html": False} for p in storyline.sample_paths()]
    articles = [{"text": a["text"]} for a in articles]
    (tmp / "articles.json").write_text(json.dumps(articles), encoding="utf-8")
    load_before = os.getloadavg()
    server = start_server(tmp / "stories.sqlite3", port)
    try:
        t = time.perf_counter()
        made = httpx.post(base + "/api/stories", json={"articles": articles, "words": 120}, timeout=300)
        made.raise_for_status()
        first_s = time.perf_counter() - t
        sid = made.json()["id"]
        tool = run_wrk if shutil.which("wrk") else run_python
        reads = {}
        for name, path in (("story page (HTML)", f"/stories/{sid}"), ("GET /api/stories/{id}", f"/api/stories/{sid}")):
            httpx.get(base + path).raise_for_status()
            reads[name] = tool(base + path)
            print(f"bench-web: {name}: {reads[name]['rps']:.0f} req/s, p50 {reads[name]['p50_ms']:.1f} ms, "
                  f"p99 {reads[name]['p99_ms']:.1f} ms, errors {reads[name]['errors']}", file=sys.stderr)
        out = subprocess.run([sys.executable, str(LOADGEN), "burst", base, "--stories", str(STORIES),
                              "--read", f"{base}/api/stories/{sid}", "--articles", str(tmp / "articles.json")],
                             capture_output=True, text=True, check=True).stdout
        burst = json.loads(out)
        listing = httpx.get(base + "/api/stories", params={"limit": 100}).json()
        stored_ids = {s["id"] for s in listing["stories"]}
        burst["stored"] = listing["total"] - 1
        burst["all_stored"] = set(burst.pop("ids")) <= stored_ids and burst["stored"] == STORIES
        print(f"bench-web: burst of {STORIES}: statuses {burst['statuses']}, stored {burst['stored']}, "
              f"drained in {burst['drain_s']:.1f} s", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=60)
    report(reads, burst, first_s, load_before)


def report(reads: dict, burst: dict, first_s: float, load: tuple[float, float, float]) -> None:
    lines = [
        "# Web server load test",
        "",
        "Written by `make bench-web` (`benchmarks/web/bench.py`): `storyline serve` in its own process on loopback",
        f"(default settings: {max(1, min(4, (os.cpu_count() or 2) - 1))} summarization worker process(es)), the load",
        "generator in another process. Absolute figures depend on the machine and on what else runs on it.",
        "",
        f"- Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"load average before the run {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min)",
        f"- Story: the sample cluster ({len(storyline.sample_paths())} articles, 120 words); "
        f"first submission answered in {first_s:.2f} s",
        f"- Reads: {CONNECTIONS} connections for {SECONDS:.0f} s each",
        "",
        "## Reads",
        "",
        "| endpoint | tool | requests | requests/s | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in reads.items():
        lines.append(f"| {name} | {r['tool']} | {r['requests']} | {r['rps']:.0f} | {r['p50_ms']:.1f} | "
                     f"{r['p99_ms']:.1f} | {r['errors']} |")
    lines += [
        "",
        f"## Burst: {burst['submitted']} stories submitted at once",
        "",
        f"- Answers: {', '.join(f'{n} × {s}' for s, n in sorted(burst['statuses'].items()))}; "
        f"distinct ids {burst['distinct_ids']}; stored {burst['stored']} — "
        f"{'all stored, none lost' if burst['all_stored'] else 'SOME MISSING'}",
        f"- Time to drain the queue: {burst['drain_s']:.1f} s (first story done after {burst['first_done_s']:.1f} s, "
        f"median {burst['median_done_s']:.1f} s)",
        f"- Reads of `GET /api/stories/{{id}}` meanwhile: {burst['reads_during']} requests, "
        f"p50 {burst['read_p50_ms']:.1f} ms, p99 {burst['read_p99_ms']:.1f} ms, errors {burst['read_errors']}",
        "",
    ]
    write_atomic(ROOT / "benchmarks" / "web_results.md", "\n".join(lines))
    print((ROOT / "benchmarks" / "web_results.md").read_text())
    errors = sum(r["errors"] for r in reads.values()) + burst["read_errors"]
    if errors or not burst["all_stored"]:
        raise SystemExit("bench-web: errors or lost stories (see above)")


if __name__ == "__main__":
    main()
