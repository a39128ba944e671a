"""How often a summary shows a quotation it does not carry whole: the counts behind the straight-mark figures of
``docs/usage.md`` ("Text output") and of the quotation rules in ``docs/method.md``.

    .venv/bin/python benchmarks/quote_marks.py original            # Multi-News dev_original, 300 words
    .venv/bin/python benchmarks/quote_marks.py val --n 300         # processed Multi-News val, its first 300 clusters
    .venv/bin/python benchmarks/quote_marks.py neus --method fast  # NeuS val, 60 words

Per set, for the summaries of one method (the default): the summary sentences with an odd number of straight
marks ("), the passages the text output shows (``render.passages``), those it opens with "… / “… (they begin
inside a quotation the summary does not open) and those it closes with …" / …” (they leave one open), and the
passages whose shown text still reads unbalanced (``quotemarks.balanced``; a nested quotation in double marks
counts there too). ``--show`` prints the passages shown with an ellipsis mark, to judge them by hand. Reads
``../shared/data`` (absent: the script says so and stops).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storyline import api
from storyline.errors import EmptyInputError
from storyline.evaluate.bench import BY_SHORT_NAME
from storyline.evaluate.datasets import load_eval_set
from storyline.options import SummarizeOptions
from storyline.quotemarks import balanced
from storyline.render import shown, summary_passages

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = {name: (b.file, b.words) for name, b in BY_SHORT_NAME.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set", choices=sorted(SETS))
    ap.add_argument("--n", type=int, default=None, help="the first N clusters of the file (default: all)")
    ap.add_argument("--method", default="default")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--show", action="store_true", help="print every passage shown with an ellipsis mark")
    args = ap.parse_args(argv)
    file, words = SETS[args.set]
    if not (args.data / file).is_file():
        print(f"{args.data / file}: not found (the datasets live in ../shared/data)", file=sys.stderr)
        return 2
    clusters = load_eval_set(args.data / file).clusters[: args.n]
    sentences = odd = passages = opened = left = unbalanced = 0
    for c in clusters:
        try:
            summary = api.summarize_documents(c, SummarizeOptions(words=words, method=args.method, strict=False))
        except EmptyInputError:
            continue
        texts = [s.text for s in summary.sentences]
        keys = [s.articles for s in summary.sentences]
        sentences += len(texts)
        odd += sum(t.count('"') % 2 for t in texts)
        for p in summary_passages(summary):
            passages += 1
            opened += p.opened_before
            left += p.left_open
            text = " ".join(t for _, t, _ in shown(p, texts, keys))
            unbalanced += not balanced(text)
            if args.show and (p.opened_before or p.left_open):
                print(f"{c.id}: {text}")
    print(f"{args.set}, {len(clusters)} clusters, {words} words, {args.method}: {odd} of {sentences} summary sentences "
          f"with an odd number of straight marks; {passages} passages, {opened} shown opened with an ellipsis mark, "
          f"{left} closed with one, {unbalanced} unbalanced as shown")
    return 0


if __name__ == "__main__":
    sys.exit(main())
