import json
import math
import random
import subprocess
import sys

from storyline.analysis.values import compatible, quantities


def one(text: str):
    qs = quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


def test_hedges_and_vague_figures_are_compatible_with_precise_ones() -> None:
    assert compatible(one("about 75,000 casualties"), one("more than 75,000 casualties"))
    assert compatible(one("costs of $1 trillion"), one("more than $1 trillion in costs"))
    assert compatible(one("billions of dollars in aid"), one("$20 billion in aid"))


def test_different_exact_figures_conflict() -> None:
    assert not compatible(one("14 people were hurt"), one("19 people were hurt"))
    assert not compatible(one("$20 million"), one("$60 million"))
    assert not compatible(one("billions of dollars"), one("$20 million"))


def test_slots_name_what_is_counted() -> None:
    assert one("at least 12 people were killed").slot == one("twelve people died").slot
    assert one("300 police officers").slot == "offic"
    assert one("$3 billion").slot == "USD"
    assert [q.slot for q in quantities("three days of talks")] == ["day"]  # a duration: days, not talks
    assert quantities("in 2011 the town grew") == []


def test_scale_words_multiply() -> None:
    q = one("$4.2 million")
    assert q.lo == q.hi == 4_200_000


def test_two_different_estimates_conflict_but_an_estimate_covers_an_exact_figure() -> None:
    assert not compatible(one("about 48,000 vehicles"), one("about 45,000 vehicles"))
    assert compatible(one("about 48,000 vehicles"), one("around 48,000 vehicles"))
    assert compatible(one("about 48,000 vehicles"), one("47,500 vehicles"))
    assert compatible(one("about 75,000 casualties"), one("more than 75,000 casualties"))
    assert one("about 45,000 vehicles").normalized == "~45,000"


def test_magnitude_words_are_ranges_that_meet_only_when_they_overlap() -> None:
    hundreds = one("hundreds of millions of dollars in grants")
    assert (hundreds.lo, hundreds.hi) == (2e8, 1e9)
    assert not compatible(hundreds, one("billions of dollars in grants"))
    assert compatible(hundreds, one("$400 million in grants"))
    assert compatible(one("billions of dollars in grants"), one("$3 billion in grants"))


def test_durations_are_counts_in_digits_or_words() -> None:
    assert not compatible(one("the fire burned for six hours"), one("the fire burned for five hours"))
    assert not compatible(one("repairs will take two years"), one("repairs will take 3 years"))
    assert compatible(one("repairs will take two years"), one("repairs will take 2 years"))
    assert quantities("the mill was sold two years ago") == []  # a date, read by .dates


def test_numbers_in_words_are_read_whole_and_only_as_words() -> None:
    assert one("Forty-six people were hurt").lo == 46
    assert one("twenty five boats sank").lo == 25
    assert quantities("often people said so") == []  # not "ten people"


def test_times_of_day_are_minutes_and_hedges_widen_them_by_half_an_hour() -> None:
    q = one("the roof fell in at about 3 a.m. on Tuesday")
    assert (q.kind, q.lo, q.hi, q.normalized) == ("time", 150, 210, "~03:00")
    assert one("at 4:30pm").normalized == "16:30"
    assert one("shortly after 11 p.m.").normalized == "23:00..23:30"
    # Two hedged times: the same within 30 minutes, different beyond it.
    assert not compatible(one("at about 3 a.m."), one("at about 4 a.m."))
    assert compatible(one("at about 3 a.m."), one("at around 3:30 a.m."))
    assert not compatible(one("at about 3 a.m."), one("at 4 a.m."))
    assert compatible(one("at about 3 a.m."), one("at 3:20 a.m."))
    assert compatible(one("shortly after 3 a.m."), one("at 3:20 a.m."))
    assert compatible(one("before 6 a.m."), one("at 3 a.m."))
    assert not compatible(one("at 3 a.m."), one("at 3 p.m."))


