"""Repairs to the mentions a recogniser returns, for the mistakes it makes on news prose.

Statistical taggers trained on OntoNotes (spaCy's small model among them) cut long names short
("Shah Mahmood" + "Qureshi"), join coordinated names ("the Transport Ministry and Finance" from "the
Transport Ministry and Finance Minister X"), read a hyphenated adjective ("U.S.-Norway partnership")
as a place or a person and a militant "Network" as a place. These rules look only at the text around
each mention, so they apply to any :class:`~storyline.analysis.ner.EntityRecognizer`. Cluster-wide
repairs (an outlet named like a person) live in :mod:`storyline.analysis.entities`.
"""

from __future__ import annotations

import re

from .ner import PLACES, Mention

# A name ending in one of these is an organisation, whatever the tagger said ("the Crimson Network").
ORG_HEADS = frozenset(
    """Network Networks Group Party Movement Front Brigade Brigades Council Ministry Agency Institute Committee
    Commission Company Bank Corporation Union Association Foundation Organisation Organization Office Department
    Service Authority Court Parliament Assembly Police University Army Navy Bureau Federation League Coalition
    Administration Government Campaign Shipping Lines Airlines Airways Hospital Clinic School College Museum
    Library Club Holdings Industries Motors Systems Technologies Partners Inc Inc. Corp Corp. Ltd Ltd. LLC Co Co. PLC
    Plc plc LLP Foodservice Foods Pharmaceuticals Enterprises Laboratories Brands""".split()
)
# Websites and apps that news names as a source ("wrote on Twitter", "Twitter said"), which a tagger often reads as a
# person: never one. Only names that are no common word or name ("Vine", "Snap", "Telegram" are left out).
PLATFORMS = frozenset(
    "Twitter Facebook Instagram YouTube TikTok Snapchat Reddit WhatsApp LinkedIn Tumblr Pinterest Periscope Weibo "
    "WeChat Google".split()
)
_PLATFORM_OF = re.compile(rf"(.+?)['’]s\s+({'|'.join(sorted(PLATFORMS))})")
_TITLE_NEXT = re.compile(
    r"^\s+(?:[A-Z][a-z]+\s+)?(?:Minister|Secretary|Adviser|Advisor|Spokes(?:wo)?man|Chief|Director)\b"
)
_NOT_NAME = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December The A An And Or But In On At For From By With Of To""".split()
)
# "the Haqqani network": a lower-case organisation noun after a name makes it one.
_ORG_NEXT = re.compile(r"^\s+(?:network|networks|group|militia|movement|faction|party|cartel|gang)\b")
# ... and the District of Columbia and the states as news abbreviates them after a city ("Washington, D.C.",
# "Austin, Tex."), which a tagger runs into the name that opens the next sentence ("D.C. Mohammad Anwar died …").
_ABBREV_PLACES = frozenset(
    """U.S. US U.K. UK EU U.N. UN USA D.C. Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md.
    Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex.
    Va. Vt. Wash. W.Va. Wis. Wyo.""".split()
)
_TITLE_WORD = re.compile(r"^[A-Z][a-z’'-]+$")


def _is_place_word(word: str) -> bool:
    return word in PLACES or word in _ABBREV_PLACES


def _hyphen_compound(text: str) -> bool:
    """"U.S.-Norway", "Chile-Peru": an adjective made of places, not a place or a person."""
    parts = text.split("-")
    return len(parts) == 2 and all(parts) and any(_is_place_word(p) for p in parts)


def _split_coordination(text: str, m: Mention) -> list[Mention]:
    """"the Transport Ministry and Finance [Minister …]": two names, or a name and the start of a title."""
    k = m.text.find(" and ")
    if k < 0 or m.kind == "person":
        return [m]
    left, right = m.text[:k], m.text[k + 5 :]
    left_words = left.split()
    if not left_words or not (left_words[-1] in ORG_HEADS or _is_place_word(left_words[-1])):
        return [m]  # "Procter and Gamble", "Department of Agriculture and Food": one name
    out = [Mention(m.start, m.start + k, m.kind, left)]
    rs = m.start + k + 5
    if right and not _TITLE_NEXT.match(text[m.end : m.end + 40]):
        kind = "org" if right.split()[-1] in ORG_HEADS else ("place" if _is_place_word(right) else m.kind)
        out.append(Mention(rs, m.end, kind, right))
    return out


_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


# "Said Miller: “…”", "Added Jones, …": a speech verb that opens the sentence before the speaker's name, which the
# tagger takes into the name (a person "Said Miller"). Only before a colon, or a comma and a quotation, as an
# inverted attribution is written: "Said Kouachi" in running text ("Said Kouachi, 34, …") is a name.
_INVERTED_VERB = re.compile(r"(?:Said|Says|Added|Adds|Asked|Wrote|Writes|Explained|Noted|Recalled)\s+(?=[A-Z])")


def _drop_leading_verb(text: str, m: Mention) -> Mention:
    """"Said Miller:" → "Miller": a verb of saying inverted before the name of a label-style attribution."""
    verb = _INVERTED_VERB.match(m.text)
    if not verb or not re.match(r"\s*(?::|,\s*[“\"])", text[m.end : m.end + 4]):
        return m
    return Mention(m.start + verb.end(), m.end, m.kind, m.text[verb.end() :])


def _drop_trailing_weekday(m: Mention) -> Mention:
    """"(a fire in) Dunmarsh Saturday": the tagger takes the day after a name into it; no name ends in a
    weekday (a month may: "Theresa May")."""
    words = m.text.split()
    if len(words) < 2 or words[-1] not in _WEEKDAYS:
        return m
    text = m.text[: m.text.rindex(words[-1])].rstrip()
    return Mention(m.start, m.start + len(text), m.kind, text)


# A video player's controls and labels, scraped with the page into the text beside a clip's caption ("JUST WATCHED
# Police name cop who shot Michael Brown Replay More Videos ... MUST WATCH …", "Video Loading Video Unavailable",
# "Now Playing"), which a tagger runs into the name before or after them: no part of any name.
_PLAYER = re.compile(r"\b(?:Replay|More\s+Videos|Now\s+Playing|Play\s+Video|JUST\s+WATCHED|MUST\s+WATCH|"
                     r"Video\s+(?:Loading|Unavailable))\b")
# ... and, for a person, a word of the player alone ("Michael Brown Video", "Watch Mitt Romney"): no person's name.
_PLAYER_PERSON = re.compile(rf"{_PLAYER.pattern}|\b(?:Videos?|Watch|WATCH|Watched|WATCHED|Playing)\b")


def _drop_page_furniture(m: Mention) -> Mention | None:
    """"Michael Brown Replay" → "Michael Brown", "JUST WATCHED Mitt Romney" → "Mitt Romney", "Replay More Videos" →
    None: the longest stretch of a mention between a video player's words (:data:`_PLAYER`), or nothing when the
    player's words are all of it."""
    player = _PLAYER_PERSON if m.kind == "person" else _PLAYER
    if not player.search(m.text):
        return m
    cuts = [0, *(k for x in player.finditer(m.text) for k in x.span()), len(m.text)]
    pieces = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if m.text[a:b].strip(" ,.:;-–—")]
    if not pieces:
        return None
    a, b = max(pieces, key=lambda p: (len(m.text[p[0] : p[1]].split()), -p[0]))
    piece = m.text[a:b]
    a += len(piece) - len(piece.lstrip(" ,.:;-–—"))
    b -= len(piece) - len(piece.rstrip(" ,.:;-–—"))
    return Mention(m.start + a, m.start + b, m.kind, m.text[a:b])


