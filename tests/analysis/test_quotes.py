"""Quotes whose speaker is named in the same sentence with no "said" next to the quote (self-written text)."""

from __future__ import annotations

import pytest

from storyline import analyze
from storyline.analysis import analyze_cluster
from storyline.analysis.quotes import is_title
from storyline.api import make_cluster
from storyline.model import Article

A = (
    "Harbour Minister Tilda Marsh met the port workers' leader, Oren Falk, on Friday and discussed the "
    "\"need for a fair settlement before the season starts.\"\n\n"
    "The ministry welcomed the union's offer saying that it \"opens a path to reopening the docks within a week.\"\n\n"
    "Marsh also issued a statement calling on both sides to keep talking, hoping that \"cooler heads will "
    "carry the day on the waterfront.\"\n\n"
    "\"We have waited long enough for a decent contract,\" a union official said on Friday.\n\n"
    "The port authority welcomed the talks, saying \"the gates must open again soon.\" "
    "\"Every day the gates stay shut costs the town dearly,\" the official "
    "added."
)
B = (
    "Talks to end the strike at the port of Corvel resumed on Friday, with Tilda Marsh, the harbour minister, "
    "leading them.\n\n"
    "Oren Falk said the workers would not return until the new contract was signed."
)


@pytest.fixture(scope="module")
def by_text():
    an = analyze([Article(id="1", text=A), Article(id="2", text=B)])
    return {q.text.split()[0].strip("“\""): q for q in an.quotes}


def test_coordinated_verb_takes_the_subject_of_the_first_not_its_object(by_text) -> None:
    assert by_text["need"].speaker == "Tilda Marsh"


def test_a_body_named_by_a_common_noun_speaks(by_text) -> None:
    assert by_text["opens"].speaker == "ministry"


def test_hoping_that_attributes_to_the_subject(by_text) -> None:
    assert by_text["cooler"].speaker == "Tilda Marsh"


def test_the_official_continues_the_last_official_quoted(by_text) -> None:
    assert by_text["We"].speaker == "union official"
    assert by_text["the"].speaker == "port authority"
    assert by_text["Every"].speaker == "union official"


def test_a_quotation_over_several_paragraphs_is_one_quote_of_its_speaker() -> None:
    # News leaves each paragraph of a long quotation open and reopens the next; only the last closes.
    text = (
        "The harbour of Corvel reopened on Monday after the strike.\n\n"
        "Harbour Minister Tilda Marsh said: \"The gates are open again and the first ships are unloading.\n\n"
        "\"Every worker will be paid for the days of the strike.\n\n"
        "\"We will meet the union again in the spring to talk about the new contract.\"\n\n"
        "The union did not comment."
    )
    an = analyze([Article(id="1", text=text), Article(id="2", text=B)])
    mine = [q for q in an.quotes if "1" in q.articles]
    assert len(mine) == 1, [(q.text, q.speaker) for q in mine]
    q = mine[0]
    assert q.speaker == "Tilda Marsh"
    assert q.text.startswith("The gates are open") and "paid for the days" in q.text
    assert q.text.endswith("the new contract.")
    assert [text[s.start : s.end].split()[0] for s in q.spans] == ["The", "Every", "We"]


def test_an_unclosed_mark_before_a_paragraph_of_prose_quotes_nothing() -> None:
    text = (
        "The harbour of Corvel reopened on Monday after the strike.\n\n"
        "Harbour Minister Tilda Marsh called the deal \"a fair one for the workers of the town.\n\n"
        "The union did not comment on the minister's words on Monday."
    )
    an = analyze([Article(id="1", text=text), Article(id="2", text=B)])
    assert not [q for q in an.quotes if "1" in q.articles]


def test_a_show_or_a_slogan_in_quotation_marks_is_no_quote() -> None:
    text = (
        "Harbour Minister Tilda Marsh told “Morning Tide” on Sunday that the strike at Corvel was over.\n\n"
        "Her party's old slogan, “Open Gates for Corvel,” was painted on the dock wall.\n\n"
        "“Every worker will be paid for the days of the strike,” Marsh said."
    )
    an = analyze([Article(id="1", text=text), Article(id="2", text=B)])
    assert [(q.text, q.speaker) for q in an.quotes if "1" in q.articles] == [
        ("Every worker will be paid for the days of the strike", "Tilda Marsh")
    ]


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [("Face the Nation", True), ("Meet the Press.", True), ("60 Minutes", True), ("NO SURRENDER", True),
     ("utterly avoidable", False), ("Thank you", False), ("Bluff or mistake?", False), ("Corvel", False),
     ("Open Every Gate In The Whole Town", False), ("Harbour: Notes on the Future of Our Docks.", True),
     ("Harbour: We Will Open Every Gate In The Whole Town Again This Spring", False),
     ("Listen: we will not go back", False)],
)
def test_is_title(quoted: str, expected: bool) -> None:
    assert is_title(quoted) is expected


def test_old_wire_marks_quote_like_curly_ones() -> None:
    text = (
        "The harbour of Corvel reopened on Monday after a three-week strike.\n\n"
        "``Every worker will be paid for the days of the strike,'' Harbour Minister Tilda Marsh said. "
        "``The gates are open again.''"
    )
    an = analyze([Article(id="1", text=text), Article(id="2", text=B)])
    mine = [q for q in an.quotes if "1" in q.articles]
    assert [(q.text, q.speaker) for q in mine] == [
        ("Every worker will be paid for the days of the strike", "Tilda Marsh"),
        ("The gates are open again.", "Tilda Marsh"),
    ]
    assert [text[s.start : s.end] for q in mine for s in q.spans] == [q.text for q in mine]


def test_words_around_a_speaker_are_not_the_speaker() -> None:
    intro = "Harbour Minister Tilda Marsh visited the flooded quay in Corvel on Monday.\n\n"
    texts = [
        intro + "\"The water came up faster than anyone expected,\" she also said.",
        "Storms flooded the quay in Corvel on Monday.\n\n\"Corvel stands with every family that lost a boat,\" "
        "the president offered his thoughts and prayers.",
        "Storms flooded the quay in Corvel on Monday.\n\n\"Repairs to the quay will begin within a month,\" "
        "a senior port official briefed on the plans said.",
    ]
    an = analyze([Article(id=str(k), text=t) for k, t in enumerate(texts, 1)])
    speaker = {q.text.split()[1]: q.speaker for q in an.quotes}
    assert speaker["water"] == "Tilda Marsh"  # "she also" is she: the last person named
    assert speaker["stands"] is None  # a clause is no speaker ("president offered his thoughts and prayers")
    assert speaker["to"] == "senior port official"  # not "senior port official briefed"


def test_a_place_that_says_where_the_speaker_is_from_is_not_the_speaker() -> None:
    text = (
        "A federal judge in Ohio blocked the harbour tax on Friday, ruling that the levy showed \"plain hostility\" "
        "toward fishermen.\n\n"
        "\"There is no good answer here for the harbour board,\" one Ohio Labour organiser said.\n\n"
        "\"The tax will sink the small boats first,\" said Emily Dunmore, a Ohio-based economist.\n\n"
        "The port authority's lawyers disputed a video promoted by Helen Okafor's office, saying it showed nothing "
        "but \"routine cargo checks.\"\n\n"
        "Ohio said in a statement that \"the harbour will stay open.\""
    )
    other = "The harbour tax of Ohio was blocked by a judge on Friday, the port authority said."
    an = analyze([Article(id="1", text=text), Article(id="2", text=other)])
    speakers = {q.text.split()[0].strip("“\""): q.speaker for q in an.quotes}
    assert speakers["plain"] != "Ohio"
    assert speakers["There"] is None  # "one Ohio Labour organiser": no one the reader can name, and not Ohio
    assert speakers["The"] == "Emily Dunmore"  # "said Emily ...": a name, not an adverb ending in -ly
    assert speakers["routine"] != "Helen Okafor"  # the lawyers of the authority speak, not the owner of the office
    assert speakers["the"] == "Ohio"  # a place named as the one who speaks still speaks