def test_a_time_on_the_hour_is_read_as_rounded_to_it() -> None:
    # "3 a.m." in one report and "3:20 a.m." in another is rounding, not a dispute; the next hour is.
    assert compatible(one("at 3 a.m."), one("at 3:20 a.m."))
    assert compatible(one("at 3 a.m."), one("at 2:45 a.m."))
    assert not compatible(one("at 3 a.m."), one("at 3:30 a.m."))
    assert not compatible(one("at 3 a.m."), one("at 4 a.m."))
    assert not compatible(one("at 3:10 a.m."), one("at 3:20 a.m."))  # minutes written: exact
    assert not compatible(one("at about 3 a.m."), one("at 4 a.m."))
    assert one("at 3 a.m.").normalized == "03:00"


def test_noon_midnight_and_unambiguous_24_hour_times_are_times_of_day() -> None:
    assert (one("the polls closed at noon").kind, one("the polls closed at noon").lo) == ("time", 720)
    assert one("at midday").lo == 720
    assert one("shortly before midnight").normalized == "23:30..00:00"
    assert one("at 14:30 on Friday").normalized == "14:30"
    assert one("at 0300 GMT").normalized == "03:00"
    assert compatible(one("at about midnight"), one("at 11:50 p.m."))  # around the clock
    assert not compatible(one("at noon"), one("at 1 p.m."))
    # not times: a race time, a morning's "afternoon", a bare 12-hour clock reading
    assert [q for q in quantities("she won in 2:13:45 on Sunday") if q.kind == "time"] == []
    assert quantities("late in the afternoon") == []
    assert [q for q in quantities("at 9:30 on Friday") if q.kind == "time"] == []


def test_times_in_different_zones_are_never_compared() -> None:
    est, gmt = one("at 8 a.m. EST"), one("at 1300 GMT")
    assert (est.slot, gmt.slot) == ("time of day ET", "time of day GMT")
    assert one("at 9 a.m. EDT").slot == est.slot  # one US zone whatever its daylight letter
    assert one("at 3:20 a.m. local time").slot == "time of day"
    both = quantities("at 8 a.m. EST (1300 GMT)")
    assert [q.text for q in both] == ["8 a.m. EST", "1300 GMT"]


def test_a_scale_letter_written_against_the_number_multiplies() -> None:
    # headlines abbreviate the scale: "$1.6B" had been read as $1.60 and set against "$1.6 billion"
    assert compatible(one("Orwen Motors files $1.6B suit"), one("a $1.6 billion lawsuit against Orwen Motors"))
    assert one("a $2.4T spending bill").normalized == "2,400,000,000,000"
    assert one("a $50K signing bonus").lo == 50_000
    jobs = one("20.5M Lost Jobs in April")
    assert (jobs.slot, jobs.lo) == (one("20.5 million jobs were lost").slot, 20_500_000)
    assert quantities("gave 5 b vitamins to the crew") == []  # a lone letter after a space is no scale


def test_a_scaled_figure_with_decimals_stands_for_what_rounds_to_it() -> None:
    # "$1.4 trillion" is $1.35-1.45 trillion as written; "$1.37 trillion" says the same more precisely
    assert compatible(one("a $1.4 trillion spending plan"), one("the $1.37 trillion spending plan"))
    assert compatible(one("about 2.5 million voters"), one("roughly 2.46 million voters"))
    assert not compatible(one("a $1.4 trillion spending plan"), one("the $1.5 trillion spending plan"))
    assert not compatible(one("$20 million"), one("$20.6 million"))  # the more precise figure is outside
    assert compatible(one("$20 million"), one("$20.1 million"))  # within 1%, as any two figures
    assert not compatible(one("1,400 workers"), one("1,370 workers"))  # no scale: read as written


def test_the_second_half_of_a_tally_is_no_count() -> None:
    assert quantities("The court ruled in a 5-4 vote on Friday.") == []
    assert quantities("Harbor City won with a 3-1 win at home.") == []
    rising = one("About 10-12 people were hurt.")  # a range rises: still a count of people
    assert rising.slot == one("12 people were hurt").slot


def test_a_number_in_a_name_or_a_date_is_no_count() -> None:
    assert [q.lo for q in quantities("The clinic saw 40 Covid-19 patients on Monday.")] == [40]
    assert quantities("The 9/11 hijackers had trained in Florida.") == []
    assert quantities("A Jan. 29 memo warned the board.") == []
    assert quantities("On March 3 protesters marched to the port.") == []
    assert one("The 24 protesters marched on March 3.").lo == 24  # a count beside a date stays
    assert quantities("The video was released on 21 July 2015.") == []  # the day before the month
    assert quantities("The port reopened on 3 Sept. after the strike.") == []


