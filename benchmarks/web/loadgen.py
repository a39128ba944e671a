"""Load generator for ``make bench-web``, run as its own process (never inside the server).

    loadgen.py read URL --seconds 10 --concurrency 16     # closed-loop GETs (fallback when wrk is missing)
    loadgen.py burst BASE --stories 50 --read URL          # N submissions at once, reads measured meanwhile

Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

import httpx


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _reader(client: httpx.AsyncClient, url: str, stop: float, lat: list[float], errors: list[str]) -> None:
    while time.perf_counter() < stop:
        t = time.perf_counter()
        try:
            r = await client.get(url)
            if r.status_code != 200:
                errors.append(str(r.status_code))
        except httpx.HTTPError as exc:
            errors.append(type(exc).__name__)
        lat.append(time.perf_counter() - t)


async def read(url: str, seconds: float, concurrency: int) -> dict:
    lat: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        start = time.perf_counter()
        stop = start + seconds
        await asyncio.gather(*(_reader(client, url, stop, lat, errors) for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return {"requests": len(lat), "rps": len(lat) / elapsed, "p50_ms": percentile(lat, 0.5) * 1000,
            "p99_ms": percentile(lat, 0.99) * 1000, "errors": len(errors), "error_kinds": sorted(set(errors))}


async def burst(base: str, n: int, read_url: str, articles: list[dict]) -> dict:
    limits = httpx.Limits(max_connections=n + 8, max_keepalive_connections=n + 8)
    async with httpx.AsyncClient(limits=limits, timeout=httpx.Timeout(900, connect=30)) as client:
        bodies = [{"articles": articles[k % len(articles):] + articles[: k % len(articles)], "words": 80 + k}
                  for k in range(n)]
        done: list[float] = []
        start = time.perf_counter()

        async def submit(body: dict) -> httpx.Response:
            r = await client.post(base + "/api/stories", json=body)
            done.append(time.perf_counter() - start)
            return r

        lat: list[float] = []
        errors: list[str] = []
        posts = asyncio.gather(*(submit(b) for b in bodies))
        stop_reading = asyncio.Event()

        async def reads() -> None:
            while not stop_reading.is_set():
                await _reader(client, read_url, time.perf_counter() + 0.5, lat, errors)

        reader = asyncio.create_task(reads())
        responses = await posts
        drain = time.perf_counter() - start
        stop_reading.set()
        await reader
    statuses: dict[str, int] = {}
    for r in responses:
        statuses[str(r.status_code)] = statuses.get(str(r.status_code), 0) + 1
    ids = {r.json()["id"] for r in responses if r.status_code == 201}
    return {"submitted": n, "statuses": statuses, "distinct_ids": len(ids), "ids": sorted(ids),
            "drain_s": drain, "first_done_s": min(done), "median_done_s": statistics.median(done),
            "reads_during": len(lat), "read_p50_ms": percentile(lat, 0.5) * 1000,
            "read_p99_ms": percentile(lat, 0.99) * 1000, "read_errors": len(errors)}


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("read")
    r.add_argument("url")
    r.add_argument("--seconds", type=float, default=10)
    r.add_argument("--concurrency", type=int, default=16)
    b = sub.add_parser("burst")
    b.add_argument("base")
    b.add_argument("--stories", type=int, default=50)
    b.add_argument("--read", required=True)
    b.add_argument("--articles", type=Path, required=True, help="a JSON file: the article list to submit")
    args = ap.parse_args()
    if args.cmd == "read":
        out = asyncio.run(read(args.url, args.seconds, args.concurrency))
    else:
        arts = json.loads(args.articles.read_text(encoding="utf-8"))
        out = asyncio.run(burst(args.base, args.stories, args.read, arts))
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