def test_a_headline_name_and_colon_attribute_the_quotation_to_that_person() -> None:
    # 'Okoye: "We will not back down"' as an article's first line had been unattributed
    first = (
        "Okoye: \"We will not back down on the river tolls\"\n\n"
        "Governor Ruth Okoye of Tessaly told the council on Monday that the tolls would stay.\n\n"
        "Update: \"The council meets again in June,\" a spokesman said."
    )
    second = (
        "The council of Tessaly voted on Monday to keep the river tolls for another year.\n\n"
        "Tessaly: \"Tolls are the only money the town has left\"\n\n"
        "Ruth Okoye said the vote was a relief for the town."
    )
    an = analyze([Article(id="1", text=first), Article(id="2", text=second)])
    by = {q.text.split()[0].strip("“\""): q for q in an.quotes}
    assert by["We"].speaker == "Ruth Okoye"
    # a label that names no person of the cluster leaves the quotation as it was
    assert by["Tolls"].speaker is None
    assert by["The"].speaker == "spokesman"


def _mine(text: str) -> list[tuple[str, str | None]]:
    an = analyze([Article(id="1", text=text), Article(id="2", text=B)])
    return [(q.text, q.speaker) for q in an.quotes if "1" in q.articles]


def test_a_paragraph_break_written_with_spaces_ends_a_quotation_as_an_empty_line_does() -> None:
    # scraped text writes paragraph breaks " \n \n ": a quotation left open over them (to be reopened in the next
    # paragraph) ran on to the next mark, and every pair after it was read inside out
    text = (
        "The harbour of Corvel reopened on Monday. \n \n "
        "Harbour Minister Tilda Marsh said: \"The gates are open again and the first ships are unloading. \n \n "
        "\"Every worker will be paid for the days of the strike.\" \n \n "
        "The union did not comment on the deal. \n \n "
        "\"We will meet the union again in the spring,\" Marsh said."
    )
    from storyline.analysis.quotes import quote_spans

    assert [text[a:b].strip(" \n,") for a, b in quote_spans(text)] == [
        "The gates are open again and the first ships are unloading.",
        "Every worker will be paid for the days of the strike.", "We will meet the union again in the spring"]


def test_a_straight_mark_that_opens_a_quotation_restarts_one_left_open() -> None:
    # a caption's unclosed mark ("Photo: Wire \"For the port …") swallowed the next quotation and its speaker
    text = (
        "The strike at Corvel ended on Monday. Photo: Wire \"For the port and the town, the inquiry found the losses "
        "were heavy, though \"no single cause was identified for the closure of the docks,\" said Oren Falk, the "
        "union's leader. The town's shops stayed shut."
    )
    got = _mine(text)
    assert ("no single cause was identified for the closure of the docks", "Oren Falk") in got, got


def test_a_verb_after_a_semicolon_or_a_passive_one_names_no_speaker() -> None:
    text = (
        "Oren Falk led the strike at Corvel for a month. He mocked the minister's \"empty promises\"; urged "
        "dockers to \"stand firm until the end\" and left the talks.\n\n"
        "Tilda Marsh was accused of \"selling out the harbour to the shipping lines,\" according to the charge sheet."
    )
    got = dict(_mine(text))
    assert got["stand firm until the end"] == "Oren Falk", got  # his words, not "dockers to"
    # not "Tilda Marsh was": the document whose words they are
    assert got["selling out the harbour to the shipping lines"] == "charge sheet", got


def test_the_subject_of_a_clause_opened_by_though_speaks_not_a_name_before_it() -> None:
    text = ("President Tilda Marsh was re-elected in April, though the United States said it did not consider the "
            "vote \"a credible expression of the will of the people of Corvel.\"")
    got = dict(_mine(text))
    assert got["a credible expression of the will of the people of Corvel."] == "United States", got


def test_the_agent_of_a_passive_before_the_speaker_does_not_speak() -> None:
    text = ("The union's letters were leaked on Monday. In one letter, obtained by Oren Falk, the senders said, "
            "\"We are not a criminal group and want no money from the port.\"")
    got = dict(_mine(text))
    assert got["We are not a criminal group and want no money from the port."] != "Oren Falk", got


def test_a_short_quotation_is_no_fragment_of_a_longer_one_by_its_small_words() -> None:
    # "It's a Corolla. It's fine." had joined a longer quotation that has "it", "a" and "Corolla" in it, and its
    # speaker had become that quotation's
    text = ("The seller's advert ran for a week. The seller adds: \"Let me tell you a story. One day my Corolla "
            "started making a strange sound. I ignored it. It went away.\"\n\n"
            "The report from Harbour Checks said: \"It's a Corolla. It's fine.\"")
    got = _mine(text)
    assert len(got) == 2, got


def test_an_adverb_or_an_auxiliary_before_the_verb_is_no_part_of_the_speaker() -> None:
    # "Previously the body had said …" gave the speaker "Previously the body had"
    text = ("The port of Corvel stayed shut on Monday. Previously the ministry had said the closure was \"a matter "
            "of weeks, not months.\"")
    got = dict(_mine(text))
    assert got["a matter of weeks, not months."] == "ministry", got


def test_a_pronoun_is_the_person_named_before_it_in_its_own_sentence() -> None:
    # "she" was resolved at the start of the sentence: the person of the sentence before ("the harbour master")
    text = ("Oren Falk, the harbour master, signed the order on Monday. But the mood changed when Tilda Marsh praised "
            "the new contract, which she said the dockers take \"great pride in.\"")
    got = dict(_mine(text))
    assert got["great pride in."] == "Tilda Marsh", got


def test_a_relative_clause_after_the_speaker_names_someone_else() -> None:
    text = ("Polls in Corvel showed Tilda Marsh ahead on Monday. \"This is her high-water mark right now,\" said a "
            "union strategist whose own polling showed Tilda Marsh at her highest point all year.")
    got = dict(_mine(text))
    assert got["This is her high-water mark right now"] == "union strategist", got


def test_an_apposition_between_the_quotation_and_its_verb_does_not_hide_the_speaker() -> None:
    text = ("The strike at Corvel entered its third week. \"The media has been handled by him,\" Harbour Minister "
            "Tilda Marsh, one of the union's fiercest critics in the port, said in an interview on Tuesday.")
    got = dict(_mine(text))
    assert got["The media has been handled by him"] == "Tilda Marsh", got


def test_asserting_and_declaring_carry_a_quotation() -> None:
    text = ("Oren Falk asserted on Tuesday that his posts about the port \"were not meant as threats,\" and left. "
            "Tilda Marsh took to the radio on Wednesday, declaring \"the strike is over for good!\"")
    got = dict(_mine(text))
    assert got["were not meant as threats"] == "Oren Falk", got
    assert got["the strike is over for good!"] == "Tilda Marsh"