def test_the_part_of_a_whole_is_the_count() -> None:
    won = one("Labour won 157 of 338 seats.")
    assert (won.lo, won.hi, won.text) == (157, 157, "157 of 338 seats")
    assert not compatible(won, one("Labour won 150 of 338 seats."))
    assert compatible(won, one("Labour took 157 seats."))
    # a whole that the world or a country has
    lions = one("About 900 of the country's 2,300 lions live in the park.")
    assert (lions.estimate, lions.slot) == (900, "lion")


def test_the_part_of_a_whole_keeps_its_hedge_and_no_rounding_of_the_whole() -> None:
    about = one("Labour won about 160 of 338 seats.")
    assert (about.text, about.estimate) == ("about 160 of 338 seats", 160)
    assert compatible(about, one("Labour won 157 of 338 seats."))  # "about" reaches 157, as for "about 160 seats"
    assert one("Over 150 of 338 seats went to Labour.").hi == math.inf
    assert one("Pollsters asked 5 of 2.5 million voters.").rounding == 0  # the whole's rounding is not the part's


def test_a_tonne_is_no_scale_of_a_count() -> None:
    assert [q.lo for q in quantities("A 40t lorry blocked the bridge.")] == []  # not 40 trillion lorries
    assert one("the $1.9T bill").lo == 1.9e12  # an amount's "T" is still a trillion


def test_a_range_is_the_interval_between_its_figures() -> None:
    for text in ("10-12 people were hurt in the crush.", "10 to 12 people were hurt in the crush.",
                 "Between 10 and 12 people were hurt in the crush."):
        hurt = one(text)
        assert (hurt.lo, hurt.hi, hurt.estimate) == (10, 12, None), text
        assert compatible(hurt, one("11 people were hurt in the crush."))
        assert not compatible(hurt, one("20 people were hurt in the crush."))
    assert one("10-12 people were hurt.").text == "10-12 people"
    assert (one("It sinks 1.5-2 inches a year.").lo, one("between 1.5 to 2 inches").lo) == (1.5, 1.5)  # no "5-2" tally
    assert (one("The storm left two or three days of damage.").lo, one("two or three days").hi) == (2, 3)
    assert (one("2-3 million people fled the floods.").lo, one("2-3 million people").hi) == (2e6, 3e6)
    about = one("About 10-12 people were hurt.")  # the hedge reaches both ends
    assert (round(about.lo, 6), round(about.hi, 6)) == (9, 13.2)


def test_a_change_from_one_figure_to_another_is_its_second_figure() -> None:
    risen = one("The toll rose from 10 to 12 people overnight.")
    assert (risen.lo, risen.hi, risen.text) == (12, 12, "12 people")
    assert one("Donors gave 500 to 2 million people.").lo == 2e6  # no range falls, and no tally has a scale


def test_a_tally_written_with_to_is_no_count() -> None:
    assert quantities("The board approved it in a 5 to 4 ruling.") == []


def test_a_number_ends_before_a_comma_that_no_digits_follow() -> None:
    # an age or a year set off by commas counts nothing after it
    assert quantities("Ada Marsh, 46, told reporters the dam held.") == []
    assert quantities("By 2070, says the board, the lake will be dry.") == []
    assert one("The fund paid $1,500, the board said.").text == "$1,500"
    assert one("In all 1,200,000 voters turned out.").lo == 1_200_000


def test_others_and_more_count_what_the_count_before_them_counts() -> None:
    seven, three = quantities("Only 7 senators voted against the bill, while three others abstained.")
    assert (three.slot, three.lo, three.text) == (seven.slot, 3, "three others")
    assert quantities("Four miners died and two more were hurt.")[1].slot == one("four miners").slot
    assert one("Three others abstained.").slot == "other"  # nothing before them to count
    assert quantities("He has 3,118 likes, 479 more than last year.")[1].slot == "more"  # a difference


