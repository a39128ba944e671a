"""Reading large saved news pages: milliseconds per page of ``ingest.article_from_html`` on generated pages.

    python benchmarks/html_pages.py write DIR             # the pages, into DIR (to read them with the CLI too)
    python benchmarks/html_pages.py time [--repeat 3]     # CPU ms per page, each page read ``--repeat`` times
    python benchmarks/html_pages.py profile --size 2000   # cProfile of reading one page, the top 25 functions

Saved news pages run from 0.3 to 2 MB and the web accepts pages of up to 5 MB; most of that is not the story. Each
page here is made up (seeded, no dataset text): a 1,500-word story in an ``<article>`` with its byline, ``<time>``
and JSON-LD, inside a site's frame of a navigation menu of a few hundred links, inline ``<style>`` and ``<script>``
blocks (a framework's state as JSON), a "Related" box and a comment thread whose items carry ``<time>``s, and
below the story the padding that makes a page large: rows of teaser cards in nested ``<div>``s with inline styles,
``<svg>`` icons, advertisement slots with their scripts, and HTML comments. ``--size`` is the page's size in kB;
``--live`` prints the story as a live blog, its entries stamped with ``<time>``s, newest first.
Compare versions by running this with each version's ``src`` first on ``PYTHONPATH``, turn about (the figures
depend on the machine and on what else runs on it).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

from storyline.ingest import article_from_html

SIZES_KB = (300, 1000, 2000, 5000)
_WORDS = (
    "council harbour bridge flood engineers residents ferry crossing inspection report mayor budget weather storm "
    "river repairs closure traffic schools district officials warning contractors evening morning week month plan "
    "vote meeting survey water level roads police statement emergency services families shelter volunteers"
).split()
_NAMES = ("Ines Farrow", "Tom Reed", "Mara Ellison", "Owen Dunn", "Lea Brandt", "Sam Reed", "Karen Osei")


def _sentence(rng: random.Random, words: int) -> str:
    body = " ".join(rng.choice(_WORDS) for _ in range(words - 1))
    return f"{rng.choice(_NAMES).split()[0]} {body}."


def _story(rng: random.Random, words: int = 1500) -> list[str]:
    """Paragraphs of made-up sentences, ``words`` words in all."""
    paragraphs, left = [], words
    while left > 0:
        n = min(left, rng.randint(40, 70))
        sentences, taken = [], 0
        while taken < n:
            k = min(n - taken, rng.randint(12, 24))
            sentences.append(_sentence(rng, max(k, 2)))
            taken += max(k, 2)
        paragraphs.append(" ".join(sentences))
        left -= taken
    return paragraphs


def _style(rng: random.Random) -> str:
    return (f"margin:{rng.randint(0, 24)}px {rng.randint(0, 24)}px;padding:{rng.randint(0, 16)}px;"
            f"color:#{rng.randrange(16**6):06x};font-size:{rng.randint(11, 20)}px")


def _svg(rng: random.Random) -> str:
    points = " ".join(f"L{rng.randint(0, 24)} {rng.randint(0, 24)}" for _ in range(12))
    return f'<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M0 0 {points} Z"/></svg>'


def _card(rng: random.Random, k: int, depth: int) -> str:
    """A teaser card of the page's padding: a linked headline and a line, in ``depth`` nested ``<div>``s."""
    inner = (f'<a href="/news/2026/03/{k}-story" class="card__link">{_sentence(rng, 8)[:-1]}</a>'
             f'<p class="card__dek" style="{_style(rng)}">{_sentence(rng, 14)}</p>{_svg(rng)}')
    for level in range(depth):
        grid = rng.randint(1, 12)
        inner = f'<div class="card__l{level} grid-{grid}" style="{_style(rng)}" data-k="{k}">{inner}</div>'
    return inner


def _ad(rng: random.Random, k: int) -> str:
    blob = json.dumps({"slot": k, "sizes": [[300, 250], [728, 90]], "targeting": {"kw": rng.sample(_WORDS, 6)}})
    return (f'<!-- ad slot {k} --><div class="ad-slot" id="ad-{k}" style="{_style(rng)}">'
            f'<script>window.ads=window.ads||[];window.ads.push({blob});</script></div>')


