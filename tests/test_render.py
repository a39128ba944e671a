"""Passages: a quotation the summary carries over several sentences is shown as one (render.passages)."""

from __future__ import annotations

import json

from storyline.model import Article, Sentence, Summary, SummarySentence
from storyline.render import passages, summary_passages, to_dict, to_markdown, to_text

# Written for these tests. Article 1 quotes a statement over three sentences, then two plain sentences, then a
# paragraph that leaves its quotation open for the next paragraph to reopen (as news quotes over paragraphs).
ONE = (
    "The ferry board met on Tuesday. "
    "“We will keep the night crossing. It pays for itself in winter. Nobody will lose a job,” the chair said. "
    "The board has seven members. Its next meeting is in May.\n\n"
    "“The fleet is old. Two boats need new engines.\n\n"
    "“We are asking the county for help,” she added."
)
# Article 2 sets its quotation in straight marks.
TWO = 'Deckhands cheered. "This is the news we wanted. Our families live here," said one of them. Fares stay.'


def _sentences(aid: str, text: str, pieces: list[str]) -> list[Sentence]:
    out = []
    for k, piece in enumerate(pieces):
        at = text.index(piece)
        out.append(Sentence(aid, k, at, at + len(piece), piece))
    return out


S1 = _sentences("1", ONE, [
    "The ferry board met on Tuesday.",
    "“We will keep the night crossing.",
    "It pays for itself in winter.",
    "Nobody will lose a job,” the chair said.",
    "The board has seven members.",
    "Its next meeting is in May.",
    "“The fleet is old.",
    "Two boats need new engines.",
    "“We are asking the county for help,” she added.",
])
S2 = _sentences("2", TWO, [
    "Deckhands cheered.",
    '"This is the news we wanted.',
    'Our families live here," said one of them.',
    "Fares stay.",
])
ARTICLES = (Article("1", ONE, source="Isle Post"), Article("2", TWO, source="Quay Radio"))


def _summary(*chosen: tuple[Sentence, tuple[str, ...]]) -> Summary:
    sentences = tuple(SummarySentence(s, (s.article,), tuple(a for a in cites if a != s.article))
                      for s, cites in chosen)
    return Summary(ARTICLES, sentences, "default", 200)


def _body(text: str) -> list[str]:
    """The summary lines of the text output (between the heading and the end)."""
    return text.split("\n\n")[2].splitlines()


def test_a_quotation_over_three_sentences_is_one_line_with_its_marks_once():
    summary = _summary((S1[0], ("1",)), (S1[1], ("1", "2")), (S1[2], ("1", "2")), (S1[3], ("1", "2")),
                       (S1[4], ("1", "2")))
    assert [p.sentences for p in summary_passages(summary)] == [(0,), (1, 2, 3), (4,)]
    assert _body(to_text(summary)) == [
        "The ferry board met on Tuesday. [1]",
        "“We will keep the night crossing. It pays for itself in winter. Nobody will lose a job,” the chair said."
        " [1][2]",
        "The board has seven members. [1][2]",  # the next sentence, but no quotation runs into it
    ]
    md = to_markdown(summary)
    assert ("- “We will keep the night crossing. It pays for itself in winter. Nobody will lose a job,” the chair "
            "said. [^1][^2]\n- The board has seven members. [^1][^2]\n") in md


def test_json_keeps_one_entry_per_sentence_and_numbers_its_passage():
    summary = _summary((S1[0], ("1",)), (S1[1], ("1",)), (S1[2], ("1",)), (S1[3], ("1",)), (S2[0], ("2",)))
    data = json.loads(json.dumps(to_dict(summary)))
    assert [s["text"] for s in data["sentences"]] == [s.text for s in summary.sentences]
    assert [s["passage"] for s in data["sentences"]] == [0, 1, 1, 1, 2]
    assert data["sentences"][1] == {"text": S1[1].text, "article": "1", "index": 1, "start": S1[1].start,
                                    "end": S1[1].end, "sources": ["1"], "corroborated_by": [], "passage": 1}


def test_sources_that_differ_within_a_passage_are_marked_after_each_sentence():
    summary = _summary((S1[1], ("1", "2")), (S1[2], ("1",)), (S1[3], ("1",)))
    assert _body(to_text(summary)) == [
        "“We will keep the night crossing. [1][2] It pays for itself in winter. Nobody will lose a job,” the chair"
        " said. [1]",
    ]
    assert "- “We will keep the night crossing. [^1][^2] It pays for itself in winter. Nobody will lose" in (
        to_markdown(summary))


def test_sentences_of_another_article_or_out_of_order_are_not_joined():
    assert [p.sentences for p in passages([S1[1], S2[2]], {"1": ONE, "2": TWO})] == [(0,), (1,)]
    assert [p.sentences for p in passages([S1[2], S1[1]], {"1": ONE})] == [(0,), (1,)]
    assert [p.sentences for p in passages([S1[1], S1[3]], {"1": ONE})] == [(0,), (1,)]  # one left out between


def test_a_quotation_left_open_at_a_paragraph_end_is_closed_with_an_ellipsis_not_joined_to_the_next():
    summary = _summary((S1[6], ("1",)), (S1[7], ("1",)), (S1[8], ("1",)))
    # The paragraph break ends the quotation (the next paragraph reopens it): two passages, the first shown
    # closed, every word the article's.
    assert _body(to_text(summary)) == [
        "“The fleet is old. Two boats need new engines. …” [1]",
        "“We are asking the county for help,” she added. [1]",
    ]