def test_a_party_operative_speaks_not_the_party() -> None:
    text = ("Polls in Corvel showed Tilda Marsh ahead on Monday. \"This is her high-water mark right now,\" said a "
            "Harbour Party operative.")
    got = dict(_mine(text))
    assert got["This is her high-water mark right now"] not in ("Harbour Party", "Tilda Marsh"), got


def test_the_first_of_two_quotations_in_a_sentence_is_the_speaker_named_after_the_second() -> None:
    text = ("The port of Corvel reopened on Monday. \"The combination of the new cranes and the night shifts\" allowed "
            "the docks to \"clear the backlog in a week,\" Oren Falk said.")
    got = dict(_mine(text))
    assert got["The combination of the new cranes and the night shifts"] == "Oren Falk", got


def test_a_long_apposition_and_a_phrase_that_goes_on_from_the_quotation_do_not_hide_the_speaker() -> None:
    text = ("The port of Corvel reopened on Monday. \"These tests replicated what might happen during a storm,\" Ada "
            "Lind, a climatologist and research professor at the School of Coastal Sciences and Urban Planning at "
            "Corvel State, said in a statement.\n\n"
            "\"I gave him the money in cash, which I personally delivered\" to Tilda Marsh, Oren Falk wrote.")
    got = dict(_mine(text))
    assert got["These tests replicated what might happen during a storm"] == "Ada Lind", got
    assert got["I gave him the money in cash, which I personally delivered"] == "Oren Falk"


def test_he_called_it_quotes_him() -> None:
    text = ("Oren Falk said the letter was forged. He called the letter \"quite mind-boggling.\"")
    got = dict(_mine(text))
    assert got["quite mind-boggling."] == "Oren Falk", got


def test_a_pronoun_that_is_its_clause_s_subject_is_the_topic_of_the_sentences_before() -> None:
    text = ("Oren Falk dismissed the rumours on Monday. Asked whether he might not invite Tilda Marsh to the talks, "
            "he said: \"We will see who turns up.\"")
    got = dict(_mine(text))
    assert got["We will see who turns up."] == "Oren Falk", got


def test_according_to_names_its_source_after_it_and_experts_who_concluded_speak() -> None:
    text = ("The harbour chief expressed \"every confidence\" in the crew, who had met Oren Falk in the storm, "
            "according to the port.\n\n"
            "A senior official said separately that harbour experts concluded the seal was \"almost certainly "
            "genuine.\"")
    got = dict(_mine(text))
    assert got["every confidence"] != "Oren Falk", got
    assert "said" not in (got["almost certainly genuine."] or "")  # not "senior official said separately that …"


def test_the_one_a_relative_pronoun_before_the_verb_stands_for_speaks() -> None:
    text = ("The letter could not be verified. But the newspaper quoted one senior port official who said the seal "
            "appeared genuine and the contents were \"consistent with our knowledge\" of the events.")
    got = dict(_mine(text))
    assert got["consistent with our knowledge"] == "one senior port official", got


def test_a_pronoun_passes_over_a_person_the_cluster_marks_as_of_the_other_sex() -> None:
    # "She later wrote …" went to the last person named, a man
    text = ("Tilda Marsh, the union leader, met the board on Monday. Marsh said she would not sign the contract. "
            "The board's lawyer, Mr. Falk, said he was disappointed. "
            "She later wrote \"the board has lost the trust of every docker in Corvel.\"")
    got = dict(_mine(text))
    assert got["the board has lost the trust of every docker in Corvel."] == "Tilda Marsh", got


def test_a_pronoun_after_the_pronouns_the_cluster_uses_for_each_person() -> None:
    # no honorific: the pronoun that follows each name in its sentence elsewhere in the cluster says who is who
    text = ("Tilda Marsh spoke first at the hearing on Monday, and she said the port was safe. Marsh said she had "
            "seen the reports. Oren Falk spoke after her. Marsh read the union's letter after him. "
            "He told the panel: \"The docks have never been safer than this year.\"")
    got = dict(_mine(text))
    assert got["The docks have never been safer than this year."] == "Oren Falk", got


def test_a_pronoun_of_a_person_of_unknown_sex_is_the_last_person_named() -> None:
    text = ("Oren Falk met the board on Monday. Tilda Marsh spoke after the meeting. "
            "She said: \"The docks will open again in the spring.\"")
    got = dict(_mine(text))
    assert got["The docks will open again in the spring."] == "Tilda Marsh", got


def test_possessives_after_a_name_mark_the_person_s_sex_for_a_pronoun_too() -> None:
    text = ("Tilda Marsh set up a fund for Oren Falk on Monday. Falk lost his job at the port in May. Falk sold his "
            "boat in June, and Falk moved his family to Corvel. "
            "She later wrote: \"Every penny raised will go to the docker and nobody else.\"")
    got = dict(_mine(text))
    assert got["Every penny raised will go to the docker and nobody else."] == "Tilda Marsh", got


@pytest.mark.parametrize(("text", "speaker"), [
    ("\"The suspect fled on foot toward the river,\" police said.", "police"),
    ("\"The road will stay closed through the weekend,\" authorities said on Monday.", "authorities"),
    ("\"We are asking anyone with information to call us,\" said police.", "police"),
    ("\"The inquiry is still in its early stages,\" prosecutors said in a statement.", "prosecutors"),
    ("Police said: \"The driver was not hurt in the crash at all.\"", "police"),
    ("Corvel election officials disputed the claim, saying the footage shows \"normal ballot processing.\"",
     "Corvel election officials"),
])
def test_a_group_named_by_a_common_noun_speaks(text: str, speaker: str) -> None:
    # "“…,” police said" had no speaker, while "“…,” officials said" had "officials"
    got = _mine("The harbour of Corvel reopened on Monday. " + text)
    assert [s for _, s in got] == [speaker], got


def test_a_pronoun_stands_for_the_subject_not_the_people_its_sentence_names_as_objects() -> None:
    # "Meadows outlined the talks … between Speaker Nancy Pelosi and Secretary Steven Mnuchin. He told CNBC …" went
    # to Mnuchin
    text = ("The strike at Corvel went into its third week. Oren Falk outlined the state of the talks after a long "
            "conversation between Harbour Minister Tilda Marsh and Board Chairman Tomas Brandt. "
            "He told reporters: \"The two sides are closer than they were a week ago.\"")
    got = dict(_mine(text))
    assert got["The two sides are closer than they were a week ago."] == "Oren Falk", got


