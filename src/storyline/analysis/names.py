"""Which surface forms of organisations and places name the same thing, and which are no names at all.

News writes one body several ways in one story: "the Crimson Network", "Crimson Networks" and a bare
"Crimson"; "the Lantern Daily Herald" and later "LDH"; "Maritime Union of Veld (MUV)" and then "MUV";
"the Veldish Brotherhood" and "the Brotherhood". The rules here join such forms only when the cluster
offers a single reading (two qualified forms of one name stay apart: a "Northern" and a "Southern"
Brotherhood are two groups). Acronyms follow the definition pattern "Full Name (ACR)" that
Schwartz & Hearst (2003) use to find abbreviations, and bare initials of one full name otherwise.

It also says which one-word mentions are no entity: a compass word cut out of "South and Central
Asia", "State" out of "Secretary of State", an adjective such as "Congressional testimony".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from .ner import PLACES
from .repair import ORG_HEADS

# A body that meets, a process or an agreement: named after a place, it is no place ("the Veld Process").
EVENT_HEADS = frozenset(
    """Process Conference Summit Talks Accord Accords Agreement Treaty Initiative Dialogue Declaration Forum
    Format Convention Protocol Plan Pact Roadmap""".split()
)
# Words that end the name of an outlet: "the Lantern Daily Herald reported" names no person.
OUTLET_HEADS = frozenset(
    """Journal Times Post News Herald Tribune Gazette Chronicle Telegraph Observer Express Monitor Review
    Magazine Daily Weekly Wire Press Agency Standard Mirror Courier Dispatch Examiner Inquirer""".split()
)
NAME_HEADS = ORG_HEADS | EVENT_HEADS | OUTLET_HEADS
# Words that end the name of a street or a crossing: a place, never a person or a body ("Linda Vista Avenue").
THOROUGHFARE_HEADS = frozenset(
    "Avenue Street Road Boulevard Drive Highway Freeway Expressway Motorway Parkway Turnpike Tunnel Bridge Square"
    .split()
)
# ... and of a building, a site or a landmark, which may also name the business that runs it ("Salesforce
# Tower", "Bridge Station"): never a person. Words that are common surnames too ("Hall", "Lane", "Lake",
# "Bay", "Court") are not here.
FACILITY_HEADS = THOROUGHFARE_HEADS | frozenset(
    "Tower Towers Station Airport Terminal Stadium Arena Plaza Park Falls Heights Canyon".split()
)
# One word that names no one on its own: a direction, an institution's common noun, an adjective.
GENERIC_WORDS = frozenset(
    """North South East West Central Northern Southern Eastern Western Middle Upper Lower Greater State States
    Government Administration Congressional Presidential Parliamentary Federal National International Regional
    Provincial Municipal Constitutional Ministerial Judicial Legislative Executive Military Civil Royal
    Official Public General Special Interim Acting""".split()
)
# "Congressional testimony", "Parliamentary panel": a capitalised adjective before a common noun.
_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ional|ial|ical|istic|ative|itive)$")
_TITLE_OF = re.compile(r"\b(?:Secretary|Minister|Ministry|Department|Office|Director|Commissioner|Minister)\s+of\s+"
                       r"(?:the\s+)?$")
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ian|ean|ese|i|ish|ch|ic)$")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
_DEFINED = re.compile(r"^\s*\(\s*([A-Z][A-Z.&-]{1,9})\s*\)")
_MINOR = frozenset("of for and the de del la le on in at to".split())


# A company's legal form after its name, with or without the full stop, after a comma or an ampersand:
# "Kellogg Co.", "Kellogg Co", "Merck & Co.", "Acme, Inc.".
_COMPANY_SUFFIX = re.compile(r"(?:,?\s+&)?,?\s+(?:Co|Corp|Inc|Ltd|LLC|L\.L\.C|PLC|Plc|plc|LLP)\.?$")


def company_stem(name: str) -> str:
    """A company's name without its legal form ("Kellogg Co." → "Kellogg"), which news writes or drops at
    will; a name that would be left a bare head noun keeps it ("News Corp", "Post Ltd")."""
    stem = _COMPANY_SUFFIX.sub("", name)
    if not stem or (" " not in stem and (stem in NAME_HEADS or stem in GENERIC_WORDS)):
        return name
    return stem


def is_generic(form: str, before: str, after: str) -> bool:
    """Whether a one-word mention ``form`` is no entity, given the text ``before`` and ``after`` it."""
    if len(form.split()) != 1:
        return False
    if form in GENERIC_WORDS or _TITLE_OF.search(before[-40:]):
        return True
    return bool(_ADJECTIVE.fullmatch(form) and re.match(r"\s+[a-z]", after[:3]))


def is_outlet_or_body(form: str) -> bool:
    """A name ending in an organisation's or an outlet's head noun, or written with "the" before it:
    not a person, whatever verb comes next ("said The Lantern Daily Herald")."""
    words = form.split()
    return bool(words) and (words[-1] in NAME_HEADS or words[0] in ("the", "The"))


def is_event(form: str) -> bool:
    """"The Veld Process", "Astra Summit": a meeting, a process, an agreement, not a place."""
    words = form.split()
    return len(words) > 1 and words[-1] in EVENT_HEADS


def is_thoroughfare(form: str) -> bool:
    """"Linda Vista Avenue", "Kestrel Bridge": a street or a crossing."""
    words = form.split()
    return len(words) > 1 and words[-1] in THOROUGHFARE_HEADS


def is_facility(form: str) -> bool:
    """"Salesforce Tower", "Bridge Station", or a street: a place or a building, no person."""
    words = form.split()
    return len(words) > 1 and words[-1] in FACILITY_HEADS


# The news agencies that news credits by a one-word name ("Yonhap said", "told Kyodo"), which a tagger often reads as
# a person: a wire service is an organisation, whatever its name looks like. Their full names end in "Agency" or
# "Press" (:data:`OUTLET_HEADS`) already.
NEWS_AGENCIES = frozenset(
    """Yonhap Kyodo Jiji Xinhua Reuters AFP Bernama Antara Anadolu Interfax TASS Tass ITAR-TASS RIA Novosti IRNA
    ISNA Fars Tasnim KCNA ANSA EFE dpa DPA PTI ANI IANS WAFA SANA Belga Lusa Notimex PAP CTK Ritzau""".split()
)


def is_news_agency(form: str) -> bool:
    """"Yonhap", "Kyodo", "Xinhua": a wire service named alone (:data:`NEWS_AGENCIES`), never a person."""
    return form in NEWS_AGENCIES


# Diseases, their viruses and pandemics, which a tagger reads as organisations or people ("COVID-19", "the
# Coronavirus", "Ebola", "Zika virus", "the Spanish Flu"): no person, organisation or place. A name ending in a
# body's head noun is a body ("Coronavirus Task Force", "AIDS Foundation"), and none of these words ends one.
_DISEASES = frozenset(
    """covid covid-19 coronavirus sars sars-cov-2 mers ebola zika hiv aids h1n1 h5n1 h7n9 measles malaria cholera
    polio mpox monkeypox tuberculosis dengue smallpox anthrax omicron""".split()
)
_DISEASE_HEADS = frozenset("virus coronavirus disease syndrome flu influenza pandemic epidemic".split())


def is_disease(form: str) -> bool:
    """Whether ``form`` names a disease, a virus or a pandemic: one of :data:`_DISEASES`, in any case ("COVID-19",
    "Covid", "Coronavirus"), or a name ending in such a noun ("Zika Virus", "Lyme Disease", "Spanish Flu")."""
    words = form.lower().split()
    return bool(words) and (" ".join(words) in _DISEASES or (words[-1] in _DISEASE_HEADS and (
        len(words) > 1 or words[0] in _DISEASES)))


def initials(name: str) -> str:
    """"Lantern Daily Herald" → "LDH"; "Maritime Union of Veld" → "MUV"; "Tehrik-i-Veld" → "TIV"."""
    parts = [p for p in re.split(r"[\s-]+", name) if p and p.lower() not in _MINOR]
    return "".join(p[0].upper() for p in parts if p[0].isalpha())


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def defined_acronym(name: str, after: str) -> str | None:
    """The acronym written in parentheses right after ``name`` ("United Veld Lines (UVL)"), when its
    letters are the initials of the name's words, in order, starting with the first."""
    m = _DEFINED.match(after)
    if not m or len(name.split()) < 2:
        return None
    acr = m.group(1).replace(".", "").replace("-", "")
    full = initials(name)
    if len(acr) >= 2 and acr[0] == full[:1] and _subsequence(acr, full):
        return acr
    return None


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


