import dataclasses
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import storyline
from storyline.api import SINGLE_SOURCE_NOTE, load_articles, make_cluster, sample_paths
from storyline.errors import EmptyInputError, OptionsError
from storyline.methods import names
from storyline.model import Article, count_words
from storyline.options import SummarizeOptions


def test_summarize_strings_paths_and_articles(harbor_texts, tmp_path):
    p = tmp_path / "third.txt"
    p.write_text(harbor_texts[2])
    summary = storyline.summarize(
        [harbor_texts[0], Article(id="x", text=harbor_texts[1], source="Port Post"), p], words=60
    )
    assert 0 < summary.words <= 60
    by_id = {a.id: a for a in summary.articles}
    assert by_id["x"].source == "Port Post"
    for s in summary.sentences:
        art = by_id[s.sentence.article]
        assert art.text[s.sentence.start : s.sentence.end] == s.text
        assert s.sources[0] == s.sentence.article


def test_results_are_frozen(harbor_texts):
    summary = storyline.summarize(harbor_texts, words=40)
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.method = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.sentences[0].sentence.start = 3  # type: ignore[misc]


def test_vote_is_corroborated(harbor_texts):
    summary = storyline.summarize(harbor_texts, words=80)
    vote = [s for s in summary.sentences if "Tuesday" in s.text and "harbor" in s.text]
    assert vote, summary.text
    assert len(vote[0].articles) == 3


def test_articles_dated_far_apart_get_a_note(harbor_texts):
    def dated(*days: str) -> list[Article]:
        return [Article(id=str(k), text=t, date=d) for k, (t, d) in enumerate(zip(harbor_texts, days, strict=False))]

    spread = storyline.summarize(dated("2026-01-05", "2026-03-01", "2026-01-06"), words=60)
    want = "the articles' dates span 55 days (2026-01-05 to 2026-03-01): they may report more than one event"
    apart = ("article [2] is dated 2026-03-01, 54 days after every other article's date (2026-01-05 to "
             "2026-01-06): it may report a later event")
    assert spread.notes == (want, apart)
    # each 100 days from the others: the span is noted, but no one article stands apart
    assert not any("days after every" in n or "days before every" in n or "nearest of the other" in n
                   for n in storyline.summarize(dated("2026-01-05", "2026-04-15", "2026-07-24"), words=60).notes)
    assert storyline.summarize(dated("2026-01-05", "2026-02-04", "2026-01-06"), words=60).notes == ()  # 30 days
    assert storyline.summarize(dated("2026-01-05", "2026-05-01"), words=60).notes != ()
    undated = storyline.summarize([Article(id="a", text=harbor_texts[0], date="2020-01-01"), harbor_texts[1]], words=60)
    assert undated.notes == ()  # one date is no span


# A story in German, written for this test: no English function words.
_GERMAN = (
    "Nach tagelangem Starkregen ist am Montagabend Wasser über die Krone des Staudamms geflossen. Die Behörden "
    "forderten rund dreitausend Anwohner auf, ihre Häuser sofort zu verlassen. Die Chefingenieurin sagte, das "
    "Bauwerk sei stabil. Zwei Notablässe seien geöffnet worden, um den Wasserstand langsam zu senken. Die Armee "
    "schickte zweihundert Soldaten, die beim Füllen von Sandsäcken helfen sollen."
)


def test_an_article_not_in_english_gets_a_note(harbor_texts):
    arts = [Article(id="a", text=harbor_texts[0]), Article(id="b", text=_GERMAN, title="Staudamm läuft über")]
    summary = storyline.summarize([*arts, harbor_texts[1]], words=60)
    assert summary.notes == (
        "article [2] (Staudamm läuft über) does not read as English: storyline is made for English news, so its "
        "sentences are weighed and matched poorly",
    )
    assert storyline.api.reads_as_english(harbor_texts[0]) and not storyline.api.reads_as_english(_GERMAN)
    assert storyline.summarize(harbor_texts[:2], words=60).notes == ()
    assert storyline.api.reads_as_english("Die Armee schickte Soldaten.")  # too short to judge


@pytest.mark.parametrize("text", [
    "أغلق جسر الميناء بعد أن صدمته سفينة شحن مساء الأحد. وقالت رئيسة البلدية إن الجسر سيبقى مغلقا.",
    "Мост через реку закрыт после аварии. Мэр сказал, что мост останется закрытым до проверки.",
    "Η γέφυρα του λιμανιού έκλεισε μετά τη σύγκρουση ενός πλοίου. Ο δήμαρχος είπε ότι θα μείνει κλειστή.",
])
def test_a_short_article_in_another_script_gets_the_note(text):
    # Under 40 words a text was not judged at all: a short Arabic or Russian story was summarized without the note a
    # German one of 40 words gets. Its script tells, at any length; a short English or German text is still not judged.
    assert not storyline.api.reads_as_english(text)
    assert any("does not read as English" in n for n in storyline.summarize([text], words=60).notes)
    assert storyline.api.reads_as_english("The mayor of Łódź, Hanna Zdanowska, said the bridge would reopen.")


