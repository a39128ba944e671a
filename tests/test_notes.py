"""The note on an article that shares almost nothing with the others (``notes.off_topic``)."""

import json

import pytest
from support import DATA, needs_data

import storyline
from storyline.api import make_cluster
from storyline.model import Article
from storyline.notes import OFF_TOPIC_COSINE, off_topic
from storyline.render import to_json, to_markdown, to_text

# Another story, written for this test: the wrong file saved from the same site.
_BAKERY = (
    "A bakery in Grenmoor won the regional prize for the best rye bread on Saturday. The owner, Tomas Ebbing, "
    "said the recipe had been in his family for four generations. Judges praised the crust and the sour flavour. "
    "The prize comes with a trophy and a week of baking classes for his apprentices."
)
# The harbor story's own, loosely: an opinion piece on the waterfront that the vote changes, written for this test.
_WATERFRONT = (
    "Lindenfeld has argued about its waterfront for twenty years. The fishermen want quiet quays, the freight "
    "firms want cranes, and residents want a promenade. Whatever the council decides about the harbor, the town "
    "should build the promenade first."
)
# Another event of the same day, written for this test: it shares a word or two with the harbor story (a cosine of
# 0.03 to its closest article), where the harbor's three share much (0.39-0.49).
_SNOW = (
    "Heavy snow closed the mountain railway between Orvik and Stenby on Tuesday, stranding some four hundred skiers "
    "at the upper station overnight. Engineers said drifts of up to three metres had buried the tracks near the "
    "tunnel entrance, and that clearing them with the rotary plough could take two days. Hotel owners in Stenby "
    "offered free rooms to the stranded visitors, and volunteers brought hot soup and blankets to the station hall. "
    "The railway company apologised for the disruption and promised refunds for all tickets sold this week. "
    "Forecasters expect more snow and strong winds until the weekend, with avalanche warnings raised to the second "
    "highest level across the valley."
)
_NOTE = "article [4] (Grenmoor Post) shares almost nothing with the other articles: is it about the same story?"


def test_an_article_about_another_story_gets_a_note(harbor_texts, monkeypatch):
    stray = Article(id="d", text=_BAKERY, source="Grenmoor Post")
    summary = storyline.summarize([*harbor_texts, stray], words=60)
    assert summary.notes == (_NOTE,)
    assert f"Note: {_NOTE}" in to_text(summary)
    assert "> article \\[4\\] (Grenmoor Post) shares almost nothing with the other articles" in to_markdown(summary)
    assert json.loads(to_json(summary))["notes"] == [_NOTE]
    assert storyline.analyze([*harbor_texts, stray]).notes[-1] == _NOTE
    assert storyline.summarize(harbor_texts, words=60).notes == ()
    # a note only: the summary's sentences are those chosen without it
    monkeypatch.setattr("storyline.notes.OFF_TOPIC_COSINE", 0.0)
    monkeypatch.setattr("storyline.notes.OFF_TOPIC_NEAR", 0.0)
    unnoted = storyline.summarize([*harbor_texts, stray], words=60)
    assert unnoted.notes == () and unnoted.sentences == summary.sentences


def test_a_loosely_related_article_gets_no_note(harbor_texts):
    assert storyline.summarize([*harbor_texts, _WATERFRONT], words=60).notes == ()


def test_an_article_that_shares_a_word_or_two_stands_out_against_articles_that_share_much(harbor_texts):
    # a best cosine of 0.03 is over OFF_TOPIC_COSINE, but under OFF_TOPIC_NEAR and a fifth of the others' best
    assert storyline.summarize([*harbor_texts, _SNOW], words=60).notes == (
        "article [4] shares almost nothing with the other articles: is it about the same story?",
    )
    # of two articles, nothing to compare it with: the absolute threshold alone
    assert storyline.summarize([harbor_texts[0], _SNOW], words=60).notes == ()


def test_two_articles_about_different_stories_are_named_together(harbor_texts):
    # Of two, nothing tells which is the stray one: one note names both.
    summary = storyline.summarize([Article(id="a", text=harbor_texts[0], source="Alder Gazette"), _BAKERY], words=60)
    assert summary.notes == (
        "article [1] (Alder Gazette) and article [2] share almost nothing: are they about the same story?",
    )
    assert storyline.summarize(harbor_texts[:2], words=60).notes == ()
    assert off_topic(make_cluster([Article(id="a", text=_BAKERY)])) == ()  # one article: nothing to compare