# One place under one name: the forms news uses for the same country or body. A form is looked up with and
# without its final full stop ("U.K." as "U.K", which is how a tagger cuts it at a sentence's end).
SYNONYMS = {
    "U.S": "United States", "U.S.": "United States", "US": "United States", "USA": "United States",
    "U.S.A": "United States", "America": "United States", "U.K": "United Kingdom", "UK": "United Kingdom",
    "Britain": "United Kingdom", "U.N": "United Nations", "UN": "United Nations",
}


def synonym(form: str) -> str:
    """The one name of a country or body that ``form`` is a form of ("U.S." → "United States"), else ``form``."""
    return SYNONYMS.get(form) or SYNONYMS.get(form.removesuffix("."), form)


# "Ministry of Foreign Affairs" is the "Foreign Ministry", "Department of Justice" the "Justice Department"
_BODY_OF = re.compile(r"(?:\w+['’]s\s+)?(?P<head>Ministry|Department) of (?:the\s+)?(?P<what>[\w ]+?)(?:\s+Affairs)?")
_AFFAIRS_BODY = re.compile(r"(?P<what>[\w ]+?)\s+Affairs\s+(?P<head>Ministry|Department)")


def org_key(name: str) -> str:
    """What two forms of one organisation or place share: "Kellogg Co." and "Kellogg"; "Ministry of Foreign
    Affairs", "Foreign Affairs Ministry" and "Foreign Ministry"; "Department of Justice" and "Justice
    Department"; "Pakistan's Foreign Ministry" and "Foreign Ministry"."""
    name = company_stem(name)  # "Kellogg Co." is "Kellogg Co" and "Kellogg"
    m = _BODY_OF.fullmatch(name) or _AFFAIRS_BODY.fullmatch(name)
    if m:
        return f"{m.group('what')} {m.group('head')}".lower()
    return re.sub(r"^\w+['’]s\s+", "", name).lower()