def test_a_pronoun_stands_for_the_subject_not_a_name_in_a_prepositional_phrase() -> None:
    # "Ryan was asked about any talks he's had with Romney and the … message about Trump, but he said he hadn't “seen
    # the content of the speech”" went to Trump
    text = ("The strike at Corvel went into its third week. Oren Falk was asked on Monday about the speech of "
            "Harbour Minister Tilda Marsh, but he said he had not \"seen the text of the speech yet.\"")
    got = dict(_mine(text))
    assert got["seen the text of the speech yet."] == "Oren Falk", got


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # "The third woman to accuse … Brett Kavanaugh of sexual misconduct … described him as a “mean drunk”" went to
    # Kavanaugh, "Neruda's Spanish publisher Seix Barral called the discovery “…”" to Neruda
    ("The third dockworker to accuse board chairman Oren Falk of bullying the crews in his first years at the port "
     "described him as a \"petty tyrant\" on Monday.", "petty tyrant", None),
    ("Oren Falk's publisher called the find \"a literary event of the first order\" on Monday.",
     "a literary event of the first order", None),
    # "Pelosi called the choices “ill-suited”" after "President Trump has nominated Cain" went to Trump
    ("Tilda Marsh has nominated two dockers to the board, choices that Oren Falk called \"plainly ill-suited\" on "
     "Monday.", "plainly ill-suited", "Oren Falk"),
    # "Sanders criticized President Donald Trump and Walmart over what he called “socialism for the rich”"
    ("Oren Falk criticized Harbour Minister Tilda Marsh over what he called \"a giveaway to the owners\" on Monday.",
     "a giveaway to the owners", "Oren Falk"),
    ("Oren Falk thanked the dockers, while Tilda Marsh called on the board to \"finish the job this week.\"",
     "finish the job this week.", "Tilda Marsh"),
])
def test_a_naming_verb_s_speaker_is_its_subject(text: str, quote: str, speaker: str | None) -> None:
    got = dict(_mine("The harbour of Corvel reopened on Monday. " + text))
    assert got[quote] == speaker, got


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # Levin's (1993) verbs of saying that the lists left out: "“…!” exclaimed Sanders", "she suggested that there
    # should be a “national dialogue”", "claiming Democrats have given them a “free pass”", "she would reply"
    ("\"We will not sign this contract!\" exclaimed Oren Falk.", "We will not sign this contract!", "Oren Falk"),
    ("Tilda Marsh suggested that there should be a \"national dialogue\" about the strike.", "national dialogue",
     "Tilda Marsh"),
    ("Tilda Marsh fired back on Tuesday, claiming the union had been given a \"free pass\" for months.", "free pass",
     "Tilda Marsh"),
    # a dash ends an aside as a comma does
    ("Tilda Marsh spoke on Monday. When reporters put questions to her — the rumours ranged from wild to wilder — she "
     "would reply, \"It is possible.\"", "It is possible.", "Tilda Marsh"),
    # "Mimicking her testimony …, he repeatedly referenced Ford’s inability … and suggested the “only thing” …"
    ("Oren Falk spoke at the rally. Mimicking her speech before the crowd, he referenced Tilda Marsh's memory of the "
     "talks and suggested the \"only thing\" she remembered was the lunch.", "only thing", "Oren Falk"),
])
def test_verbs_of_saying_and_their_subjects(text: str, quote: str, speaker: str) -> None:
    got = dict(_mine("The harbour of Corvel reopened on Monday. " + text))
    assert got[quote] == speaker, got


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # "Trump blasted Romney with his own flurry of insults, calling him a “failed candidate”" had no speaker
    ("Oren Falk blasted Tilda Marsh with his own flurry of insults, calling her a \"failed minister\" on Monday.",
     "failed minister", "Oren Falk"),
    # "He acknowledged that … constitutes a crisis, calling it “one of the toughest challenges we face”"
    ("Oren Falk spoke on Monday. He acknowledged that the strike was a crisis, calling it \"one of the toughest "
     "challenges we face.\"", "one of the toughest challenges we face.", "Oren Falk"),
    # "Daniels' attorney Michael Avenatti shot right back, calling Trump a “…”"; "a judge struck down the Trump
    # administration's plan, calling it an “end run”"
    ("Tilda Andrews' lawyer Oren Falk shot right back, calling the board \"a club of shysters\" on Monday.",
     "a club of shysters", "Oren Falk"),
    ("A judge struck down the Tomas Brandt government's harbour plan, calling it an \"end run\" around the law.",
     "end run", None),
])
def test_a_participle_of_naming_speaks_for_the_subject_of_its_clause(text: str, quote: str, speaker: str) -> None:
    got = dict(_mine("The harbour of Corvel reopened on Monday. " + text))
    assert got[quote] == speaker, got


def test_a_pronoun_of_one_sex_is_not_the_subject_the_cluster_leans_to_the_other_sex_for() -> None:
    # "Rep. Dan Crenshaw took aim at Sen. Tammy Duckworth …, after she suggested that there should be a “national
    # dialogue”" : she is Duckworth, whom the story calls "she" and "her", not Crenshaw ("… when he took a swing")
    text = ("Tilda Marsh said she would not resign. Ms. Marsh said her board backed her. "
            "Oren Falk was at the rally when he took the stage. "
            "Oren Falk took aim at Tilda Marsh on Wednesday, after she suggested that there should be a "
            "\"national dialogue\" about the strike.")
    got = dict(_mine(text))
    assert got["national dialogue"] == "Tilda Marsh", got


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # "Jim Walton, president of CNN Worldwide, said Cooper's new show “…”" went to "Worldwide"
    ("Oren Falk, a spokesman for Governor Ines Idowu, said the new contract \"will be good for the dockers and good "
     "for the town.\"", "will be good for the dockers and good for the town.", "Oren Falk"),
    # "“… and stop” the virus, said Kathrin Jansen": the quotation closes before the end of its clause
    ("\"We can get the ships unloaded and make sure the gates stay open and stop\" the losses, said Tilda Marsh, "
     "the harbour minister.", "We can get the ships unloaded and make sure the gates stay open and stop",
     "Tilda Marsh"),
    # ... but "…,” Sen. X, R-Tenn., told Fox News": whom one told is no speaker
    ("\"This deserves an inquiry of its own,\" Tilda Marsh, the harbour minister, told Corvel Radio.",
     "This deserves an inquiry of its own", "Tilda Marsh"),
    ("\"This deserves an inquiry of its own,\" Tilda Marsh, the harbour minister, said Tuesday.",
     "This deserves an inquiry of its own", "Tilda Marsh"),
    # "He infamously claimed … had “blood coming out of her wherever”"
    ("Oren Falk spoke at the rally. He infamously claimed the minister had \"sold the harbour twice\" in a year.",
     "sold the harbour twice", "Oren Falk"),
])
def test_the_speaker_around_an_apposition_an_adverb_or_a_clause_the_quotation_closes_inside(
        text: str, quote: str, speaker: str) -> None:
    got = dict(_mine("The harbour of Corvel reopened on Monday. " + text))
    assert got[quote] == speaker, got


def test_a_pronoun_stands_for_who_spoke_not_a_person_named_in_what_they_said() -> None:
    # "Ghandour said the government had assured Sudan that … President Jacob Zuma had blamed opposition parties …
    # “…,” he said" went to Zuma; "Winkler said Harding was one of the only customers … “…,” he said" to Harding
    text = ("The harbour of Corvel reopened on Monday. Oren Falk said the board had assured the union that "
            "Governor Tomas Brandt had blamed the owners for the strike. "
            "\"This is a case of a port that works for everyone,\" he said.")
    got = dict(_mine(text))
    assert got["This is a case of a port that works for everyone"] == "Oren Falk", got


def test_a_name_that_only_qualifies_a_noun_after_a_possessive_is_no_antecedent() -> None:
    # "Pelosi … after doing her best Joe Namath imitation … “…,” she told ABC" went to Joe Namath
    text = ("Tilda Marsh promised the dockers a deal on Monday after doing her best Oren Falk impression at the "
            "rally. \"We are going to sign the contract this week,\" she told the crowd.")
    got = dict(_mine(text))
    assert got["We are going to sign the contract this week"] == "Tilda Marsh", got


def test_a_name_after_a_possessive_that_is_the_subject_of_its_verb_stays_an_antecedent() -> None:
    text = ("The board met on Monday. Its new chairman Oren Falk was not there. "
            "He said later: \"I was stuck in the harbour all day.\"")
    got = dict(_mine(text))
    assert got["I was stuck in the harbour all day."] == "Oren Falk", got


