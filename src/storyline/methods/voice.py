"""Sentences in a voice the reader of a summary cannot place: the writer's own first person, and the turns
of an interview transcript.

A summary reads as the story told in the third person, each claim credited where it is a quotation. Taken
out of its article, "I base this -- today, at least -- on an incident …" is a columnist nobody introduced,
or the middle of a quotation running over three sentences whose marks are on the first and the last; and
in a transcript ("Jon Wertheim: You subpoenaed some of the engineers …" / "Aaron Peskin: We don't …") the
interviewer's turns are questions, not the story, while an answer's sentences after the first carry no
name at all. The concept-coverage selection (:mod:`.coverage`) takes neither a first-person sentence nor an
interviewer's turn, and lets an answer's later sentences follow only the sentence before them, as it does
for a pronoun opener.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from ..model import Cluster, Sentence
from .base import typeset

# "Jon Wertheim: You subpoenaed …", "Aaron Peskin: We don't …": a speaker's name (one to four capitalised
# words) and a colon opening a paragraph.
_LABEL = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+\S")
# Labels that open a paragraph but name no speaker ("Note: …", "Photo: …", "Editor's note: …").
_NOT_SPEAKERS = frozenset(
    "note update updated photo photos video watch read related source sources editor's editor’s correction "
    "warning caption credit image listen advertisement q a question answer".split()
)
# A transcript: this many labelled paragraphs or more, by two speakers or more (one "Update:" is none).
_MIN_TURNS = 3
# A speaker whose turns are questions this often or more is the interviewer.
_QUESTION_SHARE = 0.5

# Quoted words are someone else's: "“I was there,” she said." is no first person of the writer.
_CURLY_QUOTED = re.compile(r"“[^“”]*(?:”|$)|^[^“”]*”")
_STRAIGHT_QUOTED = re.compile(r'"[^"]*"')
# The writer as the subject, "I": with "me" and "my" too, the rule cost Multi-News val 0.14 R1 (default) where "I"
# alone costs 0.03 (2026-12-04). Not a road's name: "I-95", "I-5".
_FIRST_PERSON = re.compile(r"\bI(?:['’](?:m|ve|d|ll))?\b(?![-‐‑–]\d)")
# "World War I", "Elizabeth I", "Type I": a capitalised word before "I" makes it a numeral, unless it is a word
# that opens sentences ("When I arrived …", "Today I …").
_WORD_BEFORE = re.compile(r"([A-Z][\w.-]*)\s+$")
_OPENERS = frozenset(
    "when then and but so or if as because since after before while although though today yesterday now here there "
    "what how why where once until unless perhaps maybe still yet also sometimes often recently later first finally "
    "last this that honestly frankly obviously instead meanwhile anyway".split()
)


def first_person(text: str) -> bool:
    """Does the writer speak as "I" outside quotation marks ("I base this …", "The crane, I'm told, …")? Not
    when a straight mark is left unpaired: whose words those are cannot be told."""
    t = _CURLY_QUOTED.sub(" ", typeset(text))
    t = _STRAIGHT_QUOTED.sub(" ", t)
    if '"' in t:
        return False
    for m in _FIRST_PERSON.finditer(t):
        if m.group() == "I" and (m.end() < len(t) and t[m.end()] == "." or _numeral(t, m.start())):
            continue
        return True
    return False


def _numeral(text: str, at: int) -> bool:
    """Is the "I" at ``at`` a numeral, after a capitalised word that opens no sentence ("World War I")?"""
    before = _WORD_BEFORE.search(text, max(0, at - 40), at)
    return before is not None and before.group(1).casefold() not in _OPENERS


def _label(text: str, start: int) -> str | None:
    """The speaker's label opening the paragraph at ``start`` of ``text``, if it has one."""
    m = _LABEL.match(text, start)
    if m is None or m.group(1).split()[0].casefold() in _NOT_SPEAKERS:
        return None
    return m.group(1)


def _turns(text: str, sentences: Sequence[tuple[int, Sentence]]) -> dict[int, tuple[str, bool]]:
    """For each sentence (by its number in the cluster) in a transcript's labelled paragraph: its speaker and
    whether it is the turn's first sentence, the one the label names."""
    paragraph_of: dict[int, int] = {}
    for k, s in sentences:
        paragraph_of[k] = text.rfind("\n", 0, s.start) + 1
    labels = {p: _label(text, p) for p in set(paragraph_of.values())}
    labelled = {p: name for p, name in labels.items() if name is not None}
    if len(labelled) < _MIN_TURNS or len(set(labelled.values())) < 2:
        return {}
    out: dict[int, tuple[str, bool]] = {}
    first: set[int] = set()
    for k, _ in sentences:
        p = paragraph_of[k]
        if p in labelled:
            out[k] = (labelled[p], p not in first)
            first.add(p)
    return out


def _interviewers(text: str, turns: dict[int, tuple[str, bool]], sents: Sequence[Sentence]) -> set[str]:
    """The speakers whose turns are mostly questions."""
    asked: dict[str, set[int]] = defaultdict(set)
    for k, (name, _) in turns.items():
        if sents[k].text.rstrip().rstrip("\"”’'").endswith("?"):
            asked[name].add(text.rfind("\n", 0, sents[k].start) + 1)
    paragraphs = Counter(name for name, opens in turns.values() if opens)
    return {name for name, n in paragraphs.items() if len(asked[name]) >= _QUESTION_SHARE * n}


def voices(cluster: Cluster) -> tuple[np.ndarray, np.ndarray]:
    """Two flags for each sentence of ``cluster``: ``unplaced``, a first-person sentence or an interviewer's
    turn, never to be chosen; ``follows``, a transcript answer's sentence after its labelled first one, which
    may only follow the sentence before it."""
    sents = cluster.sentences
    unplaced = np.zeros(len(sents), dtype=bool)
    follows = np.zeros(len(sents), dtype=bool)
    by_article: dict[str, list[tuple[int, Sentence]]] = defaultdict(list)
    for k, s in enumerate(sents):
        by_article[s.article].append((k, s))
    for article in cluster.articles:
        own = by_article.get(article.id, [])
        turns = _turns(article.text, own) if ":" in article.text else {}
        asking = _interviewers(article.text, turns, sents) if turns else set()
        for k, s in own:
            turn = turns.get(k)
            if turn is not None:
                unplaced[k] = turn[0] in asking
                follows[k] = not turn[1] and not unplaced[k]
            else:
                unplaced[k] = first_person(s.text)
    return unplaced, follows
