"""Entities (entities.py): no mention, title or alias is read across a sentence boundary. Fictional text
written for these tests."""

from __future__ import annotations

import pytest
from support import outputs_under_hash_seeds

from storyline.analysis import RuleRecognizer, SpacyRecognizer, analyze_cluster
from storyline.api import make_cluster
from storyline.model import Article

ONE = (
    "Schools in Harlow Vale stayed closed until late in the evening. Governor Ruth Okoye said the state would "
    "pay for the repairs.\n\n"
    "The flood barrier failed on Tuesday. Governor Ruth Okoye ordered an inquiry into the barrier."
)
TWO = (
    "The governor, Ruth Okoye, visited the shelters on Wednesday. The governor said the barrier would be rebuilt "
    "before the winter."
)


def _recognizers() -> list:
    out: list = [RuleRecognizer()]
    try:
        import spacy  # noqa: F401

        out.append(SpacyRecognizer())
    except ImportError:
        pass
    return out


@pytest.mark.parametrize("recognizer", _recognizers(), ids=lambda r: r.name)
def test_no_alias_or_title_spans_a_sentence_boundary(recognizer) -> None:
    arts = [Article(id="1", text=ONE, source="Valley Courier", date="2026-04-01"),
            Article(id="2", text=TWO, source="Coast Herald", date="2026-04-01")]
    an = analyze_cluster(make_cluster(arts), recognizer=recognizer)
    people = {e.name: e for e in an.entities if e.kind == "person"}
    okoye = people["Ruth Okoye"]
    assert okoye.title.lower() == "governor"
    assert "the governor" in [a.lower() for a in okoye.aliases]  # the one governor of the cluster
    for e in an.entities:
        for form in (e.name, e.title, *e.aliases):
            assert ". " not in form, (e.name, form)



@pytest.mark.parametrize("recognizer", _recognizers(), ids=lambda r: r.name)
def test_a_dateline_in_capitals_is_the_place_the_cluster_names(recognizer) -> None:
    one = ("VARNHOLT — The river Ossel burst its banks on Monday, forcing officials to close the bridge in "
           "Varnholt. Mayor Ingrid Solberg said the town would rebuild.")
    two = "Officials in Varnholt closed the bridge on Monday after the river burst its banks, police said."
    arts = [Article(id="1", text=one, source="Varnholt Courier", date="2024-04-15"),
            Article(id="2", text=two, source="Nordic Wire", date="2024-04-16")]
    an = analyze_cluster(make_cluster(arts), recognizer=recognizer)
    named = {e.name: e for e in an.entities}
    assert "VARNHOLT" not in named
    town = named["Varnholt"]
    assert town.kind == "place" and "VARNHOLT" in town.aliases and town.articles == ("1", "2")


@pytest.mark.parametrize("recognizer", _recognizers(), ids=lambda r: r.name)
def test_a_wire_dateline_names_its_city_a_place_however_the_tagger_reads_it_elsewhere(recognizer) -> None:
    one = ("KESTRA, Valdonia (AP) _ Fishing boats stayed in port on Monday after the storm, harbour officials "
           "said. Kestra was spared the worst of the flooding, but Orlen and Mavik lost their piers.")
    two = "Harbour Master Ines Idowu said the boats of Kestra would sail again on Wednesday."
    arts = [Article(id="1", text=one, source="Wire", date="2024-04-15"),
            Article(id="2", text=two, source="Coast Herald", date="2024-04-16")]
    an = analyze_cluster(make_cluster(arts), recognizer=recognizer)
    kestra = [e for e in an.entities if e.name.lower() == "kestra"]
    assert [e.kind for e in kestra] == ["place"]  # one entity, a place (the tagger reads "Kestra" an org)
    if recognizer.name == "spacy":  # the rules do not find the name written normally
        assert kestra[0].name == "Kestra" and "KESTRA" in kestra[0].aliases


@pytest.mark.parametrize("recognizer", _recognizers(), ids=lambda r: r.name)
def test_the_agency_of_a_wire_dateline_is_no_entity_but_its_city_is_a_place(recognizer) -> None:
    one = ("RIVERTON, May 12 (Northern Wire) - The Kestrel Dam overflowed on Monday night after days of heavy "
           "rain, the regional water authority said. Schools in Riverton will stay closed on Wednesday.")
    two = ("LONDON, April 14 (Reuters) - Officials in Riverton said the Kestrel Dam overflowed on Monday night "
           "after days of rain.\n\nWASHINGTON (AP) — The Kestrel Dam's operator, Orwen Water, said it would "
           "inspect the spillway.")
    three = "Washington (CNN)The Kestrel Dam overflowed, Orwen Water said on Tuesday."
    arts = [Article(id="1", text=one), Article(id="2", text=two, source="Valley Courier"),
            Article(id="3", text=three, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=recognizer)
    names = {n for e in an.entities for n in (e.name, *e.aliases)}
    assert not names & {"Northern Wire", "Reuters", "AP", "CNN"}  # the outlet's credit, no organisation in the story
    if recognizer.name == "spacy":
        assert {e.name.lower(): e.kind for e in an.entities}.get("london") == "place"


@pytest.mark.parametrize("recognizer", _recognizers(), ids=lambda r: r.name)
def test_an_agency_the_story_names_is_an_organisation(recognizer) -> None:
    one = ("KELBY, Sept 3 (Morrow Times) - A fire destroyed the grain store on the quay, the harbour office told "
           "Morrow Times on Tuesday. The Morrow Times reporter saw the roof fall.")
    two = "A fire destroyed the grain store on the Kelby quay on Tuesday, the harbour office said."
    arts = [Article(id="1", text=one, source="Morrow Times"), Article(id="2", text=two, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=recognizer)
    times = [e for e in an.entities if "Morrow Times" in (e.name, *e.aliases)]
    assert all(e.kind == "org" for e in times)
    if times:  # named in the story twice, not in its dateline
        assert times[0].mentions == 2


def test_a_name_with_and_without_its_suffix_is_one_person_and_the_suffix_alone_is_nobody() -> None:
    one = ("Pope Leo II visited the island on Saturday. Leo II spoke to the fishermen of Orlen, who lost their "
           "boats in World War II.")
    two = "Pope Leo II prayed for the fishermen. Later Pope Leo met the mayor."
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=RuleRecognizer())
    people = [e for e in an.entities if e.kind == "person"]
    assert all(e.name != "II" and "II" not in e.aliases for e in an.entities)
    leo = [e for e in people if "Leo" in e.name]
    assert len(leo) <= 1


@pytest.mark.skipif(not any(r.name == "spacy" for r in _recognizers()), reason="spaCy is not installed")
def test_a_people_the_tagger_reads_as_a_person_somewhere_is_no_person() -> None:
    one = ("Stepped-up patrols angered Orthodox Veldians, who make up a third of the valley. For most Veldians, "
           "the new law was a provocation, Mayor Ingrid Solberg said.")
    two = "Veldians marched in Orlen on Sunday. The Veldians said the law must go, and Ingrid Solberg met them."
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=SpacyRecognizer())
    people = {e.name for e in an.entities if e.kind == "person"}
    assert "Ingrid Solberg" in people
    assert not any("Veldian" in p for p in people), people


def test_the_sample_clusters_companies_and_hospital_are_no_people() -> None:
    # `storyline analyze --sample` listed "Tessaline Shipping" and "Saint Brendan" (of "Saint Brendan's
    # Hospital") under People.
    from storyline import api
    from storyline.analysis.ner import default_recognizer

    if default_recognizer().name != "spacy":
        pytest.skip("the People of the rule-based recogniser differ")
    an = api.analyze(api.sample_paths())
    kinds = {e.name: e.kind for e in an.entities}
    assert kinds.get("Tessaline Shipping") == "org" and kinds.get("Saint Brendan's Hospital") == "org"
    assert {n for n, k in kinds.items() if k == "person"} == {"Helen Okafor", "Rafael Domingo", "Marta Ruiz"}


def test_the_analysis_does_not_depend_on_the_hash_seed() -> None:
    # The people were collected through a set, and the first of two people sharing a surname took every bare
    # "Arkwright" of the story: which one followed PYTHONHASHSEED.

    script = (
        "import storyline\n"
        "from storyline.analysis.render import to_json\n"
        "from storyline.model import Article\n"
        "one = ('Helen Arkwright, the harbour master, closed the port on Monday. Tomas Arkwright, her brother, "
        "runs the ferry. Arkwright said the storm would pass. Mayor Ines Idowu agreed.')\n"
        "two = ('Tomas Arkwright kept the ferry in dock. Helen Arkwright said the port would reopen. Arkwright "
        "thanked the crews, and Mayor Ines Idowu thanked them too.')\n"
        "print(to_json(storyline.analyze([Article(id='1', text=one, source='A'), Article(id='2', text=two, "
        "source='B')])))\n"
    )
    assert len(outputs_under_hash_seeds(script)) == 1


class _TaggedAsPeople:
    """A recogniser that tags every occurrence of the given words a person, as spaCy does with some towns
    and countries ("what happened in Niger", "the town of Moonachie")."""

    name = "stub"

    def __init__(self, *words: str) -> None:
        self.words = words

    def recognize(self, text: str) -> list:
        import re

        from storyline.analysis.ner import Mention

        return sorted((Mention(m.start(), m.end(), "person", m.group()) for w in self.words
                       for m in re.finditer(rf"\b{w}\b", text)), key=lambda m: m.start)


def test_a_one_word_person_in_a_place_slot_is_a_place() -> None:
    one = ("Four soldiers died in an ambush in Tarvolo on Monday. Officials in Veldmark said little about "
           "Tarvolo, and the patrol had crossed into Ostrava before the attack.")
    two = ("The patrol was based in the small town of Tarvolo, near the Ostrava border. Halvorsen said the "
           "patrol would return to Tarvolo.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=_TaggedAsPeople("Tarvolo", "Ostrava", "Halvorsen"))
    kinds = {e.name: e.kind for e in an.entities}
    assert kinds["Tarvolo"] == "place" and kinds["Ostrava"] == "place"  # 3 of 4, and 2 of 2, in a place's slot
    assert kinds["Halvorsen"] == "person"


def test_a_name_of_a_person_stays_a_person_in_a_place_slot() -> None:
    # "confidence in Lind": a surname of a full name of the cluster, and a possessive, stay people
    one = "Voters lost confidence in Lind after the vote. Mayor Ada Lind resigned on Monday."
    two = "In Halvorsen's office, aides said Ada Lind had left. Halvorsen said nothing."
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=_TaggedAsPeople("Ada Lind", "Lind", "Halvorsen"))
    kinds = {e.name: e.kind for e in an.entities}
    assert kinds["Ada Lind"] == "person" and kinds["Halvorsen"] == "person" and "Lind" not in kinds


