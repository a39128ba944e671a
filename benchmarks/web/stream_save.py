"""The server's stream under posts while its grouper's state is saved in the background (``web.stream``).

    python benchmarks/web/stream_save.py prepare DIR [--articles 14200] [--posts 2000]
    python benchmarks/web/stream_save.py run DIR [--threads 2] [--save-every 500]

``prepare`` cleans the articles of Multi-News val (``../shared/data/multinews/val.jsonl.gz``) as a post to
``/api/articles`` cleans them, in order, until ``--articles``; it stores all but the last ``--posts`` in a
stream database (``DIR/stream.sqlite3``, with its grouper's state saved) and keeps the last ones to post
(``DIR/posts.jsonl``). ``run`` copies that database, opens its stream (from the saved state) and posts the
kept articles from ``--threads`` threads, a background save due every ``--save-every`` articles; then saves
twice more, once timed (wall and CPU time of the saving thread) and once under ``tracemalloc``. It prints one
JSON line: the posts' waits (the longest, p50, p99, how many over 0.1 s), each background save's copy under the
lock and write (JSON, compression, database), the timed save, the peak memory the traced save allocated, the
saved state's size and the process's peak RSS. Figures depend on the machine and on what else runs on it. To
compare two versions, prepare with the older (a newer store schema is refused by an older storyline) and run
each with its ``src`` first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

from storyline.errors import StorylineError
from storyline.web.jobs import clean_input
from storyline.web.store import Store
from storyline.web.stream import Stream

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "multinews" / "val.jsonl.gz"


def prepare(folder: Path, articles: int, posts: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    cleaned: list[dict[str, Any]] = []
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        for line in lines:
            for k, text in enumerate(json.loads(line)["documents"]):
                try:
                    a = clean_input({"text": text, "origin": f"val {len(cleaned)}"}, f"{k}")
                except StorylineError:
                    continue
                cleaned.append({"text": a.text, "title": a.title, "source": a.source, "url": a.url, "date": a.date,
                                "origin": a.origin, "date_line": a.date_line})
                if len(cleaned) == articles:
                    break
            if len(cleaned) == articles:
                break
    stored, kept = cleaned[: len(cleaned) - posts], cleaned[len(cleaned) - posts:]
    db = folder / "stream.sqlite3"
    db.unlink(missing_ok=True)
    stream = Stream(Store(db), save_every=0)
    started = time.perf_counter()
    for a in stored:
        stream.post(_article(a))
    stream.save()
    (folder / "posts.jsonl").write_text("".join(json.dumps(a) + "\n" for a in kept), encoding="utf-8")
    print(f"{len(stored)} articles stored in {time.perf_counter() - started:.0f} s, {len(kept)} kept to post",
          file=sys.stderr)


def _article(a: dict[str, Any]) -> Any:
    from storyline.model import Article

    return Article(id="0", text=a["text"], title=a["title"], source=a["source"], url=a["url"], date=a["date"],
                   origin=a["origin"], date_line=a.get("date_line") or "")


def _state_bytes(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT length(CAST(state AS BLOB)) FROM stream_state").fetchone()[0])


def run(folder: Path, threads: int, save_every: int) -> dict[str, Any]:
    posts = [json.loads(line) for line in (folder / "posts.jsonl").read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        db = Path(tmp) / "stream.sqlite3"
        shutil.copy(folder / "stream.sqlite3", db)
        started = time.perf_counter()
        stream = Stream(Store(db), save_every=save_every, save_interval=0)
        opened = time.perf_counter() - started
        copies: list[float] = []
        writes: list[float] = []
        snapshot, write = stream._snapshot, stream._write

        def timed_snapshot() -> Any:
            t = time.perf_counter()
            try:
                return snapshot()
            finally:
                copies.append(time.perf_counter() - t)

        def timed_write(taken: Any) -> None:
            t = time.perf_counter()
            write(taken)
            if taken is not None:
                writes.append(time.perf_counter() - t)

        stream._snapshot, stream._write = timed_snapshot, timed_write  # type: ignore[method-assign]
        waits: list[float] = []
        queue = iter(posts)
        take = threading.Lock()

        def poster() -> None:
            while True:
                with take:
                    a = next(queue, None)
                if a is None:
                    return
                t = time.perf_counter()
                stream.post(_article(a))
                waits.append(time.perf_counter() - t)

        workers = [threading.Thread(target=poster) for _ in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        if stream._saver is not None:
            stream._saver.join()
        background = len(writes)
        stream.post(_article({**posts[0], "text": posts[0]["text"] + " Again."}))
        t, cpu = time.perf_counter(), time.thread_time()
        stream.save()
        timed, timed_cpu = time.perf_counter() - t, time.thread_time() - cpu
        stream.post(_article({**posts[1], "text": posts[1]["text"] + " Again."}))
        tracemalloc.start()
        stream.save()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        waits.sort()
        return {
            "articles": len(stream), "open_s": round(opened, 2), "posts": len(waits),
            "wait_max_s": round(waits[-1], 3), "wait_p50_ms": round(1000 * statistics.median(waits), 1),
            "wait_p99_ms": round(1000 * waits[int(0.99 * (len(waits) - 1))], 1),
            "waits_over_100ms": sum(w > 0.1 for w in waits),
            "background_saves": background,
            "copy_s": [round(c, 2) for c in copies[:background]],
            "write_s": [round(w, 2) for w in writes[:background]],
            "save_s": round(timed, 2), "save_cpu_s": round(timed_cpu, 2), "save_peak_mb": round(peak / 1e6, 1),
            "state_mb": round(_state_bytes(db) / 1e6, 1),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("prepare", "run"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=14_200)
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--save-every", type=int, default=500)
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.folder, args.articles, args.posts)
    else:
        print(json.dumps(run(args.folder, args.threads, args.save_every)))


if __name__ == "__main__":
    main()