def test_a_long_sentence_of_figures_is_read_in_linear_time(monkeypatch) -> None:
    # The words before a count's number (a range's first figure, a tally's first half, "157 of") are looked for
    # just before it, not from the start of the text: 500 sentences' worth of figures run together (a table
    # flattened into one "sentence", ~50,000 characters) had taken about 18 s. The work is counted, not timed: the
    # characters each of the module's patterns is given to search, which grow as the text does.
    import re

    import storyline.analysis.values as values_module

    searched: list[int] = []

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
            searched.append(max(0, min(endpos, len(text)) - pos))
            return self.pattern.search(text, pos, endpos)

        def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):  # type: ignore[no-untyped-def]
            searched.append(max(0, min(endpos, len(text)) - pos))
            return self.pattern.finditer(text, pos, endpos)

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(self.pattern, name)  # match, fullmatch: anchored, they read what they match

    for name, value in list(vars(values_module).items()):
        if isinstance(value, re.Pattern):
            monkeypatch.setattr(values_module, name, Counted(value))

    part = "About 300 people left, 12 homes burned, 10-12 boats sank and a 5-4 vote passed, 157 of 338 seats. "
    quantities(part * 50)
    fifty, searched[:] = sum(searched), []
    text = part * 500
    qs = quantities(text)
    assert sum(searched) <= 11 * fifty  # ten times the text, ten times the reading (from its start: 100 times)
    monkeypatch.undo()
    # each part read as it is alone: "About 300 people", "12 homes", "10-12 boats", "157 of 338 seats"
    assert [(q.text, q.lo, q.hi) for q in qs] == [(q.text, q.lo, q.hi) for q in quantities(part)] * 500
    assert [q.text for q in quantities(part)] == ["About 300 people", "12 homes", "10-12 boats", "157 of 338 seats"]
    far = ("x " * 5000) + "between 10 and 12 people, a 5 to 4 ruling"
    assert [(q.text, q.lo, q.hi) for q in quantities(far)] == [("between 10 and 12 people", 10, 12)]


# Counts the lines of storyline.analysis.values run to read each text given on standard input (one a line), by
# tracing that module's frames (calls, lines, returns): the Python work, counted whatever structure does it. It
# runs in a process of its own: sys.settrace in the test's process would take the place of a coverage tracer or a
# debugger there for the count's duration.
_COUNT_LINES = """
import json, sys
import storyline.analysis.values as values

here, events = values.__file__, [0]

def local(frame, event, arg):
    events[0] += 1
    return local

def calls(frame, event, arg):
    if frame.f_code.co_filename != here:
        return None  # other modules' lines (the regex engine's work is counted by the test above)
    events[0] += 1
    return local

counts, before = [], sys.gettrace()
for text in json.load(sys.stdin):
    events[0] = 0
    sys.settrace(calls)
    try:
        values.quantities(text)
    finally:
        sys.settrace(before)
    counts.append(events[0])
print(json.dumps(counts))
"""


def _lines_run_in_values(*texts: str) -> list[int]:
    """The lines of ``storyline.analysis.values`` run to read each of ``texts`` in turn, in a fresh process."""
    done = subprocess.run([sys.executable, "-c", _COUNT_LINES], input=json.dumps(texts), capture_output=True,
                          text=True, check=True)
    return list(json.loads(done.stdout))


def test_many_figures_are_kept_apart_in_linear_work() -> None:
    # Each figure read is checked against the spans read before it, so that a span is read by one pattern only.
    # Compared with every span taken so far, a flattened table of 2,000 figure-laden parts took 4 s, 4,000 parts
    # 19 s; the spans kept in order, each check is a binary search. The work is counted, not timed: ten times the
    # parts run ten times the module's lines (compared with every span: 42 times, and more as parts are added).
    part = "About 300 people left, 12 homes burned, 10-12 boats sank and a 5-4 vote passed, 157 of 338 seats. "
    many, few = _lines_run_in_values(part * 100, part * 10)
    assert many <= 11 * few


def test_a_span_is_free_when_it_meets_none_taken() -> None:
    from storyline.analysis.values import _Spans

    rng = random.Random(7)
    for _ in range(200):
        spans, taken = _Spans(), []
        for _ in range(rng.randint(0, 40)):
            a = rng.randint(0, 120)
            b = a + rng.randint(1, 10)
            met = any(a < e and s < b for s, e in taken)  # half-open spans that share a character
            assert spans.free(a, b) is not met, (a, b, taken)
            if not met:
                spans.add(a, b)
                taken.append((a, b))
        assert list(zip(spans.starts, spans.ends, strict=True)) == sorted(taken)


