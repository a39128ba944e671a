from storyline.analysis.dates import find


def resolved(sentence: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(d.text, d.resolved) for d in find(sentence, published)]


def test_weekday_is_the_last_one_on_or_before_publication() -> None:
    assert resolved("The mayor said Monday that", "2018-12-03") == [("Monday", "2018-12-03")]
    assert resolved("the council met on Thursday", "2018-12-03") == [("on Thursday", "2018-11-29")]


def test_future_weekday_looks_ahead_but_quotes_do_not_set_the_tense() -> None:
    assert resolved("The envoy is expected to arrive Tuesday", "2018-12-03") == [("Tuesday", "2018-12-04")]
    assert resolved("An official on Thursday said “they will come”", "2018-12-03")[0][1] == "2018-11-29"


def test_relative_and_explicit_phrases() -> None:
    base = "2018-12-03"
    assert resolved("tweets two weeks ago", base) == [("two weeks ago", "2018-11-19")]
    assert resolved("he cut aid last year", base) == [("last year", "2017")]
    assert resolved("took office in August", base) == [("in August", "2018-08")]
    assert resolved("the attacks of Sep. 11, 2011.", base) == [("Sep. 11, 2011", "2011-09-11")]
    assert resolved("killed in 2011", base) == [("in 2011", "2011")]


def test_no_publication_date_keeps_the_phrase_unresolved() -> None:
    assert resolved("The mayor said Monday", None) == [("Monday", None)]
    assert resolved("on March 3, 2021", None) == [("March 3, 2021", "2021-03-03")]


def test_spurious_numbers_are_not_dates() -> None:
    assert find("the conflict to end after 17 years", "2018-12-03") == []
