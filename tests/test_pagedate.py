"""A page's own dateline as the publication date of an undated article (``storyline.pagedate``).

Every page here is fictional, written for these tests."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from storyline.api import load_articles
from storyline.clean import clean_articles
from storyline.model import Article
from storyline.pagedate import page_date, with_page_date
from storyline.render import describe

BODY = ("OSTRAVEN: The river authority of Ostraven said on Thursday that the old weir would be rebuilt "
        "before the spring floods, after engineers found cracks along its eastern wall last month.\n\n"
        "The authority's director, Mila Varga, said the work would take about six weeks.\n")
TITLE = "Ostraven weir to be rebuilt before spring floods"
PAGE = f"Sunday March 3, 2024\n\n{TITLE}\n\nNovember 14, 2019\n\n{BODY}"  # a banner above, a dateline below
TODAY = date(2025, 1, 1)


def test_the_dateline_under_the_headline_not_the_banner_above_it() -> None:
    found = page_date(PAGE, TITLE, today=TODAY)
    assert found is not None and (found.date, found.line) == ("2019-11-14", "November 14, 2019")


def test_a_banner_alone_is_not_a_publication_date() -> None:
    assert page_date(f"Sunday March 3, 2024\n\n{TITLE}\n\n{BODY}", TITLE, today=TODAY) is None


def test_without_the_headline_the_earliest_date_line_counts() -> None:
    found = page_date(f"Sunday March 3, 2024\n\nNovember 14, 2019\n\n{BODY}", "", today=TODAY)
    assert found is not None and found.date == "2019-11-14"


def test_a_long_cookie_banner_copied_above_the_headline_does_not_end_the_top_of_the_page() -> None:
    # A page copied whole from a browser opens on its cookie banner, a line of 20 words or more: it was taken for the
    # first paragraph of prose, and the dateline under the headline was never read (the article stayed undated).
    cookies = ("We use cookies to give you the best experience on our site. By continuing to browse you agree to our "
               "cookie policy. Accept all cookies")
    found = page_date(f"{cookies}\n\n{TITLE}\n\nNovember 14, 2019\n\n{BODY}", TITLE, today=TODAY)
    assert found is not None and found.date == "2019-11-14"
    # a first paragraph of prose still ends the top: a date below it is the story's, not its dateline
    assert page_date(f"{TITLE}\n\n{BODY}\nNovember 14, 2019\n", TITLE, today=TODAY) is None


def test_a_drupal_submitted_line_dates_a_page() -> None:
    line = "Submitted by Owen Dunn on Thu, 11/14/2019 - 16:05"  # month first, as Drupal writes it
    found = page_date(f"{TITLE}\n\n{line}\n\n{BODY}", TITLE, today=TODAY)
    assert found is not None and (found.date, found.line) == ("2019-11-14", line)
    assert page_date(f"{TITLE}\n\nSubmitted by Owen Dunn on Mon, 11/14/2019\n\n{BODY}", TITLE, today=TODAY) is None


def test_forms_of_a_dateline() -> None:
    for line, iso in [("Posted on 14 November 2019", "2019-11-14"), ("Published: Nov. 14, 2019 10:30 am", "2019-11-14"),
                      ("2019-11-14", "2019-11-14"), ("Thursday, November 14, 2019", "2019-11-14")]:
        found = page_date(f"{TITLE}\n{line}\n{BODY}", TITLE, today=TODAY)
        assert found is not None and found.date == iso, line


def test_a_dateline_run_into_the_headline_line() -> None:
    # <b>Headline</b><br><i>Posted …</i> in one block of an old hand-made page: one line of the extraction
    found = page_date(f"{TITLE} Posted Thursday, November 14, 2019\n{BODY}", "Weir to be rebuilt", today=TODAY)
    assert found is not None and (found.date, found.line) == ("2019-11-14", "Posted Thursday, November 14, 2019")
    for line in (f"{TITLE} posted November 14, 2019",  # no label written as one
                 f"{TITLE} Posted November 14, 2019 by the river authority",  # not a date alone after it
                 f"{TITLE} Updated November 15, 2019"):  # an edit's
        assert page_date(f"{line}\n{BODY}", "", today=TODAY) is None, line


def test_dates_that_are_not_the_publication_date_are_refused() -> None:
    refused = [
        "Updated November 15, 2019",  # a later edit
        "Monday, November 14, 2019",  # the 14th was a Thursday: the line contradicts itself
        "November 2019",  # no day
        "November 14, 2031",  # after today: no page is published after it is read
        "By Mila Varga, November 14, 2019",  # a byline, not a date line
    ]
    for line in refused:
        assert page_date(f"{TITLE}\n{line}\n{BODY}", TITLE, today=TODAY) is None, line


def test_a_date_in_the_body_is_not_the_page_date() -> None:
    assert page_date(f"{TITLE}\n\n{BODY}\nNovember 14, 2019\n", TITLE, today=TODAY) is None


def test_loading_dates_the_article_and_leaves_the_cleaned_text_alone() -> None:
    (article,) = load_articles([PAGE])
    (plain,) = clean_articles([Article(id="1", text=PAGE, origin="<text 1>")])
    assert (article.text, article.title) == (plain.text, plain.title)  # cleaning's output is unchanged
    assert "November 14, 2019" not in article.text
    assert (article.date, article.date_line) == ("2019-11-14", "November 14, 2019")


def test_a_header_date_wins_over_the_page_text() -> None:
    (article,) = load_articles([f"---\ndate: 2019-11-15\n---\n{PAGE}"])
    assert (article.date, article.date_line) == ("2019-11-15", "")


def _head_reference(text: str) -> list[str]:
    """``pagedate._head`` as it was before it read the page line by line: normalise it all, then split."""
    from storyline.clean import normalise_text

    lines: list[str] = []
    for raw in normalise_text(text).split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        if len(line.split()) >= 20 or len(lines) == 10:
            break
        lines.append(line)
    return lines


_PAGE_PIECES = st.sampled_from(
    ["June 9, 2018", "Updated", "word", "the vote", " ", "\n", "\r\n", "\r", "\n\n", "\x0c", "\x85", "\u2028",
     "\u00a0", "\u200b", "e\u0301", "\u0301", "\x00", "\t", "Saturday,"]
)


@given(st.lists(_PAGE_PIECES, max_size=60).map("".join))
def test_reading_the_head_line_by_line_changes_nothing(text: str) -> None:
    from storyline.pagedate import _head

    assert _head(text) == _head_reference(text)


def test_an_impossible_dateline_is_no_date_not_a_nearby_one() -> None:
    for line in ("February 30, 2026", "30 February 2026", "2026-02-30", "Monday, February 30, 2026"):
        assert page_date(f"Ferry halted\n{line}\nThe ferry stopped.", "Ferry halted", today=date(2026, 12, 1)) is None


def test_a_date_given_otherwise_is_not_said_to_be_read_from_the_document_id() -> None:
    """A DUC file whose header dates it (the day its id writes too) is dated by the header, and said to be; an
    undated one is dated by its id, and said to be."""
    text = "A storm hit the coast on Friday, officials said. Hundreds of homes lost power overnight."
    dated = Article(id="1", text=text, title="Storm hits coast", date="1998-10-23", doc_id="APW19981023.0123")
    undated = Article(id="2", text=text, title="Storm hits coast", doc_id="APW19981023.0123")
    [c_dated, c_undated] = clean_articles([dated, undated])
    assert describe(with_page_date(dated, c_dated)) == "“Storm hits coast” (1998-10-23)"
    assert describe(with_page_date(undated, c_undated)) == (
        "“Storm hits coast” (1998-10-23, read from the document id APW19981023.0123)"
    )