def test_a_passage_that_begins_inside_a_quotation_is_opened_with_an_ellipsis():
    middle = _summary((S1[0], ("1",)), (S1[2], ("1",)), (S1[4], ("1",)))
    assert _body(to_text(middle)) == [
        "The ferry board met on Tuesday. [1]",
        "“…It pays for itself in winter. …” [1]",  # the middle of the quotation: opened and closed
        "The board has seven members. [1]",
    ]
    tail = _summary((S1[3], ("1",)),)
    assert _body(to_text(tail)) == ["“…Nobody will lose a job,” the chair said. [1]"]
    straight = _summary((S2[2], ("2",)), (S1[1], ("1",)))  # straight marks where a straight mark opened it
    assert _body(to_text(straight)) == ['"…Our families live here," said one of them. [2]',
                                        "“We will keep the night crossing. …” [1]"]
    # The JSON keeps the text exact.
    assert [s["text"] for s in to_dict(straight)["sentences"]] == [S2[2].text, S1[1].text]


def test_without_the_article_text_the_marks_of_the_sentences_alone_decide():
    bare = (Article("1", "", source="Isle Post"), Article("2", "", source="Quay Radio"))
    sentences = tuple(SummarySentence(s, ("1",)) for s in (S1[1], S1[2], S1[3], S1[4]))
    summary = Summary(bare, sentences, "default", 200)
    assert [p.sentences for p in summary_passages(summary)] == [(0, 1, 2), (3,)]
    assert [p.sentences for p in passages([S2[2]], {})] == [(0,)]
    (p,) = passages([S2[2]], {})
    assert p.opened_before and not p.left_open and p.straight[0]


def test_a_joined_passage_is_still_escaped_and_made_printable():
    text = "He said: “We <b>will</b> [stay]. \x1b[2JWe *will*.” Then he left."
    first, second = "He said: “We <b>will</b> [stay].", "\x1b[2JWe *will*.”"
    sents = [Sentence("1", 0, 0, len(first), first),
             Sentence("1", 1, text.index(second), text.index(second) + len(second), second)]
    summary = Summary((Article("1", text),), tuple(SummarySentence(s, ("1",)) for s in sents), "default", 50)
    assert _body(to_text(summary)) == ["He said: “We <b>will</b> [stay]. \ufffd[2JWe *will*.” [1]"]
    assert "- He said: “We \\<b\\>will\\</b\\> \\[stay\\]. \ufffd\\[2JWe \\*will\\*.” [^1]\n" in to_markdown(summary)


def test_the_json_keys_a_consumer_reads_stay_as_documented() -> None:
    # The README's "JSON output" is a contract for scripts reading `storyline summarize --format json`: a key
    # renamed or dropped breaks them silently. A key added is fine, but must be added here (and documented) too.
    import storyline

    data = to_dict(storyline.summarize(storyline.sample_paths(), words=120))
    assert set(data) == {"articles", "sentences", "words", "budget", "method", "notes", "introductions",
                         "storyline_version", "schema_version"}
    assert set(data["articles"][0]) == {"id", "source", "title", "date", "date_line", "teaser", "paged", "corrections",
                                        "url", "author", "origin", "words"}
    assert set(data["sentences"][0]) == {"text", "article", "index", "start", "end", "sources", "corroborated_by",
                                         "passage"}
    assert all(set(i) == {"name", "text", "article", "start", "end"} for i in data["introductions"])


def test_the_summary_and_analysis_json_say_which_storyline_and_form_of_json_made_them() -> None:
    # A consumer keeping these documents (a store, a cache) had no way to tell which storyline made one, nor
    # whether its fields mean what the docs it reads say; now each carries both (docs/usage.md, JSON output).
    import storyline
    from storyline.analysis.render import to_dict as analysis_dict

    summary = to_dict(storyline.summarize(storyline.sample_paths(), words=60))
    analysis = analysis_dict(storyline.analyze(storyline.sample_paths()))
    for data in (summary, analysis):
        assert data["storyline_version"] == storyline.__version__ and data["schema_version"] == 1


def test_an_unknown_format_is_an_options_error_not_a_key_error() -> None:
    # storyline.render.render(summary, "html") and the analysis's render raised a bare KeyError: 'html'
    import pytest

    import storyline
    from storyline.analysis import render as arender
    from storyline.errors import OptionsError
    from storyline.render import render

    summary = storyline.summarize(storyline.sample_paths(), words=40)
    with pytest.raises(OptionsError, match="unknown format 'html'; choose one of: text, md, json$"):
        render(summary, "html")
    with pytest.raises(OptionsError, match="unknown format 'html'; choose one of: text, md, json$"):
        arender.render(storyline.analyze(storyline.sample_paths()), "html")


# Processed text (Multi-News's lower-cased, tokenised articles, marks set apart from the words) with a stray mark
# in its first sentence: read from the article's start, the quotation the passage opens and closes looked open.
SPACED = ('the mayor spoke of a " new start for the harbor. then she left the hall. '
          '" we will rebuild the pier, " she said on monday. bots call it a " wedge issue ", the study found.')
S3 = _sentences("3", SPACED, [
    'the mayor spoke of a " new start for the harbor.',
    "then she left the hall.",
    '" we will rebuild the pier, " she said on monday.',
    'bots call it a " wedge issue ", the study found.',
])


def test_a_passage_that_opens_and_closes_its_quotation_is_not_shown_left_open_after_a_stray_mark():
    (p,) = passages([S3[2]], {"3": SPACED})
    assert not p.opened_before and not p.left_open
    (p,) = passages([S3[3]], {"3": SPACED})  # a spaced mark before a comma closes
    assert not p.left_open