@pytest.mark.parametrize("aside", [
    " -- hours after papers came out calling Oren Falk the \"main organiser\" of the blockade -- ",
    "—hours after papers came out calling Oren Falk the \"main organiser\" of the blockade—",
    ", hours after papers came out calling Oren Falk the \"main organiser\" of the blockade, ",
])
def test_a_quotation_in_an_aside_between_the_speaker_and_the_verb_does_not_hide_the_speaker(aside: str) -> None:
    # "Ferguson Police Chief Thomas Jackson -- … the \"primary suspect\" … -- told reporters the \"…\"" had no speaker
    text = ("The port of Corvel stayed shut on Friday. Harbour Minister Tilda Marsh" + aside + "told reporters "
            "the \"blockade has nothing to do with the talks on the new contract.\"")
    got = dict(_mine(text))
    assert got["blockade has nothing to do with the talks on the new contract."] == "Tilda Marsh", got
    assert got["main organiser"] is None, got  # the papers' words, not hers



@pytest.mark.parametrize(("said", "speaker"), [
    ("the Veldish government said", "Veldish government"),
    ("the group said", "group"),
    ("the outgoing emir said", "outgoing emir"),
])
def test_a_body_or_a_role_named_by_a_common_noun_after_the_quotation_speaks(said: str, speaker: str) -> None:
    # "“…,” the South African government said", "the group said", "the outgoing emir said" had no speaker
    text = f"The port of Corvel reopened on Monday. \"The gates will stay open all winter for every ship,\" {said}."
    got = dict(_mine(text))
    assert got["The gates will stay open all winter for every ship"] == speaker, got


def test_the_official_is_the_last_official_quoted_not_officials() -> None:
    # "according to the official" had gone to the "officials" quoted before
    text = ("A senior port official said the strike was \"over for good this time.\" Harbour officials said on Monday "
            "the gates were \"open again for all ships.\" The workers, according to the official, were \"back at "
            "their posts by noon.\"")
    got = dict(_mine(text))
    assert got["open again for all ships."] == "Harbour officials", got
    assert got["back at their posts by noon."] == "senior port official", got


def test_a_name_inside_a_quotation_before_the_verb_does_not_speak() -> None:
    # "“I could've said, 'Mitt, drop to your knees' …,” Trump said, adding that “…”" had gone to Mitt Romney
    text = ("The strike at Corvel ended on Monday. \"We will hold you to every word, Marsh,\" Oren Falk declared, "
            "adding that the workers \"will be back at the gates if the ministry fails them.\"")
    got = dict(_mine(text))
    assert got["will be back at the gates if the ministry fails them."] == "Oren Falk", got


def test_a_question_whose_attribution_the_segmenter_put_in_the_next_sentence_has_its_speaker() -> None:
    # "…?” Marsh asked reporters.": the sentence ends at the question mark; the quotation after the attribution
    # goes on from it
    text = (
        "Harbour Minister Tilda Marsh visited the port of Corvel on Monday.\n\n"
        "\"Why do they keep the gates closed when the ships are waiting outside?\" Marsh asked reporters. "
        "\"Because they want the contract signed first. That is the whole story.\"\n\n"
        "The union did not comment."
    )
    (q,) = analyze([Article(id="1", text=text)]).quotes
    assert q.speaker == "Tilda Marsh"
    assert q.text.startswith("Why do they keep") and q.text.endswith("That is the whole story.")


def test_a_question_followed_by_a_new_statement_takes_no_speaker_from_it() -> None:
    text = (
        "Harbour Minister Tilda Marsh visited the port of Corvel on Monday.\n\n"
        "\"Will the gates open this week?\" Dockers gathered at the gate all morning and the union later said "
        "nothing had been agreed.\n\n"
        "The union did not comment."
    )
    (q,) = analyze([Article(id="1", text=text)]).quotes
    assert q.speaker is None


def test_the_paragraphs_of_a_quotation_before_its_attribution_are_the_speakers_too() -> None:
    text = (
        "Harbour Minister Tilda Marsh spoke at the port of Corvel on Monday.\n\n"
        "\"The gates are open again and the first ships are unloading their cargo.\n\n"
        "\"Every worker will be paid for the days of the strike,\" Marsh said.\n\n"
        "The union did not comment."
    )
    speakers = {q.text.split()[0]: q.speaker for q in analyze([Article(id="1", text=text)]).quotes}
    assert speakers == {"The": "Tilda Marsh", "Every": "Tilda Marsh"}


def test_a_description_of_an_office_is_the_holder_the_article_named_last() -> None:
    # two presidents: the one the article names last before the quotation is the one described
    text = (
        "Oren Falk, president of the dockers' union, met the harbour board on Monday. President Ruth Okoye "
        "flew to Corvel the same day, and Okoye spoke to the crowd at the port for an hour.\n\n"
        "\"We will rebuild this harbour before the winter,\" the president told reporters.\n\n"
        "\"The gates stay shut until the contract is signed,\" the city's police chief said on Tuesday. Police Chief "
        "Tomas Marlow later closed the road to the port."
    )
    speakers = {q.text.split()[0]: q.speaker for q in analyze([Article(id="1", text=text)]).quotes}
    assert speakers == {"We": "Ruth Okoye", "The": "Tomas Marlow"}


def test_a_name_that_modifies_a_description_is_not_the_speaker() -> None:
    # "the Veld Party members wrote": the members, not the party; "The Corvel Liberal has …, saying": not the body
    # the tagger reads "The Corvel" as
    one = (
        "The harbour board met on Monday. \"The port must reopen before the winter,\" the Veld Party members wrote "
        "in a letter to the board."
    )
    two = (
        "Harbour Minister Tilda Marsh spoke on Monday.\n\n"
        "The Corvel Liberal has not said what the board should do, saying only that she wants \"a fair deal for "
        "everyone.\""
    )
    tagged = _TaggedQ({"Veld Party": "org", "The Corvel": "org", "Tilda Marsh": "person", "Marsh": "person"})
    an = analyze_cluster(make_cluster([Article(id="1", text=one), Article(id="2", text=two)]), recognizer=tagged)
    speakers = {q.text.split()[0]: q.speaker for q in an.quotes}
    assert speakers["The"] == "Veld Party members"
    assert speakers["a"] is None  # unattributed rather than the body (who "the Corvel Liberal" is, is not read)


class _TaggedQ:
    """A recogniser that tags the given forms with the given kinds, as a tagger does."""

    name = "stub"

    def __init__(self, kinds: dict[str, str]) -> None:
        self.kinds = kinds

    def recognize(self, text: str) -> list:
        import re

        from storyline.analysis.ner import Mention

        pattern = "|".join(re.escape(f) for f in sorted(self.kinds, key=len, reverse=True))
        return [Mention(m.start(), m.end(), self.kinds[m.group()], m.group())
                for m in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text)]


