from storyline.analysis.dates import find, label, precision, sort_key


def resolved(sentence: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(d.text, d.resolved) for d in find(sentence, published)]


def test_weekday_is_the_last_one_on_or_before_publication() -> None:
    assert resolved("The mayor said Monday that", "2018-12-03") == [("Monday", "2018-12-03")]
    assert resolved("the council met on Thursday", "2018-12-03") == [("on Thursday", "2018-11-29")]


def test_future_weekday_looks_ahead_but_quotes_do_not_set_the_tense() -> None:
    assert resolved("The envoy is expected to arrive Tuesday", "2018-12-03") == [("Tuesday", "2018-12-04")]
    assert resolved("An official on Thursday said “they will come”", "2018-12-03")[0][1] == "2018-11-29"


def test_a_deadline_a_modal_sets_looks_ahead_and_a_past_bound_does_not() -> None:
    # "could take until Thursday", published on a Tuesday, had been the Thursday before.
    base = "2026-04-14"  # a Tuesday
    assert resolved("Engineers will inspect it, which could take until Thursday.", base)[0][1] == "2026-04-16"
    assert resolved("The mayor said the bridge would stay shut until Thursday.", base) == [
        ("until Thursday", "2026-04-16")]
    assert resolved("The repairs may be finished by Friday.", base) == [("by Friday", "2026-04-17")]
    assert resolved("The road was closed until Thursday.", base) == [("until Thursday", "2026-04-09")]
    assert resolved("The council could not meet on Thursday.", base) == [("on Thursday", "2026-04-09")]


def test_relative_and_explicit_phrases() -> None:
    base = "2018-12-03"
    assert resolved("tweets two weeks ago", base) == [("two weeks ago", "2018-11-19")]
    assert resolved("Twenty-five years ago the mill closed", base) == [("Twenty-five years ago", "1993")]
    assert resolved("he cut aid last year", base) == [("last year", "2017")]
    assert resolved("took office in August", base) == [("in August", "2018-08")]
    assert resolved("the attacks of Sep. 11, 2011.", base) == [("Sep. 11, 2011", "2011-09-11")]
    assert resolved("killed in 2011", base) == [("in 2011", "2011")]


def test_no_publication_date_keeps_the_phrase_unresolved() -> None:
    assert resolved("The mayor said Monday", None) == [("Monday", None)]
    assert resolved("on March 3, 2021", None) == [("March 3, 2021", "2021-03-03")]


def test_a_day_no_calendar_holds_is_left_unresolved_not_a_crash() -> None:
    # An OverflowError had stopped the whole analysis (exit 70): a relative day past year 9999 or before year 1
    # (``--date 9999-12-31`` and "on Friday"), or a count of days no date arithmetic takes.
    assert resolved("It will meet on Friday.", "9999-12-31") == [("on Friday", None)]
    assert resolved("The vote is on Dec. 31.", "9999-12-28") == [("Dec. 31", None)]
    assert resolved("It happened yesterday.", "0001-01-01") == [("yesterday", None)]
    assert resolved("It met last Monday.", "0001-01-01") == [("last Monday", None)]
    assert resolved("It began 99999999999999999999 days ago.", "2018-12-03") == [
        ("99999999999999999999 days ago", None)]
    assert resolved("The site was settled 5000 years ago.", "2018-12-03") == [("5000 years ago", None)]  # not "-2982"
    assert resolved("It ended 3 months ago.", "0001-02-01") == [("3 months ago", None)]  # not "-001-11"
    assert resolved("It ended 3 months ago.", "2018-02-01") == [("3 months ago", "2017-11")]
    assert resolved("The council met in December.", "0001-01-01") == [("in December", None)]  # not "0000-12"
    assert resolved("The council will meet in January.", "9999-12-31") == [("in January", None)]  # not "10000-01"


def test_spurious_numbers_are_not_dates() -> None:
    assert find("the conflict to end after 17 years", "2018-12-03") == []


