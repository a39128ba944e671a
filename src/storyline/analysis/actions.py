"""What an entity is reported to do: the verb phrase of which it is the grammatical subject.

With a dependency parse (spaCy's, Honnibal & Johnson, 2015, an arc-eager transition parser) the
action of a subject is its head verb, with the auxiliaries before it and the complements after it,
cut where the clause ends: at punctuation, at a coordinated or adverbial clause (``conj``, ``advcl``,
``parataxis``), at a relative clause. Copulas and bare auxiliaries ("Pakistan were", "is") are no
action. Without a parser, :func:`verb_phrase` applies the same limits to the words after a mention.
"""

from __future__ import annotations

import re
from typing import Any

MIN_WORDS = 2
MAX_WORDS = 14
# A clause ends at these: a second verb of its own, a reason or time clause, an aside.
_STOP_DEPS = frozenset("conj cc advcl parataxis relcl punct appos mark".split())
_LIGHT = frozenset("be is are was were been being am 's ’s have has had having do does did".split())
_DANGLING = frozenset("the a an of to in on at for with by from and or but that which who as its his her their "
                      "our this these those is are was were be been has have had will would".split())


def _trim(tokens: list[Any]) -> list[Any]:
    """No phrase ends on a function word ("urged the country to assist the")."""
    while tokens and (tokens[-1].lower_ in _DANGLING or tokens[-1].is_punct or tokens[-1].tag_ == "POS"
                      or tokens[-1].is_space):
        # "is seeking Islamabad’s [“help”]": a possessive without its noun goes with its owner
        tokens = tokens[:-2] if tokens[-1].tag_ == "POS" else tokens[:-1]
    return tokens


# A phrase cut short ends before one of these: a constituent that the words before it do not need.
_OPTIONAL_DEPS = frozenset("prep advmod npadvmod advcl ccomp xcomp relcl acl appos mark dep parataxis agent "
                           "punct".split())


def _optional_at(doc: Any, p: int, start: int) -> bool:
    """Whether a constituent the phrase can do without starts at token ``p``: a clause, a prepositional
    phrase, a coordinated verb ("and discussed …"), hanging on a word in ``doc[start:p]``. A noun's
    coordination ("between A [and B]") is no such constituent: cutting it leaves half a phrase; nor is
    the clause of a verb that has nothing else after it ("hoping [that …]")."""
    u = doc[p]
    if u.left_edge.i != p:
        return False
    while True:
        if start <= u.head.i < p and (u.dep_ in _OPTIONAL_DEPS or (
                u.dep_ in ("cc", "conj") and u.head.tag_.startswith("VB"))):
            # "hoping [that …]": a verb is not left without the clause it governs
            return u.dep_ not in ("ccomp", "xcomp") or any(u.head.i < c.i < p for c in u.head.rights)
        if u.head.i == u.i or u.head.left_edge.i != p:
            return False
        u = u.head


def _clean_end(doc: Any, start: int, limit: int, verb: Any) -> int:
    """The last end at or before ``limit`` that closes every phrase it opens: every word before it
    hangs on a word before it, and what follows is a constituent the phrase can do without. "said he
    would advocate ties between A and B [as Veld was …]", not "… as Veld"; else the verb alone."""
    for p in range(min(limit, len(doc)), verb.i, -1):
        if p == len(doc) or (_optional_at(doc, p, start) and not _splits(doc, p, verb)
                             and all(t.head.i < p for t in doc[start:p] if t.i != verb.i)):
            return p
    return verb.i + 1


def _splits(doc: Any, p: int, verb: Any) -> bool:
    """Whether an end at token ``p`` cuts a written word ("it had re[-opened]") or leaves a participle that
    modifies the words before it without any of its complements ("buses from the terminal starting [at 6
    a.m.]", "a group calling [for …]"; "will continue producing" is whole): the end is then no end of a
    phrase."""
    last = doc[p - 1]
    if not last.whitespace_ and not doc[p].is_space and (not doc[p].is_punct or doc[p].text in ("-", "–")):
        return True
    rights = [c.i for c in last.rights]
    return (last.i != verb.i and last.tag_ == "VBG" and last.dep_ in ("advcl", "acl") and bool(rights)
            and min(rights) >= p)