def test_a_country_that_speaks_is_no_person() -> None:
    # "The U.S. said ...": a speech verb after a name makes a person of it, but not of "United States"
    one = "The U.S. said it was deeply concerned. The summit in Orlen ended on Monday."
    two = "The United States said the talks in Orlen had failed."
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    for recognizer in _recognizers():
        an = analyze_cluster(make_cluster(arts), recognizer=recognizer)
        assert all(e.kind != "person" for e in an.entities if e.name == "United States"), recognizer.name


class _Tagged:
    """A recogniser that tags the given forms with the given kinds, the longest form first where two
    start at one place (as a tagger reads "Karim al-Tahiri" whole)."""

    name = "stub"

    def __init__(self, kinds: dict[str, str]) -> None:
        self.kinds = kinds

    def recognize(self, text: str) -> list:
        import re

        from storyline.analysis.ner import Mention

        forms = sorted(self.kinds, key=len, reverse=True)
        pattern = "|".join(re.escape(f) for f in forms)
        return [Mention(m.start(), m.end(), self.kinds[m.group()], m.group())
                for m in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text)]


@pytest.mark.parametrize("recognizer", _recognizers(), ids=lambda r: r.name)
def test_an_abbreviation_with_its_final_full_stop_is_the_country_or_body(recognizer) -> None:
    # "U.S." was in the synonym table, "U.K." and "U.N." only without their final full stop
    one = ("The U.K. said on Monday it would send two ships to Orlen. The U.N. said the port was safe. "
           "Officials in Orlen welcomed the ships.")
    two = ("The United Kingdom will send two ships to Orlen, and the United Nations said the port was safe. "
           "The United Kingdom and the United Nations met in Orlen.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=recognizer)
    names = {e.name for e in an.entities}
    assert "U.K." not in names and "U.N." not in names, names
    for e in an.entities:
        assert not {"U.K.", "U.N."} & set(e.aliases) or e.name in ("United Kingdom", "United Nations"), e


def test_a_surname_with_or_without_its_hyphened_particle_is_one_person() -> None:
    # "Omar al-Bashir", "Al-Bashir" and "Bashir" were three people
    one = ("President Karim al-Tahiri left Orlen on Monday. Al-Tahiri flew home before the court could rule. "
           "Tahiri said the court had no power over him.")
    two = "Tahiri landed in Veld to cheering crowds. Karim al-Tahiri thanked his supporters."
    kinds = {"Karim al-Tahiri": "person", "Al-Tahiri": "person", "Tahiri": "person", "Orlen": "place",
             "Veld": "place"}
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds))
    people = [e for e in an.entities if e.kind == "person"]
    assert [e.name for e in people] == ["Karim al-Tahiri"], people
    assert {"Al-Tahiri", "Tahiri"} <= set(people[0].aliases) and people[0].articles == ("1", "2")


def test_two_people_who_share_only_the_bare_surname_stay_apart() -> None:
    one = "Karim al-Tahiri met Lina Tahiri in Orlen on Monday. Lina Tahiri said the talks went well."
    two = "Karim al-Tahiri and Lina Tahiri met again in Veld."
    kinds = {"Karim al-Tahiri": "person", "Lina Tahiri": "person", "Orlen": "place", "Veld": "place"}
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds))
    assert {e.name for e in an.entities if e.kind == "person"} == {"Karim al-Tahiri", "Lina Tahiri"}


_VARGAS = {"Ines Varga": "person", "Paul Varga": "person", "Varga": "person", "Orlen": "place"}
_ADMIRAL = ("Paul Varga led the navy for a decade. Paul Varga warned of storms in Orlen. Paul Varga said the "
            "port must close. Ines Varga runs the ferries.")


def test_a_shared_bare_surname_is_the_person_the_article_names_first() -> None:
    # Every bare "Varga" went to the admiral, whom the cluster names most, though this article is about
    # the ferry owner and names him only to tell the two apart.
    one = ("Ines Varga founded the ferry line in Orlen in 1990. Varga said the line would sail again. Retired "
           "Admiral Paul Varga, who is no relation, called the plan reckless. Varga answered that the ships "
           "were safe.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=_ADMIRAL, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged(_VARGAS))
    people = {e.name: e for e in an.entities if e.kind == "person"}
    assert set(people) == {"Ines Varga", "Paul Varga"}, people
    ines, paul = people["Ines Varga"], people["Paul Varga"]
    assert ines.mentions == 4 and ines.aliases == ("Varga",)
    phrases = " | ".join(a.phrase for a in ines.actions)
    assert "said the line would sail again" in phrases and "answered that the ships were safe" in phrases
    assert paul.mentions == 4 and paul.aliases == ()
    assert not any("sail" in a.phrase or "ships" in a.phrase for a in paul.actions)


def test_a_shared_bare_surname_after_both_full_names_in_one_sentence_is_nobody_s_alias() -> None:
    one = "Ines Varga met Paul Varga in Orlen on Monday. Varga said the ferry line would sail again."
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=_ADMIRAL, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged(_VARGAS))
    people = {e.name: e for e in an.entities if e.kind == "person"}
    assert "Varga" not in people["Ines Varga"].aliases and "Varga" not in people["Paul Varga"].aliases
    assert people["Varga"].mentions == 1
    assert not any("sail" in a.phrase for e in people.values() if e.name != "Varga" for a in e.actions)