def test_a_share_of_the_vote_counted_or_of_precincts_reporting_is_no_result() -> None:
    assert [q.text for q in quantities("With 22 percent of the vote counted, Ostin had 51 percent.")] == ["51 percent"]
    assert quantities("Ostin led with 90% of precincts reporting.") == []
    assert quantities("after 40 percent of the ballots had been tallied") == []
    assert quantities("with 95% counted, the race was too close to call") == []
    # a candidate's share is a result, with "in" and a place after it or without "with" before it
    assert [q.text for q in quantities("with 60 percent of the vote in Ohio")] == ["60 percent"]
    assert [q.text for q in quantities("Ostin won 55 percent of the votes counted so far")] == ["55 percent"]
    assert [q.text for q in quantities("with 5 percent in savings")] == ["5 percent"]


def test_rupees_and_wire_dollars_are_words_of_their_own() -> None:
    pesos, dollars = quantities("the floods destroyed 4 billion pesos (dlrs 100 million) of crops")
    assert (pesos.kind, pesos.slot) == ("count", "peso")
    assert (dollars.kind, dollars.slot, dollars.lo) == ("amount", "USD", 100e6)
    assert one("a fine of Rs 5 million").slot == "PKR"


def test_a_count_joined_to_its_noun_by_a_hyphen_is_a_count_of_that_noun() -> None:
    q = one("she was given a three-year prison sentence")
    assert (q.kind, q.slot, q.lo, q.text, q.of) == ("count", "year", 3, "three-year", {"prison", "sentenc"})
    assert compatible(q, one("she was jailed for three years"))
    age = one("a 10-year-old boy was found")
    assert (age.slot, age.lo, age.of) == ("year-old", 10, {"boy"})
    assert one("a twenty-five-year lease").lo == 25
    # no unit: a fraction, a number in words, a name, an amount
    assert quantities("two-thirds of voters") == []
    assert one("Forty-six people were hurt").lo == 46
    assert quantities("F-16 jets and Covid-19 wards") == []


def test_a_duration_that_a_possessed_noun_takes_is_of_that_noun() -> None:
    assert one("he had his de facto wife of 10 years followed").of == {"wife"}
    assert one("Orrin's partner of three years").of == {"partner"}
    # no possessive: the noun is the event that lasted
    assert one("the mill collapsed after a fire of five hours").of == frozenset()
    assert one("he faces a total of 10 years in prison").of == frozenset()


def test_others_after_a_count_are_not_of_a_hyphenated_count_read_before_it() -> None:
    qs = quantities("Seven senators voted no and three others voted present during the two-day session.")
    assert [(q.text, q.slot) for q in qs] == [("Seven senators", "senat"), ("three others", "senat"),
                                              ("two-day", "day")]


def test_an_amount_with_its_scale_joined_by_a_hyphen_is_read_whole() -> None:
    # some outlets print "$1-billion": it had been read as $1 and set against "$1 billion"
    assert one("Harlow Rail won a $1-billion contract").lo == 1e9
    assert compatible(one("a $1-billion contract"), one("a contract worth $1 billion"))
    assert one("a US$3-billion bid for the port").normalized == "3,000,000,000"
    assert (one("fined $2.5-million").lo, one("fined $2.5-million").rounding) == (2.5e6, 50_000)
    assert one("1.5-million people signed").lo == 1.5e6
    assert quantities("a 10-million-strong union") == []


def test_a_range_of_amounts_under_one_scale_is_the_interval_between_them() -> None:
    # "$5-10 million" had been read as $5 and as a count of "millions"
    q = one("repairs will cost $5-10 million")
    assert (q.kind, q.lo, q.hi, q.estimate) == ("amount", 5e6, 10e6, None)
    assert one("repairs will cost $5-$10 million").hi == 10e6
    assert compatible(q, one("repairs will cost $8 million"))
    assert not compatible(q, one("repairs will cost $20 million"))