def _subtree_until(token: Any, stop: int) -> tuple[list[Any], int]:
    """The words of ``token``'s subtree up to word ``stop``, in their order, and the index of its last word.
    spaCy's ``subtree`` walks every word's children through nested generators: a long paragraph without a full
    stop, parsed as one deep tree, made reading each subject's subtree whole cost the square of its depth, and
    50 kB of such text took minutes. The phrase never keeps more than ``MAX_WORDS`` words anyway."""
    first, last = token.left_edge.i, token.right_edge.i
    doc = token.doc
    return [t for t in doc[first : min(last, stop) + 1] if t.i == token.i or token.is_ancestor(t)], last


def _opening(t: Any) -> bool:
    """Whether token ``t`` opens a quotation: “, or a straight mark after a space and before a word (a straight
    mark glued to the word before it closes one: Nobody "likes" a loser)."""
    if t.text == "“":
        return True
    return t.text == '"' and not t.whitespace_ and (t.i == 0 or bool(t.doc[t.i - 1].whitespace_))


def _closing(t: Any) -> bool:
    """Whether token ``t`` closes a quotation, or holds a closing mark the tokenizer glued to a word ("Bridesmaids”-
    inspired")."""
    return "”" in t.text or (t.text == '"' and not _opening(t))


def _quoted_object(child: Any, sub: list[Any]) -> int | None:
    """The index of the quotation mark that opens the verb's object ``child`` (its words ``sub``) before its head
    word and does not close before it ("seeking Islamabad’s “assistance …”"), if one does: the object is quoted,
    and a phrase cut at the mark would be the verb without it. Not a quotation that names a modifier ("the
    “Bridesmaids”-inspired trend"), nor one that opens further on, in a clause or a phrase the object governs:
    those are cut as before."""
    if child.dep_ != "dobj":
        return None
    mark = next((t for t in sub if t.is_punct), None)
    if mark is None or not _opening(mark) or mark.i > child.i:
        return None
    return None if any(_closing(t) for t in child.doc[mark.i + 1 : child.i]) else mark.i


def _opens_object(mark: Any, after: list[Any]) -> bool:
    """Whether ``mark``, a child of the verb, is a quotation mark that opens the verb's object, the next child
    ``after`` it: "promised “a full inquiry”"."""
    return _opening(mark) and bool(after) and after[0].dep_ == "dobj" and after[0].left_edge.i == mark.i + 1


def _phrase(verb: Any, subject: Any) -> str:
    doc = verb.doc
    before = [t for t in verb.lefts if t.i > subject.i and t.dep_ in ("aux", "auxpass", "neg")]
    start = before[0].i if before else verb.i
    end = verb.i + 1
    cut_short = False
    rights = list(verb.rights)
    opened = None  # the mark of a quoted object the phrase reads into
    for n, child in enumerate(rights):
        if _opens_object(child, rights[n + 1 :]):
            opened = child.i
            continue  # "promised “a full inquiry”": the mark the parse hangs on the verb opens its object
        if child.dep_ in _STOP_DEPS or child.is_punct:
            break
        sub, last = _subtree_until(child, start + MAX_WORDS)
        # "is seeking Islamabad’s “assistance and facilitation …”": the object itself is quoted, and a cut at its
        # mark would leave the verb without it ("is seeking"); the phrase reads on into the quotation
        quoted = _quoted_object(child, sub)
        opened = quoted if quoted is not None else opened
        if any(t.is_punct and t.text not in ("’", "'", "-", "%", "$") and t.i != quoted for t in sub):
            cut = next(t.i for t in sub if t.is_punct and t.text not in ("’", "'", "-", "%", "$") and t.i != quoted)
            end, cut_short = max(end, cut), cut > end
            break
        if last > start + MAX_WORDS:  # the phrase is cut at MAX_WORDS, whatever comes after the part read
            end, cut_short = last + 1, True
            break
        end = last + 1
        if end - start >= MAX_WORDS:
            break
    if cut_short or end - start > MAX_WORDS:
        end = _clean_end(doc, start, min(end, start + MAX_WORDS), verb)
    kept = list(doc[start : min(end, start + MAX_WORDS)])
    # A phrase ends at its paragraph's end: spaCy reads "3 a.m.\n\n" as a word of the sentence.
    kept = kept[: next((k for k, t in enumerate(kept) if t.is_space and "\n" in t.text), len(kept))]
    tokens = _trim(kept)
    if any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in kept[len(tokens) :]) and tokens:
        # "… that relations with Corvel [were]": a clause without its verb is cut back to its start
        tokens = _trim(list(doc[start : _clean_end(doc, start, tokens[-1].i + 1, verb)]))
    if verb not in tokens or len([t for t in tokens if not t.is_punct]) < MIN_WORDS:
        return ""
    return _closed(doc, tokens[0].i, tokens[-1].i + 1, opened)