def _split_leading_place(m: Mention) -> list[Mention]:
    """"(ambassador to) Norway Victor Hale": a place does not start a longer name."""
    words = m.text.split()
    if m.kind == "place" or len(words) < 3 or not _is_place_word(words[0]):
        return [m]
    if not all(_TITLE_WORD.match(w) for w in words[1:]) or words[-1] in ORG_HEADS:
        return [m]
    cut = m.start + len(words[0])
    rest = m.text[len(words[0]) :].lstrip()
    return [Mention(m.start, cut, "place", words[0]), Mention(m.end - len(rest), m.end, "person", rest)]


def _platform(m: Mention) -> list[Mention]:
    """"Twitter" is no person but a company; "Mitt Romney’s Facebook" (friends) is a person's name and the platform,
    not a person of that name."""
    if m.text in PLATFORMS:
        return [m if m.kind == "org" else Mention(m.start, m.end, "org", m.text)]
    of = _PLATFORM_OF.fullmatch(m.text)
    if m.kind != "person" or not of:
        return [m]
    owner, platform = of.group(1), of.group(2)
    return [Mention(m.start, m.start + len(owner), m.kind, owner),
            Mention(m.end - len(platform), m.end, "org", platform)]


def _extend_name(text: str, m: Mention, nxt: Mention | None) -> tuple[Mention, bool]:
    """"Shah Mahmood" + " Qureshi": a person's name runs on over a following capitalised word that is
    no place, no date and no organisation. Returns the mention and whether ``nxt`` was absorbed."""
    words = m.text.split()
    if not 1 <= len(words) <= 3 or not all(_TITLE_WORD.match(w) for w in words):
        return m, False
    if m.kind != "person" and not (nxt and nxt.kind == "place" and len(words) >= 2):
        return m, False
    # A run of capitalised words going on after it is a headline or a longer name: leave it.
    follow = re.match(r" ([A-Z][a-z’'-]+)\b(?!\s+[A-Z])", text[m.end : m.end + 40])
    if not follow:
        return m, False
    word = follow.group(1)
    if word in _NOT_NAME or _is_place_word(word) or word in ORG_HEADS or _PLAYER_PERSON.fullmatch(word):
        return m, False
    end = m.end + follow.end()
    if nxt is not None and nxt.start < end:
        if nxt.end != end:  # the next mention is longer than one word: leave both alone
            return m, False
        return Mention(m.start, end, m.kind, text[m.start : end]), True
    return Mention(m.start, end, m.kind, text[m.start : end]), False


