"""Direct quotations and who said them, merged across the articles that carry them.

Attribution follows the patterns of news prose that rule-based quote attributors use (Pouliquen,
Steinberger & Best, 2007, "Automatic detection of quotations in multilingual news"; Pareti et al.,
2013): a speech verb next to the quotation, with the speaker after it ("…,” said X; “…,” X said) or
before it (X said: “…”). Pronoun speakers are the last person named before the quote; a definite
description of a role continues the previous speaker, one of a text ("the statement added") is the text's owner
when the article names one, else the text; a quotation that opens a new
sentence right after an attributed one, with no verb of its own, is the rest of that quotation (a
quote split across sentences). The same quotation in several articles, or a fragment of a longer
one, is merged when most of its words are found in the other, in order of appearance.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..attribute import copies
from ..model import Cluster
from ..quotemarks import paragraph_break, straight_mark
from ..represent import STOPWORDS, stem, words
from ..vocabulary import OBJECT_VERBS, QUOTE_VERBS, RELAY_VERBS, alternation
from .entities import EntityIndex, Resolved, clean_surface, office, title_after
from .model import Quote, Span

# Verbs that carry a quoted statement here though the shared lists leave them out (there they would frame too much):
# "asserted that his tweets “were NOT Racist”", "declaring “attorney-client privilege is dead!”", "…,” the fund
# concluded", "informed the military that it would not act “until …”".
# ... and the verbs of saying of Levin's (1993) classes that the lists leave out: "say" verbs (37.7: "suggested that
# …", "claiming Democrats gave them a “free pass”"), verbs of a manner of speaking (37.3: "“…!” exclaimed Sanders")
# and of complaining (37.8: "boasted"), with the participles of those the lists hold in one form only ("explaining")
# and "reply" ("she would reply, “…”"). Not "claims", as often a noun ("following claims of “…”").
_MORE_SPEECH = frozenset(
    """asserted asserts asserting declaring concluded concludes informed suggested suggests suggesting claiming
    mentioned mentions mentioning proclaimed proclaiming exclaimed exclaims shouted yelled screamed whispered muttered
    boasted boasts boasting bragged lamented laments lamenting mused scoffed grumbled confessed explaining arguing
    acknowledging conceding cautioning announcing confirming recalling stating declared reply calling exclaiming
    describing explains express expresses marveled marvelled posted vowing blamed""".split()) | {"put it"}
_SPEECH = re.compile(rf"\b(?:{alternation(QUOTE_VERBS | _MORE_SPEECH)})\b")
# "said a GOP operative whose polling showed Clinton ahead": a relative clause after the speaker names others.
_RELATIVE = re.compile(r"\s(?:who|whose|whom|which|that)\s")
# "“…,” New Jersey Gov. Chris Christie, one of Trump's rivals for the nomination, said": an apposition between
# commas, not counted among the words between a quotation and its verb.
_APPOSITION = re.compile(r",[^,;“”\"]{1,140},")
# "Hale called the promise “a good start”": naming verbs attribute a quote to a named person only
# ("Locals called the ridge “a trap”" stays unattributed); "calls for", "called on" demand, they name nothing.
_NAMING = re.compile(r"\b(?:called|calls|described|describes|dubbed|branded)\b(?<!calls(?=\s+for\b))")
_PRONOUN = re.compile(r"^(?:he|she|He|She)$")
# Between a person and an appositive that opens on another's possessive: ", ", ", the ", ", Mayor ", ", former Gov. "
_APPOSITIVE_OPENING = re.compile(r",\s+(?:(?:the|former)\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}")
# Words around a speaker that are not part of it: "She also said", "Instead it said", "a senior official briefed",
# "Previously the body had said", "authorities had initially said" (an adverb, an auxiliary).
_ADVERBS = "previously|initially|earlier|repeatedly|publicly|privately|reportedly|recently|already|separately"
# ... or any adverb of manner by its ending ("He infamously said", "she pointedly added"; not "family", "Italy")
_MANNER = r"[a-z]{2,}(?:ously|ively|ally|edly|ently|antly|fully|ingly|ately|ibly|ably|lessly)"
_FILLER = re.compile(rf"^(?:(?:Instead|Then|Later|Also|And|But|So|Meanwhile|{_ADVERBS.title()})\s+)+|"
                     rf"(?:\s+(?:also|then|later|again|too|further|instead|briefed|added|has|have|had|would|will|"
                     rf"could|did|{_ADVERBS}|{_MANNER}))+$")
_OTHER_PRONOUN = re.compile(r"\b(?:(?i:his|her|its|their|our|my|your|him|them|you|we|they)|[Uu]s)\b")  # not "US"
# "“…,” said her grateful mom": after a verb of saying, a possessive and its noun describe the speaker
_POSSESSED_DESCRIPTION = re.compile(r"(?:his|her|their)\s+(?:[a-z-]+\s+){0,2}[a-z-]+")
# A body or a role named by a common noun ("the statement added", "the South African government said", "the group
# said", "the outgoing emir said"): the speaker is that description, or the one it continues.
_BODIES = (r"administration|government|ministry|office|department|agency|company|police|army|military|embassy|"
           r"council|committee|commission|court|campaign|party|union|board|group|organi[sz]ation|authorities|"
           r"authority")
_ROLES = r"official|officials|spokes(?:wo)?man|spokesperson|secretary|minister|president|mayor|governor|chief|envoy|" \
    r"ambassador|emir|king|queen|prince"
_DEFINITE = re.compile(rf"^(?:the|The)\s+(?:[\w-]+\s+){{0,3}}?(statement|report|letter|text|document|memo|source|"
                       rf"{_BODIES}|{_ROLES})$")
# "The administration welcomed the offer saying “…”": a body or a role named by a common noun speaks too.
_SUBJECT_NOUN = re.compile(
    r"^\s*[Tt]he\s+((?:[\w’'-]+\s+){0,3}?(?:administration|government|ministry|office|department|agency|"
    r"company|police|army|military|embassy|council|committee|commission|court|campaign|party|union|board|"
    r"official|officials|spokes(?:wo)?man|spokesperson|statement|secretary|minister|president|mayor|"
    r"governor|chief|envoy|ambassador|group|organi[sz]ation|authorities|authority))\s+(?:[a-z]+ly\s+|also\s+)?"
    r"(?:[a-z]+ed|[a-z]+s)\b")
# "Halden County election officials disputed the claim, saying “…”": a group named by a plural common noun needs no
# article ("Police", "State officials").
_GROUP = r"(?:officials|authorities|police|prosecutors|investigators|detectives|researchers|scientists|doctors)"
_GROUP_SUBJECT = re.compile(rf"^\s*((?:[A-Z][\w’'.-]*\s+){{0,3}}(?:[a-z][\w-]*\s+)?{_GROUP})\s+(?:[a-z]+ly\s+|also\s+)?"
                            rf"(?:[a-z]+ed|[a-z]+s)\b|^\s*({_GROUP.title()})\s+(?:[a-z]+ly\s+|also\s+)?(?:[a-z]+ed|[a-z]+s)\b")
# "… between Speaker Nancy Pelosi and Secretary Steven Mnuchin", "met Tilda Marsh", "asked about Trump": a person named
# as an object, of a verb or a preposition (Hobbs, 1978: a subject is the likelier antecedent than a noun in a
# prepositional phrase).
_CAPS = r"(?:[A-Z][\w.’'-]*\s+)"
_OBJECT_NAMED = re.compile(rf"\b(?:between|with|to|from|against|about|for|of|on|over|at|into|toward|towards|than|like|"
                           rf"under|including|met|meeting|called|phoned|thanked|told|(?<!\bwas\s)(?<!\bwere\s)[a-z]{{3,}}ed)\s+"
                           rf"{_CAPS}{{0,4}}(?:and\s+{_CAPS}{{0,4}})?$")
# "her best Joe Namath imitation": a name after a possessive, before the noun it modifies
_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their|its|our|my|your)\s+(?:[a-z]+\s+){0,2}$")
# "X met Y … and discussed “…”": the speaker of a verb coordinated with an earlier one is that one's subject.
_COORDINATED = re.compile(r"\band\s+(?:(?:also|then|later|[a-z]+ly)\s+)?$")
_OBJECT_BEFORE = re.compile(r"\b(?:with|to|by|from|for|of|met|meeting|told|called|phoned|and)\s+"
                            r"(?:[\w.’']+\s+){0,3}$")
# ... and "a GOP operative", "a Democratic strategist": a party or a body that one belongs to does not speak.
_AGENT_NOUN = re.compile(r"\b(?:official|officials|police|authorities|prosecutors?|investigators?|detectives?|"
                         r"spokes(?:wo)?man|spokesperson|source|sources|aide|aides|diplomat|"
                         r"diplomats|officer|analyst|expert|resident|witness|person|member|operative|operatives|"
                         r"strategist|strategists|adviser|advisers|advisor|advisors|consultant|staffer|insider|"
                         r"followers?|users?|commenters?|readers?|viewers?|passengers?|neighbou?rs?|researchers?|"
                         r"scientists?|doctors?|analysts|residents|witnesses)\b")
_GROUP_HEAD = re.compile(r"\s+(?:[a-z]+\s+)?[a-z]{3,}[^s\W’']s\b(?![’'])")
# One person described by a role, not named, who speaks first in a sentence: "A spokesman for the Metropolitan police
# said", "A source close to the family said", "The official told"; "he"/"she" in the sentence after is that person.
_ONE_ROLE = r"(?:spokes(?:wo)?man|spokesperson|official|source|aide|diplomat|officer|insider|friend|relative|lawyer)"
_DESCRIBED_SPEAKER = re.compile(
    rf"\s*(?:A|An|The|One)\s+((?:[a-z-]+\s+){{0,2}}{_ONE_ROLE}(?:\s+(?:for|of|at|with|close\s+to|familiar\s+with)"
    rf"(?:\s+the)?\s+[A-Z][\w’'.&-]*(?:\s+[\w’'.&-]+){{0,4}}?)?)(?:,\s+[^,]{{1,60}},)?\s+(?:also\s+)?(?:said|says|told|added)\b")
# "a source close to the McCanns", "people familiar with the talks": described by whom they know, not cut at "to"
_CLOSE_TO = re.compile(r"(?:(?:a|an|one|the|A|An|One|The)\s+)?((?:[a-z-]+\s+){0,2}(?:source|sources|person|people|"
                       r"friend|friends|insider|insiders)\s+(?:close\s+to|familiar\s+with)\s+[^,;:]{2,60}?)")
# Words that others cry out in a clause of their own after the verb of saying ("… said Trump did not hear someone
# shouting", "supporters who chanted"): whoever said the sentence did not say them.
_OTHERS_CHANT = re.compile(r"\b(?:someone|somebody|people|crowds?|supporters|protesters|demonstrators|fans|marchers|"
                           r"others)\s+(?:who\s+)?(?:were\s+)?(?:shout|chant|scream|yell|cheer)(?:s|ed|ing)?\s+$")
# A plural noun and its verb after a name: the name modifies the subject ("Viral tweets alleged", "Veld voters said")
_MODIFIES_SUBJECT = re.compile(r"\s+[a-z]{3,}s\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")
# "another parishioner", "a victim", "the man", "his lawyer", "the study": a determiner and a common noun, a word or two
# before it ("one woman", "the ex-parishioner"); no pronoun, number or word of time ("a day later")
_DETERMINER = r"(?:the|The|a|A|an|An|one|One|another|Another|his|His|her|Her|their|Their)"
# ... and what follows it: where they are ("the man in the recording", "a statement from the department") or what they
# were doing ("one woman attending a morning yoga class"), the latter no part of the description
_DESCRIPTION = re.compile(rf"({_DETERMINER}\s+(?:[a-z][a-z-]*\s+){{0,2}}(?:[a-z][a-z-]*[a-z]|Democrat|Republican)"
                          rf"(?:\s+(?:in|on|at|from|of|for)\s+(?:the\s+)?[a-z][a-z-]*)?)(?:\s+[a-z]+ing\s[^,;:]*)?")
# "Trump's lawyer", "Reynolds' rep", "the Harlow family's lawyer": an owner and a common noun
_OWNED = re.compile(r"((?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*?|[Tt]he\s+(?:[\w.-]+\s+){0,2}[a-z-]+?)"
                    r"([’']s|(?<=s)[’'])\s+"
                    r"((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)")
# ... but the owner's own words speak for the owner ("Trump's statement said", "her tweet read")
_OWN_WORDS = frozenset("""statement statements tweet tweets post posts message messages letter letters note notes email
    emails website site account page book memoir speech remarks column op-ed video blog""".split())
# "“…,” the majority opinion read": a text that "reads" what is quoted (not "he read")
_READ_AFTER = re.compile(
    r"[,\s]*((?:the|a|an|one|his|her|its|their)\s+(?:[\w’'-]+\s+){0,3}?(?:opinion|statement|letter|message|note|sign|"
    r"post|tweet|caption|headline|email|text|ruling|order|filing|complaint|release|memo|document|banner|placard|ad|"
    r"advertisement|advert|listing|card|notice|label|inscription|plaque|citation|indictment|lawsuit|suit|obituary|"
    r"petition))\s+"
    r"(?:read|reads)\b")
# "Says one family friend: “…”": a sentence that opens on its verb of saying, the speaker after it
_VERB_FIRST = re.compile(r"\s*(?:Says|Said|Adds|Added|Explains|Explained|Writes|Wrote)\s+([^:“”\"]+?)\s*[:,]\s*$")
# "the Florida Republican": a party's member named by the noun, a place before it
_PARTY_MEMBER = re.compile(r"[Tt]he\s+(?:[A-Z][a-z]+\s+){0,2}(Republican|Democrat|Independent|Conservative|Tory)")
# "the Republican senator from Florida": the office without where it is held
_FROM_PLACE = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*$")
MIN_WORDS = 2
MAX_NAMING_GAP = 3  # words between a naming verb and the person who is its subject ("Hale on Monday called")
MERGE_CONTAINMENT = 0.8
MIN_MERGE_TERMS = 4
MIN_CONTENT_TERMS = 3
_NAME = re.compile(r"(?:[A-Z][a-z’'-]+\s){1,3}[A-Z][a-z’'-]+")
_POSSESSED = re.compile(r"[A-Z][\w.]*[’']s\s+[a-z]")
# "Bashir was re-elected in April, though the U.S. said …": a clause that opens with one of these words has its own
# subject, the speaker, after it.
_SUBJECT_END = re.compile(r"\s(?:after|when|before|while|though|although|whereas|because)\s")
_SUBORDINATOR = re.compile(r"^(?:though|although|whereas|because)\s+")
# "In one message, obtained by AppRiver, the senders said": the agent of a passive is not who speaks.
_AGENT_BY = re.compile(r"\bby\s+(?:the\s+)?$")
# "He was accused of …": a passive verb of saying, whose subject said nothing.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:[a-z]+ly\s+)?$")
_OPEN, _CLOSE = "“\"", "”\""
# "Khan, meanwhile, talking to the envoy Munter, said: “…”": a participial phrase between the subject
# and its speech verb names the person spoken to, not the speaker.
# "Okoye: “We will not back down”": a headline's (or a caption's) name and a colon before a quotation that opens
# its sentence; up to four capitalised words ("Gov. Ruth Okoye:", "Tessaly's Okoye:"), the speaker when they name a
# person of the cluster.
# A naming verb in the passive right before a quotation, its agent after it ("labeled “…” by the Justice Department")
_NAMING_PASSIVE = re.compile(r"\b(?:labell?ed|called|branded|dubbed|deemed|described\s+as)\s*$")
# A social media handle as the label of what it posted ("@danpfeiffer: “…”", after "…" in a digest of posts), and
# a post from one after a quotation ("“…,” read one Twitter post from @OneTermTooMany.")
_HANDLE_LABEL = re.compile(r"(?:^|[\s.…])(@\w{2,30})\s*:\s*$")
_POST_FROM = re.compile(r"^[,\s]*(?:[a-z]+\s+){0,2}(?:(?:an?|one|the|this)\s+)?(?:[A-Z]\w+\s+)?"
                        r"(?:post|tweet|message|comment|reply)\s+(?:from|by)\s+(@\w{2,30})\b")
_LABEL = re.compile(r"\s*((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)\s*:\s*")
# The dash or the comma that closes an aside right before a verb of saying ("… in the theft -- told"), and the dash
# that opens one.
_ASIDE_CLOSE = re.compile(r"(?:(\s*(?:--|—|–)|\s-)|,)\s*$")
_ASIDE_DASH = re.compile(r"\s*(?:--|—|–)\s*|\s-\s")
_PARTICIPLE = re.compile(r"\b(?:[a-z]+ing\s+(?:to|with)|addressing|meeting|briefing|visiting|interviewing|"
                         r"thanking|hosting|receiving|in\s+(?:a|an|his|her|their)\s+(?:\w+\s+)?(?:with|to))\b")


# What a cluster says of a person's sex, for a pronoun's antecedent (Hobbs, 1978, filters antecedents by agreement in
# gender): an honorific before the name ("Mr. Falk", "Ms. Marsh"), and the pronoun that first follows a mention of
# them in its sentence, before anyone else is named ("Falk said he …", "Falk lost his seat"), a subject pronoun
# counting more than an object or a possessive, which may stand for someone else ("Marsh spoke after him"). Not a
# pronoun of a later sentence, which is what the quotes' pronouns are resolved by.
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_HONORIFIC_IN = re.compile(r"(Mr|Mrs|Ms|Miss)\.?\s+(?=[A-Z])")
_THIRD_PERSON = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
_SEX = {"mr": "m", "he": "m", "him": "m", "his": "m", "mrs": "f", "ms": "f", "miss": "f", "she": "f", "her": "f",
        "hers": "f"}
_PRONOUN_SEX = {"he": "m", "she": "f"}
HONORIFIC_VOTES = 4  # an honorific says more than a pronoun
SUBJECT_VOTES = 2  # ... and "he"/"she" more than "his", "him" or "her"
MIN_SEX_VOTES = 3  # one pronoun alone says nothing
SEX_MAJORITY = 3  # ... and a person is one sex when the votes for it are three times those for the other


def sexes(cluster: Cluster, index: EntityIndex, min_votes: int = MIN_SEX_VOTES) -> dict[str, str]:
    """Each person the cluster marks consistently as a man ("m") or a woman ("f"); no one else (no list of first
    names: only what the articles write). With ``min_votes`` of 1, the sex the cluster leans to for each person
    it writes anything of: a pronoun alone."""
    votes: dict[str, dict[str, int]] = {}
    for aid in cluster.kept_ids:
        text = typeset_marks(cluster.article(aid).text)
        sents = cluster.sentences_of(aid)
        starts = [x.start for x in sents]
        quoted = quote_spans(text)
        people = [m for m in index.mentions.get(aid, []) if m.kind == "person"]
        for k, m in enumerate(people):
            tally = votes.setdefault(m.name, {"m": 0, "f": 0})
            honorific = _HONORIFIC.search(text, max(0, m.start - 6), m.start) or _HONORIFIC_IN.match(text, m.start,
                                                                                                       m.end)
            if honorific:
                tally[_SEX[honorific.group(1).lower()]] += HONORIFIC_VOTES
            if any(a <= m.start < b for a, b in quoted):
                continue
            s = bisect.bisect_right(starts, m.start) - 1
            limit = sents[s].end if s >= 0 else m.end
            if k + 1 < len(people):
                limit = min(limit, people[k + 1].start)
            for p in _THIRD_PERSON.finditer(text, m.end, limit):
                if not any(a <= p.start() < b for a, b in quoted):
                    tally[_SEX[p.group().lower()]] += SUBJECT_VOTES if p.group().lower() in _PRONOUN_SEX else 1
                    break
    out = {}
    for name, tally in votes.items():
        for sex, other in (("m", "f"), ("f", "m")):
            if tally[sex] >= min_votes and tally[sex] >= SEX_MAJORITY * tally[other]:
                out[name] = sex
    return out


@dataclass
class _Seg:
    article: str
    start: int  # of the quoted text (inside the marks)
    end: int
    speaker: str | None = None
    title: str = ""
    parts: list[tuple[int, int]] = field(default_factory=list)
    sentence: int = -1  # the index of the sentence it ends in
    open_end: int = -1  # where it ends at a paragraph break without a closing mark (the quotation goes on), else -1
    continues: bool = False  # ... and whether it is such a paragraph that goes on from the one before


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the text inside quotation marks. An opening mark met while a quote is open restarts
    it (a stray mark in scraped text), so one bad mark loses one quote, not all that follow. A straight
    mark (") is read by its shape, as :func:`.whole.straight_mark` reads it: one before a word after a space
    opens, one after a word closes; a closing one with nothing open (6'2", or the tail of a stray) opens
    nothing, so the marks after it still pair as written.

    A quote does not run over a paragraph break (an empty or blank line) without reopening; when the next
    paragraph opens with a mark, the paragraph ends a piece of the quotation (news quotes a statement over
    several paragraphs by leaving each one open and reopening the next), else the unclosed mark was a stray one."""
    out = []
    open_at = -1
    for k, c in enumerate(text):
        if c == '"':
            c = straight_mark(text, k, open_at >= 0)
        if c == "“":
            open_at = k + 1
        elif c == "”" and open_at >= 0:
            out.append((open_at, k))
            open_at = -1
        elif c == "\n" and open_at >= 0 and paragraph_break(text, k):
            if text[k:].lstrip().startswith(tuple(_OPEN)):
                out.append((open_at, k))
            open_at = -1
    return [(a, b) for a, b in out if len(words(text[a:b])) >= MIN_WORDS]


