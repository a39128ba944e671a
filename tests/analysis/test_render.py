"""Section headings give the true count of a list, and say how many are shown when it is cut short."""

from __future__ import annotations

from storyline.analysis.model import Analysis, Entity
from storyline.analysis.render import MAX_ENTITIES, sections, to_markdown, to_text
from storyline.model import Article


def _person(k: int) -> Entity:
    return Entity(name=f"Person {chr(65 + k)}ardent", kind="person", aliases=(), title="", articles=("1",),
                  mentions=1, actions=(), spans=())


def _analysis(people: int) -> Analysis:
    ents = tuple(_person(k) for k in range(people)) + (
        Entity(name="Veld Council", kind="org", aliases=(), title="", articles=("1",), mentions=2, actions=(),
               spans=()),)
    return Analysis(articles=(Article(id="1", text="Text."),), facts=(), conflicts=(), quotes=(), entities=ents,
                    timeline=(), only_here=())


def test_a_capped_list_says_how_many_there_are_and_how_many_are_shown() -> None:
    an = _analysis(MAX_ENTITIES + 5)
    heads = dict(sections(an))
    assert f"People ({MAX_ENTITIES + 5}; {MAX_ENTITIES} shown)" in heads
    assert len(heads[f"People ({MAX_ENTITIES + 5}; {MAX_ENTITIES} shown)"]) == MAX_ENTITIES
    assert "Organisations (1)" in heads and "Quotes (0)" in heads
    assert f"\nPeople ({MAX_ENTITIES + 5}; {MAX_ENTITIES} shown)\n" in to_text(an)
    assert f"### People ({MAX_ENTITIES + 5}; {MAX_ENTITIES} shown)" in to_markdown(an)


def test_a_list_that_fits_gives_its_count_alone() -> None:
    heads = [h for h, _ in sections(_analysis(3))]
    assert "People (3)" in heads and not any("shown" in h for h in heads)


def test_markdown_escapes_the_article_text_of_every_section() -> None:
    import storyline

    one = ("The council of Brennmark approved the *new* budget of 4_000_000 crowns on Tuesday [in a close vote] "
           "after a <long> debate. Council leader Mara Voss said the plan was a `safe` #1 choice.")
    two = ("Brennmark's council approved the *new* budget of 4_000_000 crowns on Tuesday [in a close vote] "
           "after a <long> debate. Critics said the vote was rushed.")
    an = storyline.analyze([storyline.Article(id="1", text=one, source="The *Star* <b>", date="2024-05-02"),
                            storyline.Article(id="2", text=two, date="2024-05-03")])
    md = to_markdown(an)
    assert an.facts and an.timeline  # the text is in the Agreement and Timeline sections
    assert "\\*new\\*" in md and "\\<long\\>" in md and "\\[in a close vote\\]" in md and "4\\_000\\_000" in md
    assert "*new*" not in md.replace("\\*new\\*", "") and "<long>" not in md.replace("\\<long\\>", "")
    assert "The \\*Star\\* \\<b\\>" in md
    # text output keeps the article text as it is
    assert "*new* budget" in to_text(an) and "[in a close vote]" in to_text(an)


def test_markdown_has_one_blank_line_after_the_heading_and_each_note_is_its_own_quote() -> None:
    import dataclasses

    md = to_markdown(_analysis(2))
    assert md.startswith("## Analysis\n\n### Agreement") and "\n\n\n" not in md
    noted = to_markdown(dataclasses.replace(_analysis(2), notes=("First note.", "Second note.")))
    assert noted.startswith("## Analysis\n\n> First note.\n>\n> Second note.\n\n### Agreement")


def test_the_json_keys_a_consumer_reads_stay_as_they_are() -> None:
    # `storyline analyze --format json` (and "analysis" in the summarize and web JSON) is read by scripts: a key
    # renamed or dropped breaks them silently. Its articles carry the summary's fields ("url", "author",
    # "corrections", "words" too, which it once lacked): `analyze --format json` alone says where each came from.
    import storyline
    from storyline import render
    from storyline.analysis.render import to_dict

    data = to_dict(storyline.analyze(storyline.sample_paths()))
    assert set(data) == {"articles", "facts", "conflicts", "quotes", "entities", "timeline", "only_here", "notes",
                         "updates", "storyline_version", "schema_version"}
    assert set(data["articles"][0]) == {"id", "source", "title", "date", "date_line", "teaser", "paged", "corrections",
                                        "url", "author", "origin", "words"}
    assert data["articles"] == [render.article_dict(a) for a in storyline.summarize(storyline.sample_paths()).articles]
    keys = {"facts": {"text", "articles", "spans", "total", "support"},
            "conflicts": {"fact", "kind", "reason", "slot", "spans", "values"},
            "quotes": {"text", "speaker", "title", "articles", "spans", "attributed"},
            "entities": {"name", "kind", "aliases", "title", "articles", "mentions", "actions", "spans"},
            "timeline": {"date", "phrase", "text", "articles", "spans", "precision"},
            "only_here": {"text", "article", "span", "articles"}}
    for section, wanted in keys.items():
        assert data[section] and all(set(item) == wanted for item in data[section]), section