def test_the_president_is_the_current_holder_the_former_president_the_former_one() -> None:
    # "the president" went to whoever the article named last: here the former president
    text = (
        "President Tomas Vance met former President Ana Ruiz in Corvel on Monday. Ruiz spoke to the crowd at the "
        "port for an hour.\n\n"
        "\"We will rebuild this harbour before the winter,\" the president told reporters.\n\n"
        "\"The harbour was never safe,\" the former president said later."
    )
    tagged = _TaggedQ({"Tomas Vance": "person", "Ana Ruiz": "person", "Ruiz": "person", "Corvel": "place"})
    an = analyze_cluster(make_cluster([Article(id="1", text=text)]), recognizer=tagged)
    speakers = {q.text.split()[0]: q.speaker for q in an.quotes}
    assert speakers == {"We": "Tomas Vance", "The": "Ana Ruiz"}
    # without a former holder, "the former president" is no one the article named: the description itself
    alone = text.replace("former President Ana Ruiz", "Ana Ruiz").replace("Ruiz spoke", "Ana Ruiz spoke")
    an = analyze_cluster(make_cluster([Article(id="1", text=alone)]), recognizer=tagged)
    speakers = {q.text.split()[0]: q.speaker for q in an.quotes}
    assert speakers == {"We": "Tomas Vance", "The": "former president"}


def test_it_as_the_speaker_is_the_body_that_spoke_before_or_no_one() -> None:
    # "It said: “…”" after a body's statement is the body's; "“…,” it said" with no body before is no one's, not the
    # speaker of the quotation before it
    text = (
        "\"The gates stay shut,\" Tilda Marsh said on Monday.\n\n"
        "In a statement, Harbor Lines said the strike had cost it three ships. It said: \"We will not pay "
        "for a strike we did not call.\"\n\n"
        "\"The harbour will reopen when the contract is signed,\" Marsh said. The report was more explicit. "
        "\"No ship can dock before March,\" it said."
    )
    tagged = _TaggedQ({"Tilda Marsh": "person", "Marsh": "person", "Harbor Lines": "org"})
    an = analyze_cluster(make_cluster([Article(id="1", text=text)]), recognizer=tagged)
    speakers = {q.text.split()[0]: q.speaker for q in an.quotes}
    assert speakers == {"The": "Tilda Marsh", "We": "Harbor Lines", "No": None}


def test_a_described_speaker_after_the_verb_or_before_he_said_is_the_speaker() -> None:
    # "said a US official" ("US" is no pronoun) and "said her grateful mom" had had no speaker; "A source close to
    # the McCanns said" had been "source close"; "A spokesman for the Metropolitan police said … “…,” he said"
    # had gone to the man named before the spokesman
    text = ("Gerry Okafor flew home to Orlen on Monday. \"The attack has not been claimed by any group yet,\" said a "
            "US official. \"It is just so crazy that she did that,\" said her grateful mom. A source close to the "
            "Okafor family said: \"Kate and Gerry have been told the searches will start soon.\" A spokesman for the "
            "Orlen police said that the force would neither confirm nor deny the report. \"We are not going to "
            "give a running commentary on the search,\" he said.")
    got = dict((t.split()[0], s) for t, s in _mine(text))
    assert got["The"] == "US official" and got["It"] == "her grateful mom", got
    assert got["Kate"] == "source close to the Okafor family", got
    assert got["We"] == "spokesman for the Orlen police", got


class _Tagged:
    """A recogniser that tags the given forms with the given kinds."""

    name = "stub"

    def __init__(self, kinds: dict[str, str]) -> None:
        self.kinds = kinds

    def recognize(self, text: str) -> list:
        import re

        from storyline.analysis.ner import Mention

        return [Mention(m.start(), m.end(), self.kinds[m.group()], m.group())
                for m in re.finditer("|".join(re.escape(f) for f in self.kinds), text)]


def test_words_others_cry_out_or_a_modifier_of_the_subject_name_no_speaker() -> None:
    # "white power" had been the White House's, whose sentence says someone shouted it; "Viral" (of "Viral tweets
    # alleged …, adding to … “voter fraud” claims") had been a speaker
    one = ("The Veld House said Sunday that Ana Ruiz did not hear someone shouting \"white power\" at the rally. "
           "Viral tweets alleged that dead people had voted in Orlen, adding to a chorus of unproven \"voter fraud\" "
           "claims.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Veld House": "org", "Ana Ruiz": "person",
                                                                 "Viral": "org", "Orlen": "place"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"white power": None, "voter fraud": None}, got


def test_a_follower_or_a_reader_who_speaks_is_the_speaker() -> None:
    # "“All my love, Katie,” one follower said." had no speaker
    got = _mine("\"All my love, Katie,\" one follower said. Ines Quint posted the photo of the harbour on Monday.")
    assert got == [("All my love, Katie", "one follower")], got


def test_she_is_the_woman_the_tagger_read_as_a_body_not_the_man_named_before() -> None:
    # "She later said she regretted “body shaming” him" had been Michael Cohen's: "Stormy Daniels" was an
    # organisation, which the cluster goes on calling "she" (and tags a person once)
    one = ("Oren Falk, the board's lawyer, paid Tova Quill in 2016. Falk said the payment was legal.\n\n"
           "Quill has had sharp words of her own. In her book, she called the deal “a shabby bargain.” She later said "
           "she regretted \"naming names\" in it.")
    two = ("Quill was quick to respond, saying she would sue. Quill, whose real name is Ana Ruiz, said she had "
           "kept the letter.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Oren Falk": "person", "Falk": "person",
                                                                 "Tova Quill": "org", "Quill,": "person",
                                                                 "Quill": "org",
                                                                 "Ana Ruiz": "person"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"a shabby bargain.": "Tova Quill", "naming names": "Tova Quill"}, got


def test_a_name_after_a_possessed_description_or_before_an_ing_aside_is_the_speaker() -> None:
    # "“…,” Obama’s … adviser, Lisa Monaco, told reporters" had been Obama's; "“…,” New York Gov. Andrew Cuomo,
    # assessing the scope of a hurricane that …, told NBC News" had no speaker
    one = ("“The gates will open within a week,” Marsh’s harbour and port adviser, Oren Falk, told reporters.\n\n"
           "“We have not seen a strike like this in a generation,” Harbour Minister Tilda Marsh, assessing the "
           "damage to a port that lost its ferries, its cranes and half of its trade, told Corvel Radio.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Marsh": "person", "Oren Falk": "person",
                                                                 "Tilda Marsh": "person", "Corvel Radio": "org"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"The gates will open within a week": "Oren Falk",
                   "We have not seen a strike like this in a generation": "Tilda Marsh"}, got


def test_a_social_media_handle_that_posted_a_quotation_is_its_speaker() -> None:
    # "… @blakehounshell: “I’m old enough …”" and "“…,” read one Twitter post from @OneTermTooMany." had no speaker
    one = ("TOP POSTS: @harbourwatch: “The gates stay shut all week” ... @corvelpilot: “No ferry has left since "
           "Monday”\n\n"
           "\"The strike hurts the whole town, not only the docks,\" read one Twitter post from @OneTermTooMany.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Corvel": "place"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"The gates stay shut all week": "@harbourwatch", "No ferry has left since Monday": "@corvelpilot",
                   "The strike hurts the whole town, not only the docks": "@OneTermTooMany"}, got


def test_the_agent_of_a_passive_naming_verb_is_the_speaker_of_the_name_alone() -> None:
    # "labeled “anarchist jurisdictions” by the Justice Department" had no speaker; "Neruda, called “…” by García
    # Márquez, won the Nobel prize for “…”" had given both to Neruda
    one = ("Corvel was among three towns labeled \"lawless harbours\" by the Veld Ministry on Sunday.\n\n"
           "Tilda Marsh, called \"the finest pilot of the coast\" by Oren Falk, won the harbour prize for \"a life "
           "spent at sea.\"")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Corvel": "place", "Veld Ministry": "org",
                                                                 "Tilda Marsh": "person", "Oren Falk": "person"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"lawless harbours": "Veld Ministry", "the finest pilot of the coast": "Oren Falk",
                   "a life spent at sea.": None}, got