# A country's adjective and its capital, for a body named by either ("the British Parliament", "London's Parliament",
# "Tehran's parliament"): the qualifier is the country, so the forms of one country are one body and two countries'
# stay two. Country names as SYNONYMS give them.
_COUNTRY_FORMS = (
    "United Kingdom: British, London; United States: American, Washington; France: French, Paris; Germany: German, "
    "Berlin; Italy: Italian, Rome; Spain: Spanish, Madrid; Russia: Russian, Moscow; China: Chinese, Beijing; Japan: "
    "Japanese, Tokyo; India: Indian, Delhi, New Delhi; Pakistan: Pakistani, Islamabad; Iran: Iranian, Tehran; Iraq: "
    "Iraqi, Baghdad; Israel: Israeli, Jerusalem; Turkey: Turkish, Ankara; Ukraine: Ukrainian, Kiev, Kyiv; Canada: "
    "Canadian, Ottawa; Australia: Australian, Canberra; Mexico: Mexican, Mexico City; Brazil: Brazilian, Brasilia; "
    "Egypt: Egyptian, Cairo; Syria: Syrian, Damascus; Afghanistan: Afghan, Kabul; Greece: Greek, Athens; Ireland: "
    "Irish, Dublin; Scotland: Scottish, Edinburgh; Wales: Welsh, Cardiff; Poland: Polish, Warsaw; Netherlands: Dutch, "
    "Amsterdam; Sweden: Swedish, Stockholm; Norway: Norwegian, Oslo; Denmark: Danish, Copenhagen; Finland: Finnish, "
    "Helsinki; Austria: Austrian, Vienna; Switzerland: Swiss, Bern; Portugal: Portuguese, Lisbon; Hungary: "
    "Hungarian, Budapest; South Korea: South Korean, Seoul; North Korea: North Korean, Pyongyang; Saudi Arabia: "
    "Saudi, Riyadh; Nigeria: Nigerian, Abuja; Kenya: Kenyan, Nairobi; Venezuela: Venezuelan, Caracas; Lebanon: "
    "Lebanese, Beirut; Jordan: Jordanian, Amman; Libya: Libyan, Tripoli; Sudan: Sudanese, Khartoum; Ethiopia: "
    "Ethiopian, Addis Ababa; Thailand: Thai, Bangkok; Vietnam: Vietnamese, Hanoi; Indonesia: Indonesian, Jakarta; "
    "Philippines: Philippine, Filipino, Manila; Taiwan: Taiwanese, Taipei; Cuba: Cuban, Havana; New Zealand: "
    "Wellington"
)
COUNTRY_OF = {form.strip(): country.strip() for entry in _COUNTRY_FORMS.split(";")
              for country, forms in [entry.split(":")] for form in forms.split(",")}


