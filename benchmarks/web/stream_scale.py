"""The server's stream at scale (``web.stream``): a store filled with N articles, then each operation timed.

    python benchmarks/web/stream_scale.py prepare DIR [--articles 20000]
    python benchmarks/web/stream_scale.py run DIR --articles N [--label now] [--record benchmarks/stream_scale.jsonl]
    python benchmarks/web/stream_scale.py table [--record benchmarks/stream_scale.jsonl]

``prepare`` cleans the articles of Multi-News val, then train (``../shared/data/multinews``), as a post to
``/api/articles`` cleans them, in file order, until ``--articles``, into ``DIR/articles.jsonl``. ``run`` makes a
stream database in a temporary folder under ``DIR`` and, with the server's settings (a background save due every
1,000 articles once 5 minutes have passed), posts the first N - 200 articles, saves the grouper's state (as a
server that has run a while has one in the store), posts 180 more, then times: 20 posts one by one (median and
longest), the first page of the stories listing (``Store.stream_stories``, median of 5), removing the latest
article, correcting the second-latest (a sentence added), correcting the 500th-latest (one the saved state
holds), removing an early one (the 10th stored), the save when the server stops, the start from the saved state,
and removing the latest article after that start (each after any background save has ended). It
prints one JSON line (and appends it to ``--record``): the times, the articles a change or the start put back
one by one, the process's memory after the posts and at its peak. ``table`` writes
``benchmarks/stream_scale_results.md`` from the recorded runs. To compare two versions, run each with its
``src`` first on ``PYTHONPATH`` and its own ``--label``. Figures depend on the machine and what else runs on it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.errors import StorylineError
from storyline.files import write_atomic
from storyline.model import Article
from storyline.web.jobs import clean_input
from storyline.web.store import Store
from storyline.web.stream import Stream

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "multinews"
RECORD = ROOT / "benchmarks" / "stream_scale.jsonl"
RESULTS = ROOT / "benchmarks" / "stream_scale_results.md"
SAVED_BEHIND = 200  # the articles posted after the state saved in the store, before the timed posts
POSTS = 20  # timed posts


def _documents() -> Iterator[str]:
    for name in ("val.jsonl.gz", "train.jsonl.gz"):
        with gzip.open(DATA / name, "rt", encoding="utf-8") as lines:
            for line in lines:
                yield from json.loads(line)["documents"]


def prepare(folder: Path, articles: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    started, kept = time.perf_counter(), 0
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
        for k, text in enumerate(_documents()):
            try:
                a = clean_input({"text": text, "origin": f"multinews {k}"}, f"{k}")
            except StorylineError:
                continue
            out.write(json.dumps({"text": a.text, "title": a.title, "source": a.source, "url": a.url,
                                  "date": a.date, "date_line": a.date_line}) + "\n")
            kept += 1
            if kept == articles:
                break
    print(f"{kept} articles cleaned in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _article(a: dict[str, Any]) -> Article:
    return Article(id="0", text=a["text"], title=a["title"], source=a["source"], url=a["url"], date=a["date"],
                   date_line=a.get("date_line") or "")


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _settled(stream: Stream) -> None:
    """Wait for a background save that a change started (the next change would wait for it)."""
    if stream._saver is not None:
        stream._saver.join()


def _timed(call: Any, *args: Any) -> tuple[Any, float]:
    t = time.perf_counter()
    out = call(*args)
    return out, time.perf_counter() - t


def run(folder: Path, n: int, label: str) -> dict[str, Any]:
    articles = []
    with open(folder / "articles.jsonl", encoding="utf-8") as lines:
        for line in lines:
            articles.append(json.loads(line))
            if len(articles) == n:
                break
    if len(articles) < n:
        raise SystemExit(f"{folder / 'articles.jsonl'} holds {len(articles)} articles: prepare more")
    out: dict[str, Any] = {"label": label, "articles": n, "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                           "load": [round(x, 1) for x in os.getloadavg()]}
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        store = Store(Path(tmp) / "stream.sqlite3")
        stream = Stream(store)
        t = time.perf_counter()
        for a in articles[: n - SAVED_BEHIND]:
            stream.post(_article(a))
        stream.save()
        for a in articles[n - SAVED_BEHIND: n - POSTS]:
            stream.post(_article(a))
        out["fill_s"] = round(time.perf_counter() - t, 1)
        waits = []
        for a in articles[n - POSTS:]:
            waits.append(_timed(stream.post, _article(a))[1])
        out["post_ms"] = round(1000 * statistics.median(waits), 1)
        out["post_max_ms"] = round(1000 * max(waits), 1)
        out["rss_mb"] = round(_rss_mb())
        out["list_ms"] = round(1000 * statistics.median(_timed(store.stream_stories)[1] for _ in range(5)), 1)
        rows = store.stream_articles()
        out["remove_latest_s"] = round(_timed(stream.remove, rows[-1].id)[1], 2)
        out["remove_latest_restored"] = stream.restored
        second = rows[-2]
        fix = _article({**articles[-2], "text": second.text + " This article was corrected on Tuesday."})
        out["correct_second_latest_s"] = round(_timed(stream.correct, second.id, fix)[1], 2)
        out["correct_restored"] = stream.restored
        _settled(stream)
        older = rows[-500]
        fix = _article({**articles[-500], "text": older.text + " This article was corrected on Tuesday."})
        out["correct_500th_latest_s"] = round(_timed(stream.correct, older.id, fix)[1], 2)
        out["correct_500th_restored"] = stream.restored
        _settled(stream)
        out["remove_early_s"] = round(_timed(stream.remove, rows[9].id)[1], 2)
        out["remove_early_restored"] = stream.restored
        _settled(stream)
        out["save_at_stop_s"] = round(_timed(stream.close)[1], 2)
        restarted, out["start_s"] = _timed(Stream, store)
        out["start_s"] = round(out["start_s"], 2)
        out["start_restored"] = restarted.restored
        latest = store.stream_articles()[-1].id
        out["remove_latest_after_start_s"] = round(_timed(restarted.remove, latest)[1], 2)
        out["remove_latest_after_start_restored"] = restarted.restored
        out["stories"] = store.stream_story_count()
        restarted.close()
    out["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3)
    return out


COLUMNS = [
    ("post_ms", "post (median / longest ms)"), ("list_ms", "list stories (ms)"),
    ("remove_latest_s", "remove latest (s)"), ("correct_second_latest_s", "correct second-latest (s)"),
    ("correct_500th_latest_s", "correct 500th-latest (s)"),
    ("remove_early_s", "remove 10th (s)"), ("save_at_stop_s", "save at stop (s)"), ("start_s", "start (s)"),
    ("remove_latest_after_start_s", "remove latest after start (s)"), ("rss_mb", "memory after posts / peak (MB)"),
]


def _cell(r: dict[str, Any], key: str) -> str:
    if key == "post_ms":
        return f"{r['post_ms']} / {r['post_max_ms']}"
    if key == "rss_mb":
        return f"{r['rss_mb']} / {r['max_rss_mb']}"
    restored = {"remove_latest_s": "remove_latest_restored", "correct_second_latest_s": "correct_restored",
                "correct_500th_latest_s": "correct_500th_restored", "remove_early_s": "remove_early_restored",
                "start_s": "start_restored",
                "remove_latest_after_start_s": "remove_latest_after_start_restored"}.get(key)
    return f"{r[key]} ({r[restored]:,})" if restored else str(r[key])


def table(record: Path) -> None:
    runs = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = [
        "# The server's stream at scale",
        "",
        "Written by `python benchmarks/web/stream_scale.py table` from the runs recorded in "
        f"`benchmarks/{record.name}` (`benchmarks/web/stream_scale.py run`; see its docstring and "
        "[docs/benchmarks.md](../docs/benchmarks.md#the-servers-stream-at-scale)). In brackets: the articles put "
        "back one by one. "
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, shared with "
        "other work (each run's load average is in the record). Absolute figures depend on the machine.",
        "",
        "| version | articles (stories) | fill (s) | " + " | ".join(title for _, title in COLUMNS) + " |",
        "|---|---|---|" + "---|" * len(COLUMNS),
    ]
    for r in sorted(runs, key=lambda r: (r["articles"], r["when"])):
        lines.append(f"| {r['label']} | {r['articles']:,} ({r['stories']:,}) | {r['fill_s']} | "
                     + " | ".join(_cell(r, key) for key, _ in COLUMNS) + " |")
    write_atomic(RESULTS, "\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("prepare", "run", "table"))
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--label", default="now")
    parser.add_argument("--record", type=Path, default=RECORD)
    args = parser.parse_args()
    if args.command == "table":
        table(args.record)
    elif args.folder is None:
        parser.error(f"{args.command} needs a folder")
    elif args.command == "prepare":
        prepare(args.folder, args.articles)
    else:
        result = run(args.folder, args.articles, args.label)
        print(json.dumps(result))
        with open(args.record, "a", encoding="utf-8") as f:
            f.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