def test_a_bare_word_two_full_names_open_with_is_the_person_the_article_names_first() -> None:
    # A surname written first ("Chen" of the activist Chen Guangcheng and of his nephew Chen Kegui) had gone to the
    # one the cluster writes in full most, the nephew, in an article about his uncle; "Jerry" of "Jerry and Pat
    # Dodson" to an engineer, Jerry Cauthen, quoted at length in another part of the story
    one = ("Blind activist Wen Tailo left the hospital on Monday. Wen said he would study abroad. Wen said his "
           "nephew Wen Koru was in detention. Wen Tailo thanked his doctors.")
    two = ("Wen Koru was detained after a clash with officials. Wen Koru has a lawyer. Wen Koru denies the charges. "
           "His uncle Wen Tailo fled house arrest.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    tagged = _Tagged({"Wen Tailo": "person", "Wen Koru": "person", "Wen": "person"})
    an = analyze_cluster(make_cluster(arts), recognizer=tagged)
    people = {e.name: e for e in an.entities if e.kind == "person"}
    assert set(people) == {"Wen Tailo", "Wen Koru"}, people
    assert people["Wen Tailo"].aliases == ("Wen",) and people["Wen Tailo"].mentions == 5
    assert people["Wen Koru"].aliases == () and people["Wen Koru"].mentions == 4


def test_a_nickname_s_epithet_is_no_part_of_a_name_and_thou_is_no_one() -> None:
    # "Crooked Hillary Clinton" (a quoted post) was a person of its own that took "Clinton"; "Thou shall not …",
    # opening an article, a person "Thou"
    one = ("Thou shall not mock the harbour, the sign said. The mayor wrote that her rival, Crooked Ines Varga, "
           "had lost the vote. Ines Varga did not answer. Varga was in Orlen.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=_ADMIRAL, source="Coast Herald")]
    tagged = _Tagged({"Crooked Ines Varga": "person", "Thou": "person", **_VARGAS})
    an = analyze_cluster(make_cluster(arts), recognizer=tagged)
    people = {e.name: e for e in an.entities if e.kind == "person"}
    assert set(people) == {"Ines Varga", "Paul Varga"}, people
    assert people["Ines Varga"].mentions == 4 and people["Ines Varga"].aliases == ("Varga",), people["Ines Varga"]
    # ... but the same word in a place's or a body's name is part of it
    from storyline.analysis.entities import clean_surface

    assert [clean_surface(f) for f in ("Sleepy Joe Biden", "Sleepy Hollow Road", "Crooked Media Group")] == [
        "Joe Biden", "Sleepy Hollow Road", "Crooked Media Group"]


def test_a_bare_surname_of_a_titled_namesake_named_once_is_theirs_after_them_else_no_one_s() -> None:
    # "Missouri State Highway Patrol Capt. Ron Johnson … Johnson said" went to Dorian Johnson, a witness the
    # cluster writes in full more often, every time: after the captain only it is the captain; after both, the one
    # named in full in its sentence or the one before; else no one
    one = ("Harbour Police Capt. Tomas Arkwright took charge of the port on Monday. Arkwright said the gates would "
           "stay shut. A dock worker, Lena Arkwright, said she saw the crash. Police said Arkwright was not hurt. "
           "The port stayed quiet all night. Arkwright thanked the crews.")
    two = ("Lena Arkwright has worked on the docks for years. Lena Arkwright saw the ship hit the pier. Arkwright "
           "called for an inquiry.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    tagged = _Tagged({"Tomas Arkwright": "person", "Lena Arkwright": "person", "Arkwright": "person"})
    an = analyze_cluster(make_cluster(arts), recognizer=tagged)
    people = {e.name: e for e in an.entities if e.kind == "person"}
    assert set(people) == {"Tomas Arkwright", "Lena Arkwright", "Arkwright"}, people
    assert people["Tomas Arkwright"].mentions == 2, people["Tomas Arkwright"]
    assert "stay shut" in " ".join(a.phrase for a in people["Tomas Arkwright"].actions)
    assert people["Lena Arkwright"].mentions == 5 and people["Arkwright"].mentions == 1
    assert "thanked the crews" in " ".join(a.phrase for a in people["Arkwright"].actions)


def test_a_person_named_like_a_food_or_drug_company_is_the_company() -> None:
    # "In tiny Sellersburg, Ind., …, Manitowoc Foodservice is in the final stages of closing a factory" was a person
    one = "In tiny Orlen, Harlow Foodservice is closing a factory. Marrow Pharmaceuticals hired its workers."
    tagged = _Tagged({"Harlow Foodservice": "person", "Marrow Pharmaceuticals": "person", "Orlen": "place"})
    an = analyze_cluster(make_cluster([Article(id="1", text=one, source="Wire")]), recognizer=tagged)
    kinds = {e.name: e.kind for e in an.entities}
    assert kinds == {"Harlow Foodservice": "org", "Marrow Pharmaceuticals": "org", "Orlen": "place"}, kinds


def test_a_word_that_opens_a_street_s_name_is_no_person_unless_a_full_name_holds_it() -> None:
    # "Conard and I eventually sat down at a cafe off Madison" (beside "Madison Avenue") was a person "Madison"
    one = ("We met at a cafe off Marlow. Falk works on Marlow Avenue. Ines Varga met Falk on Varga Street. Varga "
           "said so.")
    tagged = _Tagged({"Marlow": "person", "Marlow Avenue": "place", "Falk": "person", "Ines Varga": "person",
                      "Varga": "person", "Varga Street": "place"})
    an = analyze_cluster(make_cluster([Article(id="1", text=one, source="Wire")]), recognizer=tagged)
    people = {e.name: e for e in an.entities if e.kind == "person"}
    assert set(people) == {"Falk", "Ines Varga"}, people
    assert people["Ines Varga"].mentions == 2


def test_a_word_named_only_before_a_plural_noun_is_a_brand_not_a_person() -> None:
    # "Police officers … patrol on Suzuki motorcycles" was a person "Suzuki"; "after interviewing Obama officials" and
    # "Longoria leads the pack" stay people
    one = ("Police patrol on Marlow motorcycles in Orlen. The inquiry began after interviewing Falk officials. "
           "Quint leads the pack.")
    tagged = _Tagged({"Marlow": "person", "Falk": "person", "Quint": "person", "Orlen": "place"})
    an = analyze_cluster(make_cluster([Article(id="1", text=one, source="Wire")]), recognizer=tagged)
    people = {e.name for e in an.entities if e.kind == "person"}
    assert people == {"Falk", "Quint"}, people


def test_a_company_with_or_without_its_suffix_is_one_organisation() -> None:
    # "Kellogg Co" and "Kellogg Co." were two organisations, and "Clorox" a place beside "Clorox Co"
    one = ("Harlow Biscuit Co. said on Monday it would close its plant in Orlen. Harlow Biscuit Co said "
           "the plant had lost money for years, as had Marrow Foods Inc.")
    two = ("Harlow Biscuit, the biscuit maker, closed its plant in Orlen. Marrow Foods may follow Harlow "
           "Biscuit out of Orlen.")
    kinds = {"Harlow Biscuit Co.": "org", "Harlow Biscuit Co": "org", "Harlow Biscuit": "org",
             "Marrow Foods Inc.": "org", "Marrow Foods": "place", "Orlen": "place"}
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds))
    harlow = [e for e in an.entities if "Harlow" in e.name]
    assert len(harlow) == 1 and harlow[0].kind == "org", harlow
    assert {"Harlow Biscuit Co.", "Harlow Biscuit Co"} <= {harlow[0].name, *harlow[0].aliases}
    marrow = [e for e in an.entities if "Marrow" in e.name]  # the tagger's place is the company
    assert [e.kind for e in marrow] == ["org"] and {"Marrow Foods", "Marrow Foods Inc."} == {
        marrow[0].name, *marrow[0].aliases}, marrow


def test_an_honorific_is_no_first_name_that_joins_two_of_one_family() -> None:
    # "Sheik Hamad bin Khalifa al-Thani" was taken for "Sheik Tamim bin Hamad Al Thani", his son: same first
    # word, same family name
    one = ("Sheik Karim bin Ossa al-Tahiri became emir on Monday. His father, Sheik Ossa bin Fadil al-Tahiri, "
           "stepped down after 18 years.")
    two = ("Sheik Ossa bin Fadil Al Tahiri handed power to his son. Sheik Karim bin Ossa Al Tahiri thanked him, "
           "and Sheik Karim said he would keep his father's ministers.")
    kinds = {"Sheik Karim bin Ossa al-Tahiri": "person", "Sheik Ossa bin Fadil al-Tahiri": "person",
             "Sheik Ossa bin Fadil Al Tahiri": "person", "Sheik Karim bin Ossa Al Tahiri": "person",
             "Sheik Karim": "person"}
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds))
    people = {e.name: e for e in an.entities if e.kind == "person"}
    assert len(people) == 2, people
    for e in people.values():
        assert e.articles == ("1", "2"), e
        firsts = {f.removeprefix("Sheik ").split()[0] for f in (e.name, *e.aliases) if len(f.split()) > 2}
        assert len(firsts) == 1, e  # no father's name under the son's


def test_a_name_ending_in_a_street_or_building_word_is_a_place() -> None:
    # "Linda Vista Avenue", "Salesforce Tower" and "Bridge Station" were listed under People
    one = ("The robot patrolled Orla Vista Avenue on Monday before it rolled into a fountain near Harlow Tower. "
           "Crews closed Kestrel Bridge and Mill Road for the day.")
    two = ("Harlow Tower stands at the end of Orla Vista Avenue. Mayor Ines Tower said the fountain would be "
           "drained, and Tower thanked the crews at Kestrel Bridge.")
    kinds = {"Orla Vista Avenue": "person", "Harlow Tower": "person", "Kestrel Bridge": "org", "Mill Road": "org",
             "Ines Tower": "person", "Tower": "person"}
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds))
    got = {e.name: e.kind for e in an.entities}
    assert got["Orla Vista Avenue"] == got["Harlow Tower"] == got["Kestrel Bridge"] == got["Mill Road"] == "place"
    assert got["Ines Tower"] == "person"  # a title before the name: a person, whatever it ends in


def test_a_body_named_with_and_without_its_country_is_one_organisation() -> None:
    # "Supreme Court" and "U.S. Supreme Court", "Justice Department" and "U.S. Department of Justice" were two each
    one = ("The U.S. Supreme Court heard the Orlen case on Monday. The U.S. Department of Justice defended the law.")
    two = ("The Supreme Court will rule on the Orlen case by June. The Justice Department said the law was sound.")
    kinds = {"U.S. Supreme Court": "org", "Supreme Court": "org", "U.S. Department of Justice": "org",
             "Justice Department": "org", "Orlen": "place"}
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    orgs = {e.name: e for e in analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds)).organisations}
    assert set(orgs) == {"Supreme Court", "Justice Department"}, orgs
    assert orgs["Supreme Court"].aliases == ("U.S. Supreme Court",) and orgs["Supreme Court"].articles == ("1", "2")
    assert orgs["Justice Department"].aliases == ("U.S. Department of Justice",)


def _people(texts: list[str], kinds: dict[str, str]) -> dict[str, object]:
    arts = [Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate(texts, 1)]
    return {e.name: e for e in analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds)).people}


def test_a_surname_given_an_office_is_not_a_person_the_cluster_gives_another_office() -> None:
    # "President Biden" was taken for "first lady Jill Biden", the only full name of that surname in the cluster
    one = ("President Vance held a minute of silence in Orlen on Monday. Later he walked to the harbour with "
           "first lady Mara Vance and the mayor.")
    two = "President Vance spoke for ten minutes at the harbour in Orlen. Vance promised a memorial."
    kinds = {"Vance": "person", "Mara Vance": "person", "Orlen": "place"}
    people = _people([one, two], kinds)
    assert set(people) == {"Vance", "Mara Vance"}, people
    assert people["Vance"].title == "President" and people["Mara Vance"].title == "first lady"
    assert people["Vance"].mentions == 3 and people["Vance"].articles == ("1", "2")


def test_a_surname_given_an_office_is_the_person_who_holds_it_or_the_one_untitled_full_name() -> None:
    kinds = {"Vance": "person", "Mara Vance": "person", "Tomas Vance": "person", "Orlen": "place"}
    # the holder of the office, even in an article that names another of that surname first
    one = ("First lady Mara Vance opened the harbour in Orlen on Monday. President Vance spoke after her. "
           "Mara Vance cut the ribbon.")
    two = "President Tomas Vance flew to Orlen on Monday. President Tomas Vance praised the builders."
    people = _people([one, two], kinds)
    assert "Vance" not in people and "Vance" in people["Tomas Vance"].aliases, people
    assert people["Tomas Vance"].articles == ("1", "2") and people["Mara Vance"].articles == ("1",)
    # a lone full name the cluster gives no office is the titled surname, as before
    people = _people(["Tomas Vance flew to Orlen on Monday.", "President Vance praised the builders in Orlen."],
                     kinds)
    assert set(people) == {"Tomas Vance"} and people["Tomas Vance"].articles == ("1", "2"), people


def test_an_abbreviated_office_is_an_office() -> None:
    # "Gov. Vance" had gone to his wife, the full name named first in the second article: "Gov." gave no office
    kinds = {"Vance": "person", "Mara Vance": "person", "Tomas Vance": "person", "Orlen": "place"}
    one = "Gov. Tomas Vance signed the harbour bill in Orlen on Monday. His wife, Mara Vance, stood beside him."
    two = "Mara Vance opened a school in Orlen. Gov. Vance said the bill would help the fishermen."
    people = _people([one, two], kinds)
    assert people["Tomas Vance"].title == "Gov." and "Vance" in people["Tomas Vance"].aliases, people
    assert people["Tomas Vance"].articles == ("1", "2") and people["Mara Vance"].aliases == ()
    # a lieutenant governor holds no governorship: with no governor named, "Gov. Vance" is nobody's yet
    one = "Lt. Gov. Tomas Vance and first lady Mara Vance visited Orlen on Monday."
    two = "Gov. Vance signed the harbour bill in Orlen."
    people = _people([one, two], kinds)
    assert "Vance" in people and people["Vance"].articles == ("2",), people


