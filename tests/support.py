"""Paths to ../shared and small texts written for the tests (importable as ``support``)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "trump-pakistan-letter"
DATA = SHARED / "data"

needs_shared = pytest.mark.skipif(not EXAMPLE.is_dir(), reason="../shared/examples is not present")
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not present")


def outputs_under_hash_seeds(script: str, seeds: tuple[str, ...] = ("0", "1", "2")) -> set[str]:
    """The distinct standard outputs of ``python -c script`` run once under each ``PYTHONHASHSEED``: one output
    means that nothing it prints follows the order of a set or a dict of strings."""
    outs = set()
    for seed in seeds:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        outs.add(done.stdout)
    return outs


# Three short articles about one invented event, written for these tests.
HARBOR = [
    (
        "The city council of Lindenfeld voted on Tuesday to close the old harbor to freight ships. "
        "The vote passed by seven votes to two after a long debate. "
        "Mayor Ruth Kessler said the decision would make the waterfront safer for residents. "
        "Freight companies will have until March to move their operations to the new port."
    ),
    (
        "Lindenfeld's council voted on Tuesday to close the old harbor to freight traffic. "
        "Councillors approved the plan by seven votes to two. "
        "Shipping firms must move to the new port by March, officials said. "
        "Local fishermen welcomed the decision, saying the harbor had become crowded."
    ),
    (
        "Freight ships will no longer be allowed in Lindenfeld's old harbor after a council vote on Tuesday. "
        "Mayor Ruth Kessler said the waterfront would be safer for the people who live there. "
        "The new port, opened two years ago, has room for twice as many ships. "
        "Critics said the move would cost jobs in the old town."
    ),
]



# A storm at an invented port, told by three outlets (the concept and coverage baselines' tests).
PORT_AVERY = [
    "Storm winds toppled the harbour crane in Port Avery on Tuesday morning. "
    "Dock workers cleared broken glass from the ferry terminal for hours. "
    "The ferry terminal reopened on Wednesday after the clean-up crews finished.",
    "The harbour crane in Port Avery fell during storm winds on Tuesday. "
    "Fishing boats stayed tied up along the northern quay all week. "
    "Ferry passengers waited at the terminal while dock workers cleared the glass.",
    "Port Avery lost its harbour crane to storm winds early on Tuesday. "
    "A local bakery handed out free bread to stranded ferry passengers. "
    "Fishing boats stayed in port along the northern quay until the winds dropped.",
]


# The reference summary of the toy evaluation sets below (HARBOR's story).
HARBOR_REF = "Lindenfeld's council voted on Tuesday to close the old harbor to freight ships."


def toy_eval_jsonl(folder: Path) -> Path:
    """A two-cluster dataset in the ``../shared/data`` schema: ``harbor`` (the HARBOR texts, one reference) and
    ``harbor-2`` (all but the first, two references)."""
    import json

    path = folder / "toy.jsonl"
    rows = [
        {"id": "harbor", "documents": HARBOR, "summaries": [HARBOR_REF]},
        {"id": "harbor-2", "documents": HARBOR[1:], "summaries": [HARBOR_REF, "Ships must move by March."]},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def duc_beside_models(folder: Path, reference: str) -> tuple[Path, Path]:
    """A DUC documents directory (cluster ``d30001t`` of the HARBOR texts) with its one model summary,
    ``reference``, in ``models/`` beside it, where ``storyline eval`` finds it without --references."""
    docs, models = folder / "docs", folder / "models"
    (docs / "d30001t").mkdir(parents=True)
    (docs / "d30001t" / "APW19981001.0001").write_text(
        "".join(f"<DOC><DOCNO>APW{k}</DOCNO><TEXT>{t}</TEXT></DOC>\n" for k, t in enumerate(HARBOR, 1)),
        encoding="utf-8")
    models.mkdir()
    (models / "D30001.M.100.T.A").write_text(reference + "\n", encoding="utf-8")
    return docs, models


# Invented training clusters (``make train``'s input schema) for the training and fresh-clusters tests: three
# articles on one event in one town, the first naming it in its lead, each with three sentences of filler.
TOY_TOWNS = ["Brackley", "Tunmore", "Ashgrove", "Pellham", "Corrin", "Dunmere"]
TOY_EVENTS = ["a warehouse fire", "a flooded tunnel", "a power cut", "a bridge collapse", "a burst water main"]
TOY_FILLER = [
    "Local shops said business was slow all week.",
    "A school concert went ahead as planned in the evening.",
    "The weather is expected to stay mild through the weekend.",
    "Volunteers painted the community hall on Saturday morning.",
    "The library extended its opening hours for the exam season.",
]


def toy_training_cluster(k: int, rng: random.Random, *, numbered: bool) -> dict[str, object]:
    """Training cluster ``toy_{k}``; its reference names the event and the town, and with ``numbered`` begins
    "Case k:" so that no two references are alike (without it, clusters of one town and event share one)."""
    town, event = rng.choice(TOY_TOWNS), rng.choice(TOY_EVENTS)
    docs = []
    for j in range(3):
        first = (f"Officials in {town} said {event} closed the town centre on Monday." if j == 0
                 else f"On Monday {event} closed the centre of {town}, officials said.")
        docs.append(" ".join([first, *rng.sample(TOY_FILLER, 3)]))
    told = f"{event} shut {town} on Monday."
    summary = f"Case {k}: {told}" if numbered else told[0].upper() + told[1:]
    return {"id": f"toy_{k}", "documents": docs, "summaries": [summary]}


# A wire story of a ferry aground and another outlet's own report of it: tests trim or edit copies of the wire story.
FERRY_WIRE = [
    "The ferry Morning Tern ran aground off Gullsby island early on Friday with 212 passengers on board.",
    "Nobody was hurt, and all the passengers were taken ashore by lifeboat within three hours.",
    "The ferry's owner, Brightwater Lines, said a steering fault was the most likely cause.",
    "Divers inspected the hull on Friday afternoon and found a long gash below the waterline.",
    "The Gullsby harbour master said the channel would stay closed to large ships until the ferry was moved.",
    "Salvage crews hope to refloat the ship at high tide on Sunday, a spokeswoman for the owner said.",
]
FERRY_OTHER = (
    "Lifeboat crews from three stations worked through the night off Gullsby. Salvage crews hope to refloat the "
    "stranded ferry at Sunday's high tide, the owner's spokeswoman said. The island's mayor thanked the volunteers."
)


def python_steps_in(module_file: str, work: Callable[[], object]) -> int:
    """How many lines of ``module_file`` (a path's end, "analysis/timeline.py") ``work()`` runs, each turn of a
    loop counted, a comprehension's too: the work a function does, counted, where a test that times it would time
    the machine (see test_suite_rules.py)."""
    count = 0

    def local(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):  # type: ignore[no-untyped-def]
        return local if frame.f_code.co_filename.endswith(module_file) else None

    sys.settrace(calls)
    try:
        work()
    finally:
        sys.settrace(None)
    return count