def test_a_paragraph_left_out_as_no_prose_gets_a_note(harbor_texts):
    from storyline.clean import MAX_RUN_CHARS

    run_on = ("dock gate open at the harbor and " * (MAX_RUN_CHARS // 33 + 1)).strip()
    arts = [Article(id="a", text=harbor_texts[0], source="Alder Gazette"), f"{harbor_texts[1]}\n\n{run_on}"]
    summary = storyline.summarize(arts, words=60)
    assert summary.notes == (
        "article [2] had a paragraph that runs 100,000 characters or more without a sentence end: left out as no "
        "prose (a minified page, a log or a data file?)",
    )
    assert run_on not in summary.articles[1].text and summary.articles[1].no_prose == 1
    twice = storyline.summarize([Article(id="a", text=f"{run_on}\n\n{harbor_texts[0]}\n\n{run_on}",
                                         source="Alder Gazette"), harbor_texts[1]], words=60)
    assert twice.notes == (
        "article [1] (Alder Gazette) had 2 paragraphs that each run 100,000 characters or more without a sentence "
        "end: left out as no prose (a minified page, a log or a data file?)",
    )
    # the analysis tells it too
    assert storyline.analyze(arts).notes[-1] == summary.notes[0]


def test_single_article_says_so(harbor_texts):
    summary = storyline.summarize(harbor_texts[0], words=30)
    assert summary.notes == (SINGLE_SOURCE_NOTE,)
    assert all(s.corroborated_by == () for s in summary.sentences)


def test_load_articles_takes_one_article_given_alone_as_summarize_does(harbor_texts, tmp_path):
    # A text given alone was read character by character ("<text 1>: has no article text left"), a path or an
    # Article refused as "not a list", where summarize, analyze and group_stories take each as one article.
    path = tmp_path / "harbor.txt"
    path.write_text(harbor_texts[1], encoding="utf-8")
    (text,) = load_articles(harbor_texts[0])
    (from_path,) = load_articles(path)
    (given,) = load_articles(Article(id="mine", text=harbor_texts[2]))
    assert (text.text, from_path.text) == (load_articles([harbor_texts[0]])[0].text, load_articles([path])[0].text)
    assert given.id == "mine"


@pytest.mark.parametrize("words", [0, -5])
def test_budget_must_be_positive(harbor_texts, words):
    with pytest.raises(OptionsError, match="at least 1"):
        storyline.summarize(harbor_texts, words=words)


def test_unknown_method_names_the_known_ones(harbor_texts):
    with pytest.raises(OptionsError, match="unknown method 'nope'.*lexrank"):
        storyline.summarize(harbor_texts, method="nope")


def test_all_clutter_article_is_an_error(harbor_texts):
    with pytest.raises(EmptyInputError, match="page clutter"):
        storyline.summarize([harbor_texts[0], "Type to search\n\nLeave a Reply\n"])


def test_a_text_without_sentence_ends_is_refused_as_no_prose_and_skipped_in_a_dataset(harbor_texts):
    # 100,000 characters or more without a stop (a minified page, a log): the segmenter would cut it into
    # "sentences" of 100,000 characters that no summary takes, after seconds and hundreds of MB
    run_on = "dock gate open at the harbor and " * 4_000
    with pytest.raises(EmptyInputError, match="runs 100,000 characters without a sentence end: no prose"):
        storyline.summarize([harbor_texts[0], run_on])
    assert len(storyline.load_articles([harbor_texts[0], run_on], strict=False)) == 1


def test_a_file_name_given_as_a_string_is_told_to_be_a_path(harbor_texts, tmp_path, monkeypatch):
    """A string is article text: summarize(["a.txt"]) reads the words "a.txt", and the error says to give a Path."""
    (tmp_path / "a.txt").write_text(harbor_texts[0])
    monkeypatch.chdir(tmp_path)
    with pytest.raises(EmptyInputError, match=r"to read the file 'a.txt', give Path\('a.txt'\)"):
        storyline.summarize(["a.txt", harbor_texts[1]])
    with pytest.raises(EmptyInputError) as raised:
        storyline.summarize(["raw article text ...", harbor_texts[1]])
    assert "Path(" not in str(raised.value)


def test_a_text_gives_its_number_to_the_id_a_caller_chose(harbor_texts):
    # docs/python.md: texts are numbered by position, "giving way to ids you chose (a text first beside an
    # Article(id="1", ...) is 1')"
    summary = storyline.summarize([harbor_texts[0], Article(id="1", text=harbor_texts[1]), harbor_texts[2]], words=60)
    assert [a.id for a in summary.articles] == ["1'", "1", "3"]


def test_articles_the_caller_built_are_checked_up_front(harbor_texts, tmp_path):
    other = Article(id="b", text=harbor_texts[1], date="2018-12-03")
    for date in ("2018-02-30", "yesterday", "20181203"):
        with pytest.raises(OptionsError, match=f"article 'a': date '{date}' is not a date like 2018-12-03"):
            storyline.summarize([Article(id="a", text=harbor_texts[0], date=date), other])
    with pytest.raises(OptionsError, match="its text must be a str, not NoneType"):
        storyline.summarize([Article(id="a", text=None), other])  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match="article id 'b' is given twice"):  # not renamed behind the caller's back
        storyline.summarize([other, replace(other, text=harbor_texts[2])])
    with pytest.raises(OptionsError, match="'20181203' is not a date like 2018-12-03$"):
        storyline.analyze(harbor_texts, date="20181203")
    # written YYYY-MM-DD, a date that is no day says why (the bare message left the user to find the fault)
    for date, why in (("2026-02-29", "February 2026 has no day 29"), ("2026-13-01", "there is no month 13"),
                      ("0000-01-01", "there is no year 0")):  # year 0 is checked first: it was no internal error
        with pytest.raises(OptionsError, match=f"'{date}' is not a date like 2018-12-03, as {why}$"):
            storyline.analyze(harbor_texts, date=date)
    with pytest.raises(storyline.StorylineError, match="is a directory; give the article files in it"):
        storyline.summarize([Path(tmp_path)])
    # a dict (as JSON gives it) is no article: a StorylineError like every other refusal, not a TypeError
    for call in (storyline.summarize, storyline.group_stories):
        with pytest.raises(OptionsError, match="an article must be a str, a path or an Article, not dict"):
            call([{"text": harbor_texts[0]}, other])  # type: ignore[list-item]


def test_words_and_method_or_options_not_both(harbor_texts):
    from storyline import SummarizeOptions

    with pytest.raises(OptionsError, match="either options or words and method"):
        storyline.summarize(harbor_texts, words=30, options=SummarizeOptions(words=150))
    with pytest.raises(OptionsError, match="either options or words and method"):
        storyline.summarize(harbor_texts, method="lead", options=SummarizeOptions())
    assert storyline.summarize(harbor_texts, options=SummarizeOptions(words=30)).budget == 30
    assert storyline.summarize(harbor_texts).budget == 150
    # options that are not SummarizeOptions (a dict, as JSON gives them) were an AttributeError ('strict')
    with pytest.raises(OptionsError, match="options must be SummarizeOptions, not dict"):
        storyline.summarize(harbor_texts, options={"words": 30})  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match="options must be GroupingOptions, not dict"):  # {} was taken as none
        storyline.group_stories(harbor_texts, options={})  # type: ignore[arg-type]