def test_a_surname_given_an_office_that_two_untitled_full_names_could_be_is_neither() -> None:
    kinds = {"Vance": "person", "Mara Vance": "person", "Tomas Vance": "person", "Orlen": "place"}
    one = "Tomas Vance and Mara Vance flew to Orlen on Monday. Governor Vance praised the builders."
    two = "Governor Vance spoke in Orlen on Monday, with Mara Vance and Tomas Vance beside the stage."
    people = _people([one, two], kinds)
    assert people["Vance"].title == "Governor" and people["Vance"].mentions == 2, people
    assert "Vance" not in people["Mara Vance"].aliases and "Vance" not in people["Tomas Vance"].aliases


@pytest.mark.parametrize(
    ("title", "held"),
    [("Vice President", "vice president"), ("U.S. President", "president"), ("Attorney General", "attorney general"),
     ("Pakistan's Prime Minister", "prime minister"), ("Foreign Minister", "minister"),
     ("Deputy Prime Minister", "deputy prime minister"), ("Secretary of State", "secretary of state"),
     ("House Speaker", "speaker"), ("Speaker of the House", "speaker"), ("Chief Justice", "chief justice"),
     ("Lt. Gov.", "lieutenant governor"), ("Lieutenant Governor", "lieutenant governor"), ("Gov.", "governor")],
)
def test_an_office_of_several_words_is_read_whole(title: str, held: str) -> None:
    from storyline.analysis.entities import office, offices

    assert office(title) == held
    assert offices([title]) == {held}


@pytest.mark.parametrize(
    ("title", "held"),
    [("Secretary of State for Health", "secretary of state"), ("secretary of transportation", "secretary"),
     ("deputy chief of staff to the president", "deputy chief of staff"),
     ("Chief of Staff of the Army", "chief of staff"), ("chief of staff to the secretary of state", "chief of staff"),
     ("director of the FBI", "director"), ("Speaker of the House of Representatives", "speaker"),
     ("attorney general of New York", "attorney general")],
)
def test_a_portfolio_after_an_office_whose_name_holds_of_leaves_that_office_whole(title: str, held: str) -> None:
    # "Secretary of State for Health" was cut at its first "of" ("secretary"), "deputy chief of staff to the
    # president" too ("deputy chief"), and "chief of staff to the secretary of state" read by its end
    from storyline.analysis.entities import office

    assert office(title) == held


def test_a_vice_president_is_not_the_president_nor_the_president_a_vice_president() -> None:
    # "Vice President" was read by its last word: "the president" became the vice president's alias, and
    # "President Vance" the vice president of that surname rather than the untitled full name
    kinds = {"Vance": "person", "Mara Vance": "person", "Tomas Vance": "person", "Orlen": "place"}
    one = ("Vice President Mara Vance visited Orlen on Monday. The president did not travel. "
           "The vice president spoke at the harbour.")
    two = "Tomas Vance flew to Orlen on Tuesday. President Vance praised the builders."
    people = _people([one, two], kinds)
    mara, tomas = people["Mara Vance"], people["Tomas Vance"]
    assert mara.title == "Vice President" and "The vice president" in mara.aliases, people
    assert "The president" not in mara.aliases and "Vance" not in mara.aliases
    assert "Vance" in tomas.aliases and "The president" in tomas.aliases  # he is the president
    # and the other way round: with a president named in full, "the vice president" is nobody's alias
    one = "President Tomas Vance visited Orlen on Monday. The vice president did not travel."
    people = _people([one, "The president praised the builders of Orlen."], kinds)
    assert "The vice president" not in people["Tomas Vance"].aliases
    assert "The president" in people["Tomas Vance"].aliases, people


def test_a_title_of_several_words_before_a_name_is_the_title() -> None:
    kinds = {"Chief Justice Ada Lind": "person", "Ada Lind": "person", "Karl Berg": "person", "Berg": "person",
             "Orlen": "place"}
    one = ("Chief Justice Ada Lind swore in the council in Orlen on Monday. Secretary of State Karl Berg attended. "
           "The secretary of state said little.")
    two = "Ada Lind left Orlen on Tuesday. Secretary Berg stayed another day."
    people = _people([one, two], kinds)
    assert people["Ada Lind"].title == "Chief Justice", people
    assert people["Karl Berg"].title == "Secretary of State"
    assert "The secretary of state" in people["Karl Berg"].aliases
    # "Secretary Berg" is the secretary of state: a title's first word names the office too
    assert "Berg" in people["Karl Berg"].aliases and people["Karl Berg"].articles == ("1", "2"), people


def test_one_country_s_parliament_named_three_ways_is_one_body_and_another_s_is_another() -> None:
    kinds = {"Parliament": "org", "British Parliament": "org", "London’s Parliament": "org", "London": "place",
             "Tehran's Parliament": "org", "Tehran": "place"}
    one = "A car hit people outside the British Parliament in London on Wednesday."
    two = "Police said the attack outside London’s Parliament building lasted 82 seconds. Parliament was locked down."
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    orgs = {e.name: e for e in analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds)).organisations}
    assert set(orgs) == {"Parliament"} and orgs["Parliament"].articles == ("1", "2"), orgs
    # with another country's parliament in the story, no form of either is the bare "Parliament"
    three = "Tehran's Parliament condemned the attack on Thursday."
    arts.append(Article(id="3", text=three, source="Gulf Daily"))
    orgs = {e.name: e for e in analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds)).organisations}
    assert orgs["Tehran's Parliament"].articles == ("3",), orgs
    assert "Tehran's Parliament" not in orgs["Parliament"].aliases


def test_a_headline_verb_the_tagger_read_into_a_name_is_not_the_person_s_name() -> None:
    # "Trump Blasts" was a person's shown name: a Title-Case headline's verb after a name that the prose writes alone
    kinds = {"Falk Blasts": "person", "Falk": "org", "Tilda Marsh": "person"}
    one = ("Falk Blasts 'Total Witch Hunt' After Police Raid His Lawyer's Office\n\n"
           "Governor Falk unloaded on the harbour board on Tuesday. Falk said the board had ignored the dockers.")
    two = "The harbour board defended its contract. Board chairman Tilda Marsh said the deal was fair."
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    names = {e.name for e in analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds)).entities}
    assert "Falk Blasts" not in names and "Falk" in names, names


def test_a_full_name_in_a_headline_whose_surname_the_prose_writes_keeps_it() -> None:
    kinds = {"Ruth Okoye": "person", "Okoye": "person", "Tilda Marsh": "person"}
    one = "Governor Ruth Okoye Leaves Office After Flood Inquiry\n\nOkoye said she would not stand again."
    two = "The flood inquiry ended on Monday. Tilda Marsh said the report was fair."
    people = _people([one, two], kinds)
    assert "Ruth Okoye" in people and "Okoye" in people["Ruth Okoye"].aliases, people


def test_a_headline_s_words_after_a_name_the_prose_writes_are_no_part_of_it() -> None:
    # "Trump Seemed To Suggest North", "Barr Declares NYC" were people: a headline's verb and what follows it, read
    # into the name before them
    kinds = {"Falk Seemed To Suggest Harlow": "person", "Falk": "person", "Tilda Marsh": "person"}
    one = ("Falk Seemed To Suggest Harlow Residents Should Vote Twice\n\n"
           "Governor Falk spoke in Harlow on Tuesday. Falk said the ballots would be counted twice.")
    two = "The harbour board met on Monday. Board chairman Tilda Marsh said the count was fair."
    people = _people([one, two], kinds)
    assert "Falk Seemed To Suggest Harlow" not in people and people["Falk"].mentions == 3, people


def test_a_headline_s_words_the_prose_writes_in_no_name_are_no_person() -> None:
    # "Shoots Black Man", "Drinks Beer", "Finds" were people: a headline's words, no name of the prose at all
    kinds = {"Shoots Corvel Guard": "person", "Finds": "person", "Tilda Marsh": "person", "Ines Idowu": "person",
             "Oren Falk": "person"}
    one = ("Officer Shoots Corvel Guard, Inquiry Finds\n\n"
           "An officer shot a guard at the harbour of Corvel on Monday. Board chairman Tilda Marsh said the inquiry "
           "was fair.\n\n"
           "(PHOTOS: Ines Idowu and Tilda Marsh in Corvel)")
    two = "The inquiry ended on Tuesday.\n\nReporting by Oren Falk; Editing by Tilda Marsh"
    people = _people([one, two], kinds)
    # ("Corvel" is a proper noun of the prose, but neither the first nor the last word of the name)
    assert "Shoots Corvel Guard" not in people and "Finds" not in people, people
    # a name coordinated with one the prose writes is a name, and a credit line's names stay
    assert "Ines Idowu" in people and "Oren Falk" in people, people


def test_a_royal_or_religious_title_the_tagger_took_in_is_no_part_of_the_name() -> None:
    # "Crown Prince Mohammed bin Salman", "Emir Sheik Hamad bin Khalifa Al Thani" (beside "Hamad bin Khalifa
    # al-Thani": two people), "Lady Melania Trump" of "First Lady Melania Trump" were people's names
    kinds = {"Crown Prince Omar bin Falk": "person", "Omar bin Falk": "person", "Lady Tilda Marsh": "person"}
    one = "Crown Prince Omar bin Falk opened the harbour on Monday. First Lady Tilda Marsh was there."
    two = "Omar bin Falk said the harbour would stay open."
    people = _people([one, two], kinds)
    assert "Omar bin Falk" in people and people["Omar bin Falk"].articles == ("1", "2"), people
    assert people["Omar bin Falk"].title == "Crown Prince" and "Tilda Marsh" in people, people


def test_a_credit_line_in_title_case_keeps_its_names() -> None:
    # "Reporting by Omar Fahmy; Editing by …" lost "Fahmy", and "Omar" became the first name of another Omar
    kinds = {"Oren Falk": "person", "Oren Brandt": "person", "Tilda Marsh": "person"}
    one = ("Oren Falk led the strike at Corvel for a month. Falk said the dockers would not return.\n\n"
           "Reporting by Oren Brandt; Editing by Tilda Marsh")
    two = "The strike at Corvel ended on Monday. Oren Falk signed the contract."
    people = _people([one, two], kinds)
    assert "Oren Brandt" in people and "Oren" not in people["Oren Falk"].aliases, people