def test_a_value_under_zero_keeps_its_sign() -> None:
    cold = one("temperatures fell to minus 15 Fahrenheit")
    assert (cold.slot, cold.lo, cold.hi, cold.text) == ("fahrenheit", -15, -15, "minus 15 Fahrenheit")
    assert one("it was -15 degrees Fahrenheit").slot == "fahrenheit"  # "degrees Fahrenheit" is Fahrenheit
    for below in ("-15 degrees", "(−15 degrees)", "minus 15 degrees", "negative 15 degrees", "15 below zero",
                  "15 degrees below zero"):
        q = one(below)
        assert (q.slot, q.lo, q.hi) == ("degre", -15, -15), below
        assert compatible(q, one("minus 15 degrees")), below
        assert not compatible(q, one("15 degrees")), below
    # a hedge widens the magnitude, before the sign or after it
    about = one("about minus 15 degrees")
    assert (about.lo, about.hi, about.estimate, about.text) == (-16.5, -13.5, -15, "about minus 15 degrees")
    assert compatible(about, one("-14 degrees")) and not compatible(about, one("about -17 degrees"))
    colder = one("more than minus 30 degrees")
    assert compatible(colder, one("-35 degrees")) and not compatible(colder, one("-25 degrees"))
    # a hyphen that ends a word, a figure or a range is no sign
    assert [(q.lo, q.hi) for q in quantities("a 10-15 degrees swing")] == [(10, 15)]
    assert quantities("the F-15 fighters") == [] and one("scores of 3 -15 points").lo == 3


def test_a_range_under_zero_reads_both_figures() -> None:
    # "between -5 and -15 degrees" had been read as -15 alone
    for text in ("lows between -5 and -15 degrees", "lows between -15 and -5 degrees", "lows of -5 to -15 degrees",
                 "lows of minus 5 to minus 15 degrees", "lows between 5 and 15 degrees below zero"):
        q = one(text)
        assert (q.slot, q.lo, q.hi) == ("degre", -15, -5), text
        assert compatible(q, one("-10 degrees")) and not compatible(q, one("-20 degrees")), text
        assert not compatible(q, one("10 degrees")), text
    assert (one("highs of -5 to 10 degrees").lo, one("highs of -5 to 10 degrees").hi) == (-5, 10)
    about = one("about -5 to -15 degrees")  # the range's hedge widens both ends away from zero
    assert (about.lo, about.hi, about.estimate) == (-16.5, -4.5, None)
    # a change is read as its second figure, signed or not
    assert (one("fell from -5 to -15 degrees").lo, one("fell from -5 to -15 degrees").hi) == (-15, -15)


def test_a_count_needs_a_noun_not_a_function_word() -> None:
    assert quantities("Drake won three for Bryson Tiller's album") == []
    assert [q.text for q in quantities("the two singers won five each")] == ["two singers"]
    assert quantities("two since Monday") == []
    # what the count before counts, as before
    assert [q.slot for q in quantities("7 Republicans voted no and three others voted present")] == ["republican"] * 2
    assert one("12 more people").lo == 12


def test_two_bounds_of_one_side_that_state_different_figures_are_two_tallies() -> None:
    # "at least 62 dead" and "at least 65 dead" may both hold, but they are two tallies, not one figure
    assert one("at least 62 people dead").bound == "lower" and one("up to 40 people").bound == "upper"
    assert not compatible(one("at least 62 people dead"), one("at least 65 people dead"))
    assert not compatible(one("more than 60 people"), one("at least 65 people"))
    assert not compatible(one("up to 40 people"), one("as many as 60 people"))
    assert not compatible(one("more than $2 million"), one("more than $3 million"))
    assert not compatible(one("over 40 percent"), one("over 45 percent"))
    # the same figure bounded alike, a bound of the other side, an exact figure inside, a range: as before
    assert compatible(one("at least 62 people"), one("more than 62 people"))
    assert compatible(one("at least 62 people"), one("up to 70 people"))
    assert compatible(one("at least 62 people"), one("65 people"))
    assert compatible(one("more than $1.4 trillion"), one("more than $1.37 trillion"))  # rounded alike
    assert one("between 10 and 12 people").bound == one("about 12 people").bound == one("dozens of people").bound == ""
    assert one("up to 40 people").normalized == "<=40"