def _closed(doc: Any, start: int, end: int, opened: int | None) -> str:
    """The words ``doc[start:end]``, the quotation of an object they open at ``opened`` closed: at its own mark when
    the quotation ends right after them (“a full inquiry”, “… the war,”), else as cut (“assistance and facilitation
    in achieving …”)."""
    text = doc[start:end].text
    if opened is None or not start <= opened < end or any(_closing(t) for t in doc[opened + 1 : end]):
        return text
    close = "”" if doc[opened].text == "“" else '"'
    after = doc[end : end + 2]
    if (len(after) > 0 and _closing(after[0])) or (len(after) > 1 and after[0].text in ",.;" and _closing(after[1])):
        return text + close
    return text + " …" + close


# A clause that says what someone claims, hopes, fears, supposes or perceives is no action of its subject:
# "Kell complained that Veld had cut aid", "hopeful that Corvel will sign", "perceptions that Veld is
# rewarding Corvel". The words that introduce such a clause (a verb, an adjective or a noun), by their
# start. Plain attribution ("said", "told", "reported", "confirmed") is how news reports a fact: not here.
_NOT_ASSERTED = re.compile(
    r"(?:complain|contend|claim|alleg|accus|believ|think|thought|hope|hoping|wish|want|fear|suspect|suspic|doubt|"
    r"assum|suppos|imagin|predict|expect|insist|argu|suggest|deni|deny|promis|perception|rumou?r|speculat|"
    r"possib|likel|unlikel|unclear|uncertain)"
)
_REPORT_NOUNS = frozenset("report reports".split())  # "reports that X had …": a noun; the verb is attribution
# "found no evidence of Kim enduring …", "there was no sign that Baker had left …", "no trace of Ortiz leaving …": a
# clause under a noun that "no" denies is what did not happen, or is not known to have (a NeuS cluster listed
# "enduring any medical hardships" as what Kim Jong-un did, from "Yonhap also found no evidence of Kim enduring …").
# Only nouns of evidence: "no mention of how Obama expanded the powers of the NSA" says that he did.
_DENIED_UNDER = frozenset("acl ccomp prep".split())
_EVIDENCE_NOUNS = frozenset("evidence sign signs indication indications trace traces proof record records "
                            "confirmation suggestion hint".split())
# "if X won", "whether X was", "unless X pays": what X would do, not what X did.
_HYPOTHETICAL = frozenset("if whether unless".split())
# "X should explore", "X may rise", "X might have received": an advice or a possibility. "could not" stays
# ("X could not be reached for comment" is a fact).
_UNSURE_MODALS = frozenset("should may might must ought could".split())