def test_a_possessive_in_a_headline_is_no_word_of_the_name() -> None:
    # "Kim Jong-un’s" in a headline lost "Jong-un’s" (a word the prose writes only without the possessive)
    kinds = {"Tilda Marsh’s": "person", "Tilda Marsh": "person", "Tilda": "person"}
    one = "Questions Over Tilda Marsh’s Health Grow Louder\n\nTilda Marsh did not appear on Monday."
    two = "Tilda was last seen in Corvel in April."
    people = _people([one, two], kinds)
    assert "Tilda Marsh" in people and "Tilda" not in people, people


@pytest.mark.parametrize(("line", "expected"), [
    ("Falk Blasts 'Total Witch Hunt' After Police Raid His Lawyer's Office", True),
    ("Questions Over Tilda Marsh’s Health Grow Louder", True),
    ("Harbour Strike Ends as Dockers Accept the Board's Offer at Last", True),
    ("Tilda Marsh did not appear on Monday.", False),
    ("By Oren Falk", False),
    ("Oren Falk said the dockers would not return until the contract was signed.", False),
])
def test_title_case_line(line: str, expected: bool) -> None:
    from storyline.analysis.entities import title_case_line

    assert title_case_line(line) is expected


def test_a_name_with_a_digit_or_a_word_in_capitals_no_one_is_named_is_no_person() -> None:
    # "COVID-19", "COVID" (a headline's capitals), "MS-13" were listed among the people
    kinds = {"VELD-21": "person", "VELD": "person", "Harbour-9": "person", "Tilda Marsh": "person",
             "Marsh": "person"}
    one = ("Corvel Closes Schools as VELD Spreads\n\nTilda Marsh closed the schools of Corvel on Monday as "
           "VELD-21 spread along the coast. Marsh said the Harbour-9 gang had looted a pharmacy.")
    two = "VELD-21 cases doubled in Corvel in a week, Tilda Marsh said."
    arts = [Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate([one, two], 1)]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds))
    assert [e.name for e in an.people] == ["Tilda Marsh"], an.people
    assert {"VELD-21", "VELD", "Harbour-9"} <= {e.name for e in an.organisations}, an.entities


def test_a_word_in_capitals_that_is_a_person_s_name_or_initials_is_that_person() -> None:
    # a transcript's "MARSH:" and a person called by initials ("TJM"; "JFK" was listed apart from "John F. Kennedy")
    kinds = {"MARSH": "person", "TJM": "person", "Tilda Marsh": "person", "Tomas J. Marlow": "person"}
    one = ("Tilda Marsh questioned Tomas J. Marlow at the hearing on Monday.\n\n"
           "MARSH: Did you sign the contract?\n\nTJM answered that he had not.")
    two = "Tomas J. Marlow denied signing the contract, Tilda Marsh said."
    people = _people([one, two], kinds)
    assert set(people) == {"Tilda Marsh", "Tomas J. Marlow"}, people
    assert "MARSH" in people["Tilda Marsh"].aliases and "TJM" in people["Tomas J. Marlow"].aliases, people
    assert people["Tomas J. Marlow"].mentions == 3


def test_initials_two_people_of_the_cluster_share_are_neither_and_a_body_s_are_no_person_s() -> None:
    kinds = {"TJM": "person", "Tomas J. Marlow": "person", "Tilda J. Marsh": "person", "FBV": "org",
             "Frida B. Voss": "person"}
    one = ("Tilda J. Marsh questioned Tomas J. Marlow on Monday. TJM said the FBV had the contract.\n\n"
           "Frida B. Voss runs the FBV.")
    two = "Tomas J. Marlow denied signing the contract, Tilda J. Marsh said, and Frida B. Voss agreed."
    arts = [Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate([one, two], 1)]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds))
    people = {e.name: e for e in an.people}
    assert "TJM" in people and not any("TJM" in e.aliases for e in people.values()), people
    assert "FBV" in {e.name for e in an.organisations} and not people["Frida B. Voss"].aliases, an.entities


def test_a_middle_name_tells_two_people_apart_and_a_name_without_one_is_either() -> None:
    # "George W. Bush" and "George H. W. Bush" had been one person (the same first and last name)
    kinds = {"Tomas W. Marlow": "person", "Tomas H. W. Marlow": "person", "Tomas H.W. Marlow": "person",
             "Tomas Marlow": "person", "Oren F. Falk": "person", "Oren Falk": "person",
             "Oren Fitzgerald Falk": "person"}
    one = ("Tomas W. Marlow met his father Tomas H. W. Marlow in Corvel on Monday. Tomas Marlow spoke first.\n\n"
           "Oren F. Falk joined them.")
    two = "Tomas H.W. Marlow and Tomas W. Marlow left Corvel on Tuesday with Oren Falk and Oren Fitzgerald Falk."
    people = _people([one, two], kinds)
    assert {"Tomas W. Marlow", "Tomas H. W. Marlow", "Tomas Marlow"} <= set(people), people
    assert people["Tomas H. W. Marlow"].aliases == ("Tomas H.W. Marlow",)
    assert not people["Tomas W. Marlow"].aliases and not people["Tomas Marlow"].aliases
    falk = next(e for e in people.values() if e.name.startswith("Oren"))
    assert {falk.name, *falk.aliases} == {"Oren F. Falk", "Oren Falk", "Oren Fitzgerald Falk"}, people


def test_a_name_written_with_a_hyphen_or_a_space_in_any_case_is_one_person() -> None:
    # "Kim Jong-un" and "Kim Jong Un" were two people
    kinds = {"Park Min-jun": "person", "Park Min Jun": "person", "Park Min-Jun": "person", "Park Min-ho": "person"}
    one = "Park Min-jun met the envoys in Corvel on Monday. Park Min-jun said the talks would go on."
    two = "Park Min Jun left Corvel on Tuesday. His brother Park Min-ho stayed."
    three = "Park Min-Jun is expected back in Corvel in May."
    people = _people([one, two, three], kinds)
    assert set(people) == {"Park Min-jun", "Park Min-ho"}, people
    assert set(people["Park Min-jun"].aliases) == {"Park Min Jun", "Park Min-Jun"}
    assert people["Park Min-jun"].articles == ("1", "2", "3")


def test_a_transcript_s_names_in_capitals_are_the_people_the_cluster_names_normally() -> None:
    kinds = {"TILDA MARSH": "person", "Tilda Marsh": "person", "FALK": "person", "Oren Falk": "person"}
    one = ("TILDA MARSH: Did you sign the contract?\n\nFALK: I did not.\n\nMARSH: Then who did?")
    two = "Oren Falk told Tilda Marsh at the hearing on Monday that he had not signed the contract."
    people = _people([one, two], kinds)
    assert set(people) == {"Tilda Marsh", "Oren Falk"}, people
    assert people["Tilda Marsh"].mentions == 3 and people["Oren Falk"].mentions == 2, people


def test_a_one_word_person_that_publishes_or_polls_or_follows_a_town_is_no_person() -> None:
    # a one-word name with no first name or title in the cluster, in the slot of a publisher, a pollster or a county
    one = ("Analysts surveyed by Kestrelix expected the port to reopen. The memoir, to be published next month by "
           "Harrowgate, tells the story of the strike.")
    two = ("Prayers were said at the village church in Rothwick, Dunshire. Mayor Ada Lind said the port would "
           "reopen. Lind was in Corvel, Marsh said.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Coast Herald")]
    tagged = _Tagged({"Kestrelix": "person", "Harrowgate": "person", "Rothwick": "place", "Dunshire": "person",
                      "Ada Lind": "person", "Lind": "person", "Corvel": "place", "Marsh": "person"})
    an = analyze_cluster(make_cluster(arts), recognizer=tagged)
    kinds = {e.name: e.kind for e in an.entities}
    assert (kinds["Kestrelix"], kinds["Harrowgate"], kinds["Dunshire"]) == ("org", "org", "place")
    assert kinds["Ada Lind"] == "person" and kinds["Marsh"] == "person"  # "in Corvel, Marsh said": a person


def test_a_name_in_a_list_after_a_place_stays_a_person() -> None:
    text = "The mayor thanked her children, Corvel, Tomas, and Ines, at the opening of the port."
    tagged = _Tagged({"Corvel": "place", "Tomas": "person", "Ines": "person"})
    an = analyze_cluster(make_cluster([Article(id="1", text=text, source="Wire")]), recognizer=tagged)
    assert {e.name: e.kind for e in an.entities}["Tomas"] == "person"


def test_the_analysis_tells_each_article_read_for_names() -> None:
    # The named-entity model reads the articles one after another, most of an analysis's time: the command line
    # shows a bar over them (60 articles took about 30 s with nothing on the terminal).
    arts = [Article(id="1", text=ONE, source="Wire"), Article(id="2", text=TWO, source="Coast Herald"),
            Article(id="3", text=ONE, source="Vale Post")]  # a copy of the first: out of the pool, not read
    counted: list[int] = []
    cluster = make_cluster(arts)
    analyze_cluster(cluster, recognizer=RuleRecognizer(), progress=counted.append)
    assert len(cluster.kept_ids) == 2 and counted == [1, 1]


def test_a_junior_is_not_his_father_nor_the_father_his_son() -> None:
    # "Donald Trump Jr." had taken in "Donald Trump", "Trump" and "the president" (NeuS val 101)
    one = ("Governor Tomas Marlow opened the harbour in Orlen on Monday. His son Tomas Marlow Jr. wrote a book "
           "about the harbour. Marlow praised the builders.")
    two = ("Copies of Tomas Marlow, Jr.'s book sold out in Orlen. Tomas Jr. signed them. Marlow Jr. said the "
           "governor had not read it, and the governor said nothing. Tomas Marlow flew home.")
    kinds = {"Tomas Marlow": "person", "Tomas Marlow Jr.": "person", "Marlow Jr.": "person", "Tomas Jr.": "person",
             "Marlow": "person", "Orlen": "place"}
    people = _people([one, two], kinds)
    assert set(people) == {"Tomas Marlow", "Tomas Marlow Jr."}, people
    assert set(people["Tomas Marlow Jr."].aliases) == {"Tomas Marlow, Jr.", "Tomas Jr.", "Marlow Jr."}
    assert "Marlow" in people["Tomas Marlow"].aliases and people["Tomas Marlow"].title == "Governor"
    assert people["Tomas Marlow Jr."].mentions == 4 and people["Tomas Marlow"].mentions == 5  # the governor too