# “Face the Nation”, “Thin Blue Line”, “Make America Great Again”: a few words, each capitalised but the
# small ones, name a show, a book, a nickname or a slogan; they quote no one's words.
# A title with a subtitle after a colon ("Forward: Notes on the Future of Our Democracy.", a book) is longer.
_TITLE_WORD = re.compile(r"[A-Z0-9][\w’'./&@-]*|of|the|and|a|an|in|on|at|for|to|by|with|from|or|vs\.?")
MAX_TITLE_WORDS = 4
MAX_SUBTITLED_WORDS = 12


def is_title(quoted: str) -> bool:
    """Whether quoted text is a name or a title rather than someone's words."""
    parts = quoted.strip(" .,;:!?").split()
    subtitled = any(w.endswith(":") for w in parts[:-1])
    return (2 <= len(parts) <= (MAX_SUBTITLED_WORDS if subtitled else MAX_TITLE_WORDS)
            and (parts[0][0].isupper() or parts[0][0].isdigit())
            and all(_TITLE_WORD.fullmatch(w.removesuffix(":")) for w in parts))


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \n":
        a += 1
    while b > a and text[b - 1] in " ,\n":
        b -= 1
    return a, b


class _Attributor:
    def __init__(self, index: EntityIndex, aid: str, text: str, bounds: list[tuple[int, int]],
                 sex: dict[str, str] | None = None, lean: dict[str, str] | None = None) -> None:
        self.index, self.aid, self.text = index, aid, text
        self.sex = sex or {}
        self.lean = lean or {}  # the sex the cluster leans to for a person, on a pronoun alone (:func:`sexes`)
        self.bounds = bounds
        self.starts = [s for s, _ in bounds]
        self.mentions = index.mentions.get(aid, [])
        self.quoted_spans = quote_spans(text)
        self.relayed = False  # the last attribution after a quote was an outlet's "reported"
        self.aside = False  # ... or its speaker was named before an aside that holds another quotation
        self.pronoun = False  # ... or "it" ("“…,” it said"), the speaker of nothing before
        self.speakers: list[str] = []  # speakers of the article's quotes so far, in order
        self.quote_at = 0  # where the quotation being attributed opens
        self.last_quote: tuple[int, int, str | None] | None = None  # the one before: its sentences and its speaker

    def quoted(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted_spans)

    def sentence(self, pos: int) -> tuple[int, int]:
        k = max(0, bisect.bisect_right(self.starts, pos) - 1)
        return self.bounds[k]

    def in_region(self, a: int, b: int) -> list[Resolved]:
        return [m for m in self.mentions if a <= m.start and m.end <= b]

    def last_person_before(self, pos: int, pronoun: str = "") -> str | None:
        """The antecedent of "he"/"she": the last person named outside quotation marks, passing over
        one named inside a participial phrase ("Amsel, meeting chairman Hale, said …. “…,” she said"):
        that person is the object, and the subject is the likelier antecedent (Hobbs, 1978). A person the cluster
        marks as of the other sex (:func:`sexes`) is passed over too: "she" is no "Mr. Falk". One of unknown sex is
        not passed over for one of the pronoun's named before (on the dev sets that took "he said" from the man
        just named, whose sex the cluster does not write, for another man named before him)."""
        other = {"m": "f", "f": "m"}.get(_PRONOUN_SEX.get(pronoun.lower(), ""), "")
        people = [m for m in self.mentions if m.end <= pos and m.kind == "person" and not self.quoted(m.start)
                  and not (other and self.sex.get(m.name) == other)]
        subjects = [m for m in people if not self.in_participle(m.start)]
        best = subjects[-1] if subjects else (people[-1] if people else None)
        if best is not None and people and people[-1] is not best and self.sentence(best.start) < self.sentence(
                people[-1].start):
            best = people[-1]  # a later sentence names someone new: they are the antecedent
        if best is not None and (head := self.apposition_head(best, people)) is not None:
            best = head  # "Stacy Stephens, Knightscope's vice president, told me …. “…,” he told me": Stephens
        sex = _PRONOUN_SEX.get(pronoun.lower(), "")
        if best is not None and self.object_named(best):
            # "Meadows outlined the talks between Speaker Nancy Pelosi and Secretary Steven Mnuchin. He told …": the
            # subject of that sentence, not the people it names as the objects of a preposition or a verb; but one
            # of the pronoun's sex, as the cluster writes it, is not passed over for one the cluster leans to the other
            # sex for ("Rep. Dan Crenshaw took aim at Sen. Tammy Duckworth …, after she suggested"; "… when he took")
            sa, _ = self.sentence(best.start)
            free = [m for m in people if sa <= m.start < best.start and not self.object_named(m)]
            if free and not (sex and self.sex.get(best.name) == sex and self.lean.get(free[-1].name, sex) != sex):
                best = free[-1]
        described = self.described_before(pos)
        if described is not None and (best is None or best.start < described[0]):  # no one named since
            return described[1]  # "A spokesman for the Metropolitan police said … “…,” he said": the spokesman
        if best is not None:
            # "Ghandour said the government had assured Sudan that President Jacob Zuma had blamed … “…,” he said":
            # a person named inside what the subject of the sentence said is not the one who goes on speaking
            sa, _ = self.sentence(best.start)
            reporter = next((m for m in people if sa <= m.start < best.start and not self.possessor(m)
                             and not self.object_named(m) and _SPEECH.search(self.text, m.end, best.start)
                             and not (sex and self.sex.get(best.name) == sex and self.lean.get(m.name, sex) != sex)),
                            None)
            best = reporter or best
        return best.name if best else None

    def apposition_head(self, m: Resolved, people: list[Resolved]) -> Resolved | None:
        """The person an appositive that opens on ``m`` as a possessor describes ("Daniel Ortiz, Mayor Tom Baker's
        chief of staff, told …"): Baker only says whose chief of staff Ortiz is, and a "he" after it is Ortiz.
        None when ``m`` is no possessor or nobody is named right before the comma."""
        if not self.possessor(m):
            return None
        sa, _ = self.sentence(m.start)
        head = next((p for p in reversed(people) if sa <= p.start and p.end <= m.start), None)
        if head is None or not _APPOSITIVE_OPENING.fullmatch(self.text, head.end, m.start):
            return None
        return head

    def described_before(self, pos: int) -> tuple[int, str] | None:
        """A speaker described, not named, as the subject of a verb of saying that opens the sentence of ``pos``
        or the one before it ("A spokesman for the Metropolitan police said that …"): where it ends, and the description
        (a name inside it, "the Orlen police", is no one named after it)."""
        sa, _ = self.sentence(pos)
        for start in (sa, self.sentence(sa - 1)[0] if sa > 0 else None):
            if start is None:
                continue
            m = _DESCRIBED_SPEAKER.match(self.text, start, pos)
            if m and not self.quoted(m.start(1)):
                return m.end(1), clean_surface(m.group(1))
        return None

    def object_named(self, m: Resolved) -> bool:
        """Whether the person ``m`` is named as an object in their sentence ("a talk between X and Y", "met X", "with
        Y"), or as a word before a noun after a possessive ("after doing her best Joe Namath imitation"): not the
        subject a pronoun after it stands for."""
        sa, _ = self.sentence(m.start)
        before = self.text[sa : m.start]
        if _OBJECT_NAMED.search(before):
            return True
        after = re.match(r"\s+([a-z]+)\b", self.text[m.end : m.end + 30])
        return bool(_POSSESSIVE_BEFORE.search(before) and after and after.group(1) not in QUOTE_VERBS
                    and not re.fullmatch(r"[a-z]+(?:ed|s)|was|were|had|will|would|could|can|did|do|may|might|must|"
                                         r"should|shall|who|whose|whom|which|that|and|or|but", after.group(1)))

    def in_participle(self, pos: int) -> bool:
        sa, _ = self.sentence(pos)
        clause = self.text[sa:pos]
        clause = clause[clause.rfind(",") + 1 :]
        return bool(_PARTICIPLE.search(clause))

    def who(self, a: int, b: int, *, prefer_last: bool, previous: str | None, after_quote: bool = False) -> str | None:
        """The speaker named in ``text[a:b]``: after the quote, the first name there (“…,” X, a title,
        said); before it, the subject right before the verb (… after X told …: “…”)."""
        # a comma or a dash ends an aside ("When reporters suggested some to her — the theories … — she would reply")
        if prefer_last and (apposed := self.apposed(a, b)):
            return apposed
        chunks = [c for c in re.split(r",\s|\s(?:—|–|--)\s", self.text[a:b].strip(" ,.:;—–-\n")) if c.strip()]
        if not chunks:
            return None
        if not prefer_last and len(chunks) > 1 and _POSSESSED.match(chunks[0]) and (appos := [
                x for x in self.in_region(a, b)
                if x.kind == "person" and self.text[x.start : x.end] == chunks[1].strip()]):
            return appos[0].name  # "Obama’s … adviser, Lisa Monaco, told": the adviser, not the one advised
        if prefer_last and len(chunks) > 1 and re.match(r"(?:who|whose)\s", chunks[-1].strip()):
            chunks = chunks[:-1]  # "The Democrat, who served two terms as governor, vowed": the subject before it
            b = self.text.rfind(chunks[-1], a, b) + len(chunks[-1])
        chunk = chunks[-1] if prefer_last else chunks[0]
        chunk = _SUBORDINATOR.sub("", chunk.strip())
        if prefer_last and (close := _CLOSE_TO.fullmatch(chunk)):
            # "A source close to the Okafor family said": not "source close", nor the Okafor it is close to
            return clean_surface(close.group(1))
        if prefer_last:
            chunk = chunk.rsplit(" that ", 1)[-1]  # "an official said that experts concluded": the experts
        if not prefer_last:
            chunk = re.sub(r"^(?:that|which|who)\s+", "", chunk)  # "“…” that Trump officials say": the officials
            chunk = _RELATIVE.split(chunk, maxsplit=1)[0]  # "a GOP operative whose polling showed Clinton"
        phrase = re.split(r"\s+(?:on|in|at|during|after|before|when|while|to|though|although|whereas|because)\s+",
                          chunk.strip())
        phrase_text = _FILLER.sub("", (phrase[-1] if prefer_last and _SUBJECT_END.search(chunk) else phrase[0]).strip())
        if prefer_last and (rel := re.search(r"\s(?:who|that)$", phrase_text)):
            # "the newspaper quoted one senior official who said": the one the relative pronoun stands for, the
            # words after the last verb before it
            phrase_text = re.split(r"\s[a-z]+ed\s", phrase_text[: rel.start()])[-1]
        if _PRONOUN.match(phrase_text) or re.search(r"(?:^|\s)(?:he|she)$", phrase_text):
            # the antecedent of the pronoun where it stands ("… when Pelosi praised the pact, which she said …")
            # ("… when Pelosi praised the pact, which she said …"); a pronoun that is the clause's subject ("Asked
            # whether he would invite Obama, he said") is the sentence's topic, read from before the sentence
            at = self.text.rfind(phrase_text, a, b) if prefer_last and len(phrase_text.split()) > 1 else -1
            return self.last_person_before(at if at >= 0 else a, phrase_text.split()[-1])
        if re.fullmatch(r"it|It", phrase_text):
            self.pronoun = True  # "“…,” it said": not the speaker of the quote before, whoever that was
            return self.it_body(a)
        if re.fullmatch(r"they|They|we|We|I", phrase_text):
            return None
        if not prefer_last and (rel := _RELATIVE.search(self.text, a, b)) and self.text[a : rel.start()].strip():
            b = rel.start()  # "said a GOP operative whose polling showed Clinton ahead": not Clinton
        found = [m for m in self.in_region(a, b) if not (prefer_last and _AGENT_BY.search(self.text[a : m.start]))]
        if (owned := _OWNED.fullmatch(phrase_text)) and owned.group(3).split()[-1] not in _OWN_WORDS:
            # "“…,” Trump's lawyer said", "Reynolds' rep told": the one the owner has speak for them, not the owner
            # (the one the cluster gives an office so owned: "the city's police chief", :meth:`holder`)
            if re.match(r"[Tt]he\s", phrase_text) and (holder := self.holder(phrase_text, a)):
                return holder
            at = self.text.rfind(phrase_text, a, b)
            owner = [m for m in found if m.kind != "place" and at <= m.start and at + owned.end(1) <= m.end
                     <= at + owned.end(2)]  # the owner's name whole, not "Harlow" of "the Harlow family's lawyer"
            return f"{owner[-1].name}{owned.group(2)} {owned.group(3)}" if owner else clean_surface(phrase_text)
        if prefer_last and phrase_text and self.text[a:b].rstrip(" ,.:;—–-\n").endswith(phrase_text):
            # the subject right before the verb, when it is named: not a name earlier in the sentence ("Bashir
            # was re-elected, though the U.S. said …"); a body or a place only when it is all of its clause ("…
            # after saying he does not feel secure in China, said": China is where, not who)
            at = self.text.rfind(phrase_text, a, b)
            own = [m for m in found if at <= m.start and m.end <= at + len(phrase_text)
                   and (m.kind == "person" or (phrase_text == chunk and self.whole_phrase(m, phrase_text)))]
            if own:
                return own[-1].name
        people = [m for m in found if m.kind == "person"]
        if people:
            return (people[-1] if prefer_last else people[0]).name
        if (not found and re.fullmatch(r"[Tt]he\s+[A-Z][a-z]+", phrase_text)) or (
                (party := _PARTY_MEMBER.fullmatch(phrase_text))
                and all(m.kind == "place" and m.end <= a + phrase_text.find(party.group(1)) for m in found)):
            # "The Democrat … vowed", "the Florida Republican said": a capitalised noun for someone (a party's member,
            # a state's native), a place before it or not, is the person the article named last
            earlier_people = [m for m in self.mentions
                              if m.end <= a and m.kind == "person" and not self.quoted(m.start)]
            return earlier_people[-1].name if earlier_people else None
        if _NAME.fullmatch(phrase_text) and not any(m.name in phrase_text for m in found):
            return phrase_text  # a name the recogniser missed ("Shah Mahmood Qureshi")
        if found and all(m.kind == "place" for m in found) and _POSSESSED.match(phrase_text):
            return clean_surface(phrase_text)  # "Pakistan's foreign ministry": the body, not the place
        head = phrase_text.split()[-1].lower() if phrase_text.split() else ""
        if _DEFINITE.match(phrase_text):
            # the word itself, not a longer one ("official" is no "officials", "king" no "Viking")
            named = re.compile(rf"\b{re.escape(head)}\b")
            if head in _DOCUMENTS:
                return self.document_owner(head, a)
            if previous and named.search(previous.lower()):
                return previous
            holder = self.holder(phrase_text, a)
            if holder:
                return holder
            # "the official said" after another speaker came between: the last official quoted
            earlier = next((p for p in reversed(self.speakers) if named.search(p.lower())), None)
            return earlier or clean_surface(phrase_text)
        # a place in a longer phrase says where the speaker is from or works ("a federal judge in Maryland", "one
        # Florida Democratic operative", "Denver mayor"), not who spoke
        found = [m for m in found if m.kind != "place" or self.whole_phrase(m, phrase_text)]
        # a body or a place before a plural noun names the people of a group, who speak ("the GOP members wrote": the
        # members, not the party; "three Justice Department lawyers wrote")
        group = next((g for m in found if m.kind != "person" and (g := _GROUP_HEAD.match(self.text, m.end, b))), None)
        if group:
            at = next(m.start for m in found if m.end == group.start())
            return self.text[at : group.end()]
        if found and not _AGENT_NOUN.search(phrase_text):
            ranked = sorted(found, key=lambda m: m.kind == "place")  # places speak only through others
            return found[-1].name if prefer_last else ranked[0].name
        if not prefer_last and _POSSESSED_DESCRIPTION.fullmatch(phrase_text):
            return phrase_text
        if after_quote and not found and (desc := _DESCRIPTION.fullmatch(chunk.strip()) or _DESCRIPTION.fullmatch(
                phrase_text)):
            # "“…,” another parishioner said", "“…,” said a victim", "“…,” notes the study", "…, his lawyer said":
            # right after the quotation, a common noun with its determiner describes who spoke
            return re.sub(r"^(?:the|a|an)\s+", "", desc.group(1), flags=re.I)
        if _OTHER_PRONOUN.search(phrase_text):
            return None  # "the president offered his thoughts and prayers": a clause, not who spoke
        if re.match(r"(?:the|The)\s", phrase_text) and (holder := self.holder(_FROM_PLACE.sub("", phrase_text), a)):
            return holder  # "the city's police chief said", "the Republican senator from Florida": the one named
        if re.match(r"[A-Z]", phrase_text) or _AGENT_NOUN.search(phrase_text):
            return _group_speaker(clean_surface(re.sub(r"^(?:the|a|an)\s+", "", phrase_text, flags=re.I)))
        return None

    def named_by(self, q_start: int, q_end: int) -> str | None:
        """The agent of a passive naming verb whose complement is the quotation ("three cities labeled “anarchist
        jurisdictions” by the Justice Department"): a body or a person named right after "by"."""
        if not _NAMING_PASSIVE.search(self.text, max(0, q_start - 30), q_start - 1):
            return None
        by = re.match(r"[,]?\s+by\s+(?:the\s+)?", self.text[q_end : q_end + 12])
        if not by:
            return None
        agent = [m for m in self.mentions if q_end < m.start <= q_end + by.end() and m.kind != "place"]
        return agent[0].name if agent else None

    def document_owner(self, head: str, pos: int) -> str | None:
        """The speaker of "“…,” the statement said" (a ``head`` of :data:`_DOCUMENTS`, its words from ``pos``): whose
        statement the article names last before the quotation, in its sentence or the ``DOCUMENT_SENTENCES`` before
        it ("a statement from the Harbour Board", "Falk's campaign issued a statement", "Falk said in a statement");
        with no statement named there, the one quoted in the sentence right before ("“…,” the Harbour Board said on
        Twitter. “…,” the statement said"); else the statement itself. Not just the last one quoted (on the dev
        sets that had given a campaign's apology to the party chairman quoted two paragraphs before)."""
        k = bisect.bisect_right(self.starts, self.quote_at) - 1
        lo = self.bounds[max(0, k - DOCUMENT_SENTENCES)][0]
        # before the quotation and the words that attribute it ("The statement continued: “…”"), and not the words
        # that attribute a quotation before ("“…,” the statement added")
        named = [lo + m.start() for m in re.finditer(rf"\b{head}s?\b", self.text[lo : min(pos, self.quote_at)])
                 if not self.quoted(lo + m.start()) and not self.attributes(lo + m.start(), lo + m.end())]
        last = self.last_quote
        if not named:
            return last[2] if last is not None and last[2] and last[1] in (k - 1, k) else head
        # the last one named as someone's ("He called the letter “mind-boggling.”": whose letter, it does not say;
        # "saying in a statement that the flyer was no political statement": the first)
        for at in reversed(named):
            end = at + len(head) + (self.text[at + len(head) : at + len(head) + 1] == "s")
            sa, _ = self.sentence(at)
            if by := re.match(r"\s+(?:from|by|of)\s+(?:the\s+)?", self.text[end : end + 12]):
                agent = [m for m in self.mentions if m.start == end + by.end() and m.kind != "place"]
                if agent:
                    return agent[0].name  # "a statement from the Harbour Board"
            if _ISSUED.search(self.text, sa, at):
                break
        else:
            return head
        if owned := _OWNER_OPENS.match(self.text, sa, at):
            owner = [m for m in self.in_region(owned.start(1), owned.end(2) + 1)
                     if m.kind != "place" and m.end >= owned.end(1) - 1]
            if owner:  # "Falk's campaign issued a statement": the campaign's
                return f"{owner[-1].name}{owned.group(2)} {owned.group(3)}"
        if last is not None and last[2] and last[0] <= self.starts.index(sa) <= last[1]:
            return last[2]  # "Falk said in a statement: “…”. “…,” the statement added"
        return self.statement_subject(sa, end) or head

    def attributes(self, a: int, b: int) -> bool:
        """Whether the noun ``text[a:b]`` is the subject of a verb of saying after "the" ("the statement added")."""
        return bool(_SPOKE_AFTER.match(self.text, b) and _THE_BEFORE.search(self.text, max(0, a - 30), a))

    def statement_subject(self, sa: int, end: int) -> str | None:
        """"Falk said in a statement", "In a statement, the Harbour Board said": the subject of the sentence that
        names a statement (ending at ``end``), a person not named as an object, an owner or a word before a noun ("The
        Falk campaign dismissed it in a statement"), or a body that opens the sentence, or the clause after "In a
        statement,", as the subject of a verb of saying."""
        opens = end + 1 if self.text[end : end + 1] == "," else sa
        for m in self.in_region(sa, self.sentence(sa)[1]):
            if self.quoted(m.start):
                continue
            if m.kind == "person" and not (_OBJECT_BEFORE.search(self.text[sa : m.start]) or self.possessor(m)
                                           or self.modifier(m)):
                return m.name
            if m.kind == "org" and _SPOKE_AFTER.match(self.text, m.end) and any(
                    not re.sub(r"\b(?:the|The)\b", "", self.text[o : m.start]).strip() for o in (sa, opens)):
                return m.name
        return None

    def it_body(self, pos: int) -> str | None:
        """The body "it" stands for as a speaker ("Shell said the drilling was not new. It said: “…”", "In a
        statement, the agency said it had closed the case. “…,” it said"): the organisation the article names last,
        outside quotation marks, as the subject of a verb of saying in the sentence before ``pos`` or in that one;
        None when there is none (a letter, a report, a body the recogniser did not find)."""
        k = bisect.bisect_right(self.starts, pos) - 1
        lo = self.bounds[max(0, k - 1)][0]
        bodies = [m for m in self.mentions if lo <= m.start and m.end <= pos and m.kind == "org"
                  and not self.quoted(m.start) and _SPOKE_AFTER.match(self.text, m.end)]
        return bodies[-1].name if bodies else None

    def apposed(self, a: int, b: int) -> str | None:
        """"Jim Walton, president of CNN Worldwide, said": the person whose title is the apposition that ends
        ``text[a:b]``, not a name inside the title."""
        people = [m for m in self.in_region(a, b) if m.kind == "person"]
        for m in reversed(people):
            title = title_after(self.text, m.end)
            if title and re.fullmatch(r"[^,;:“”\"]*,\s*", self.text[m.end + title.end() : b]):
                return m.name
        return None

    def whole_phrase(self, m: Resolved, phrase: str) -> bool:
        """Whether the mention ``m`` is all of ``phrase`` but an article ("Russia", "the United States"): a
        place named as the one who speaks, not as where someone else is from."""
        rest = phrase.replace(self.text[m.start : m.end], " ", 1)
        return not re.sub(r"\b(?:the|The)\b", " ", rest).strip(" ,.;:")

    def opens_clause(self, m: Resolved, a: int) -> bool:
        """Whether the place ``m`` is the subject that ``text[a:]`` opens with ("Russia said …", "The United
        States, …, saying"), not a word of a longer subject ("A federal judge in Maryland …")."""
        before = re.sub(r"\b(?:the|The)\b", " ", self.text[a : m.start]).strip(" \n")
        # ... nor a word before a name's or a description's head ("The Arizona Republican has …, saying": the senator)
        return not before and not re.match(r"\s+[a-z]|\s+[A-Z][a-z]", self.text[m.end : m.end + 4])

    def possessor(self, m: Resolved) -> bool:
        """Whether ``m`` owns the noun after it ("Boise’s lead counsel", "Trump's lawyer"): that one speaks."""
        after = self.text[m.end : m.end + 5]
        return (re.match(r"[’']s\s+[a-z]", after) is not None
                # "Daniels' lawyer", whether the tagger took the mark in or not
                or (self.text[m.end - 1 : m.end] == "s" and re.match(r"[’']\s+[a-z]", after) is not None)
                or (self.text[m.end - 2 : m.end] in ("s'", "s’") and re.match(r"\s+[a-z]", after) is not None)
                # "Falk's", the tagger took the "'s" in
                or re.match(r"[’']s\s+[a-z]", self.text[m.end - 2 : m.end + 3]) is not None)

    def in_aside(self, q_start: int) -> bool:
        """Whether the quotation opening after ``q_start`` ends an aside between a subject and its verb of saying
        ("X, hours after papers came out calling Y the “main organiser” of the blockade, told reporters")."""
        end = next((b for a, b in self.quoted_spans if a == q_start + 1), -1)
        if end < 0:
            return False
        tail = self.text[end + 1 : self.sentence(q_start)[1]]
        verb = _SPEECH.search(tail)
        return bool(verb and not any(c in tail[: verb.start()] for c in _OPEN)
                    and _ASIDE_CLOSE.search(tail[: verb.start()]))

    def modifier(self, m: Resolved) -> bool:
        """Whether ``m`` is a name used as a word before a noun, after "the" ("the Trump administration's plan")."""
        return re.search(r"\b[Tt]he\s+$", self.text[max(0, m.start - 5) : m.start]) is not None

    def labelled(self, a: int, b: int, label: str) -> str | None:
        """The person a headline-style label names ("Okoye:" before a quotation): the person mentioned there, or
        the person the cluster knows by those words; None for anything else ("Update:", "Watch:", a place)."""
        people = [m for m in self.in_region(a, b) if m.kind == "person"]
        if people:
            return people[-1].name
        name = self.index.canon.get(clean_surface(label))
        return name if name is not None and self.index.kind.get(name) == "person" else None

    def aside_subject(self, a: int, after_cut: int, verb_at: int, previous: str | None) -> str | None:
        """"Chief Thomas Jackson -- hours after documents labelled Brown the “primary suspect” in the theft -- told
        reporters “…”", "Jackson, who called it “a lie,” told …": a quotation inside an aside between dashes or
        commas, between the subject and its speech verb (at ``verb_at``), is no attribution's end; the speaker is
        the one named before the aside (from ``a``), when one is (a person or a body). ``after_cut``
        is just after the aside quotation's closing mark."""
        between = self.text[after_cut:verb_at]
        closer = _ASIDE_CLOSE.search(between)
        if closer:
            dash = closer.group(1) is not None
        elif not between.strip() and self.text[after_cut - 2 : after_cut - 1] == ",":
            dash = False  # “… a lie,” told
        else:
            return None
        opened = max(self.text.rfind(c, a, after_cut - 1) for c in _OPEN)
        if opened < 0:
            return None
        before = self.text[a:opened]
        if dash:
            openers = list(_ASIDE_DASH.finditer(before))
            at = a + openers[-1].start() if openers else -1
        else:
            at = a + before.rfind(",") if "," in before else -1
        if at <= a or any(c in self.text[a:at] for c in _OPEN + _CLOSE):
            return None  # no subject before it, or another quotation there
        if not any(m.kind in ("person", "org") for m in self.in_region(a, at)) and not _AGENT_NOUN.search(
                self.text, a, at):
            return None  # ... a person or a body, named or described ("a senior official, who spoke “…” …, said")
        speaker = self.who(a, at, prefer_last=True, previous=previous)
        self.aside = speaker is not None
        return speaker

    def holder(self, description: str, pos: int) -> str | None:
        """The person a definite description of an office stands for ("the president", "the city's police chief"):
        of the people the cluster gives that office (their title read whole by :func:`.entities.office`: "the vice
        president" is no president), the one the article names last before ``pos`` outside quotation marks, else
        the only one; None when the cluster gives no one that office, or several and the article names none.
        "The former president" is one the cluster calls a former holder ("former President Ana Ruiz"), "the
        president" one it does not, whoever the article named last; when the article names two holders of the
        office and neither fits so, or none of them fits "the former president", no one."""
        want = office(description)
        was = _FORMER_DESCRIPTION.search(description) is not None
        holders = {p for p, t in self.index.title.items() if self.index.kind.get(p) == "person" and office(t) == want}
        named = [m.name for m in self.mentions if m.end <= pos and m.name in holders and not self.quoted(m.start)]
        fitting = [n for n in (named or sorted(holders)) if (want in self.index.former.get(n, ())) == was]
        if named:
            if fitting:
                return fitting[-1]
            if was:
                return None  # "the former president" is none of the holders the article names
            return named[-1] if len(set(named)) == 1 else None
        if len(fitting) == 1:
            return fitting[0]
        return next(iter(holders)) if len(holders) == 1 and not was else None

    def described_subject(self, a: int, b: int) -> str | None:
        """"The administration welcomed …": a subject named by a role or a body, not by a name; a role is the person
        who holds it when the cluster names them (:meth:`holder`)."""
        m = _SUBJECT_NOUN.match(self.text[a:b])
        if m:
            return self.holder(m.group(1), a) or clean_surface(m.group(1))
        m = _GROUP_SUBJECT.match(self.text[a:b])
        return _group_speaker(m.group(1) or m.group(2)) if m else None

    def first_subject(self, a: int, b: int) -> str | None:
        """The first person named in ``text[a:b]`` who is no object ("… met Y", "… with Y") nor the owner of one ("He
        referenced Ford's memory and suggested …"); after a pronoun that opens it, the one it stands for ("Mimicking
        her testimony, he referenced …": the subject is "he")."""
        opener = re.match(r"\s*(?:[A-Z][\w ,]*?,\s*)?(He|She|he|she)\s", self.text[a:b])
        for m in self.in_region(a, b):
            if opener and m.start >= a + opener.end(1):
                break
            if (m.kind == "person" and not _OBJECT_BEFORE.search(self.text[a : m.start])
                    and not self.possessor(m)):
                return m.name
        return self.last_person_before(a + opener.start(1), opener.group(1)) if opener else None

    def after(self, q_end: int, limit: int, previous: str | None) -> str | None:
        """“…,” X said / “…,” said X / “…,” according to X."""
        region = self.text[q_end:limit]
        stop = min((region.find(c) for c in _OPEN if c in region), default=len(region))
        region = region[:stop]
        if post := _POST_FROM.match(region):
            return post.group(1)
        m = _SPEECH.search(region)
        if (read := _READ_AFTER.match(region)) and not (m and m.start() < read.end(1)):
            # "“…,” the majority opinion read in part", "“…,” the statement reads": what a text says is its words (a
            # statement that reads is no speaker's before, as one that "added" is: "The transition team dismissed the
            # findings in a statement. “…,” the statement read" had been the one quoted before)
            return self.who(q_end + read.start(1), q_end + read.end(1), prefer_last=False, previous=None,
                            after_quote=True)
        if m and ";" not in region[: m.start()] and (aside := _NAME_THEN_ASIDE.match(region[: m.start()])):
            # "“…,” New York Gov. Andrew Cuomo, assessing the scope of a hurricane that …, told NBC News": the
            # person named before a long aside of an "-ing" clause
            named = [x for x in self.in_region(q_end, q_end + aside.end(1)) if x.kind == "person"]
            if named:
                return named[-1].name
        if not m or len(words(_APPOSITION.sub(",", region[: m.start()], 1))) > 10 or ";" in region[: m.start()]:
            return None  # "…”; urged Americans to …": a new clause after a semicolon credits nothing before it
        if m.group() == "according to" and re.search(r",\s+(?:who|which)\s", region[: m.start()]):
            return None  # "“…” in Wilson, who had a swollen face, according to authorities": the aside's source
        self.relayed = m.group() in RELAY_VERBS
        base = q_end
        # verb first, the speaker after it: right after the quotation, or after the rest of the clause that the
        # quotation closed inside of ("“… and stop” the virus, said Kathrin Jansen")
        # (not "…, told Fox News": whom one told; not "…,” Shah Qureshi, the minister, said Tuesday": a subject first)
        inverted = (m.group() not in OBJECT_VERBS and re.search(r",\s*$", region[: m.start()])
                    and re.match(r"\s+[A-Z]", region[m.end() :])
                    and not any(x.kind != "place" for x in self.in_region(q_end, q_end + m.start())))
        if not words(region[: m.start()]) or m.group() == "according to" or inverted:
            # an adverb ("said quietly X") is lower case: "said Emily Roberts" names Emily Roberts
            tail = re.match(r"\s*(?:[a-z]+ly\s+|to\s+[A-Z][\w.]*\s+)?", region[m.end() :])
            off = m.end() + (tail.end() if tail else 0)
            return self.who(base + off, base + len(region), prefer_last=False, previous=previous, after_quote=True)
        # "“…” to Karamat, Khan wrote", "“…” without consent, officials said": a phrase that goes on from the quotation
        # comes first; the subject is last
        goes_on = re.match(r"\s*(?:to|for|from|with|without|by|about|at|in|on|of|into|over|against|during)\s", region)
        return self.who(base, base + m.start(), prefer_last=bool(goes_on), previous=previous, after_quote=True)

    def before(self, sent_start: int, q_start: int, previous: str | None) -> str | None:
        """X said: “…” / X said that … “…” (the subject of the last speech verb before the quote)."""
        region = self.text[sent_start:q_start]
        att_start = sent_start
        cut = max((region.rfind(c) for c in _CLOSE), default=-1)
        if cut >= 0:
            sent_start, region = sent_start + cut + 1, region[cut + 1 :]
        verbs = [v for v in _SPEECH.finditer(region)
                 if not (v.group().endswith("ed") and _PASSIVE.search(region, 0, v.start()))]
        if not verbs and (opening := _VERB_FIRST.match(region)):
            # "Says one family friend: “…”", "Said Williams, who has family buried at the site: “…”": the verb
            # first, who said it after it
            return self.who(sent_start + opening.start(1), sent_start + opening.end(1), prefer_last=False,
                            previous=previous, after_quote=True)
        if not verbs and (handle := _HANDLE_LABEL.search(region)):
            return handle.group(1)  # "… @blakehounshell: “I’m old enough …”": the account that posted it
        if not verbs and (label := _LABEL.fullmatch(region)):
            return self.labelled(sent_start, sent_start + label.end(1), label.group(1))
        if not verbs:
            naming = list(_NAMING.finditer(region))
            at = sent_start + naming[-1].start() if naming else sent_start
            # the naming verb's subject: a person right before it, but for an aside between commas and a word or
            # two ("Conard, who …, started calling"); not one it names as an object ("The woman to accuse X of
            # misconduct described him as"), nor the owner of the subject ("Neruda's publisher called")
            people = [m for m in self.in_region(sent_start, at) if m.kind == "person" and not self.possessor(m)
                      and len(words(_APPOSITION.sub(",", self.text[m.end : at]))) <= MAX_NAMING_GAP]
            pronoun = re.search(r"(?:^|\s)(He|She|he|she)\s+$", region[: naming[-1].start()]) if naming else None
            if pronoun and not (people and people[-1].end > sent_start + pronoun.start()):
                # "He called the letter “quite mind-boggling.”", "… a reaction he called “lunar hay fever”"
                return self.last_person_before(sent_start + pronoun.start(1), pronoun.group(1))
            return people[-1].name if people else None
        v = verbs[-1]
        if _OTHERS_CHANT.search(region, v.end()):
            return None  # "The White House said Trump did not hear someone shouting “white power”": not its words
        if v.group().endswith("ing") or v.group() == "according to":
            first = [m for m in self.in_region(att_start, sent_start + v.start())
                     if not self.possessor(m) and not self.quoted(m.start)  # "“… 'Mitt, drop …',” Trump said, adding"
                     and not (m.kind == "person" and (self.modifier(m) or self.object_named(m)))

                     and (m.kind != "place" or self.opens_clause(m, att_start))
                     # "Viral tweets alleged …, adding": a word before a plural noun and its verb modifies the subject
                     and (m.kind == "person" or not _MODIFIES_SUBJECT.match(self.text, m.end))
                     # "The Arizona Republican has …, saying": a name before a capitalised head is no subject
                     and (m.kind == "person" or not re.match(r"\s+[A-Z][a-z]", self.text[m.end : m.end + 3]))]
            people = sorted(first, key=lambda m: ("person", "org", "place").index(m.kind))
            if v.group() == "according to":
                return self.who(sent_start + v.end(), q_start, prefer_last=False, previous=previous)
            if self.in_aside(q_start):
                return None  # "X -- hours after papers came out calling Y the “main organiser” -- told": the aside's
            opener = re.match(r"\s*(He|She)\s", self.text[att_start:q_start])
            if not people and opener:
                # "He acknowledged that … constitutes a crisis, calling it “one of the toughest challenges we face”"
                return self.last_person_before(att_start + opener.start(1), opener.group(1))
            return people[0].name if people else self.described_subject(att_start, q_start)
        if cut >= 0 and (subject := self.aside_subject(att_start, sent_start, sent_start + v.start(), previous)):
            return subject
        if region[: v.start()].rstrip().endswith(";"):
            # "He claimed …; said that she lacked “…”": the verb's subject is the sentence's, left out after the
            # semicolon; a pronoun that opens the sentence is the one name to be sure of
            opener = re.match(r"\s*(He|She)\b", self.text[att_start:q_start])
            return self.last_person_before(att_start, opener.group(1)) if opener else None
        if _COORDINATED.search(region, 0, v.start()):
            subject = self.first_subject(sent_start, sent_start + v.start())
            if subject:
                return subject
        p = _PARTICIPLE.search(region, 0, v.start())
        if p and any(m.kind != "place" for m in self.in_region(sent_start, sent_start + p.start())):
            return self.who(sent_start, sent_start + p.start(), prefer_last=False, previous=previous)
        return self.who(sent_start, sent_start + v.start(), prefer_last=True, previous=previous)