def page(size_kb: int, seed: int = 0, *, live: bool = False) -> str:
    """A news page of about ``size_kb`` kB (see the module's docstring); ``live``: a live blog, its story in
    entries stamped with ``<time>``s, newest first."""
    rng = random.Random(seed)
    story = _story(rng)
    nav = "".join(f'<li class="nav__item"><a href="/section/{k}" style="{_style(rng)}">'
                  f"{rng.choice(_WORDS).title()}</a></li>" for k in range(300))
    state = json.dumps({"articles": [{"id": k, "headline": _sentence(rng, 10), "tags": rng.sample(_WORDS, 5)}
                                     for k in range(200)]})
    css = "".join(f".c{k}{{{_style(rng)}}}\n" for k in range(400))
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "Harbour bridge shut after flood", "datePublished": "2026-03-18T09:30:00+00:00",
                     "author": {"@type": "Person", "name": "Ines Farrow"}})
    body = []
    for k, p in enumerate(story):
        if live:
            minute = 600 + 7 * (len(story) - k)
            clock = f"{minute // 60:02d}:{minute % 60:02d}"
            body.append(f'<div class="live-entry"><time datetime="2026-03-18T{clock}:00+00:00">{clock}</time>'
                        f'<p class="article__para">{p}</p></div>')
        else:
            body.append(f'<p class="article__para">{p}</p>')
        if k % 6 == 5:
            body.append(_ad(rng, k))
    related = "".join(f'<li class="related__item"><a href="/news/{k}">{_sentence(rng, 9)[:-1]}</a>'
                      f'<time datetime="2026-02-{k % 27 + 1:02d}T08:00:00+00:00">Feb {k % 27 + 1}</time></li>'
                      for k in range(20))
    comments = "".join(f'<div class="comment" id="c{k}"><div class="comment__meta">'
                       f'<span class="author">reader{k}</span>'
                       f'<time datetime="2026-03-{k % 10 + 18:02d}T{k % 24:02d}:{k % 60:02d}:00+00:00">'
                       f"{k % 24:02d}:{k % 60:02d}</time></div><p>{_sentence(rng, 20)}</p></div>"
                       for k in range(60))
    head = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Harbour bridge shut after flood | "
            f"Brellin Courier</title><meta property=\"og:title\" content=\"Harbour bridge shut after flood\">"
            f"<meta property=\"og:site_name\" content=\"Brellin Courier\">"
            f"<meta name=\"author\" content=\"Ines Farrow\">"
            f"<link rel=\"canonical\" href=\"https://courier.example/news/2026/03/18/harbour-bridge\">"
            f"<style>{css}</style><script type=\"application/ld+json\">{ld}</script>"
            f"<script>window.__STATE__={state};</script></head>")
    top = (f'<body class="page page--article"><!-- header --><header class="site-header"><a href="/" class="logo">'
           f'Brellin Courier</a><nav class="main-nav"><ul>{nav}</ul></nav></header>'
           f'<main class="layout"><article class="article"><h1>Harbour bridge shut after flood</h1>'
           f'<div class="byline">By <span class="author">Ines Farrow</span> '
           f'<time datetime="2026-03-18T09:30:00+00:00" class="published">18 March 2026</time></div>'
           f'<div class="article__body">{"".join(body)}</div></article>'
           f'<aside class="sidebar"><h2>Related</h2><ul>{related}</ul></aside>'
           f'<section class="comments"><h2>Comments</h2>{comments}</section>')
    tail = ('</main><footer class="site-footer"><p>© 2026 Brellin Courier. All rights reserved.</p></footer>'
            "</body></html>")
    parts, size, k = [head, top], len(head) + len(top) + len(tail), 0
    padding = ['<div class="more-stories">']
    while size < size_kb * 1000:
        piece = _card(rng, k, depth=rng.randint(3, 9)) if k % 7 else _ad(rng, k)
        if k % 25 == 0:
            piece += f"<!-- row {k}: {_sentence(rng, 10)} -->"
        padding.append(piece)
        size += len(piece)
        k += 1
    padding.append("</div>")
    return "".join(parts + padding) + tail


def _time_pages(sizes: tuple[int, ...], repeat: int, live: bool) -> None:
    for size in sizes:
        html = page(size, live=live)
        article_from_html(html, id="warm")  # imports and caches: not part of a page's reading
        runs = []
        for _ in range(repeat):
            start = time.process_time()
            article = article_from_html(html, id="p")
            runs.append((time.process_time() - start) * 1000)
        print(f"{len(html) / 1e6:5.2f} MB  {statistics.median(runs):8.1f} CPU ms/page (median of {repeat}; "
              f"min {min(runs):.1f})  {len(article.text.split())} words")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("write", "time", "profile"))
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--size", type=int, action="append", help="the page's size in kB (repeatable)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--live", action="store_true", help="a live blog's page")
    args = parser.parse_args()
    sizes = tuple(args.size or SIZES_KB)
    if args.command == "write":
        if args.folder is None:
            parser.error("write needs a folder")
        args.folder.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            (args.folder / f"page-{size}kb.html").write_text(page(size, live=args.live), encoding="utf-8")
    elif args.command == "time":
        _time_pages(sizes, args.repeat, args.live)
    else:
        html = page(sizes[0], live=args.live)
        article_from_html(html, id="warm")
        profiler = cProfile.Profile()
        profiler.runcall(article_from_html, html, id="p")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