def _asserted(verb: Any, seen: dict[int, bool] | None = None) -> bool:
    """Whether the clause of ``verb`` reports something its subject does, rather than someone's claim,
    wish or supposition about it, a condition, an advice, or what "no evidence"/"no sign" denies: every clause
    above it (through ``ccomp``, ``acl``, ``xcomp``, ``advcl``, ``conj`` …) is checked, up to the sentence's root.
    ``seen`` keeps, for the words already walked through, what the walk up from them found: the subjects of one
    deep tree (a long paragraph without a full stop) would each walk its whole height again."""
    aux = [c for c in verb.lefts if c.dep_ == "aux" and c.lower_ in _UNSURE_MODALS]
    if aux and not (aux[0].lower_ == "could" and any(c.dep_ == "neg" for c in verb.children)):
        return False
    seen = {} if seen is None else seen
    u, walked = verb, []
    while True:
        if u.i in seen:
            found = seen[u.i]
            break
        walked.append(u.i)
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL for c in u.children):
            found = False
            break
        if u.head.i == u.i:
            found = True
            break
        head = u.head
        if u.dep_ in ("ccomp", "acl", "xcomp") and (
                _NOT_ASSERTED.match(head.lower_) or (head.lower_ in _REPORT_NOUNS and head.tag_.startswith("NN"))):
            found = False
            break
        if u.dep_ in _DENIED_UNDER and head.lower_ in _EVIDENCE_NOUNS and any(
                c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            found = False
            break
        u = head
    seen.update(dict.fromkeys(walked, found))
    return found


def _labelled(subj: Any, verb: Any) -> bool:
    """A speaker's label, not a subject: "Ada Kell: Perpetually freeze the ground." (an interview
    transcript), whose parse makes the name the subject of the answer's verb."""
    return any(t.text == ":" for t in subj.doc[subj.i + 1 : verb.i])


def _object_before(verb: Any, subj: Any) -> bool:
    """An object before its subject: a relative clause's pronoun ("the divisiveness that the president is
    setting"), whose phrase would go on without its object ("is setting at the national level"). A passive
    has no object to lose: there the "that" is a misparsed conjunction ("said that Lind was helped out")."""
    return subj.dep_ == "nsubj" and any(c.dep_ in ("dobj", "dative") and c.i < subj.i for c in verb.children)


# A wire dateline opening a paragraph: a place in capitals, then its country or state, the agency, and a
# dash ("CARACAS, Venezuela—", "KESTRA (Reuters) -", "SPLIT, Croatia (AP) _", "WASHINGTON — ").
_CAPS_PLACE = r"[A-Z][A-Z.'’]*(?:[- ][A-Z][A-Z.'’]*)*"
_DATELINE = re.compile(
    rf"^[ \t]*{_CAPS_PLACE}(?:,(?:[ \t]+[A-Z][\w.]*){{1,3}}[ \t]*(?:\([^()\n]{{1,30}}\)[ \t]*)?(?:--|[_—–-])"
    r"|[ \t]*\([^()\n]{1,30}\)[ \t]*(?:--|[_—–-])|[ \t]+(?:--|[_—–-])(?=[ \t]))(?=\s|[A-Z\"“‘'])",
    re.MULTILINE,
)


def _dateline_subject(tok: Any, start: int, end: int) -> Any:
    """The subject a parse hid behind a dateline (``start:end``) it took for the subject: "CARACAS,
    Venezuela—Kellogg Co., …, said" hangs "Co." on "Venezuela"; the first noun after the dateline that hangs
    on a word of it is the one that acts. None when there is none (the company is a subject of its own)."""
    for t in tok.sent:
        if t.idx >= end and start <= t.head.idx < end and t.tag_.startswith("NN"):
            return t
    return None


def subject_actions(doc: Any) -> dict[int, str]:
    """Character offset of every subject token → the action phrase of its verb (spaCy ``Doc``)."""
    out: dict[int, str] = {}
    datelines = [(m.start(), m.end()) for m in _DATELINE.finditer(doc.text)]
    asserted: dict[int, bool] = {}
    for tok in doc:
        subj = tok
        if tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            subj = tok.head  # "the ministry and the minister confirmed": both are subjects
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = subj.head
        if not verb.tag_.startswith("VB") or verb.lower_ in _LIGHT or verb.i < tok.i:
            continue
        if _labelled(tok, verb) or not _asserted(verb, asserted) or _object_before(verb, subj):
            continue
        line = next(((a, b) for a, b in datelines if a <= tok.idx < b), None)
        if line is not None:
            tok = _dateline_subject(tok, *line)
            if tok is None or tok.i > verb.i:
                continue
        phrase = _phrase(verb, tok)
        if phrase:
            out[tok.idx] = phrase
    return out


# ---------------------------------------------------------------------------------------- no parser

_VERB_SKIP = frozenset("also further then later again reportedly previously already still now".split())
_AUX = frozenset("had has have will would could should can may might must did does do is was are were".split())
_CONTENT = frozenset(
    """said says told tells met meets left leaves went goes took takes made makes gave gives sent sends wrote
    writes spoke speaks came comes saw sees won wins lost loses led leads ran runs put puts set sets sought
    seeks found finds kept keeps held holds brought brings began begins became becomes got gets paid pays
    wants urges plans hopes needs remains continues insists denies claims warns accuses calls asks agrees
    supports rejects expects believes argues faces visits announces confirms tweets plays""".split()
)
_WORD = re.compile(r"[\w’'.$%-]+|[^\w\s]")
_CLAUSE_END = frozenset("which who whom whose while whereas because although though but and or so when after "
                        "before since as if unless until".split())
# Where a phrase cut short may end: before a preposition or a clause ("that", "as").
_SUBORDINATE = frozenset("that whether as because since while".split())
_VERB_WORDS = frozenset("is are was were be been has have had will would".split())
_CUT_BEFORE = _SUBORDINATE | frozenset("of to with by from in on at for about over under against between into "
                                       "during after before".split())
_PREP_BEFORE = re.compile(r"\b(?:of|to|with|by|from|in|on|at|for|about|against|between|and|or|than|like)\s+$")


def _content_verb(word: str) -> bool:
    return word.islower() and (word in _CONTENT or word.endswith("ed") or word.endswith("ing"))


def verb_phrase(after: str, before: str = "") -> str:
    """The verb phrase right after a mention ("told reporters he had cut aid"), or "" when the mention
    is not the subject of a content verb. Skips an appositive (", Norway's foreign minister,") and
    adverbs; ends at the clause boundary; ``before`` is the text before the mention (a preposition
    there means the mention is no subject)."""
    if _PREP_BEFORE.search(before[-20:]) or re.search(r"[’']s?\s*$|\b(?:the|a|an)\s+$", before[-6:]):
        return ""
    rest = after
    if rest.startswith(","):
        close = rest.find(",", 1)
        if not 0 < close < 80:
            return ""
        rest = rest[close + 1 :]
    elif not rest[:1].isspace():
        return ""
    toks = _WORD.findall(rest)
    k = 0
    while k < len(toks) and (toks[k] in _VERB_SKIP or (toks[k].endswith("ly") and toks[k].islower())):
        k += 1
    words: list[str] = []
    while k < len(toks) and toks[k] in _AUX | {"not", "also", "been"}:
        words.append(toks[k])
        k += 1
    if k >= len(toks) or not _content_verb(toks[k]) or (toks[k].endswith("ing") and not words):
        return ""
    words.append(toks[k])
    verb_at = len(words)
    stop = ""
    for t in toks[k + 1 :]:
        if not re.fullmatch(r"[\w’'.$%-]+", t) or t in _CLAUSE_END or len(words) >= MAX_WORDS:
            stop = t if len(words) < MAX_WORDS else "limit"
            break
        words.append(t)
    popped = []
    while words and words[-1].lower() in _DANGLING:
        popped.append(words.pop().lower())
    # Cut short inside a clause, the phrase goes back to where a clause or a phrase began: "told Vale
    # [that relations with Veld were] “vital”" loses its broken clause; "has met X over [the past]" its
    # broken phrase; "ties between A [and B]" the half of its pair.
    marks = [j for j in range(verb_at, len(words)) if words[j] in _CUT_BEFORE]
    if marks and set(popped) & _VERB_WORDS:
        subordinate = [j for j in marks if words[j] in _SUBORDINATE]
        words = words[: subordinate[-1] if subordinate else marks[-1]]
    elif marks and (stop == "limit" or (stop in ("and", "or") and words[marks[-1]] == "between")):
        words = words[: marks[-1]]
        while len(words) > verb_at and words[-1].endswith("ing"):
            words.pop()  # "… favorably hoping [to see …]": a participle without its complement
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words) if len(words) >= MIN_WORDS else ""