# After a quotation, a name (its title before it) and an aside of an "-ing" clause that ends with a comma before the
# verb of saying
_NAME_THEN_ASIDE = re.compile(r"^[,\s]*((?:[A-Z][\w.’'-]*\s+){1,5}?[A-Z][\w.’'-]*),\s+[a-z]+ing\s[^“”\"]*,\s*$")
# "Shell said", "the agency, in a statement, had said": a body named as the subject of a verb of saying
_SPOKE_AFTER = re.compile(rf"\s*(?:,[^,“”\"]{{1,60}},\s*)?(?:(?:has|had|also|then|later)\s+)?{_SPEECH.pattern}")
_FORMER_DESCRIPTION = re.compile(r"\b(?:former|ex-)", re.IGNORECASE)
# A text that says what it quotes ("“…,” the statement said"): its owner speaks, or it does (:meth:`document_owner`)
_DOCUMENTS = ("statement", "letter", "report", "text", "document", "memo")
# ... and its owner's name that opens a sentence, with the noun it owns ("Falk's campaign", "Falk’s statement")
_OWNER_OPENS = re.compile(r"\s*((?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*?)([’']s|(?<=s)[’'])\s+"
                          r"((?:[a-z]+al\s+)?[a-z][a-z-]*)")
# ... and the words that make it someone's: "in a statement", "issued a statement", "a statement sent to"
_ISSUED = re.compile(r"\b(?:[Ii]n|via|through|issued|released|sent|put\s+out|published|posted|wrote|gave)\s+"
                     r"(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}$")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}$")