def test_a_common_noun_read_as_a_one_word_person_is_no_person() -> None:
    # "Photo" alone on a page's line, "the Moon", "Mom and Dad" had been people
    one = ("Photo\n\nRuth Okoye landed on the Moon on Monday. Mom and Dad watched from Orlen. Okoye said the moon "
           "was quiet.")
    two = "Ruth Okoye is the first pilot from Orlen to walk on the moon. A photo of her mom went round the world."
    kinds = {"Photo": "person", "Moon": "person", "Mom": "person", "Dad": "person", "Ruth Okoye": "person",
             "Okoye": "person", "Orlen": "place"}
    people = _people([one, two], kinds)
    assert set(people) == {"Ruth Okoye"}, people
    # a surname, a titled name and a name in capitals stay people, whatever the cluster writes in lower case
    people = _people(["Ruth Baker flew on Monday. Baker said little.", "The bread came from a baker. Sen. Stone "
                      "agreed, and so did STONE, who said stone walls stand."],
                     {"Ruth Baker": "person", "Baker": "person", "Stone": "person", "STONE": "person"})
    assert {"Ruth Baker", "Stone"} <= set(people), people


def test_a_trade_that_opens_a_sentence_is_no_part_of_the_name() -> None:
    # "Lawyer Kila Baldwin" had been the name of the lawyer, "Endorses Joe Biden" an alias
    one = "Lawyer Ines Quint said the jury had heard enough. Quint spoke for an hour in Orlen."
    two = ("Ines Quint, the lawyer for the families, left Orlen. Screenwriter Tomas Arkwright watched. Tomas "
           "Arkwright is a screenwriter from Orlen.")
    kinds = {"Lawyer Ines Quint": "person", "Ines Quint": "person", "Quint": "person", "Orlen": "place",
             "Screenwriter Tomas Arkwright": "person", "Tomas Arkwright": "person"}
    people = _people([one, two], kinds)
    assert set(people) == {"Ines Quint", "Tomas Arkwright"}, people
    assert people["Ines Quint"].mentions == 3 and people["Tomas Arkwright"].mentions == 2
    assert people["Ines Quint"].aliases == ("Quint",)


def test_a_mention_in_a_duplicate_article_counts_as_its_article_does() -> None:
    # the same story sent twice is one article of the cluster, credited to both: "5 articles, 4 mentions" had been
    # shown for a name that every article gives once
    one = "Mayor Ines Quint closed the pier in Orlen on Monday after a storm damaged it."
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=one, source="Coast Herald"),
            Article(id="3", text="Ines Quint said the pier in Orlen would reopen soon.", source="Daily")]
    people = {e.name: e for e in analyze_cluster(make_cluster(arts), recognizer=_Tagged(
        {"Ines Quint": "person", "Orlen": "place"})).people}
    assert people["Ines Quint"].articles == ("1", "2", "3") and people["Ines Quint"].mentions == 3


def test_a_ship_is_no_entity_and_a_part_of_town_before_a_terminal_is_a_place() -> None:
    # the sample's "Marisol Star" (a ship) and "Eastside" (of "the Eastside terminal") had been organisations
    one = ("The container ship Vela Dawn hit a pier in Orlen on Monday. The Vela Dawn had lost power. Buses run from "
           "the Northgate terminal.")
    two = "Mayor Ines Quint said Northgate would get extra buses. Tessaline Shipping owns the Vela Dawn."
    an = analyze_cluster(make_cluster([Article(id="1", text=one, source="Wire"), Article(id="2", text=two,
                                                                                        source="Daily")]),
                         recognizer=_Tagged({"Vela Dawn": "org", "Northgate": "org", "Orlen": "place",
                                             "Ines Quint": "person", "Tessaline Shipping": "org"}))
    kinds = {e.name: e.kind for e in an.entities}
    assert "Vela Dawn" not in kinds and kinds["Northgate"] == "place" and kinds["Tessaline Shipping"] == "org", kinds


def test_an_owner_s_possessive_is_no_part_of_a_person_s_name() -> None:
    # "Politico’s Shane Goldmacher" had been a person of that name
    one = "Lantern’s Ines Quint reported the vote in Orlen on Monday. Quint said the count was slow."
    two = "Ines Quint, a reporter, counted the votes in Orlen."
    people = _people([one, two], {"Lantern’s Ines Quint": "person", "Ines Quint": "person", "Quint": "person",
                                  "Orlen": "place"})
    assert set(people) == {"Ines Quint"} and people["Ines Quint"].mentions == 3, people


def test_a_name_ending_in_a_country_the_cluster_names_is_a_body() -> None:
    # "Oxfam America", "Santé Publique France" had been people, and "France" the surname of one
    one = "Relief Veld France said on Monday that aid reached Orlen. France sent two planes, and Relief Veld one."
    two = "Ines Jordan of Relief Veld France said the planes landed in Orlen. Jordan said more would come."
    an = analyze_cluster(make_cluster([Article(id="1", text=one, source="Wire"), Article(id="2", text=two,
                                                                                        source="Daily")]),
                         recognizer=_Tagged({"Relief Veld France": "person", "France": "place", "Orlen": "place",
                                             "Ines Jordan": "person", "Jordan": "person", "Relief Veld": "place"}))
    kinds = {e.name: e.kind for e in an.entities}
    assert kinds["Relief Veld France"] == "org" and kinds["France"] == "place", kinds
    assert "Relief Veld" not in kinds  # the body's name without the country is the body too
    assert kinds["Ines Jordan"] == "person"  # a country's name as a surname the cluster writes alone: a person


def test_an_office_of_two_words_the_tagger_cuts_is_read_whole() -> None:
    # spaCy tags "Lady Melania Trump" of "First Lady Melania Trump": her title had been "Lady"
    one = "First Lady Ines Quint visited Orlen on Monday. Quint met nurses."
    people = _people([one, "Ines Quint left Orlen."], {"Lady Ines Quint": "person", "Ines Quint": "person",
                                                      "Quint": "person", "Orlen": "place"})
    assert set(people) == {"Ines Quint"} and people["Ines Quint"].title == "First Lady", people


def test_a_town_named_with_a_rank_in_a_place_s_slot_is_that_place_whole() -> None:
    # "driving home to Prince George": "George" had been a person (the rank read as a title)
    one = "Ines Quint was driving home to Prince George from Orlen when the car left the road."
    two = "Quint, who lives in Prince George, was treated in Orlen."
    an = analyze_cluster(make_cluster([Article(id="1", text=one, source="Wire"), Article(id="2", text=two,
                                                                                        source="Daily")]),
                         recognizer=_Tagged({"Prince George": "person", "Ines Quint": "person", "Quint": "person",
                                             "Orlen": "place"}))
    kinds = {e.name: e.kind for e in an.entities}
    assert kinds.get("Prince George") == "place" and "George" not in kinds, kinds


def _entities(texts: list[str], kinds: dict[str, str]) -> dict[str, object]:
    arts = [Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate(texts, 1)]
    return {e.name: e for e in analyze_cluster(make_cluster(arts), recognizer=_Tagged(kinds)).entities}


def test_a_name_that_heads_a_phrase_after_a_is_a_thing_not_a_person() -> None:
    # "a Magen David on a tile" was a person: a symbol named after someone; "an Okoye appointee" is Okoye still
    kinds = {"Tovah Reed": "person", "Okoye": "person", "Tilda Marsh": "person"}
    one = "The diggers found a Tovah Reed on a tile. Judge Tilda Marsh, an Okoye appointee, ordered more digging."
    two = "The tiles were stamped with a Tovah Reed, the board said. Tilda Marsh visited the site."
    ents = _entities([one, two], kinds)
    assert "Tovah Reed" not in ents and ents["Okoye"].kind == "person", ents


def test_a_title_case_headline_s_words_run_together_are_no_organisation() -> None:
    # "… After Trump’s Call With Ukraine Leader", "Chicago Police Superintendent", "Ohio Race Too Close" were
    # organisations: a headline's words around names the prose writes alone
    kinds = {"Falk": "person", "Corvel": "place", "Call With Corvel": "org", "Corvel Port Authority": "org",
             "Corvel Strike Vote": "org"}
    one = ("Board Knew of the Claims Soon After Falk’s Call With Corvel Leader\n\n"
           "Falk spoke to the leader of Corvel on Monday. The Corvel Port Authority said it knew.")
    two = "Corvel Strike Vote Too Close to Call\n\nThe Corvel Port Authority met on Tuesday in Corvel."
    ents = _entities([one, two], kinds)
    assert "Call With Corvel" not in ents and "Corvel Strike Vote" not in ents, ents
    assert ents["Corvel Port Authority"].kind == "org" and ents["Falk"].kind == "person", ents


def test_a_surname_and_a_place_run_together_are_no_one() -> None:
    # "Trump Ukraine adviser to testify …", "Biden to Tell Putin U.S. Won’t …" were a person or an organisation
    kinds = {"Falk Corvel": "person", "Falk": "person", "Corvel": "place", "Oren Falk": "person"}
    one = "Falk Corvel adviser to testify about the strike.\n\nOren Falk spoke in Corvel on Monday."
    two = "Falk said the strike in Corvel would end."
    ents = _entities([one, two], kinds)
    assert "Falk Corvel" not in ents and ents["Oren Falk"].kind == "person", ents


def test_a_possessive_inside_a_headline_name_ends_it() -> None:
    # "Donald J. Trump’s Impeachment" was a person, and "Impeachment" its alias
    kinds = {"Tilda Marsh’s Inquiry": "person", "Tilda Marsh": "person"}
    one = "What to Watch For as Tilda Marsh’s Inquiry Begins\n\nTilda Marsh will appear on Monday."
    two = "The inquiry into Tilda Marsh opens on Monday."
    people = _people([one, two], kinds)
    assert set(people) == {"Tilda Marsh"} and people["Tilda Marsh"].mentions == 3, people