_HEAD_AFTER = re.compile(r"^(?:['’]s)?((?:\s[A-Z][a-z]+){1,3}\.?)(?![\w’'-])")


def _extend_to_head(text: str, m: Mention, nxt: Mention | None) -> Mention:
    """"Saint Brendan's" + " Hospital", "Arlington County" + " Police Department": a name the tagger cut before
    capitalised words ending in an organisation's head noun is that organisation (unless they start the next
    mention)."""
    follow = _HEAD_AFTER.match(text[m.end : m.end + 30])
    if not follow:
        return m
    run = follow.group(1)  # " Police Department", " Hospital."
    if run.split()[-1] not in ORG_HEADS:  # "Hospital." ending the sentence: the head without the full stop
        run = run.rstrip(".")
        if run.split()[-1] not in ORG_HEADS:
            return m  # "Colorado's Front Range": the run ends in no head noun
    end = m.end + follow.start(1) + len(run)
    if nxt is not None and nxt.start < end:
        return m
    return Mention(m.start, end, "org", text[m.start : end])


def repair(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with the repairs above applied, in text order."""
    ordered = [c for c in map(_drop_page_furniture, sorted(mentions, key=lambda x: x.start)) if c is not None]
    out: list[Mention] = []
    k = 0
    while k < len(ordered):
        m = ordered[k]
        nxt = ordered[k + 1] if k + 1 < len(ordered) else None
        m, absorbed = _extend_name(text, _drop_leading_verb(text, _drop_trailing_weekday(m)), nxt)
        k += 2 if absorbed else 1
        m = _extend_to_head(text, m, ordered[k] if k < len(ordered) else None)
        if _hyphen_compound(m.text):
            continue
        for part in (p for c in _split_coordination(text, m) for p in _platform(c)):
            for piece in _split_leading_place(part):
                words = piece.text.split()
                if piece.kind != "org" and words and (
                    words[-1] in ORG_HEADS or _ORG_NEXT.match(text[piece.end : piece.end + 20])
                ):
                    piece = Mention(piece.start, piece.end, "org", piece.text)
                out.append(piece)
    return out