DOCUMENT_SENTENCES = 2  # sentences before a quotation's that may name the statement it is from
MAX_WORDS_BEFORE_ASKED = 4  # "McCain asked", "the former vice president asked": the subject of a short attribution


def _attribution_after(text: str, a: int, b: int, eb: int, bounds: list[tuple[int, int]], last: int) -> int | None:
    """The sentence after the quotation ``text[a:b]`` that attributes it, when the segmenter ended its sentence at the
    question or exclamation mark that closes it ("“…?” McCain asked reporters."): the next sentence of its paragraph,
    opening with a verb of saying after at most ``MAX_WORDS_BEFORE_ASKED`` words and no quotation mark; else None."""
    if text[a:b].rstrip()[-1:] not in ("?", "!") or text[b + 1 : eb].strip() or last + 1 >= len(bounds):
        return None
    start, end = bounds[last + 1]
    if "\n" in text[eb:start]:
        return None
    verb = _SPEECH.search(text, start, end)
    if verb is None or any(c in text[start : verb.start()] for c in _OPEN + _CLOSE):
        return None
    return last + 1 if len(words(text[start : verb.start()])) <= MAX_WORDS_BEFORE_ASKED else None


def _group_speaker(phrase: str) -> str:
    """A speaker named by a group's common noun alone, as news writes it inside a sentence: "Police" that opens one
    is the "police" of "…,” police said"; any other phrase as it is."""
    return phrase.lower() if re.fullmatch(_GROUP, phrase.lower()) and " " not in phrase else phrase