def test_an_article_not_in_english_has_its_own_note_alone(harbor_texts):
    # its own note says already that it is matched poorly; 40 words or more, or it is not judged by its language
    german = ("Nach tagelangem Starkregen ist am Montagabend Wasser über die Krone des Staudamms geflossen. Die "
              "Behörden forderten rund dreitausend Anwohner auf, ihre Häuser sofort zu verlassen. Die Ingenieurin "
              "sagte, das Bauwerk sei stabil. Zwei Notablässe seien geöffnet worden, um den Wasserstand langsam zu "
              "senken. Die Armee schickte zweihundert Soldaten, die beim Füllen von Sandsäcken helfen sollen.")
    notes = storyline.summarize([*harbor_texts, german], words=60).notes
    assert len(notes) == 1 and "does not read as English" in notes[0]


@needs_data
@pytest.mark.timeout(60)
def test_a_real_cluster_notes_its_weather_box_but_not_its_loosely_related_excerpt():
    # Multi-News (original format): a Navy SEAL trainee's death, with a weather box saved as its 3rd article (off
    # the story) and a book's excerpt on drown-proofing as its 5th (loosely related: best cosine 0.077, kept).
    from storyline.evaluate.datasets import load_eval_set

    sets = load_eval_set(DATA / "multinews" / "dev_original_format.jsonl").clusters
    cluster = next(c for c in sets if c.id == "multinews_train_row14328")
    articles = storyline.api.load_articles(cluster.articles, strict=False)
    assert off_topic(make_cluster(articles)) == (2,)
    cos = storyline.represent.article_cosines(articles)
    assert sorted(cos[4])[-2] > 2 * OFF_TOPIC_COSINE  # the excerpt's best cosine to another article


def _dated(texts: list[str], days: list[str | None]) -> list[Article]:
    return [Article(id=str(k), text=t, date=d) for k, (t, d) in enumerate(zip(texts, days, strict=True), 1)]


def test_an_article_dated_months_before_the_others_is_named(harbor_texts):
    # an older story saved with the new ones: the reader is told which article, and that it may be another event
    articles = _dated([*harbor_texts, _WATERFRONT], ["2026-03-10", "2026-03-10", "2026-03-11", "2025-09-02"])
    want = ("article [4] is dated 2025-09-02, 189 days before every other article's date (2026-03-10 to "
            "2026-03-11): it may report an earlier event")
    assert storyline.analyze(articles).notes[-1] == want
    summary = storyline.summarize(articles, words=60)
    assert want in summary.notes
    # a note only: the summary's sentences are those chosen for the articles dated together
    together = _dated([*harbor_texts, _WATERFRONT], ["2026-03-10", "2026-03-10", "2026-03-11", "2026-03-11"])
    assert storyline.summarize(together, words=60).sentences == summary.sentences
    assert not any("is dated" in n for n in storyline.summarize(together, words=60).notes)


def test_a_later_article_and_one_in_between_are_named_so(harbor_texts):
    later = _dated([*harbor_texts, _WATERFRONT], ["2026-03-10", "2026-03-10", "2026-03-11", "2026-06-01"])
    assert any(n.startswith("article [4] is dated 2026-06-01, 82 days after every other article's date")
               and n.endswith("a later event") for n in storyline.analyze(later).notes)
    apart = _dated([*harbor_texts, _WATERFRONT], ["2026-01-01", "2026-03-10", "2026-06-01", "2026-06-02"])
    notes = [n for n in storyline.analyze(apart).notes if "is dated" in n]
    assert notes == [
        "article [1] is dated 2026-01-01, 68 days before every other article's date (2026-03-10 to 2026-06-02): it "
        "may report an earlier event",
        "article [2] is dated 2026-03-10, 68 days from the nearest of the other articles' dates (2026-01-01 to "
        "2026-06-02): it may report another event",
    ]


def test_no_article_is_named_apart_with_one_other_dated_or_dates_within_a_month(harbor_texts):
    # of two dated articles, nothing tells which one stands apart (the summary's span note says the dates spread);
    # undated articles say nothing either way
    two = _dated([*harbor_texts, _WATERFRONT], ["2025-09-02", None, None, "2026-03-10"])
    assert not any("is dated" in n for n in storyline.analyze(two).notes)
    month = _dated([*harbor_texts, _WATERFRONT], ["2026-02-08", "2026-03-10", "2026-03-11", "2026-03-10"])
    assert not any("is dated" in n for n in storyline.analyze(month).notes)