def test_an_apposition_s_office_held_before_is_a_former_one() -> None:
    # "Rick Bright, previously the director of …" had the title "previously the director"
    kinds = {"Ada Lind": "person", "Lind": "person"}
    one = "Ada Lind, previously the director of the port agency, testified on Thursday."
    two = "Lind warned lawmakers about the port."
    assert _people([one, two], kinds)["Ada Lind"].title == "former director"


def test_a_one_word_person_right_before_a_full_name_is_no_one() -> None:
    # "revive Seaman James Derek Lovelace": the tagger cut the rank off as a person "Seaman"
    kinds = {"Bosun": "person", "Ada Lind": "person", "Lind": "person"}
    one = "Divers could not revive Bosun Ada Lind of Corvel on Friday."
    two = "Lind, 21, died during training, the navy said."
    people = _people([one, two], kinds)
    assert set(people) == {"Ada Lind"}, people


def test_a_short_first_name_or_one_without_its_accents_is_the_same_person() -> None:
    # "Matt Lesser" and "Matthew Lesser", "Mike Flynn" and "Michael Flynn", "Yulín Cruz" and "Yulin Cruz" had been two
    # people each; "Don Trump Jr." and "Don Jr" had been a person apart from "Donald Trump Jr." (NeuS val 101), and
    # "[Vladimir] Putin" a person "Vladimir] Putin", a photo credit "(Victoria Walker/The Washington Post)" one
    # "Victoria Walker/"
    one = ("State Representative Matt Lesser spoke in Orlen on Monday. Matthew Lesser said the mailer was a "
           "disgrace. Mayor Yulín Cruz agreed. Copies of Daniel Okafor Jr.'s book sold out. Ines Quint wrote "
           "that [Ines] Quint would stay. The photo was taken by Carl Brand/ The Orlen Post on Monday.")
    two = ("Matt Lesser asked for an apology. Yulin Cruz did not comment. Dan Okafor Jr. signed the copies, and "
           "Dan Jr. thanked the readers.")
    kinds = {"Matt Lesser": "person", "Matthew Lesser": "person", "Yulín Cruz": "person", "Yulin Cruz": "person",
             "Daniel Okafor Jr.": "person", "Dan Okafor Jr.": "person",
             "Dan Jr.": "person", "Orlen": "place", "Ines Quint": "person", "Ines] Quint": "person",
             "Carl Brand/": "person"}
    people = _people([one, two], kinds)
    cruz = next(n for n in people if "Cruz" in n)
    assert set(people) == {"Matt Lesser", cruz, "Daniel Okafor Jr.", "Ines Quint", "Carl Brand"}, people
    assert people["Matt Lesser"].aliases == ("Matthew Lesser",), people["Matt Lesser"]
    assert set(people[cruz].aliases) == {"Yulín Cruz", "Yulin Cruz"} - {cruz}
    assert set(people["Daniel Okafor Jr."].aliases) == {"Dan Okafor Jr.", "Dan Jr."}


def test_a_first_name_of_a_family_stays_apart_and_an_office_is_no_junior_s() -> None:
    # "Sam" is short for "Samuel", not for "Samantha"; "President Trump" had gone to "Donald Trump Jr." once "Don Trump
    # Jr." was his too and the cluster named no other Trump in full (NeuS val 101)
    one = ("Sam Riggs and Samantha Riggs sold the farm. Copies of Dan Marlow Jr.'s book sold out. Daniel Marlow Jr. "
           "wrote about a trip with President Marlow. Marlow Jr. said the trip was hard.")
    two = ("Sam Riggs thanked the buyers. Daniel Marlow Jr. signed the copies. President Marlow did not read the "
           "book. The president was in Orlen.")
    kinds = {"Sam Riggs": "person", "Samantha Riggs": "person", "Dan Marlow Jr.": "person",
             "Daniel Marlow Jr.": "person", "Marlow Jr.": "person", "Marlow": "person"}
    people = _people([one, two], kinds)
    assert set(people) == {"Sam Riggs", "Samantha Riggs", "Daniel Marlow Jr.", "Marlow"}, people
    assert set(people["Daniel Marlow Jr."].aliases) == {"Dan Marlow Jr.", "Marlow Jr."}
    assert people["Marlow"].title == "President"


def test_a_rank_written_without_its_full_stop_or_cut_off_before_a_name_is_no_person() -> None:
    # "Prof Szczerbiak", "Gen Grant" and "Detective Geiger" had been people apart from Aleks Szczerbiak, Ulysses S.
    # Grant and Charles Geiger; "said Marine Safety Lt. John Sandmeyer", cut by the segmenter at "Lt.", had made a
    # person "Marine Safety Lt" and "U.S. Army Sgt. Bowe Bergdahl" one "Army Sgt"
    one = ("Ines Quint, a professor at Orlen University, studied the vote. Prof Quint said the result was close. "
           "Detective Tomas Marlow led the search.")
    two = ("Detective Marlow said the search would go on. The swimmer was cold, said Harbour Safety Lt. John Idowu, "
           "who pulled her out.")
    kinds = {"Ines Quint": "person", "Prof Quint": "person", "Tomas Marlow": "person", "Detective Marlow": "person",
             "Harbour Safety Lt": "person", "John Idowu": "person", "Orlen University": "org"}
    people = _people([one, two], kinds)
    assert set(people) == {"Ines Quint", "Tomas Marlow", "John Idowu"}, people
    assert people["Ines Quint"].mentions == 2 and people["Tomas Marlow"].mentions == 2


def test_a_headline_s_words_after_a_surname_of_a_full_name_of_the_prose_are_no_part_of_it() -> None:
    # "Mulvaney Slams Dems", "McCarthy Blast Democrats" and "Barr Declares NYC" were people: the prose writes the
    # surname only in a full name ("White House Budget Director Mick Mulvaney slammed …")
    kinds = {"Falk Slams Dockers": "person", "Oren Falk": "person", "Tilda Marsh": "person"}
    one = ("'Greed at the Highest Level': Falk Slams Dockers' 'Lies' About Pay\n\n"
           "Harbour Minister Oren Falk slammed what he called lies about the contract on Tuesday.")
    two = "The harbour board met on Monday. Board chairman Tilda Marsh said the contract was fair."
    people = _people([one, two], kinds)
    assert set(people) == {"Oren Falk", "Tilda Marsh"}, people
    assert people["Oren Falk"].aliases == ("Falk",) and people["Oren Falk"].mentions == 2, people["Oren Falk"]


def test_a_one_word_name_that_ends_a_name_after_of_is_no_person() -> None:
    # "each tile was stamped with a Star of David" had made a person "David"; "Beverly Riggs of Hopewell" one
    # "Hopewell"; "his Mar-a-Lago resort" one "Mar"; "Judge Tilda Marsh of Corvel" is Tilda Marsh still, and "an
    # Okoye-era rule" Okoye's
    kinds = {"Tovah": "person", "Tilda Marsh": "person", "Corvel": "person", "Sol": "person", "Okoye": "person"}
    one = ("The diggers found tiles stamped with a Star of Tovah. Judge Tilda Marsh of Corvel ordered more digging "
           "from her Sol-a-Mar estate.")
    two = ("The tiles were kept in the Star of Tovah museum, the board said. Tilda Marsh visited the site under an "
           "Okoye-era rule.")
    arts = [Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate([one, two], 1)]
    ents = {e.name: e for e in analyze_cluster(make_cluster(arts), recognizer=_TaggedBeforeHyphen(kinds)).entities}
    assert set(ents) == {"Tilda Marsh", "Okoye"}, ents


class _TaggedBeforeHyphen(_Tagged):
    """:class:`_Tagged`, a form read before a hyphen too ("Mar" of "Mar-a-Lago", as spaCy reads it)."""

    def recognize(self, text: str) -> list:
        import re

        from storyline.analysis.ner import Mention

        pattern = "|".join(re.escape(f) for f in sorted(self.kinds, key=len, reverse=True))
        return [Mention(m.start(), m.end(), self.kinds[m.group()], m.group())
                for m in re.finditer(rf"(?<![\w-])(?:{pattern})(?!\w)", text)]


def test_a_picture_credit_run_into_the_surname_after_it_is_no_one() -> None:
    # "… Sent to the rear under guard of Union troops, 1864. Library of Congress Becker says." (a caption's credit run
    # into the sentence after it) had made a person "Congress Becker"
    kinds = {"the Corvel Museum of Harbours": "org", "Harbours Quint": "org", "Ines Quint": "person",
             "Quint": "person"}
    one = ("The photograph was taken in 1902 by a harbour pilot, says Ines Quint, a curator at the Corvel Museum of "
           "Harbours. Dockers at the quay, 1902. Corvel Museum of Harbours Quint says the pilot sold it. Quint "
           "bought a copy.")
    two = "Quint says the photograph was sold twice before the museum bought it."
    ents = _entities([one, two], kinds)
    assert "Harbours Quint" not in ents and ents["Ines Quint"].mentions == 4, ents  # "Quint says" is hers


_FIRST = ["Tomas", "Helen", "Ines", "Ruth", "Oskar", "Marta", "Pavel", "Greta", "Idris", "Noor"]
_LAST = ["Arkwright", "Belcourt", "Castellan", "Dunmore", "Everly", "Fairweather", "Galloway", "Hollins",
         "Ingram", "Jessup", "Kettering", "Lowell"]


def _many_people_cluster(people: int) -> tuple[list[Article], list[str]]:
    """An article naming ``people`` officials, each with a surname of their own, and one that names none of them."""
    names = [f"{_FIRST[k % len(_FIRST)]} {_LAST[k % len(_LAST)]}{'ton' * (k // len(_LAST))}" for k in range(people)]
    one = " ".join(f"Mayor {n} spoke at the harbour on Monday." for n in names)
    other = "The harbour reopened on Tuesday after the storm. The ferries ran again by the evening."
    return [Article(id="1", text=one, source="Wire"), Article(id="2", text=other, source="Coast Herald")], names