def test_a_month_opening_the_sentence_is_resolved_like_one_inside_it() -> None:
    base = "2019-07-16"
    assert resolved("In November, the council cut the budget.", base) == [("In November", "2018-11")]
    assert resolved("the council met in September", base) == [("in September", "2018-09")]
    assert resolved("In 2011, the bridge opened.", base) == [("In 2011", "2011")]
    assert resolved("Last Monday the mayor spoke.", base) == [("Last Monday", "2019-07-15")]
    assert resolved("The board may meet in May.", base) == [("in May", "2019-05")]  # "may" is no month


def test_a_week_phrase_names_a_week_not_a_day() -> None:
    base = "2018-06-09"  # a Saturday of ISO week 23 (Monday 4 to Sunday 10 June)
    assert resolved("The council this week proposed a levy.", base) == [("this week", "2018-W23")]
    assert resolved("He resigned last week.", base) == [("last week", "2018-W22")]
    assert resolved("The vote is due next week.", base) == [("next week", "2018-W24")]
    assert resolved("tweets two weeks ago", base) == [("two weeks ago", "2018-05-26")]  # counted back: a day


def test_precision_order_and_label_of_resolved_dates() -> None:
    assert [precision(d) for d in ("2018-06-09", "2018-W23", "2018-06", "2018", None)] == [
        "day", "week", "month", "year", None]
    assert sorted(["2018-06-09", "2018-W23", "2018-06", "2018-06-03"], key=sort_key) == [
        "2018-06", "2018-06-03", "2018-W23", "2018-06-09"]
    assert label("2018-W23") == "week 2018-06-04 to 2018-06-10"
    assert label("2018-06-09") == "2018-06-09" and label(None) == "(unresolved)"


def test_expectation_and_schedule_verbs_look_ahead_like_will() -> None:
    wednesday = "2026-04-01"
    assert resolved("Forecasters expect more rain on Thursday", wednesday) == [("on Thursday", "2026-04-02")]
    assert resolved("More rain was expected on Thursday", wednesday) == [("on Thursday", "2026-04-02")]
    assert resolved("The council will vote on Friday", wednesday) == [("on Friday", "2026-04-03")]
    assert resolved("The minister is due to visit on Saturday", wednesday) == [("on Saturday", "2026-04-04")]
    assert resolved("Talks are set to resume on Monday", wednesday) == [("on Monday", "2026-04-06")]
    assert resolved("A vote is scheduled for Tuesday", wednesday) == [("Tuesday", "2026-04-07")]
    assert resolved("The weather service forecasts snow on Friday", wednesday) == [("on Friday", "2026-04-03")]
    assert resolved("The board plans to meet on Monday", wednesday) == [("on Monday", "2026-04-06")]


def test_a_cause_or_a_forecast_as_a_noun_does_not_set_the_tense() -> None:
    wednesday = "2026-04-01"
    assert resolved("The road closed on Monday due to flooding", wednesday) == [("on Monday", "2026-03-30")]
    assert resolved("The forecast on Tuesday was wrong", wednesday) == [("on Tuesday", "2026-03-31")]
    assert resolved("The river peaked on Tuesday", wednesday) == [("on Tuesday", "2026-03-31")]


def test_a_day_said_on_is_past_whatever_the_statement_says_of_the_future() -> None:
    """A "will" in the statement does not move the day it was said: "..., the mayor said on Monday"."""
    base = "2018-12-05"  # a Wednesday
    said = resolved("The bridge will reopen next week, the mayor said on Monday.", base)
    assert said[1] == ("on Monday", "2018-12-03")
    assert resolved("The bridge will reopen, officials told reporters Monday.", base) == [("Monday", "2018-12-03")]
    assert resolved("The mayor said on Monday that talks will resume on Thursday.", base) == [
        ("on Monday", "2018-12-03"), ("on Thursday", "2018-12-06")]
    assert resolved("The council will meet on Monday, officials said.", base) == [("on Monday", "2018-12-10")]