def test_a_subject_before_a_relative_clause_aside_is_the_speaker() -> None:
    # "House Speaker Paul Ryan, who was Romney's running mate four years ago, said he wasn’t “…”" had been Romney's,
    # and "The Democrat, who served two terms as governor …, vowed … to “…”" had no speaker
    one = ("Former Corvel Mayor Ada Lind Is Running For Governor\n\n"
           "The Democrat, who served two terms as mayor of Corvel, vowed in a campaign video to \"repair the damage "
           "done to our town.\"\n\n"
           "Harbour Minister Tilda Marsh, who was Oren Falk's deputy four years ago, said she was not \"going to get "
           "into who backed whom.\"")
    two = "Ada Lind announced her run for governor on Monday."
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=two, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Ada Lind": "person", "Corvel": "place",
                                                                 "Tilda Marsh": "person", "Oren Falk": "person"}))
    got = {q.text: q.speaker for q in an.quotes if "1" in q.articles}
    assert got == {"repair the damage done to our town.": "Ada Lind",
                   "going to get into who backed whom.": "Tilda Marsh"}, got


def test_a_common_noun_with_its_determiner_after_a_quotation_describes_the_speaker() -> None:
    # "“…,” another parishioner said", "“…,” said a victim", "“…,” notes the study", "…, his lawyer said", "“…,” the
    # man in the recording said" and "“…,” said one woman attending a morning yoga class" had no speaker
    one = ("\"He was always kind to the children,\" another parishioner said on Sunday.\n\n"
           "\"We were promised we would be safe,\" said a victim.\n\n"
           "\"The tide gauges moved before the quake,\" notes the study.\n\n"
           "Oren Falk will tell the inquiry about a \"deal behind closed doors\" at the port, his lawyer said.\n\n"
           "\"You work for the harbour board!\" the man in the recording said.\n\n"
           "\"It was a lovely service,\" said one woman attending a morning class at the church.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Oren Falk": "person"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"He was always kind to the children": "another parishioner",
                   "We were promised we would be safe": "victim", "The tide gauges moved before the quake": "study",
                   "deal behind closed doors": "his lawyer", "You work for the harbour board!": "man in the recording",
                   "It was a lovely service": "one woman"}, got


def test_an_owner_s_spokesperson_speaks_for_the_owner_not_as_the_owner() -> None:
    # "“…,” Trump's lawyer said" had been Trump's and "Reynolds' rep told E! News, “…”" Reynolds'; the owner's own
    # words ("Marsh's statement said") and an office the cluster gives someone ("the city's police chief") are as
    # they were
    one = ("Harbour Minister Tilda Marsh met Oren Falk on Monday.\n\n"
           "\"We will appeal the ruling,\" Falk's lawyer said.\n\n"
           "Happily, Marsh's rep told Corvel Radio on Friday, \"She is doing great.\"\n\n"
           "\"The port stays open,\" Marsh's statement said.\n\n"
           "\"We are not done,\" the ministry's harbour minister said.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Tilda Marsh": "person", "Oren Falk": "person",
                                                                 "Falk": "person", "Marsh": "person",
                                                                 "Corvel Radio": "org"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"We will appeal the ruling": "Oren Falk's lawyer", "She is doing great.": "Tilda Marsh's rep",
                   "The port stays open": "Tilda Marsh", "We are not done": "Tilda Marsh"}, got


def test_a_party_member_or_an_office_from_a_place_is_the_person_named() -> None:
    # "“…,” the Florida Republican said" and "the Republican senator from Florida said" had no speaker (Marco Rubio)
    one = ("Sen. Ada Lind spoke about the strike on Sunday.\n\n"
           "\"The docks must reopen,\" the Tessaly Republican said on Corvel Radio.\n\n"
           "\"Nobody wins a long strike,\" the Republican senator from Tessaly said.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Ada Lind": "person", "Tessaly": "place",
                                                                 "Corvel Radio": "org"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"The docks must reopen": "Ada Lind", "Nobody wins a long strike": "Ada Lind"}, got


def test_a_described_subject_before_an_aside_that_quotes_is_the_speaker() -> None:
    # "a senior Pakistani official, who spoke on the condition of anonymity “to avoid offending” Khan’s supporters,
    # said the letter “is clearly a fabrication”" had been Khan's
    one = ("Oren Falk denied writing the letter.\n\n"
           "But a senior harbour official, who spoke on condition of anonymity \"to avoid offending\" Falk's "
           "supporters, said the letter \"is clearly a fabrication.\"")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Oren Falk": "person", "Falk": "person"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got["is clearly a fabrication."] == "senior harbour official", got


def test_a_text_that_reads_a_quotation_is_its_speaker_and_according_to_after_an_aside_is_the_aside_s() -> None:
    # "“…,” the majority opinion read in part" had no speaker; "“…,” the statement read" none either (not the one
    # quoted before); "the police chief did … express “every confidence” in Wilson, who had …, according to
    # authorities" had been the authorities'
    one = ("Oren Falk said the talks had failed. The harbour board dismissed the claims in a short statement. \"These "
           "are the same people who said the port would close,\" the statement read.\n\n"
           "\"The question is not whether the board acted wisely,\" the majority opinion read in part.\n\n"
           "What Harbour Minister Tilda Marsh did do on Friday was express \"every confidence\" in the pilot, who "
           "had a bruised arm after the crash, according to authorities.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Oren Falk": "person", "Tilda Marsh": "person"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"These are the same people who said the port would close": "statement",
                   "The question is not whether the board acted wisely": "majority opinion",
                   "every confidence": "Tilda Marsh"}, got


def test_researchers_doctors_a_post_and_a_marvel_have_their_speakers() -> None:
    # "“…,” researchers noted", "doctors at a research organisation said the likelihood … was “…”", "Phil Cooper
    # posted: “…”", "“…,” marveled resident Maria Gianni" and "“…,” the advert reads" had no speaker
    one = ("\"No pilot would have steered into the rocks,\" researchers noted in the journal.\n\n"
           "Doctors at a research centre said the risk was \"more than infinitesimal\" and asked for an inquiry.\n\n"
           "Oren Falk posted: \"The harbour is open again, thank you all!\"\n\n"
           "\"The whole roof fell but did not hit me,\" marveled resident Ines Quint.\n\n"
           "\"The boat will outlive you,\" the advert reads.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Oren Falk": "person", "Ines Quint": "person"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"No pilot would have steered into the rocks": "researchers",
                   "more than infinitesimal": "doctors", "The harbour is open again, thank you all!": "Oren Falk",
                   "The whole roof fell but did not hit me": "Ines Quint", "The boat will outlive you": "advert"}, got


def test_a_sentence_that_opens_on_its_verb_of_saying_names_the_speaker_after_it() -> None:
    # "Says one family friend: “…”" and "“…,” said one prominent centrist Democrat" had no speaker
    one = ("Says one family friend: \"They want the best for their kids, no matter what happens.\"\n\n"
           "\"I have never seen this level of doom,\" said one prominent centrist Democrat.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Oren Falk": "person"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"They want the best for their kids, no matter what happens.": "one family friend",
                   "I have never seen this level of doom": "one prominent centrist Democrat"}, got