def test_a_name_is_looked_for_only_in_the_articles_that_write_it(monkeypatch) -> None:
    # Surnames the tagger missed are looked for person by person, in every article: with 100 articles at once
    # (hundreds of people) a regular-expression scan of each article for each person was a third of an analysis.
    # An article that does not hold the surname is not scanned for it; what is found is as before.
    import re

    from storyline.analysis import entities

    arts, names = _many_people_cluster(30)
    scanned: list[tuple[str, str]] = []
    finditer = re.finditer

    def counting(pattern, string, flags=0):  # type: ignore[no-untyped-def]
        if isinstance(pattern, str) and pattern.startswith(r"\b"):
            scanned.append((pattern, string))
        return finditer(pattern, string, flags)

    monkeypatch.setattr(entities.re, "finditer", counting)
    an = analyze_cluster(make_cluster(arts), recognizer=RuleRecognizer())
    people = {e.name for e in an.entities if e.kind == "person"}
    assert set(names) <= people
    assert scanned and all(re.sub(r"\\b|\(\?:|\)|\|.*", "", p) in text for p, text in scanned)


def test_the_names_written_in_capitals_are_found_once_an_article() -> None:
    # Whether the cluster writes a name in capitals ("BROOKS:" of a transcript) was asked by a pass over every
    # form of every name, once for each person: quadratic in the people of a cluster. One pass an article now.
    from storyline.analysis import entities

    arts, _ = _many_people_cluster(40)
    index = entities.EntityIndex(make_cluster(arts), RuleRecognizer())

    class Counted(dict):  # type: ignore[type-arg]
        passes = 0

        def items(self):  # type: ignore[no-untyped-def]
            Counted.passes += 1
            return super().items()

    index.canon = Counted(index.canon)
    text = arts[0].text
    found = index._extra_mentions(text, [0, len(text)], [])
    assert Counted.passes <= 2  # one for the capitals; none for each of the 40 people
    assert found  # the surnames alone ("Arkwright") are still read as their people


def _one_long_article(lines: int) -> Article:
    """One article of ``lines`` one-line sentences naming one person again and again, mostly by surname alone."""
    text = "\n".join(f"Mayor Ana Ruiz opened pier {k} on Monday." if k % 4 == 0 else f"Ruiz said pier {k} was safe."
                     for k in range(lines))
    return Article(id="1", text=text, source="Wire")


def test_the_names_of_one_long_article_are_read_in_linear_work() -> None:
    # Each surname found was checked against every mention of the article taken so far, and an organisation's
    # pronoun and a cut-off rank looked through all of its mentions: quadratic in the mentions of one article (a
    # transcript of 10,000 lines took minutes). Twice the lines is about twice the work now, not four times.
    from support import python_steps_in

    from storyline.analysis.entities import EntityIndex

    def work(lines: int) -> int:
        cluster = make_cluster([_one_long_article(lines)])
        return python_steps_in("analysis/entities.py", lambda: EntityIndex(cluster, RuleRecognizer()))

    small, large = work(300), work(600)
    assert large < 2.4 * small, (small, large)
    index = EntityIndex(make_cluster([_one_long_article(40)]), RuleRecognizer())
    assert len(index.mentions["1"]) == 40  # every "Ruiz" is Ana Ruiz, as before


def test_an_apposition_s_title_after_an_owner_is_the_owned_noun_not_the_owner_s_title() -> None:
    from storyline.analysis.entities import office, role_key, title_of

    # "Daniel Ortiz, Mayor Tom Baker's chief of staff," had given Ortiz the title "Mayor", the owner's
    text = "Lena Ostrow, Mayor Piet Halloran's chief of staff, told reporters the pier was safe."
    title = title_of(text, 0, len("Lena Ostrow"))
    assert title == "Mayor Piet Halloran's chief of staff"
    assert role_key(title) == "chief of staff" and office(title) == "chief of staff"
    # an owner's title before a noun that is no title gives none ("the president's daughter" is no president)
    text = "Ivy Lane, the governor's daughter, said the pier was safe."
    assert title_of(text, 0, len("Ivy Lane")) == ""
    text = "Ana Ruiz, the city's mayor, said the pier was safe."
    assert title_of(text, 0, len("Ana Ruiz")) == "city's mayor"
    # ... with the apposition's words after the head up to its comma, and without its article
    text = "Kofi Marr, the station's general manager, said the pier was safe."
    assert title_of(text, 0, len("Kofi Marr")) == "station's general manager"
    text = "Ada Lind, an acting deputy harbour master, said the pier was safe."
    assert title_of(text, 0, len("Ada Lind")) == "acting deputy harbour master"
    # a title of several words is read whole, before a name too
    text = "Harbour Chief of Staff Mick Dorsey said the pier was safe."
    assert title_of(text, len("Harbour Chief of Staff "), len("Harbour Chief of Staff Mick Dorsey")) == (
        "Harbour Chief of Staff")


def test_the_owner_s_title_stays_the_owner_s_in_the_entities() -> None:
    kinds = {"Lena Ostrow": "person", "Piet Halloran": "person", "Ostrow": "person", "Orlen": "place"}
    one = ("Lena Ostrow, Mayor Piet Halloran's chief of staff, told reporters in Orlen that the pier was safe. "
           "Ostrow said the ferry would sail on Friday.")
    people = _people([one, "Mayor Piet Halloran opened the pier in Orlen."], kinds)
    assert people["Lena Ostrow"].title == "Mayor Piet Halloran's chief of staff", people
    assert people["Piet Halloran"].title == "Mayor"


def test_a_news_agency_named_alone_is_an_organisation_and_a_disease_no_entity() -> None:
    from storyline.analysis.names import is_disease, is_news_agency

    assert is_news_agency("Yonhap") and is_news_agency("Kyodo") and not is_news_agency("Halloran")
    for name in ("COVID-19", "Covid", "Coronavirus", "Zika virus", "Spanish Flu", "Lyme Disease", "SARS-CoV-2"):
        assert is_disease(name), name
    for name in ("Coronavirus Task Force", "Indiana Fever", "Virus", "Disease", "Orlen"):
        assert not is_disease(name), name
    kinds = {"Yonhap": "person", "COVID-19": "org", "Coronavirus": "org", "Orlen": "place", "Ada Lind": "person"}
    one = ("Yonhap said on Monday that the port of Orlen had closed after 40 COVID-19 cases. Ada Lind, the port's "
           "director, said the Coronavirus had reached two ships.")
    ents = _entities([one, "Ada Lind said Orlen would reopen in May, Yonhap reported."], kinds)
    assert ents["Yonhap"].kind == "org", ents
    assert "COVID-19" not in ents and "Coronavirus" not in ents


def test_a_headline_s_words_run_into_a_name_of_several_words_are_no_organisation() -> None:
    # "South Korea Trashes" of "‘It’s Not True’: South Korea Trashes Sensationalist CNN Report …" had been an
    # organisation: the prose writes "South Korea" as a name of its own, and "Trashes" never capitalised
    kinds = {"North Veldland Slams": "org", "North Veldland": "place", "Orlen": "place"}
    one = ("North Veldland Slams Report on Orlen Port Closure\n\n"
           "The government of North Veldland denied on Monday that the port of Orlen had closed.")
    two = "Officials in North Veldland said the report about the port of Orlen was false."
    ents = _entities([one, two], kinds)
    assert set(ents) == {"North Veldland", "Orlen"} and ents["North Veldland"].kind == "place", ents


def test_a_maker_s_model_a_crime_and_a_capitalised_common_word_are_no_entities() -> None:
    kinds = {"Vexaline": "person", "Vexaline V7": "org", "V7": "org", "Treason": "person", "Drunken": "org",
             "Sun": "org", "Ada Lind": "person", "Orlen": "place"}
    one = ("A drunken man knocked over a security robot in Orlen, police said. The robot, the Vexaline V7, was made "
           "by a company called Vexaline. Drunken pranks aside, the V7 patrols every night.")
    two = ("Vexaline said the V7 was not damaged. Ada Lind said the man was not guilty of Treason. The robot charges "
           "in the light of the Sun, and the sun was up early.")
    ents = _entities([one, two], kinds)
    assert ents["Vexaline"].kind == "org", ents  # "a company called Vexaline"
    for gone in ("V7", "Vexaline V7", "Treason", "Drunken", "Sun"):
        assert gone not in ents, (gone, ents)
    assert ents["Ada Lind"].kind == "person" and ents["Orlen"].kind == "place"


def test_a_title_cut_short_is_the_whole_office_the_cluster_gives_the_person() -> None:
    # "Secretary Pompeo" first and "Secretary of State Mike Pompeo" later had shown "Mike Pompeo (Secretary)"
    kinds = {"Karl Berg": "person", "Berg": "person", "Orlen": "place"}
    one = "Secretary Berg arrived in Orlen on Monday for talks on the port."
    two = "Secretary of State Karl Berg met the mayor of Orlen on Tuesday. Berg praised the port."
    people = _people([one, two], kinds)
    assert people["Karl Berg"].title == "Secretary of State", people
    # a title that is no first word of the other stays ("Governor" is no "Secretary of State")
    people = _people(["Governor Karl Berg arrived in Orlen.", "Secretary of State Karl Berg met the mayor."], kinds)
    assert people["Karl Berg"].title == "Governor", people


def test_a_portfolio_after_an_office_is_no_office_and_an_apposition_is_no_other_holder_s_mention() -> None:
    from storyline.analysis.entities import office

    assert office("secretary of transportation") == "secretary" and office("Prime Minister of Veldland") == (
        "prime minister") and office("Secretary of State") == "secretary of state"
    # "Vic Gerden, the chief crash investigator," had given "the chief" to the cluster's other chief
    kinds = {"Karl Berg": "person", "Ada Lind": "person", "Orlen": "place"}
    one = ("Karl Berg, the chief engineer for the harbour works in Orlen, said the pier was safe. Ada Lind, the chief "
           "crash investigator, said the barge hit the pier.")
    people = _people([one, "Ada Lind said the barge was found near Orlen."], kinds)
    assert people["Karl Berg"].mentions == 2, people  # his name and his own apposition's "the chief"
    assert people["Ada Lind"].title == "chief crash investigator"
    # ... but an owner in another person's apposition is that owner ("Ivy Lane, the chief's daughter")
    two = "Karl Berg, the chief engineer of Orlen, spoke first. Ivy Lane, the chief's daughter, spoke next."
    people = _people([two], {**kinds, "Ivy Lane": "person"})
    assert people["Karl Berg"].mentions == 3, people