def country_of(qualifier: str) -> str:
    """The country a qualifier before a body's name stands for: "British", "London's", "U.K." → "United Kingdom";
    else the qualifier, without a possessive ending ("Orlen's" → "Orlen")."""
    bare = re.sub(r"['’]s$", "", qualifier)
    return COUNTRY_OF.get(bare) or synonym(bare)


_POSSESSED = re.compile(r"([A-Z][\w.]*)['’]s\s+(\S.*)")


def body_key(name: str, kinds: Mapping[str, str]) -> str:
    """:func:`org_key`, but a body a country or a place owns keeps its owner ("London's Parliament" and "Tehran's
    Parliament" are two parliaments; "Pakistan's Foreign Ministry" and "Pakistan’s Foreign Ministry" one): one that
    is the cluster's bare body is mapped to it first (:func:`variant_targets`)."""
    m = _POSSESSED.fullmatch(name)
    if m and (_place_like(m.group(1), kinds) or country_of(m.group(1)) != m.group(1)):
        return f"{country_of(m.group(1)).lower()}'s {org_key(m.group(2))}"
    return org_key(name)


def _place_like(qualifier: str, kinds: Mapping[str, str]) -> bool:
    """Whether words before a name say whose it is, as a country or a place does ("Veldish", "Pakistan",
    "U.S.", "UN", "United States")."""
    return bool(_DEMONYM.fullmatch(qualifier) or qualifier in PLACES or kinds.get(qualifier) == "place"
                or synonym(qualifier) != qualifier or qualifier in _SYNONYM_NAMES)


_SYNONYM_NAMES = frozenset(SYNONYMS.values())
# Capitalised words that can qualify a body's name: no bracket or slash, which a tagger's span run over a sentence
# break or a scraped heading brings in ("CNN)The Supreme Court", "BUD/S. U.S. Navy")
_QUALIFIER = re.compile(r"[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*)*")