def test_an_article_whose_fields_of_text_are_not_strings_is_an_options_error(harbor_texts):
    # A title, source, URL or origin that is no string was an AttributeError or TypeError from the cleaning or the
    # rendering; an int id was taken, and the JSON gave it as a number (5) where every id is a string ("5").
    other = Article(id="b", text=harbor_texts[1])
    for field in ("id", "title", "source", "url", "author", "origin", "date_line"):
        bad = replace(Article(id="a", text=harbor_texts[0]), **{field: 5})
        for call in (storyline.summarize, storyline.analyze, storyline.load_articles):
            with pytest.raises(OptionsError, match=f"its {field} must be a str, not int$"):
                call([bad, other])


def test_no_articles_at_all_says_so():
    with pytest.raises(EmptyInputError, match="^no articles given$"):
        storyline.summarize([])


def test_sample_cluster_ships_with_the_package():
    paths = sample_paths()
    assert len(paths) >= 4 and any(p.suffix == ".html" for p in paths)
    arts = load_articles(paths)
    assert all(a.text for a in arts)
    text = " ".join(a.text for a in arts)
    for clutter in ("Leave a Reply", "Type to search", "Also read", "Share on", "Photo:", "cookie"):
        assert clutter not in text


@pytest.mark.parametrize("method", ["default", "fast", "lead", "lexrank", "textrank", "centroid"])
def test_every_baseline_is_registered_and_runs(method, harbor_texts):
    assert method in names()
    summary = storyline.summarize(harbor_texts, words=50, method=method)
    assert 0 < summary.words <= 50 and summary.method == method


SENT = st.text(alphabet=st.sampled_from("abcdefghij klmnop"), min_size=20, max_size=80).map(
    lambda t: " ".join(t.split()).capitalize() + "."
)
ARTICLE = st.lists(SENT, min_size=1, max_size=8).map(" ".join).filter(lambda t: count_words(t) >= 4)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=1, max_size=4), st.integers(min_value=1, max_value=120),
       st.sampled_from(["default", "fast", "lead", "lexrank", "textrank", "centroid"]))
def test_invariants(texts, words, method):
    arts = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    summary = storyline.summarize(arts, words=words, method=method)
    again = storyline.summarize(arts, words=words, method=method)
    assert summary == again  # deterministic
    assert summary.words <= words  # within budget, whole sentences only
    by_id = {a.id: a for a in summary.articles}
    for s in summary.sentences:
        art = by_id[s.sentence.article]  # comes from an input article
        assert art.text[s.sentence.start : s.sentence.end] == s.text  # span round-trips
        assert set(s.articles) <= set(by_id)


def test_path_objects_are_read(tmp_path, harbor_texts):
    files = []
    for i, t in enumerate(harbor_texts):
        f = tmp_path / f"{i}.txt"
        f.write_text(t)
        files.append(Path(f))
    assert storyline.summarize(files, words=40).words <= 40


def test_an_empty_summary_says_no_sentence_fits(harbor_texts):
    summary = storyline.summarize(harbor_texts, words=1)
    assert summary.sentences == () and summary.words == 0
    assert summary.notes == (
        "the summary is empty: no sentence fits in 1 word (summaries take whole sentences, and the shortest has 9 "
        "words); raise the word budget",
    )
    assert not [n for n in storyline.summarize(harbor_texts, words=9).notes if "empty" in n]


BRIDGE = [
    "The Harbor Bridge in Port Alder was closed on Sunday after a container ship struck one of its piers.",
    "A container ship hit a pier of Port Alder's Harbor Bridge on Sunday night; the bridge is closed.",
]
MAYOR = "Voters in Lindenfeld elected Ruth Kessler mayor on Tuesday, ending twelve years of council rule."


def test_group_takes_what_summarize_takes(tmp_path):
    p = tmp_path / "second.txt"
    p.write_text(BRIDGE[1])
    stories = storyline.group_stories([BRIDGE[0], Article(id="m", text=MAYOR, source="Lindenfeld Post"), p])
    assert [[a.id for a in s] for s in stories] == [["1", "3"], ["m"]]
    assert stories[1][0].source == "Lindenfeld Post" and stories[0][1].origin == str(p)
    summary = storyline.summarize(stories[0], words=30)
    assert {a.id for a in summary.articles} == {"1", "3"}


def test_group_options_are_checked_before_reading():
    with pytest.raises(OptionsError, match="threshold"):
        storyline.group_stories(["missing.txt"], threshold=0)  # not InputNotFoundError: nothing was read
    with pytest.raises(OptionsError, match="date window"):
        storyline.group_stories(MAYOR, window_days=-2)
    assert storyline.group_stories(MAYOR) == storyline.group_stories([MAYOR], threshold=1.0, window_days=0)


def test_group_with_options_object_and_exports():
    opts = storyline.GroupingOptions(threshold=1.0)
    assert [len(s) for s in storyline.group_stories(BRIDGE, options=opts)] == [1, 1]
    assert [len(s) for s in storyline.group_articles([Article(id=str(k), text=t) for k, t in enumerate(BRIDGE)])] == [2]
    grouper = storyline.StoryGrouper()
    assert grouper.add(Article(id="a", text=MAYOR)).new
    # the function is ``group_stories``: ``storyline.group`` stays the module
    import storyline.group as module

    assert module.StoryGrouper is storyline.StoryGrouper and callable(storyline.group_stories)
    with pytest.raises(EmptyInputError):
        storyline.group_stories(["   "])