def test_a_start_ahead_or_a_future_told_in_the_past_looks_ahead() -> None:
    # "would run free shuttle buses … starting on Wednesday", published on a Tuesday, had been the Wednesday before
    base = "2026-04-14"  # a Tuesday
    assert resolved("Okoye said the town would run ferries from the north pier starting on Wednesday.", base) == [
        ("on Wednesday", "2026-04-15")]
    assert resolved("Fares rise by a tenth beginning Friday.", base) == [("Friday", "2026-04-17")]
    assert resolved("Okoye said the ferry would sail on Friday.", base) == [("on Friday", "2026-04-17")]
    # "would have", a "would" of another clause and a bare "from" keep the past
    assert resolved("She would have turned 40 on Friday.", base) == [("on Friday", "2026-04-10")]
    assert resolved("It would be hard, Okoye said, after the pier closed on Friday.", base) == [
        ("on Friday", "2026-04-10")]
    assert resolved("The pier was shut from Friday.", base) == [("Friday", "2026-04-10")]


def test_a_weekday_in_a_name_is_no_day() -> None:
    assert resolved('"It is a farce," the senator said on "Fox News Sunday."', "2021-02-09") == []
    assert resolved("He gained momentum moving into Super Tuesday.", "2020-02-23") == []
    assert resolved("Stores opened at dawn for Black Friday.", "2020-11-30") == []
    assert resolved("She made her name on Saturday Night Live in the 1990s.", "2020-11-30") == []
    assert resolved("The senator said Sunday on Fox News that", "2021-02-09") == [("Sunday", "2021-02-07")]


def test_a_verb_of_schedule_in_the_present_looks_ahead() -> None:
    # "The council meets Tuesday" in a paper of Wednesday had been the Tuesday before, a meeting already held.
    wednesday = "2026-03-11"
    assert resolved("The council meets Tuesday to decide on the pier.", wednesday) == [("Tuesday", "2026-03-17")]
    assert resolved("The trial opens on Monday in Port Adra.", wednesday) == [("on Monday", "2026-03-16")]
    assert resolved("Schools reopen Monday after the storm.", wednesday) == [("Monday", "2026-03-16")]
    assert resolved("Voters go to the polls on Sunday.", wednesday) == [("on Sunday", "2026-03-15")]
    assert resolved("The ferry company is cutting its fares on Friday.", wednesday) == [("on Friday", "2026-03-13")]
    assert resolved("The inquiry opens January 12 in the town hall.", "2026-12-10") == [("January 12", "2027-01-12")]
    # the day of the paper itself is that day, not a week on ("will meet Wednesday" keeps looking a week ahead)
    assert resolved("The council meets Wednesday.", wednesday) == [("Wednesday", "2026-03-11")]
    assert resolved("The council will vote on Friday.", wednesday) == [("on Friday", "2026-03-13")]


def test_a_past_verb_a_noun_or_a_present_verb_of_saying_keeps_the_past() -> None:
    wednesday = "2026-03-11"
    assert resolved("The council met Tuesday.", wednesday) == [("Tuesday", "2026-03-10")]
    assert resolved("Police say the man died Sunday in hospital.", wednesday) == [("Sunday", "2026-03-08")]
    assert resolved("Officials say Tuesday that the pier is safe.", wednesday) == [("Tuesday", "2026-03-10")]
    assert resolved("The vote on Tuesday was close.", wednesday) == [("on Tuesday", "2026-03-10")]
    assert resolved("The vote was close on Tuesday.", wednesday) == [("on Tuesday", "2026-03-10")]  # no verb "close"
    assert resolved("He has come on Monday.", wednesday) == [("on Monday", "2026-03-09")]
    assert resolved("His visits on Monday were short.", wednesday) == [("on Monday", "2026-03-09")]
    assert resolved("Police arrested a man suspected of killing on Sunday.", wednesday) == [("on Sunday", "2026-03-08")]