def _qualified_variants(kinds: Mapping[str, str], taken: Mapping[str, str],
                        people: Collection[str] = ()) -> dict[str, str]:
    """"the Veldish Brotherhood" is "the Brotherhood", "U.S. Supreme Court", "US Supreme Court" and "United States
    Supreme Court" are the "Supreme Court", "U.S. Department of Justice" the "Justice Department": an organisation's
    name after a country, a place or its adjective is the bare name the cluster writes too, when every name of the
    cluster that ends in that name (whatever its kind) is qualified by that one country or place. A "Pakistan Supreme
    Court" beside a "U.S. Supreme Court", a "North Carolina House" or a "White House" beside a "U.S. House" leave the
    bare name to either; the forms of one qualifier are still one body ("U.S. Senate" and "United States Senate"
    beside an "Alabama Senate"). A person's name before a body's ("a Trump Supreme Court": one of ``people`` or their
    surname) and a span run over a break ("CNN)The Supreme Court") name no other body. An outlet goes by its whole
    name: "the Post" is the "Washington Post"."""
    named = set(people) | {p.split()[-1] for p in people if p.split()}  # "Trump" of "Donald Trump" too
    bare: dict[str, list[str]] = {}  # the key of a bare name → its forms
    for f, kind in kinds.items():
        if kind == "org" and f not in taken and not _POSSESSED.match(f):  # "London's Parliament" is qualified
            bare.setdefault(org_key(f), []).append(f)
    qualifiers: dict[str, set[str]] = {}  # the key of a bare name → the qualifiers written before it
    candidates: dict[str, list[tuple[str, str]]] = {}  # ... → the forms of it qualified by a country or place
    for f in kinds:
        words = f.split()
        for k in range(1, len(words)):
            key = org_key(" ".join(words[k:]))
            qualifier = " ".join(words[:k])
            if key not in bare or not all(w[:1].isupper() for w in words[:k]):
                continue
            owner = re.sub(r"['’]s$", "", qualifier)  # "Denver’s Marijuana Industry Group": Denver's
            country = country_of(qualifier)
            if not _QUALIFIER.fullmatch(qualifier) or qualifier in named or owner in named:
                continue
            qualifiers.setdefault(key, set()).add(country)
            if kinds[f] == "org" and f not in taken and (_place_like(owner, kinds) or country != owner):
                candidates.setdefault(key, []).append((f, country))
    out = {}
    for key, fs in candidates.items():
        if len(qualifiers[key]) == 1 and min(bare[key]).split()[-1] in OUTLET_HEADS:
            full = min(f for f, _ in fs)  # "the Post" is the "Washington Post": an outlet's place is its name
            for f in [*bare[key], *(f for f, _ in fs)]:
                if f != full:
                    out[f] = full
            continue
        if len(qualifiers[key]) == 1:
            for f, _ in fs:
                out[f] = min(bare[key])
            continue
        of_one: dict[str, list[str]] = {}
        for f, qualifier in fs:
            of_one.setdefault(qualifier, []).append(f)
        for forms in of_one.values():
            for f in forms:
                if f != min(forms):
                    out[f] = min(forms)
    return out


def variant_targets(kinds: Mapping[str, str], defined: Mapping[str, str],
                    people: Collection[str] = ()) -> dict[str, str]:
    """For every organisation or place form that is another form's variant, that other form.

    ``kinds`` maps each non-person form of the cluster to its kind; ``defined`` maps an acronym to the
    full name it was defined for ("(UVL)"); ``people`` the cluster's person forms. Forms of different kinds join
    only through an acronym.
    """
    forms = set(kinds)
    target: dict[str, str] = {}
    # "Crimson Networks" is the "Crimson Network" when the cluster writes both.
    for f in forms:
        words = f.split()
        if len(words) > 1:
            singular = " ".join([*words[:-1], _singular(words[-1])])
            if singular != f and singular in forms and kinds[singular] == kinds[f]:
                target[f] = singular
    heads = {f for f in forms if f not in target}
    # A bare "Crimson" is the one "Crimson <Network|Party|Summit…>" of the cluster.
    for f in forms:
        if f in target or kinds[f] != "org":
            continue
        longer = [g for g in heads if kinds[g] == "org" and g.startswith(f + " ")
                  and len(g.split()) == len(f.split()) + 1 and g.split()[-1] in NAME_HEADS]
        if len(longer) == 1:
            target[f] = longer[0]
    # "the Veldish Brotherhood" is "the Brotherhood" when it is the only qualified Brotherhood.
    target.update(_qualified_variants(kinds, target, people))
    # Acronyms: defined in parentheses, or the initials of a single full name of the cluster.
    for f in forms:
        if f in target or not _ACRONYM.fullmatch(f):
            continue
        full = defined.get(f)
        if full is None and len(f) >= 3:
            cands = [g for g in forms if g != f and len(g.split()) > 1 and initials(g) == f]
            full = cands[0] if len(cands) == 1 else None
        if full is not None and full in forms:
            target[f] = full
    # Follow chains ("Crimson" → "Crimson Networks" → "Crimson Network"); a cycle stops where it repeats.
    out = {}
    for f in target:
        seen, g = {f}, target[f]
        while g in target and g not in seen:
            seen.add(g)
            g = target[g]
        if g != f:
            out[f] = g
    return out