def test_group_stories_checks_its_arguments_and_keeps_the_callers_ids():
    with pytest.raises(OptionsError, match="not both"):
        storyline.group_stories(BRIDGE, threshold=0.5, options=storyline.GroupingOptions())
    # an empty input is what summarize and analyze call it (it was an OptionsError here alone)
    for empty in ([], (), iter([])):
        for call in (storyline.group_stories, storyline.summarize, storyline.analyze, storyline.load_articles):
            with pytest.raises(EmptyInputError, match="^no articles given$"):
                call(empty)
    with pytest.raises(OptionsError, match="given twice"):
        storyline.group_stories([Article(id="a", text=BRIDGE[0]), Article(id="a", text=BRIDGE[1])])
    # a text given beside an Article whose id is "1" does not take that id from it
    stories = storyline.group_stories([BRIDGE[0], Article(id="1", text=BRIDGE[1]), MAYOR])
    ids = sorted(a.id for s in stories for a in s)
    assert "1" in ids and len(set(ids)) == 3
    assert any(a.id == "1" and a.text.startswith(BRIDGE[1][:30]) for s in stories for a in s)


class _CountedId(str):
    """An article id that counts how often it is compared for equality."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _CountedId.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_repeated_ids_are_found_without_comparing_every_pair():
    # Looking for an id given twice compared each id with all those before it: with a stream of thousands
    # of articles that took longer than grouping them.
    n = 1500
    items = [Article(id=_CountedId(f"a{k}"), text=f"{MAYOR} Item {k}.") for k in range(n)]
    _CountedId.compared = 0
    load_articles(items)
    assert _CountedId.compared < 10 * n
    _CountedId.compared = 0
    with pytest.raises(OptionsError, match="'a0' is given twice"):
        storyline.group_stories([*items, Article(id=_CountedId("a0"), text=MAYOR)])
    assert _CountedId.compared < 10 * n


def test_options_given_in_place_of_words_say_where_they_go() -> None:
    import storyline
    from storyline.options import SummarizeOptions

    with pytest.raises(OptionsError, match="options="):
        storyline.summarize(storyline.sample_paths(), SummarizeOptions(words=60))  # type: ignore[arg-type]


HTML_PAGES = Path(__file__).parent / "fixtures" / "html"

# Page: (title, outlet, publication date, the body's first words, words of page furniture it must not hold).
SAVED_PAGES = {
    "wordpress.html": ("Warehouse fire forces hundreds from their homes in Brellin", "Brellin Courier", "2026-05-13",
                       "About 300 people were moved", ("Leave a Reply", "Recent Posts", "sister", "Proudly")),
    "wire.html": ("Hundreds evacuated as fire destroys plastics warehouse", "Tessel Valley Times", "2026-05-13",
                  "Firefighters fought through the night", ("Corvane Plastics fined", "Subscribe", "Topics")),
    "amp.html": ("Brellin fire: residents allowed home after air tests", "Riverside Daily", "2026-05-13",
                 "Families who fled", ("Advertisement", "Smoke rises", "Photo:")),
    "liveblog.html": ("Live: Brellin warehouse fire - latest updates", "Valley Radio", "2026-05-12",
                      # its entries, printed newest first, are read in the order they were written, after its
                      # key points
                      "About 300 people evacuated", ("Listen live", "09:12", "Key points")),
    "splitads.html": ("Eastfield schools shut as warehouse smoke drifts over town", "Eastfield Herald", "2026-05-13",
                      "Every school in the Eastfield district", ("Advertisement", "Read more", "Sign up", "inbox")),
    "gallery.html": ("In pictures: the Mill Road warehouse fire", "Brellin Courier", "2026-05-13",
                     "A fire destroyed the Corvane", ("Photo:", "aerial ladder", "Share this gallery")),
    "saved.html": ("Firm points to electrical fault in Brellin warehouse fire", "North Bay Post", "2026-05-13",
                   "The company whose warehouse", ("JavaScript", "free articles", "Share on Facebook", "Copyright")),
    "paywall.html": ("Questions grow over safety checks at burnt-out Brellin warehouse", "The Valley Ledger",
                     "2026-05-14", "The plastics warehouse", ("subscribers only", "unlimited access", "Log in")),
    "latin1.html": ("Brellin fire: café owner tells of night on the sports hall floor", "Tessel Gazette", "2026-05-13",
                    "Marta Kovác had just closed her café", ("\ufffd",)),
    "titlesite.html": ("Firm says it will pay for clean-up after Brellin blaze", "Brellin Evening Standard",
                       "2026-05-14", "Corvane Plastics has promised", ("Brellin Now",)),
    "cookie.html": ("Two firefighters hurt tackling Brellin blaze are back at work", "Midshire Echo", "2026-05-15",
                    "Two firefighters who were taken", ("cookies", "Most read", "tractor", "Last updated")),
    # the story in <div class="para"> blocks, its byline one of them, a list of facts and a list of links between them
    "paras.html": ("Mill Road fire: what we know so far", "Brellin Observer", "2026-05-13",
                   "A fire that destroyed the Corvane", ("By Tomas", "Ekdahl", "Read more", "fined after")),
    # an old template: a <table> of <font> and <br>-separated lines, the outlet named by its copyright line alone
    "brlines.html": ("Evacuees back home after Brellin warehouse fire", "Tessel Weekly Courant", "2026-05-14",
                     "Families who spent Tuesday night", ("Letters", "Copyright", "rights reserved")),
    # the story in a <noscript>, beside an app's empty root and a notice to enable JavaScript
    "noscript.html": ("Corvane to rebuild Brellin warehouse with sprinklers", "Kestrel News", "2026-05-20",
                      "Corvane Plastics will rebuild", ("JavaScript", "Loading", "Petra Lund")),
    # a print view: no masthead but the logo's image, print buttons, the address and the date it was printed
    "print.html": ("Brellin fire inquiry points to faulty charger", "Tessel Valley Times", "2026-05-21",
                   "The fire that destroyed", ("Print this page", "Close window", "Printed from", "URL:")),
    # page 1 of a story split over three pages: its links to the others
    "paged.html": ("The night Brellin burned: how the town coped", "Midshire Echo", "2026-05-16",
                   "At ten to eleven on Tuesday night", ("Next page", "Page", "page 1 of 3")),
    # a copy the Wayback Machine serves, its toolbar above the page and its address the archive's
    "wayback.html": ("Firefighters praised for saving solvent store", "Brellin Courier", "2026-05-14",
                     "The crews who fought", ("Wayback", "captures", "crawls", "Internet Archive")),
    # Google's cached copy, its notice above the page
    "googlecache.html": ("Eastfield schools reopen as smoke clears", "Eastfield Herald", "2026-05-15",
                         "All eleven schools", ("Google", "snapshot", "Ctrl+F", "Text-only")),
    # a business desk's story ("Brellin (CNN Business)"), a long list of related stories inside its <article>
    "related.html": ("Corvane shares slide after Brellin warehouse fire", "Harbourline Business", "2026-05-13",
                     "Brellin (CNN Business)Shares in Corvane", ("Related stories", "Plastics prices", "Midcap",
                                                                 "Carmakers look")),
    # Windows-1252 with no charset named anywhere: its curly quotes and accents as written
    "cp1252.html": ("Brellin fire: \u201cWe lost everything,\u201d says caf\u00e9 owner", "Fenland Weekly", None,
                    "The owner of a caf\u00e9 beside", ("\ufffd", "\u0144", "Fenland Weekly")),
}


@pytest.mark.parametrize("name", sorted(SAVED_PAGES))
def test_a_saved_news_page_gives_its_story_headline_outlet_and_date(name):
    """A page saved from a news site, read and cleaned: its story, all of it, without the page around it."""
    title, outlet, day, start, furniture = SAVED_PAGES[name]
    (a,) = load_articles([HTML_PAGES / name])
    assert (a.title, a.source, a.date) == (title, outlet, day)
    assert a.text.startswith(start)
    assert not [w for w in furniture if w in a.text]


def test_a_desks_dateline_is_cut_from_the_first_sentence_and_a_saved_copy_keeps_the_pages_own_address():
    (related, wayback, cache) = load_articles([HTML_PAGES / n for n in ("related.html", "wayback.html",
                                                                     "googlecache.html")])
    first = make_cluster([related]).sentences[0]
    assert first.text.startswith("Shares in Corvane Plastics fell by 9% on Wednesday")
    # the Wayback Machine's address (og:url, canonical) was the article's, the archive's copy another source
    assert (wayback.url, cache.url) == ("https://www.brellincourier.example/news/firefighters-praised",
                                        "https://www.eastfieldherald.example/news/schools-reopen")


def test_a_print_view_takes_its_address_from_its_footer():
    # "URL: https://…" in the footer of a page that names no address of its own: the article had none.
    (printed,) = load_articles([HTML_PAGES / "print.html"])
    assert printed.url == "https://www.tesselvalleytimes.example/news/brellin-fire-inquiry-charger-1.88456"


def test_a_drupal_story_is_signed_and_dated_by_its_submitted_line():
    # Drupal's "Submitted by Owen Dunn on Tue, 04/21/2026 - 16:05" gave no author and no date, and its node's class
    # "node-promoted" (promoted to the front page) was taken for a promo box
    (drupal,) = load_articles([HTML_PAGES / "drupal.html"])
    assert (drupal.title, drupal.source, drupal.author, drupal.date, drupal.url) == (
        "Quarry blast shakes homes across Brellin", "Tessel Valley Times", "Owen Dunn", "2026-04-21",
        "https://www.tesselvalleytimes.example/news/brellin-quarry-blast-shakes-homes")
    assert drupal.text.startswith("A planned blast at the Harwick quarry") and "Submitted" not in drupal.text
    assert drupal.text.endswith("more notice before future blasts.")


def test_a_page_in_windows_1252_that_names_no_charset_is_read_as_windows_1252():
    # charset-normalizer ranks Windows-1250, -1252 and -1257 level on it and took the first by name: "Da\u0144o"
    (cp1252,) = load_articles([HTML_PAGES / "cp1252.html"])
    assert cp1252.author == "Ren\u00e9e Da\u00f1o"


def test_a_paywalled_teaser_gets_a_note():
    pages = Path(__file__).parent / "fixtures" / "html"
    summary = storyline.summarize([pages / "paywall.html", pages / "wire.html"], words=80)
    assert summary.notes == ("article [1] (The Valley Ledger) gave only the free teaser of a paywalled page: the rest "
                             "of its story was not read",)
    assert [a.teaser for a in summary.articles] == [True, False]
    # the analysis, whose agreement counts it among the sources, tells it too
    assert storyline.analyze([pages / "paywall.html", pages / "wire.html"]).notes == summary.notes


def test_one_page_of_a_story_printed_over_several_gets_a_note():
    # It was read as the whole story, with nothing said of its other pages.
    pages = Path(__file__).parent / "fixtures" / "html"
    summary = storyline.summarize([pages / "paged.html", pages / "wire.html"], words=80)
    assert summary.notes == ("article [1] (Midshire Echo) is one page of a story printed over several pages: its other "
                             "pages were not read (save the story's single-page or print view)",)
    assert [a.paged for a in summary.articles] == [True, False]
    assert storyline.analyze([pages / "paged.html", pages / "wire.html"]).notes == summary.notes
    # plain text that turns to its next page, as copied from the page ("Continue reading on page 2")
    text = ("The ferry between Brellin and Oston will run only twice a day from Monday, the operator said.\n\n"
            "Captain Ilse Marrow said the larger boat could no longer reach the landing.\n\nContinue reading on page 2")
    (article,) = load_articles([text])
    assert article.paged and "page 2" not in article.text


def test_articles_skipped_with_strict_false_are_named_in_the_notes() -> None:
    text = ("The Brellin council shut the old river bridge on Tuesday after flood water damaged its supports. "
            "Engineers said the bridge could stay closed for three weeks while divers inspect the piers.")
    summary = storyline.summarize([text, "   "], options=SummarizeOptions(words=60, strict=False))
    assert summary.sentences
    assert summary.notes[0].startswith("skipped <text 2>: is empty")
    assert SINGLE_SOURCE_NOTE not in summary.notes
    clutter = storyline.summarize([text, "Home | News | Sport"], options=SummarizeOptions(words=60, strict=False))
    # the note as docs/python.md quotes it
    assert clutter.notes[0] == "skipped <text 2>: has no article text left after removing page clutter"
    assert any("only one of the articles had text" in n for n in summary.notes)
    with pytest.raises(EmptyInputError):  # strict, as before: an error
        storyline.summarize([text, "   "], words=60)


def test_a_lone_line_without_a_sentence_end_is_refused_saying_why() -> None:
    # A news flash posted alone, without a full stop, reads as a headline: the error said only "page clutter"
    flash = "Flood warning issued for the Brellin valley as heavy rain continues overnight"
    why = r"removing page clutter \(no sentence in it ends with \. \? or !: a line without one is read as a headline\)$"
    with pytest.raises(EmptyInputError, match=why):
        storyline.summarize([flash], words=60)
    assert storyline.summarize([flash + "."], words=60).sentences
    # a short headline given alone, or over a byline, is told so too (it said only "page clutter"); clutter stays that
    for short in ("Bridge reopens after repairs", "Breaking: bridge reopened\n\nBy Mara Ellison"):
        with pytest.raises(EmptyInputError, match=why):
            storyline.summarize([short], words=60)
    with pytest.raises(EmptyInputError, match="removing page clutter$"):
        storyline.summarize(["Type to search\n\nShare on Facebook\n\nLeave a Reply"], words=60)


def test_a_lone_line_whose_last_sentence_has_no_stop_is_summarized() -> None:
    text = ("The Kelby bridge closed on Monday after a barge struck one of its piers during the night. Repairs will "
            "take weeks, engineers said")
    summary = storyline.summarize([text], words=60)
    assert summary.sentences[0].text.startswith("The Kelby bridge closed on Monday")


@pytest.mark.parametrize(("text", "language"), [
    ("凯尔比大桥周一关闭，原因是一艘驳船在夜间撞上了一个桥墩。工程师说，维修需要几周时间。", "Chinese"),
    ("ケルビー橋は月曜日に閉鎖された。技術者によると、修理には数週間かかるという。", "Japanese"),
    ("สะพานเคลบีปิดเมื่อวันจันทร์ หลังจากเรือบรรทุกสินค้าชนเสาสะพานในตอนกลางคืน", "Thai"),
])
def test_an_article_in_a_language_without_spaces_is_refused_naming_it(text: str, language: str) -> None:
    # it was refused as "page clutter": its lines end in no stop the cleaner knows, so they read as headlines
    with pytest.raises(EmptyInputError, match=rf"^<text 1>: is written in {language}, which storyline cannot read: "
                       "it reads languages that put spaces between words"):
        storyline.summarize([text], words=60)


def test_only_a_text_mostly_in_such_a_script_is_named() -> None:
    from storyline.api import unspaced_language

    assert unspaced_language("The Kelby bridge (凯尔比大桥) closed on Monday.") is None
    assert unspaced_language("Home | News | Sport") is None
    assert unspaced_language("") is None
    assert unspaced_language("東京で地震があった。 Tokyo") == "Japanese"
    # a language written with spaces is read: Korean, Arabic
    korean = "켈비 다리가 월요일에 폐쇄되었다. 엔지니어들은 수리에 몇 주가 걸릴 것이라고 말했다."
    assert unspaced_language(korean) is None and storyline.summarize([korean], words=60).sentences


@pytest.mark.timeout(30)
def test_a_text_in_no_such_script_is_told_at_once() -> None:
    # each article left empty by cleaning was read letter by letter in Python: 70 ms for a page of clutter, and
    # reading the dev set's 92 clusters took 5% longer
    from storyline.api import unspaced_language

    # (the timeout fails the letter-by-letter reading, about 70 s for these 1,000 pages; the scan takes under 1 s)
    clutter = "Menu Home News Sport Weather " * 4000
    assert all(unspaced_language(clutter) is None for _ in range(1000))


def test_a_dataset_cluster_names_its_skipped_documents_as_summarize_does() -> None:
    from storyline.api import summarize_documents
    from storyline.ingest import DocumentSet

    text = ("The Brellin council shut the old river bridge on Tuesday after flood water damaged its supports. "
            "Engineers said the bridge could stay closed for three weeks while divers inspect the piers.")
    docs = DocumentSet("c1", (Article(id="1", text=text, origin="c1#1"),
                              Article(id="2", text="Share this", origin="c1#2")))
    summary = summarize_documents(docs, SummarizeOptions(words=60, strict=False))
    assert summary.notes[0].startswith("skipped c1#2: ")
    assert summary.notes == storyline.summarize(docs.articles, options=SummarizeOptions(words=60, strict=False)).notes


def test_one_file_given_twice_is_refused_not_read_as_two_sources(harbor_texts, tmp_path):
    # Read twice, the file would be two articles naming each other as the source of every sentence.
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(harbor_texts[0])
    b.write_text(harbor_texts[1])
    (tmp_path / "link.txt").symlink_to(a)
    with pytest.raises(OptionsError, match=r"a\.txt: the file is given twice: give each article once"):
        storyline.summarize([a, b, a])
    with pytest.raises(OptionsError, match=r"link\.txt: the file is given twice \(as .*a\.txt before\)"):
        storyline.group_stories([a, tmp_path / "link.txt"])
    assert len(storyline.summarize([a, b, harbor_texts[0]]).articles) == 3  # the same text as a string is not a file


def test_a_dataset_file_is_not_read_as_one_articles_prose(harbor_texts, tmp_path):
    # Read as an article, its JSON (escaped newlines, several clusters) was summarized as if it were prose.
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"id": "c", "documents": harbor_texts}) + "\n")
    with pytest.raises(OptionsError, match=r"d\.jsonl: a dataset file \(\.json/\.jsonl\) holds articles, not one "
                                           r"article: read its clusters with storyline\.ingest\.read_dataset"):
        storyline.summarize([data, harbor_texts[0]])
    from storyline.ingest import read_dataset

    (cluster,) = read_dataset(data)  # the way the message names
    assert len(storyline.summarize(cluster.articles, words=40).articles) == 3


@pytest.mark.parametrize("given", [None, 5])
def test_articles_that_are_no_collection_are_an_options_error(given):
    for call in (storyline.summarize, storyline.analyze, storyline.group_stories):
        with pytest.raises(OptionsError, match=f"articles must be a list of texts, paths or Articles, not "
                                               f"{type(given).__name__}"):
            call(given)


_CORRECTED = (
    "---\nsource: Alder Gazette\n---\n"
    "The Harbor Bridge in Port Alder will reopen on Friday after engineers checked the pier, the city said.\n\n"
    "Correction: An earlier version of this article said the bridge carries 84,000 vehicles a day. "
    "It carries about 48,000.\n"
)
_UNCORRECTED = ("The Harbor Bridge in Port Alder reopens on Friday, city officials said, after engineers finished "
                "checking the damaged pier.\n")


def test_an_outlets_correction_is_a_note_of_the_analysis_too():
    analysis = storyline.analyze([_CORRECTED, _UNCORRECTED], date="2026-03-10")
    assert analysis.notes == (storyline.api.CORRECTION_NOTE.format(
        article="article [1] (Alder Gazette)",
        correction="An earlier version of this article said the bridge carries 84,000 vehicles a day. "
        "It carries about 48,000.",
    ),)


def test_an_outlets_correction_is_a_note_beside_the_summary():
    text = (
        "---\nsource: Alder Gazette\n---\n"
        "The Harbor Bridge in Port Alder will reopen on Friday after engineers checked the pier, the city said.\n\n"
        "Correction: An earlier version of this article said the bridge carries 84,000 vehicles a day. "
        "It carries about 48,000.\n"
    )
    summary = storyline.summarize([text], words=100)
    assert all("84,000" not in s.text for s in summary.sentences)
    assert summary.notes[-1] == storyline.api.CORRECTION_NOTE.format(
        article="article [1] (Alder Gazette)",
        correction="An earlier version of this article said the bridge carries 84,000 vehicles a day. "
        "It carries about 48,000.",
    )
    from storyline.render import to_dict

    assert to_dict(summary)["articles"][0]["corrections"] == [
        "An earlier version of this article said the bridge carries 84,000 vehicles a day. It carries about 48,000."
    ]


def test_summarize_with_analysis_is_the_summary_and_the_analysis_of_one_segmentation(harbor_texts, monkeypatch):
    from storyline import cluster
    from storyline.analysis.corroborate import corroborate

    apart = storyline.summarize(harbor_texts, words=60)
    analysis = storyline.analyze(harbor_texts)
    segmented: list[str] = []
    real = cluster.segment
    monkeypatch.setattr(cluster, "segment", lambda a, **kw: segmented.append(a.id) or real(a, **kw))
    both = storyline.summarize_with_analysis(harbor_texts, words=60)
    assert isinstance(both, storyline.AnalyzedSummary)
    assert both.summary == corroborate(apart, analysis) and both.analysis == analysis
    assert sorted(segmented) == sorted(a.id for a in both.cluster.articles if a.id in both.cluster.kept_ids)
    assert both.summary.articles == both.cluster.articles == analysis.articles


def test_summarize_with_analysis_takes_a_cluster_options_and_a_date(harbor_texts):
    undated = storyline.load_articles(harbor_texts)
    made = storyline.api.make_cluster(undated)
    both = storyline.summarize_with_analysis(made, options=SummarizeOptions(words=40))
    assert both.cluster is made and 0 < both.summary.words <= 40
    dated = storyline.summarize_with_analysis(made, 40, date="2024-03-05")
    assert {a.date for a in dated.cluster.articles} == {"2024-03-05"}
    assert dated.analysis == storyline.analyze(made, date="2024-03-05")
    assert storyline.summarize_with_analysis(harbor_texts, 40, date="2024-03-05").summary == dated.summary
    with pytest.raises(OptionsError, match="2024-13-05"):
        storyline.summarize_with_analysis(["no file is read"], date="2024-13-05")
    with pytest.raises(OptionsError, match="either options"):
        storyline.summarize_with_analysis(made, 40, options=SummarizeOptions())


def test_a_publication_date_may_be_a_datetime_date(harbor_texts):
    # date=datetime.date(2024, 3, 5) was refused: "publication date datetime.date(2024, 3, 5) is not a date like
    # 2018-12-03"; a Python caller's date is a date
    import datetime as dt

    made = storyline.api.make_cluster(storyline.load_articles(harbor_texts))
    written = storyline.analyze(made, date="2024-03-05")
    assert storyline.analyze(made, date=dt.date(2024, 3, 5)) == written
    assert storyline.analyze(harbor_texts, date=dt.datetime(2024, 3, 5, 23, 59)) == written  # its day
    both = storyline.summarize_with_analysis(made, 40, date=dt.date(2024, 3, 5))
    assert {a.date for a in both.cluster.articles} == {"2024-03-05"}
    with pytest.raises(OptionsError, match="must be a str YYYY-MM-DD or a datetime.date, not 20240305"):
        storyline.analyze(["no file is read"], date=20240305)  # type: ignore[arg-type]


def test_evidence_locates_every_source_of_every_sentence(harbor_texts):
    both = storyline.summarize_with_analysis(harbor_texts, words=80)
    texts = {a.id: a.text for a in both.cluster.articles}
    spans = both.evidence()
    assert len(spans) == len(both.summary.sentences)
    for ss, row in zip(both.summary.sentences, spans, strict=True):
        assert row[0].article == ss.sentence.article and (row[0].start, row[0].end) == (ss.sentence.start,
                                                                                        ss.sentence.end)
        assert {e.article for e in row} <= set(ss.articles)
        assert all(0 <= e.start < e.end <= len(texts[e.article]) for e in row)
    assert storyline.api.evidence(both.cluster, both.summary, both.analysis) == spans


def test_the_types_the_summary_and_the_stream_hand_back_are_named_at_the_top() -> None:
    # StoryGrouper.add returns an Assignment and Summary.introductions holds Introductions: a user annotating
    # them had to find storyline.group and storyline.model, where every other type is storyline.X.
    from storyline.group import Assignment
    from storyline.model import Introduction

    assert storyline.Assignment is Assignment and storyline.Introduction is Introduction
    assert {"Assignment", "Introduction"} <= set(storyline.__all__) & set(dir(storyline))


def test_what_analyze_returns_is_named_at_the_top_as_summarize_s_is() -> None:
    # An IDE user annotating a function with storyline.Analysis got an AttributeError (storyline.Summary was there).
    import subprocess
    import sys

    from storyline.analysis.model import Analysis

    assert storyline.Analysis is Analysis and "Analysis" in storyline.__all__
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        storyline.Nothing  # noqa: B018
    # ... without loading the analysis on `import storyline`.
    code = "import sys, storyline; print('storyline.analysis' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_every_public_signature_resolves_with_get_type_hints() -> None:
    # typing.get_type_hints(storyline.analyze) was a NameError ("name 'Analysis' is not defined"): api.py imported
    # Analysis and Span for the type checker alone, so a tool that reads annotations (pydantic, FastAPI, cattrs,
    # an IDE's runtime inspection) could not resolve analyze, AnalyzedSummary nor AnalyzedSummary.evidence.
    import inspect
    import typing

    import storyline.analysis.corroborate
    import storyline.analysis.render
    import storyline.ingest
    import storyline.render

    public = [getattr(storyline, name) for name in storyline.__all__ if name != "__version__"]
    public += [storyline.render.to_json, storyline.analysis.render.to_json, storyline.ingest.read_dataset,
               storyline.api.unspaced_language, storyline.api.read_paths, storyline.api.evidence,
               storyline.analysis.corroborate.corroborate, storyline.analysis.analyze_cluster]
    checked = []
    for thing in public:
        members = [thing]
        if inspect.isclass(thing):
            members += [m for k, m in vars(thing).items() if inspect.isfunction(m) and (k == "__init__" or k[0] != "_")]
            members += [m.fget for m in vars(thing).values() if isinstance(m, property)]
        for member in members:
            typing.get_type_hints(member)
            checked.append(member)
    assert typing.get_type_hints(storyline.analyze)["return"] is storyline.Analysis
    assert len(checked) > 50


def test_a_directory_is_read_in_natural_order(tmp_path) -> None:
    from storyline.api import natural_key, read_paths

    for name in ["a1.txt", "a10.txt", "a100.txt", "a11.txt", "a2.txt", "sub10/b.txt", "sub2/b.txt", "B3.txt"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("The Kelby bridge closed on Monday after a barge struck one of its piers.")
    # text order read a1, a10, a100, a11, a2, so the sources were numbered in that order
    found = [p.relative_to(tmp_path).as_posix() for p in read_paths([tmp_path])]
    assert found == ["B3.txt", "a1.txt", "a2.txt", "a10.txt", "a11.txt", "a100.txt", "sub2/b.txt", "sub10/b.txt"]
    # files named on the command line keep the order given (a shell's glob sorts them its own way)
    named = [tmp_path / "a10.txt", tmp_path / "a2.txt"]
    assert read_paths(named) == named
    assert sorted(["a01", "a1", "a2", "a1b", "a"], key=natural_key) == ["a", "a01", "a1", "a1b", "a2"]


def test_read_paths_takes_one_path_given_alone_and_refuses_what_is_no_path(tmp_path) -> None:
    # read_paths("dir") read the string a character at a time: "/" first, the whole file system, until a
    # PermissionError (/proc/1/cwd); None or [None] was a TypeError.
    from storyline.api import read_paths

    (tmp_path / "a.txt").write_text("The Kelby bridge closed on Monday after a barge struck one of its piers.")
    assert read_paths(str(tmp_path)) == read_paths(tmp_path) == read_paths([tmp_path]) == [tmp_path / "a.txt"]
    for bad, why in ((None, "paths must be a list of paths, not NoneType"), (b"/tmp", "not bytes"),
                     ([None], "a path must be a str or a pathlib.Path, not NoneType")):
        with pytest.raises(OptionsError, match=why):
            read_paths(bad)  # type: ignore[arg-type]


def test_a_path_with_a_nul_character_is_no_file_not_a_value_error() -> None:
    # os.open raised ValueError ("embedded null byte"), which no `except StorylineError` caught
    with pytest.raises(storyline.errors.InputNotFoundError, match="no file has a NUL character in its name"):
        storyline.summarize([Path("a\x00b.txt")])
