"""Generate the labelled analysis evaluation set (fictional stories, text written by the project).

    python benchmarks/analysis/make_set.py   # writes benchmarks/analysis/set.json (seeded, reproducible)

Each cluster reports one invented event in 3-6 short articles, with planted shared facts (varied
paraphrases), facts only one article has, conflicting figures / days / names in some clusters,
hedged or vague figures that are NOT conflicts in others, quotes in said-after, said-first,
said-before, split and pronoun forms plus unattributed ones, and relative dates against each
article's publication date. The gold labels are written from the generator's own choices (the
calendar date is chosen first and the phrase derived from it), never from the analyser's output.
The last 25% of clusters are the held-out split.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

SEED = 20261
N_CLUSTERS = 44
OUT = Path(__file__).with_name("set.json")

FIRST = "Ana Tomas Mira Colm Edda Idris Rosa Bram Nadia Oren Lise Pavel Ines Joss Talia Ruben Sela Hugo".split()
LAST = ("Marlow Quint Ferreday Oduya Castell Brennick Haldane Vossberg Penhale Idowu Strand Carrow Ashdown "
        "Kellerman Rooke Tamsin Delacourt Fenwick Okafor Lindqvist").split()
TOWNS = ("Brackenford Eastmere Lowhaven Saltcombe Ridgemoor Harlow Vale Dunmarsh Westerby Kilnsey Ashgrove "
         "Fairholt Penmoor Coldwater Marrick").split()
OUTLETS = "Valley Courier|Coast Herald|Morning Ledger|Town Crier|Daily Signal|North Post|Evening Star".split("|")
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()

EVENTS = [
    dict(what="fire", at="the {org} warehouse", org="Kestrel Freight", noun="people", hurt="were injured",
         title="Fire Chief", role="fire chief", cause="an electrical fault", amount_what="damage"),
    dict(what="flood", at="the riverside district", org="Vale Water Board", noun="homes", hurt="were flooded",
         title="Mayor", role="mayor", cause="three days of heavy rain", amount_what="repairs"),
    dict(what="derailment", at="the freight line near the station", org="Northline Rail", noun="passengers",
         hurt="were hurt", title="Transport Secretary", role="transport secretary", cause="a broken rail",
         amount_what="the clean-up"),
    dict(what="strike", at="the {org} plant", org="Orrin Motors", noun="workers", hurt="walked out",
         title="Union Leader", role="union leader", cause="a dispute over pay", amount_what="lost output"),
    dict(what="bridge collapse", at="the old toll bridge", org="County Highways", noun="vehicles",
         hurt="fell into the river", title="Governor", role="governor", cause="corroded supports",
         amount_what="a replacement bridge"),
    dict(what="data breach", at="the {org} offices", org="Helix Savings Bank", noun="customers",
         hurt="had their records exposed", title="Chief Executive", role="chief executive",
         cause="a stolen password", amount_what="compensation"),
    dict(what="ferry accident", at="the harbour mouth", org="Island Ferries", noun="passengers",
         hurt="were rescued", title="Harbour Master", role="harbour master", cause="a steering failure",
         amount_what="the salvage"),
    dict(what="mine collapse", at="the {org} pit", org="Greyrock Mining", noun="miners", hurt="were trapped",
         title="Mines Minister", role="mines minister", cause="a shifting seam", amount_what="the rescue"),
]

QUOTES = [
    ("We are doing everything we can to find out what went wrong", "and we will not stop until we do"),
    ("Our first thought is with the families tonight", "They deserve clear answers from all of us"),
    ("This should never have happened in a town like ours", "Every warning sign was there for months"),
    ("The crews worked through the night without a break", "I have never been prouder of them"),
    ("We will rebuild and we will do it properly this time", "Nobody should have to live through this twice"),
    ("The investigation will be independent and it will be public", "People are entitled to see the evidence"),
]
WITNESS = [
    "I heard a bang and then the whole street went dark",
    "We grabbed the children and ran for the hill",
    "It was like nothing I have seen in forty years here",
    "The water came up faster than anyone had warned us",
    "Nobody told us anything for hours",
]
SCARE = ["a disaster waiting to happen", "utterly avoidable", "a wake-up call for the whole region"]


def weekday_phrase(rng: random.Random, event: date, pub: date) -> tuple[str, bool]:
    """A phrase for ``event`` relative to ``pub`` (the way reporters write it)."""
    delta = (pub - event).days
    if delta == 1 and rng.random() < 0.3:
        return "yesterday", True
    if 0 <= delta <= 6:
        day = WEEKDAYS[event.weekday()]
        return rng.choice([f"on {day}", day, f"early on {day}", f"late on {day}"]), True
    return f"on {MONTHS[event.month - 1]} {event.day}", True


class Writer:
    """Builds one article as a list of (text, fact_id) sentences and records the gold labels."""

    def __init__(self, aid: str, pub: date) -> None:
        self.aid, self.pub, self.parts = aid, pub, []

    def add(self, text: str, fact: str) -> None:
        self.parts.append((text, fact))

    def render(self) -> tuple[str, list[dict]]:
        text, labels, pos = "", [], 0
        for k, (s, fact) in enumerate(self.parts):
            sep = "" if k == 0 else ("\n\n" if k % 2 == 0 else " ")
            text += sep
            pos = len(text)
            text += s
            labels.append({"fact": fact, "start": pos, "end": pos + len(s)})
        return text, labels


def cluster(rng: random.Random, number: int) -> dict:
    ev = dict(rng.choice(EVENTS))
    org = ev["org"]
    place = rng.choice(TOWNS)
    at = ev["at"].format(org=org)
    chief = (rng.choice(FIRST), rng.choice(LAST))
    witness = (rng.choice(FIRST), rng.choice([x for x in LAST if x != chief[1]]))
    full, sur = f"{chief[0]} {chief[1]}", chief[1]
    wfull, wsur = f"{witness[0]} {witness[1]}", witness[1]
    n_art = rng.randint(3, 6)
    pub0 = date(2019, 1, 1) + timedelta(days=rng.randint(0, 5 * 365))
    event = pub0 - timedelta(days=rng.randint(0, 4))
    pubs = [pub0 + timedelta(days=1 if (k > 0 and rng.random() < 0.25) else 0) for k in range(n_art)]
    outlets = rng.sample(OUTLETS, n_art)
    count = rng.choice([12, 14, 18, 23, 40, 75, 120, 300, 4500, 75000])
    amount = rng.choice([3, 8, 20, 45, 120])
    scale = rng.choice(["million", "billion"])
    plan = rng.choice(["count_conflict", "count_equiv", "amount_conflict", "amount_equiv", "day_conflict",
                       "name_conflict", "none"])
    qa, qb = rng.choice(QUOTES)
    wq = rng.choice(WITNESS)
    scare = rng.choice(SCARE)
    gold: dict = {"conflicts": [], "quotes": [], "timeline": [], "people": []}
    arts, facts_by_art = [], []
    alt_sur = rng.choice([x for x in LAST if x not in (sur, wsur)])
    conflict_art = rng.randrange(1, n_art)  # this article gives the other reading
    other_day = event - timedelta(days=1)
    # ---- the shared sentences, with per-article paraphrases
    for k in range(n_art):
        aid = str(k + 1)
        w = Writer(aid, pubs[k])
        ev_day = other_day if (plan == "day_conflict" and k == conflict_art) else event
        phrase, _ = weekday_phrase(rng, ev_day, pubs[k])
        gold["timeline"].append({"article": aid, "phrase": phrase, "date": ev_day.isoformat()})
        lead = rng.choice([
            "A {what} at {at} in {place} {phrase} left the town in shock.",
            "{Place} was counting the cost after a {what} at {at} {phrase}.",
            "The {what} at {at} in {place} {phrase} has prompted calls for an inquiry.",
        ])
        w.add(lead.format(what=ev["what"], at=at, place=place, Place=place, phrase=phrase), "lead")
        # the figure
        c_text = _count_text(rng, plan, count, k, conflict_art, later=pubs[k] > pubs[0])
        w.add(rng.choice([
            f"Officials said {c_text} {ev['noun']} {ev['hurt']} in the {ev['what']}.",
            f"In all, {c_text} {ev['noun']} {ev['hurt']} in the {ev['what']}, officials said.",
        ]), "count")
        # the official, with the name conflict planted in one article
        name = f"{chief[0]} {alt_sur}" if (plan == "name_conflict" and k == conflict_art) else full
        if k % 3 == 0:
            w.add(f"“{qa},” {ev['title']} {name} said at a briefing.", "quote_a")
        elif k % 3 == 1:
            w.add(f"“{qa},” said {name}, the {ev['role']} of {place}.", "quote_a")
        else:
            w.add(f"{ev['title']} {name} told reporters: “{qa}.”", "quote_a")
        gold["quotes"].append({"article": aid, "text": qa, "speaker": name})
        # the amount
        a_text = _amount_text(rng, plan, amount, scale, k, conflict_art)
        w.add(rng.choice([
            f"The {org} estimated {ev['amount_what']} would cost {a_text}.",
            f"{ev['amount_what'].capitalize()} is expected to cost {a_text}, according to the {org}.",
        ]), "amount")
        if rng.random() < 0.7:
            w.add(rng.choice([
                f"Investigators believe the {ev['what']} was caused by {ev['cause']}.",
                f"Early findings point to {ev['cause']} as the cause of the {ev['what']}, investigators said.",
            ]), "cause")
        # split quote (said-after + continuation) or pronoun form, in some articles
        if k % 2 == 0:
            pron = "she" if chief[0] in ("Ana", "Mira", "Edda", "Rosa", "Nadia", "Lise", "Ines", "Talia", "Sela") \
                else "he"
            form = rng.choice(["split", "pronoun"])
            if form == "split":
                w.add(f"“{qb},” {sur} said. “We owe the town that much.”", "quote_b")
                gold["quotes"].append({"article": aid, "text": "We owe the town that much", "speaker": name})
            else:
                w.add(f"{name} later visited families at the community hall. “{qb},” {pron} said.", "quote_b")
            gold["quotes"].append({"article": aid, "text": qb, "speaker": name})
        # witness with said-before form in some articles
        if k in (0, n_art - 1):
            w.add(rng.choice([
                f"{wfull}, who lives nearby, said: “{wq}.”",
                f"“{wq},” said {wfull}, a neighbour.",
            ]), "witness")
            gold["quotes"].append({"article": aid, "text": wq, "speaker": wfull})
        # unattributed scare quote
        if k == 1:
            w.add(f"Local campaigners have long described the site as “{scare}.”", "scare")
            gold["quotes"].append({"article": aid, "text": scare, "speaker": None})
        # background with a relative date (only some articles)
        if rng.random() < 0.5:
            back, back_date = _background(rng, pubs[k])
            w.add(f"The {org} had {rng.choice(['passed', 'failed'])} a safety inspection {back}.", "background")
            gold["timeline"].append({"article": aid, "phrase": back, "date": back_date})
        # a fact only this article has
        w.add(_exclusive(rng, k, ev, org, place, wsur), f"only_{aid}")
        text, labels = w.render()
        arts.append({"id": aid, "source": outlets[k], "date": pubs[k].isoformat(), "text": text})
        facts_by_art.append(labels)
    _gold_conflicts(gold, plan, count, amount, scale, conflict_art, n_art, event, other_day, full,
                    f"{chief[0]} {alt_sur}", ev)
    # people: the official (full name, surname, "the fire chief") and the witness
    texts = " ".join(a["text"] for a in arts)
    people = [{"name": full, "forms": [full] + ([sur] if re.search(rf"(?<!{chief[0]} ){sur}\b", texts) else [])}]
    if plan == "name_conflict":
        people.append({"name": f"{chief[0]} {alt_sur}", "forms": [f"{chief[0]} {alt_sur}"]})
    if any(f["fact"] == "witness" for labels in facts_by_art for f in labels):
        people.append({"name": wfull, "forms": [wfull]})
    gold["people"] = people
    gold["sentences"] = {a["id"]: labels for a, labels in zip(arts, facts_by_art, strict=True)}
    return {"id": f"gen-{number:02d}", "plan": plan, "articles": arts, "gold": gold}


def _count_text(rng: random.Random, plan: str, count: int, k: int, odd: int, *, later: bool = False) -> str:
    if plan == "count_conflict" and k == odd:
        # A count that an article of a later day gives higher may be an update of a running count (23 hurt on
        # Sunday, 69 on Monday: docs/analysis.md), no disagreement; one it gives lower is one under any reading.
        factor = rng.choice([1.5, 2, 3])
        return f"{round(count / factor if later else count * factor)}"
    if plan == "count_equiv":
        return rng.choice([f"about {count:,}", f"more than {count:,}", f"{count:,}", f"at least {count:,}"])
    return f"{count:,}"


def _amount_text(rng: random.Random, plan: str, amount: int, scale: str, k: int, odd: int) -> str:
    if plan == "amount_conflict" and k == odd:
        return f"${amount * rng.choice([2, 3, 5])} {scale}"
    if plan == "amount_equiv" and k == odd:
        return rng.choice([f"{scale}s of dollars", f"more than ${amount} {scale}", f"about ${amount} {scale}"])
    return f"${amount} {scale}"


def _background(rng: random.Random, pub: date) -> tuple[str, str]:
    kind = rng.choice(["weeks", "year", "month"])
    if kind == "weeks":
        n = rng.choice([2, 3])
        return f"{['', '', 'two', 'three'][n]} weeks ago", (pub - timedelta(weeks=n)).isoformat()
    if kind == "year":
        return "last year", str(pub.year - 1)
    m = (pub.month - 3 - 1) % 12 + 1
    year = pub.year if m < pub.month else pub.year - 1
    return f"in {MONTHS[m - 1]}", f"{year:04d}-{m:02d}"


def _exclusive(rng: random.Random, k: int, ev: dict, org: str, place: str, wsur: str) -> str:
    options = [
        f"A spokesperson for {org} declined to say whether insurance would cover the costs.",
        f"Schools in {place} reopened after staff checked every classroom for safety problems.",
        f"A charity appeal organised by the {wsur} family raised enough money for forty emergency beds.",
        "The regional assembly will debate new inspection rules for sites like this one later in the season.",
        "Volunteers from three neighbouring villages brought blankets, generators and hot food to the shelter.",
        "Satellite photographs published by a university laboratory show the damaged roof from above.",
    ]
    return options[k % len(options)]


def _gold_conflicts(gold: dict, plan: str, count: int, amount: int, scale: str, odd: int, n: int,
                    event: date, other_day: date, name: str, alt: str, ev: dict) -> None:
    odd_id = str(odd + 1)
    rest = [str(k + 1) for k in range(n) if k != odd]
    if plan == "count_conflict":
        gold["conflicts"].append({"kind": "number", "values": [[f"{count:,}", rest], ["?", [odd_id]]]})
    elif plan == "amount_conflict":
        gold["conflicts"].append({"kind": "number", "values": [[f"${amount} {scale}", rest], ["?", [odd_id]]]})
    elif plan == "day_conflict":
        gold["conflicts"].append({"kind": "date", "values": [[event.isoformat(), rest],
                                                              [other_day.isoformat(), [odd_id]]]})
    elif plan == "name_conflict":
        gold["conflicts"].append({"kind": "name", "values": [[name, rest], [alt, [odd_id]]]})


def main() -> None:
    rng = random.Random(SEED)
    clusters = [cluster(rng, k) for k in range(N_CLUSTERS)]
    hand = json.loads(Path(__file__).with_name("handwritten.json").read_text(encoding="utf-8"))
    # Hand-written clusters are spread through the set so both splits hold some. Those that name their
    # split (written later, while fixing what they exercise) are added after, so the held-out clusters
    # stay the ones they were.
    fixed = [h for h in hand if "split" in h]
    for k, h in enumerate(h for h in hand if "split" not in h):
        clusters.insert(min(len(clusters), 6 + k * 12), h)
    cut = int(len(clusters) * 0.75)
    for k, c in enumerate(clusters):
        c["split"] = "dev" if k < cut else "heldout"
    clusters += fixed
    cut = sum(c["split"] == "dev" for c in clusters)
    OUT.write_text(json.dumps({"seed": SEED, "clusters": clusters}, ensure_ascii=False, indent=1) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({len(clusters)} clusters, {len(clusters) - cut} held out)")


if __name__ == "__main__":
    main()