def typeset_marks(text: str) -> str:
    """``text`` with the quotation marks of old wire copy (``like this'') as “ and ”, at the same
    offsets: each pair of characters becomes a mark and a space on its outer side."""
    return text.replace("``", " “").replace("''", "” ")


def _segments(index: EntityIndex, cluster: Cluster, aid: str, sex: dict[str, str] | None = None,
              lean: dict[str, str] | None = None) -> list[_Seg]:
    text = typeset_marks(cluster.article(aid).text)
    bounds = [(s.start, s.end) for s in cluster.sentences_of(aid)]
    if not bounds:
        return []
    att = _Attributor(index, aid, text, bounds, sex, lean)
    out: list[_Seg] = []
    previous: str | None = None
    prev_sent = -10
    for a, b in quote_spans(text):
        if is_title(text[a:b]):
            continue  # a show or a slogan named: no one's words, and no speaker for the quotes after it
        sa, _ = att.sentence(a)
        first = bisect.bisect_right(att.starts, a) - 1
        last_sent = bisect.bisect_right(att.starts, max(a, b - 1)) - 1
        _, eb = bounds[last_sent]
        att.relayed = att.aside = att.pronoun = False
        att.quote_at = a
        att.last_quote = (att.starts.index(att.sentence(out[-1].parts[0][0])[0]), out[-1].sentence,
                          out[-1].speaker) if out else None
        named = att.named_by(a, b + 1)
        speaker = named or att.after(b + 1, eb, previous)
        if speaker is None and (asked := _attribution_after(text, a, b, eb, bounds, last_sent)) is not None:
            # "“Why do they go past the deadline?” McCain asked reporters.": the segmenter ends the sentence at the
            # question mark, and the attribution is the next one
            att.relayed = att.aside = False
            speaker = att.after(b + 1, bounds[asked][1], previous)
            if speaker is not None:
                last_sent = asked
        if speaker is None or att.relayed:
            # "The ministry said that X is seeking “…,” Aurora newspaper reported": the outlet relays
            # the words of the speaker before the quote, when there is one.
            speaker = att.before(sa, a - 1, previous) or speaker
        s0, s1 = _strip(text, a, b)
        opens_sentence = not text[sa : a - 1].strip()
        # the next paragraph of a quotation that the last one left open at its end (news reopens the mark on each
        # paragraph of a quoted statement and closes only the last): the same speaker's words
        goes_on = bool(out) and out[-1].open_end >= 0 and not text[out[-1].open_end : a - 1].strip()
        if speaker and goes_on and out[-1].speaker is None and not (att.relayed or att.aside):
            for seg in reversed(out):  # "“…\n\n“…,” she said": the paragraphs before are hers too
                seg.speaker, seg.title = speaker, index.title.get(speaker, "")
                if not seg.continues:
                    break
        if att.pronoun:
            pass  # "“…,” it said" names its own speaker, or none: not the one of the quote before
        elif speaker is None and out and first == prev_sent and out[-1].speaker:
            speaker = out[-1].speaker  # a second quote in the same sentence: the same speaker
        elif speaker is None and out and opens_sentence and first == prev_sent + 1 and out[-1].speaker:
            last = out[-1]  # the rest of a quotation split across sentences
            last.parts.append((s0, s1))
            last.end, last.sentence = s1, last_sent
            last.open_end = b if text[b : b + 1] not in _CLOSE else -1
            prev_sent = last_sent
            continue
        elif speaker is None and goes_on and out[-1].speaker:
            speaker = out[-1].speaker
        if speaker and out and out[-1].speaker is None and out[-1].sentence == first and not (att.relayed or att.aside):
            # "“The design …” allowed them to “put the pieces together,” Hecker said": the sentence's first quotation
            # is the speaker's too (not one in an aside: "X -- after documents called him the “primary suspect” --
            # told …")
            out[-1].speaker, out[-1].title = speaker, index.title.get(speaker, "")
        title = index.title.get(speaker, "") if speaker else ""
        out.append(_Seg(aid, s0, s1, speaker, title, [(s0, s1)], last_sent,
                        b if text[b : b + 1] not in _CLOSE else -1, goes_on))
        previous = speaker or previous
        if speaker:
            att.speakers.append(speaker)
        # what one called someone is no statement that the sentence's next quotation goes on with ("Neruda, called
        # “…” by García Márquez, won the Nobel prize for “…”")
        prev_sent = last_sent if named is None else -10
    return out