def test_put_it_vowing_and_blamed_carry_a_quotation_for_their_subject() -> None:
    # "His friend George Smathers put it bluntly to him: “…”", "vowing to “destroy the vile criminal cartel”" and
    # "blamed “left-wing indoctrination” for …" had no speaker
    one = ("His friend Oren Falk put it bluntly to him: \"Go back to your wife.\"\n\n"
           "Tilda Marsh gave a speech on Friday, vowing to \"clear the harbour of smugglers\" by spring.\n\n"
           "Ines Quint blamed \"lazy harbour managers\" for the strike.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Oren Falk": "person", "Tilda Marsh": "person",
                                                                 "Ines Quint": "person"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"Go back to your wife.": "Oren Falk", "clear the harbour of smugglers": "Tilda Marsh",
                   "lazy harbour managers": "Ines Quint"}, got


def test_the_rest_of_a_clause_after_a_quotation_does_not_hide_the_speaker_after_its_comma() -> None:
    # "… touching their “intimate body parts” without consent, officials said Tuesday" and "She has “no fear
    # whatsoever” of contracting the virus, she said" had no speaker
    one = ("Oren Falk ran the port for a decade. The inquiry found that he had kept \"two sets of books\" without the "
           "board's knowledge, officials said Tuesday.\n\n"
           "Harbour Minister Tilda Marsh spoke on Monday. She has \"no fear whatsoever\" of a new strike, she said.")
    arts = [Article(id="1", text=one, source="Wire"), Article(id="2", text=B, source="Daily")]
    an = analyze_cluster(make_cluster(arts), recognizer=_Tagged({"Oren Falk": "person", "Tilda Marsh": "person"}))
    got = {q.text: q.speaker for q in an.quotes}
    assert got == {"two sets of books": "officials", "no fear whatsoever": "Tilda Marsh"}, got


def test_the_statement_said_is_its_owner_s_or_the_statement_s_not_the_last_one_quoted() -> None:
    # "“…,” the statement said" had gone to whoever was quoted last: here Falk, two paragraphs before the campaign's
    # apology; a statement whose owner the article names is the owner's ("Marsh's campaign issued …", "In a
    # statement, the Harbour Board said …"), one it does not name the statement's, and one right after the quotation
    # of a body ("… the Harbour Board said on its website. “…,” the statement said") the body's
    text = (
        "\"The ad was a joke and nothing more,\" Oren Falk said on Monday.\n\n"
        "Both men changed their tone as the outrage grew on Wednesday.\n\n"
        "Marsh's campaign issued an apology to the pilots, saying in a statement that the flyer was not meant to "
        "offend anyone or be more than a political statement.\n\n"
        "\"We can see now how the picture could be read, and for that we are deeply sorry,\" the statement said.\n\n"
        "In a later statement, Harbour Board said the docks would reopen. The pilots met on Friday.\n\n"
        "\"The docks reopen at dawn on Monday for every ship,\" the statement added.\n\n"
        "\"No ship will be turned away from the quay,\" Harbour Board said on its website.\n\n"
        "\"Pilots will be paid for the lost days in full,\" the statement said.\n\n"
        "Oren Falk called the report \"a whitewash from start to end.\"\n\n"
        "\"Nobody on the quay was told about the fault,\" the report said."
    )
    tagged = _TaggedQ({"Oren Falk": "person", "Falk": "person", "Marsh": "person", "Tilda Marsh": "person",
                       "Harbour Board": "org"})
    an = analyze_cluster(make_cluster([Article(id="1", text=text)]), recognizer=tagged)
    speakers = {" ".join(q.text.split()[:2]): q.speaker for q in an.quotes}
    assert speakers == {"The ad": "Oren Falk", "We can": "Marsh's campaign", "The docks": "Harbour Board",
                        "No ship": "Harbour Board", "Pilots will": "Harbour Board", "a whitewash": "Oren Falk",
                        "Nobody on": "report"}, speakers


def test_a_pronoun_after_an_appositive_is_the_person_it_describes_not_its_possessor() -> None:
    # "Ortiz, Mayor Tom Baker's chief of staff, told …. “…,” he told": Baker only says whose chief of staff Ortiz is
    # (a multinews dev cluster gave a Knightscope executive's quote to "Knightscope" this way).
    text = (
        "The new footbridge over the Brell river opened on Saturday after two years of work.\n\n"
        "Daniel Ortiz, Mayor Tom Baker's chief of staff, told reporters that the bridge had come in under budget.\n\n"
        "\"We built it for the next hundred years, and we built it for less than we promised,\" he told reporters.\n\n"
        "Residents lined the banks to watch the first crossing."
    )
    other = (
        "A footbridge across the Brell river opened to walkers on Saturday.\n\n"
        "Tom Baker, the mayor, cut the ribbon in front of a crowd of several hundred people."
    )
    an = analyze([Article(id="1", text=text), Article(id="2", text=other)])
    (quote,) = [q for q in an.quotes if q.text.startswith("We built")]
    assert quote.speaker == "Daniel Ortiz"


def _short_quote_cluster(second: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    first = ("The port of Corvel reopened on Monday after a two-week strike.\n\n"
             "Union leader Oren Falk said: \"The new contract is very important to the dockers and to the whole town "
             "of Corvel.\"")
    an = analyze([Article(id="1", text=first), Article(id="2", text=second)])
    return [(q.text, q.articles, q.speaker) for q in an.quotes]


def test_a_short_quotation_of_the_same_speaker_joins_the_longer_one_that_holds_its_words() -> None:
    # one outlet quotes two words of a statement another quotes whole: one quotation, credited to both; it had been
    # two, the short one credited to its own outlet only (too short to be read as a fragment by its words alone)
    got = _short_quote_cluster("The strike at the port of Corvel ended on Monday.\n\n"
                               "Oren Falk said the contract was \"very important\" to the town.")
    assert len(got) == 1, got
    assert got[0][1] == ("1", "2") and got[0][2] == "Oren Falk", got
    assert got[0][0].startswith("The new contract is very important"), got


def test_a_short_quotation_of_another_speaker_stays_apart() -> None:
    got = _short_quote_cluster("The strike at the port of Corvel ended on Monday.\n\n"
                               "Tilda Marsh said the talks had been \"very important\" to the town.")
    assert len(got) == 2, got
    assert {(q[1], q[2]) for q in got} == {(("1",), "Oren Falk"), (("2",), "Tilda Marsh")}, got


def test_a_short_quotation_of_the_same_speaker_with_other_words_stays_apart() -> None:
    # the words must be the longer quotation's, in a row: "important contract" is not "contract is very important"
    got = _short_quote_cluster("The strike at the port of Corvel ended on Monday.\n\n"
                               "Oren Falk said it was an \"important contract\" for the town.")
    assert len(got) == 2, got


def test_a_short_quotation_in_another_form_of_the_words_stays_apart() -> None:
    # "doing nothing" is not the words of "… do nothing for the town": written so, they are another quotation
    first = ("The port of Corvel reopened on Monday after a two-week strike.\n\n"
             "Union leader Oren Falk said: \"The board will take our dues and do nothing for the town.\"")
    second = ("The strike at the port of Corvel ended on Monday.\n\n"
              "Oren Falk accused the board of \"doing nothing\" for the dockers.")
    an = analyze([Article(id="1", text=first), Article(id="2", text=second)])
    assert len([q for q in an.quotes if q.speaker == "Oren Falk"]) == 2, an.quotes
