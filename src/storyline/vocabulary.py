"""Verbs of saying: the one home of the word lists the stages use to find who said what (and of the few words
news uses for one thing, :data:`PARAPHRASE_CLASSES`, which the analysis and the selection both read).

It imports nothing from the package, so any stage may read it however low it sits (``segment`` runs before
anything that reads quotations). The lists nest, narrowest first::

    SAYING ⊂ SPEAKER_VERBS ⊂ ATTRIBUTION_VERBS
    SPEAKER_VERBS ⊂ ATTRIBUTION_VERBS - AFTER_QUOTE_ONLY ⊂ QUOTE_VERBS

and each use takes the narrowest list that is right for it: a wider one lets in verbs that are no evidence
for that use ("agreed" right after a quotation credits it; after a name it does not make a person, and
before a quotation it is not the quotation's verb). All words are lower case; callers that match text of
any case say so in their patterns. The learned scorer's :data:`SAID_FEATURE` stands apart, frozen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SAYING = frozenset({"said", "says", "told"})
"""The core that every list holds: the verbs news prose reports speech with most."""

SAID_FEATURE = ("said", "says", "told", "according to")
"""The learned scorer's ``said`` feature (:mod:`storyline.methods.features`): a sentence that reports
speech. Frozen as the shipped model was trained on it: another word changes the feature under the model."""

SPEAKER_VERBS = SAYING | {"added", "asked", "explained", "insisted", "stated", "wrote"}
"""A name right before one ("Okafor said", "Horowitz asked") is a person's: the speaker that the
concept-coverage selection and attribution look for (:func:`storyline.methods.coverage.named_speaker`),
and the evidence that a mention the tagger did not call a person is one (``analysis.entities``,
``analysis.ner``). Kept short: "announced", "confirmed" or "agreed" follow companies and outlets as
often as people."""

OBJECT_VERBS = frozenset({"told", "asked"})
"""Speaker verbs whose object follows them: a name after one is the person spoken to ("the minister told
Okafor"), not the speaker as after the others ("…, said Okafor")."""

ATTRIBUTION_VERBS = SPEAKER_VERBS | frozenset(
    """tells adds writes tweeted asks replied noted notes states continued recalled warned declared pleaded
    laughed joked quipped agreed admitted conceded countered cautioned urged argued claimed acknowledged
    announced confirmed""".split()
)
"""The verb of a short clause that credits the quotation before it ("“…,” he said", "“…,” the statement
noted", "“…,” gray quipped"): where the segmenter keeps a clause after a closing mark with its quotation
(``segment``), and what makes a quotation credited to someone named earlier (``methods.base``). Right
after a quotation almost any verb of saying is an attribution, so the list is wider than the speaker's."""

AFTER_QUOTE_ONLY = frozenset("agreed asks countered joked laughed pleaded quipped".split())
"""Attribution verbs that credit a quotation right before them ("“…,” she laughed") and are no verb of saying
elsewhere in a sentence: in "the council had agreed to the plan, though residents called it “a trap”" the
quotation is not the council's. Left out of :data:`QUOTE_VERBS`, which the analysis also reads before a quotation."""

QUOTE_VERBS = (ATTRIBUTION_VERBS - AFTER_QUOTE_ONLY) | {"according to"} | frozenset(
    """say answered indicated commented remarked observed stressed emphasised emphasized testified retorted
    complained accused denied predicted promised vowed saying telling adding noting reported reports"""
    # verbs that carry a quoted view or the words of a talk: "hoping that “…”", "discussed the “need for …”"
    """ hoping hoped welcoming expressing expressed discussed discussing reiterated reiterating underlined
    underscored highlighted pledged stressing emphasising emphasizing urging warning insisting""".split()
)
"""A verb anywhere near a quotation that ties it to the speaker next to it (``analysis.quotes``): most
attribution verbs, their participles ("…, saying “…”"), a relay ("reported", "according to") and the verbs
of a view or a talk, which the analysis reads in a whole sentence rather than a clause after the quote."""

RELAY_VERBS = frozenset({"reported", "reports"})
"""Quote verbs by which an outlet relays another's words ("…,” Aurora newspaper reported"): the speaker
named is the relay, not the one who said them."""

DATED_SPEECH = frozenset(
    {"said", "told", "announced", "reported", "added", "confirmed", "stated", "wrote", "declared", "tweeted"}
)
"""Past verbs of saying whose date is the day of the statement ("…, the mayor said on Monday"), not the day
of what it says (``analysis.dates``)."""


PARAPHRASE_CLASSES = (
    # asking, helping
    "ask asked asking asks urge urged urges urging seek seeks sought seeking request requested requests "
    "requesting",
    "help helped helping helps assist assisted assisting assists assistance",
    "letter letters message messages",
    # harm
    "kill killed killing kills die died dies dying dead death deaths slain fatal fatalities fatality perished",
    "injure injured injuring injuries injury wound wounded wounding hurt",
    "arrest arrested arresting arrests detain detained detaining detention custody",
    "shoot shooting shot shootings gunman gunmen gunfire",
    "blast blasts explosion explosions explode exploded bomb bombing bombs",
    # law and office
    "sue sued suing lawsuit lawsuits",
    "investigate investigated investigating investigation investigations probe probes probing inquiry",
    "resign resigned resigning resignation quit quits quitting",
    "ban banned banning bans prohibit prohibited prohibiting",
    "require required requires requiring requirement requirements mandate mandated mandates mandatory",
    "block blocked blocking blocks halt halted halting halts",
    "restore restored restores restoring regain regained regaining regains",
    "postpone postponed postpones postponing delay delayed delaying delays",
    "oust ousted ousting ousts remove removed removing removes removal",
    "reject rejected rejecting rejects refuse refused refusing refuses rebuff rebuffed",
    "meet met meeting meets",
    "win won winning wins victory",
    # movement of a figure
    "rise rose rising rises increase increased increasing increases climb climbed climbing jump jumped surge surged",
    "fell plunge plunged slump slumped tumble tumbled",
    # people
    "lawmakers legislators congressmen",
    "police cops cop policeman policemen",
    "coronavirus covid virus pandemic",
)
"""Words news uses for one thing, a class a line (named by its first word): "urged" / "asked", "assist" / "help",
"detained" / "arrested". Read, stemmed, by the analysis's paraphrase alignment (:mod:`storyline.analysis.paraphrase`,
which says what is left out and why) and by the selection's restatement check (:mod:`storyline.methods.restate`)."""

def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of the words (no group), longest first, so that no word is cut short by
    another it begins with; wrap it in ``\\b(?:…)\\b`` to match whole words."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