def _terms(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def _contained(small: list[str], big: list[str], bag: frozenset[str] | None = None) -> bool:
    """Whether the quotation of terms ``small`` is ``big`` or a fragment of it: most of its content words (no "it",
    "a": “It's a Corolla. It's fine.” is no fragment of “… a story. One day my Corolla started making a sound …”).
    ``bag``: ``big``'s terms as a set, when the caller holds them (one quotation is tried against many)."""
    content = [t for t in small if t not in STOPWORDS]
    if len(small) < MIN_MERGE_TERMS or len(content) < MIN_CONTENT_TERMS:
        # "doing nothing": too short to be the same quote by words alone
        return len(small) == len(big) and " ".join(small) in " ".join(big)
    bag = frozenset(big) if bag is None else bag
    return sum(t in bag for t in content) / len(content) >= MERGE_CONTAINMENT


def _speakers_words(s: _Seg, small: str, g: list[_Seg], big: str) -> bool:
    """Whether the short quotation ``s`` (of text ``small``, too short for :func:`_contained` to read it by its
    words alone) is a run of words of the longer quotation of group ``g`` (of text ``big``) that its own speaker is
    given too: one outlet quotes two words of a statement another quotes whole (Falk said the contract was “very
    important” / Falk said: “The new contract is very important to the dockers …”), and the short one had been a
    quotation of its own, credited to its outlet alone. The same speaker and the same words, as written, in a row,
    one a content word at least: another speaker's “very important”, the same speaker's “important contract”, or
    “doing nothing” beside “… do nothing for us”, stays apart."""
    mine = [w.lower() for w in words(small)]
    content = [w for w in mine if w not in STOPWORDS]
    if s.speaker is None or not content or (len(mine) >= MIN_MERGE_TERMS and len(content) >= MIN_CONTENT_TERMS):
        return False
    if all(x.speaker != s.speaker for x in g):
        return False
    return f" {' '.join(mine)} " in f" {' '.join(w.lower() for w in words(big))} "


def quotes(cluster: Cluster, index: EntityIndex) -> tuple[Quote, ...]:
    sex, lean = sexes(cluster, index), sexes(cluster, index, min_votes=1)
    segs = [s for aid in cluster.kept_ids for s in _segments(index, cluster, aid, sex, lean)]
    texts = {id(s): " … ".join(cluster.article(s.article).text[a:b].strip() for a, b in s.parts) for s in segs}
    terms = {id(s): _terms(texts[id(s)]) for s in segs}
    groups: list[list[_Seg]] = []
    bags: list[frozenset[str]] = []  # each group's first quotation's terms
    for s in sorted(segs, key=lambda s: -len(terms[id(s)])):  # longest first: fragments join them
        for g, bag in zip(groups, bags, strict=True):
            if _contained(terms[id(s)], terms[id(g[0])], bag) or _speakers_words(s, texts[id(s)], g, texts[id(g[0])]):
                g.append(s)
                break
        else:
            groups.append([s])
            bags.append(frozenset(terms[id(s)]))
    order = {a.id: k for k, a in enumerate(cluster.articles)}
    carried = copies(cluster)
    out = []
    for g in groups:
        arts: list[str] = []
        for s in g:
            # a near-duplicate copy is credited with the quotation only where its own text holds the quoted words
            # (a trimmed copy may have cut it): one of its parts, a fragment being the same quotation
            text = cluster.article(s.article).text
            arts += [s.article, *(d for a, b in s.parts for d in carried.quoting(s.article, text[a:b]))]
        named = [s.speaker for s in g if s.speaker]
        # A named entity beats a description ("an unnamed official"); then the most frequent.
        speaker = max(named, key=lambda n: (n in index.kind, named.count(n), -named.index(n))) if named else None
        out.append(
            Quote(
                text=texts[id(g[0])],
                speaker=speaker,
                title=index.title.get(speaker, "") if speaker else "",
                articles=tuple(sorted(set(arts), key=order.__getitem__)),
                spans=tuple(Span(s.article, a, b) for s in g for a, b in s.parts),
            )
        )
    out.sort(key=lambda q: (-len(q.articles), min(order[a] for a in q.articles), q.spans[0].start))
    return tuple(out)
