"""Disagreement on figures written as magnitude words ("hundreds of millions" vs "billions"): reported
only for sentences aligned as the same fact, and only when the ranges do not meet. Fictional text."""

from __future__ import annotations

from storyline import analyze
from storyline.analysis.conflicts import _part_of
from storyline.analysis.render import render
from storyline.model import Article


def _cluster(figure_one: str, figure_two: str):
    one = ("The Harlow Vale water board approved a new reservoir at Kestrel Hill on Tuesday after two years of "
           f"drought.\n\nThe county said it had spent {figure_one} on water pipes in the valley since the drought "
           "began.\n\nResidents have lived with hosepipe bans since last summer, and two wells ran dry in August.")
    two = ("Farmers in Harlow Vale cheered on Tuesday as the water board approved a reservoir at Kestrel Hill.\n\n"
           f"The county said it had spent {figure_two} on water pipes in the valley since the drought began, a "
           "spokesman confirmed.\n\nSchools in the valley will close early on Friday for a teachers' conference.")
    return analyze([Article(id="1", text=one, source="Valley Courier"),
                    Article(id="2", text=two, source="Coast Herald")])


def test_hundreds_of_millions_against_billions_is_a_conflict() -> None:
    an = _cluster("hundreds of millions of dollars", "billions of dollars")
    amounts = [c for c in an.conflicts if c.kind == "amount"]
    assert len(amounts) == 1
    assert {v.text for v in amounts[0].values} == {"hundreds of millions of dollars", "billions of dollars"}


def test_a_figure_inside_the_range_is_not_a_conflict() -> None:
    an = _cluster("hundreds of millions of dollars", "$400 million")
    assert not [c for c in an.conflicts if c.kind == "amount"]


def _people(one: str, two: str, three: str):
    """Three outlets name the official who spoke; the sentences are one fact (same quote, same briefing)."""
    texts = [
        f"The Harlow Vale water board closed the Kestrel Hill reservoir on Tuesday after a crack was found. {one}",
        f"A crack closed the Kestrel Hill reservoir in Harlow Vale on Tuesday, the water board said. {two}",
        f"Engineers found a crack at the Kestrel Hill reservoir, which the Harlow Vale board shut on Tuesday. {three}",
    ]
    return analyze([Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate(texts, 1)])


def test_the_same_title_given_to_two_people_is_a_name_conflict() -> None:
    # The title before the name in two articles, after it (an appositive) in the third.
    an = _people(
        "“We will not take any risk with the dam,” Water Commissioner Marta Olsen said at a briefing.",
        "“We will not take any risk with the dam,” Water Commissioner Marta Olsen told reporters at a briefing.",
        "“We will not take any risk with the dam,” said Marta Lindqvist, the water commissioner of Harlow Vale.",
    )
    names = [c for c in an.conflicts if c.kind == "name"]
    assert len(names) == 1
    assert {v.text for v in names[0].values} == {"Marta Olsen", "Marta Lindqvist"}


def test_one_person_named_with_and_without_the_title_is_not_a_conflict() -> None:
    an = _people(
        "“We will not take any risk with the dam,” Water Commissioner Marta Olsen said at a briefing.",
        "“We will not take any risk with the dam,” Marta Olsen, the board’s water commissioner, told reporters.",
        "“We will not take any risk with the dam,” Olsen said at a briefing on Tuesday.",
    )
    assert not [c for c in an.conflicts if c.kind == "name"]


def _mill(one: str, two: str, three: str):
    """Three outlets report the roof of a mill falling in; the first sentences are one fact."""
    texts = [
        f"The roof of the Orwen flour mill in Tessaly collapsed {one} on Tuesday, the fire service said.\n\n"
        "Nobody was inside the building, which had been empty since the spring.",
        f"Part of the old Orwen flour mill in Tessaly fell in {two} on Tuesday, according to the fire service.\n\n"
        "The owner, Carla Brenn, was away on holiday and said she would rebuild.",
        f"The fire service said the roof of Tessaly's Orwen flour mill collapsed {three} on Tuesday.\n\n"
        "Police closed the river road and asked drivers to avoid the town centre.",
    ]
    return analyze([Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate(texts, 1)])


def test_hedged_times_an_hour_apart_disagree() -> None:
    an = _mill("at about 3 a.m.", "at about 4 a.m.", "at about 3 a.m.")
    times = [c for c in an.conflicts if c.kind == "time"]
    assert len(times) == 1
    assert {v.normalized: v.articles for v in times[0].values} == {"~03:00": ("1", "3"), "~04:00": ("2",)}
    roof = next(f for f in an.facts if "Orwen" in f.text)
    assert roof.articles == ("1", "3")  # the article that says 4 a.m. does not report this fact


def test_hedged_times_within_half_an_hour_agree() -> None:
    an = _mill("at about 3 a.m.", "at around 3:30 a.m.", "at 3:10 a.m.")
    assert not [c for c in an.conflicts if c.kind == "time"]
    assert next(f for f in an.facts if "Orwen" in f.text).articles == ("1", "2", "3")


def test_a_time_on_the_hour_and_a_time_minutes_after_it_agree() -> None:
    an = _mill("at 3 a.m.", "at 3:20 a.m.", "at 3 a.m.")
    assert not [c for c in an.conflicts if c.kind == "time"]
    assert next(f for f in an.facts if "Orwen" in f.text).articles == ("1", "2", "3")


def test_times_an_hour_apart_on_the_hour_disagree_and_say_what_rounding_allows() -> None:
    an = _mill("at 3 a.m.", "at 4 a.m.", "at 3 a.m.")
    (time,) = [c for c in an.conflicts if c.kind == "time"]
    assert "a time on the hour up to 29" in time.reason


def test_durations_in_words_disagree() -> None:
    an = _mill("after burning for six hours", "after a fire of five hours", "after burning for six hours")
    counts = [c for c in an.conflicts if c.kind == "count"]
    assert [(c.slot, {v.text for v in c.values}) for c in counts] == [("hours", {"six hours", "five hours"})]


def _three(first: str, second: str, third: str):
    return analyze([Article(id=str(k), text=t, source=f"Outlet {k}") for k, t in enumerate((first, second, third), 1)])


def test_two_figures_one_article_gives_together_are_two_things_not_a_conflict() -> None:
    # One outlet gives the bill's total and the payment; the others give one each: no figure is disputed.
    an = _three(
        "Parliament passed the $2.1 trillion flood relief bill, with $1,200 payments to households, on Wednesday. "
        "The vote followed weeks of rain in the north.",
        "Parliament passed the flood relief bill with $1,200 payments to households on Wednesday. "
        "Farmers in the delta said the money would come too late.",
        "The $2.1 trillion flood relief bill passed Parliament on Wednesday after a long debate. Critics called it "
        "wasteful.",
    )
    assert not an.conflicts
    assert an.facts[0].articles == ("1", "2", "3")


def test_a_place_inside_another_that_one_article_names_with_it_is_not_a_conflict() -> None:
    an = _three(
        "Police in Cleveland, Ohio, say two men were arrested after the theft of a bakery van on Monday. "
        "The van was found empty.",
        "Two men were arrested after the theft of a bakery van near Jacobs Field in downtown Cleveland, Ohio, on "
        "Monday, police say. The bakery's owner thanked the public.",
        "Two men have been arrested over the theft of a bakery van in Cleveland on Monday, police say. "
        "Both will appear in court next week.",
    )
    assert not an.conflicts
    assert an.facts[0].articles == ("1", "2", "3")


def test_a_place_one_article_names_as_the_subject_is_not_contradicted_by_in_that_place() -> None:
    # "Ohio became the 12th state in the U.S." and "… in Ohio" give the same place, not the U.S. against Ohio.
    an = _three(
        "Ohio on Tuesday became the 12th state in the U.S. to ban plastic bags after Governor Mike DeWine signed "
        "the bill. Retailers had lobbied against it.",
        "Governor Mike DeWine on Tuesday signed the bill that will ban plastic bags in Ohio from next year. "
        "Environmental groups cheered.",
        "Shops in Columbus said they were ready for the ban. Some will offer paper bags for a small fee.",
    )
    assert not [c for c in an.conflicts if c.kind == "place"]


def test_different_places_for_one_event_still_disagree() -> None:
    an = _three(
        "Police in Cleveland, Ohio, say two men were arrested after the theft of a bakery van on Monday. "
        "The van was found empty.",
        "Two men were arrested after the theft of a bakery van in Toledo, Ohio, on Monday, police say. "
        "The bakery's owner thanked the public.",
        "Two men have been arrested over the theft of a bakery van in Cleveland on Monday, police say. "
        "Both will appear in court next week.",
    )
    places = [c for c in an.conflicts if c.kind == "place"]
    assert len(places) == 1 and {v.text for v in places[0].values} == {"Cleveland", "Toledo"}


def test_a_city_with_its_state_after_a_comma_is_the_same_place() -> None:
    # the tagger reads "Washington, DC" as one name, and "Washington" as another
    an = _three(
        "Police in Washington say two men were arrested after the theft of a bakery van on Monday. "
        "The van was found empty.",
        "Two men were arrested after the theft of a bakery van in Washington, DC, on Monday, police say. "
        "The bakery's owner thanked the public.",
        "Two men have been arrested over the theft of a bakery van in Washington on Monday, police say. "
        "Both will appear in court next week.",
    )
    assert not [c for c in an.conflicts if c.kind == "place"]


def test_a_part_of_a_month_is_that_month_on_undated_articles() -> None:
    # without publication dates the months are compared as written: "late January" is January
    told = "the Harbor Board that the depot pumps were failing, officials said."
    docs = [
        f"Ravel Fuel warned {told} in late January. The board met twice on the matter.",
        f"In January, the fuel supplier Ravel Fuel had warned {told} Nobody on the board replied.",
        f"Ravel Fuel, the supplier, warned {told} in March. The mayor was not told of it.",
    ]
    reasons = [c.reason for c in analyze(docs).conflicts if c.kind == "date"]
    assert reasons == ["different months given for the same event: january vs march"]


_OTHER = "Diesel prices in the region rose for a third week. Traders blamed the weak shilling."


def _shipped(first: str, second: str):
    return _three(f"Harlow Fuel shipped {first} in May, the company said. Its ships sailed from Oman.",
                  f"Harlow Fuel shipped {second} in May, the company said. Buyers paid in dollars.", _OTHER)


def test_a_total_over_listed_recipients_and_a_part_for_one_of_them_is_not_a_conflict() -> None:
    an = _shipped("4 million litres of diesel to Kenya and Uganda", "2.5 million litres of diesel to Kenya")
    assert not an.conflicts
    # neither article reports the other's figure: still no agreement on it
    assert not [f for f in an.facts if "Harlow" in f.text]


def test_the_same_recipients_or_none_named_with_another_figure_still_disagree() -> None:
    for second in ("2.5 million litres of diesel to Kenya and Uganda", "2.5 million litres of diesel"):
        an = _shipped("4 million litres of diesel to Kenya and Uganda", second)
        assert [(c.slot, {v.text for v in c.values}) for c in an.conflicts] == [
            ("litres", {"4 million litres", "2.5 million litres"})], second


def test_a_city_with_its_country_after_a_comma_is_no_list() -> None:
    an = _shipped("4 million litres of diesel to Mombasa, Kenya", "2.5 million litres of diesel to Mombasa")
    assert [c.slot for c in an.conflicts] == ["litres"]


def test_a_part_of_a_total_broken_down_in_its_sentence_is_not_a_conflict() -> None:
    total = "The storm killed 46 people in Canada, 23 of them in Ontario, including 18 in Toronto, officials said."
    an = _three(f"{total} Roads were shut.", "The storm killed 10 people in Toronto, officials said on Sunday. "
                "Schools were closed.", _OTHER)
    assert not an.conflicts
    an = _three(f"{total} Roads were shut.", "The storm killed 10 people in Canada, officials said on Sunday. "
                "Schools were closed.", _OTHER)
    assert [(c.slot, {v.text for v in c.values}) for c in an.conflicts] == [("people", {"46 people", "10 people"})]


_WAR = "The agency says 300 people have been killed in the Marden border war"


def test_a_year_that_bounds_a_period_is_not_the_year_of_another_event() -> None:
    first = f"{_WAR} since 2011, a tally the government disputes. Talks on a ceasefire stalled in the capital."
    fire = "Rebels and the army traded fire again near the river crossing at dawn."
    an = _three(first, f"{fire} {_WAR}, which led the court to charge the general in 2015.", _OTHER)
    assert not an.conflicts
    an = _three(first, f"{fire} {_WAR} since 2013, a tally the government disputes.", _OTHER)
    assert [c.reason for c in an.conflicts] == ["different years given for the same event: 2011 vs 2013"]


_SHARES = ("Shares in Orwen Motors fell sharply on Wednesday after the sudden resignation of chief executive Ada Marsh "
           "raised fears about the firm's plans. Analysts were surprised.")


def test_the_day_of_an_earlier_event_a_sentence_names_after_its_own_is_not_a_conflict() -> None:
    an = _three(_SHARES, "The sudden resignation of Orwen Motors chief executive Ada Marsh on Tuesday raised fears "
                "about the firm's plans, analysts said. She gave no reason.", _OTHER)
    assert not an.conflicts
    an = _three(_SHARES, "Shares in Orwen Motors fell sharply on Tuesday as fears about the firm's plans grew, "
                "analysts said. She gave no reason.", _OTHER)
    assert [c.reason for c in an.conflicts] == ["different days given for the same event: wednesday vs tuesday"]


def test_a_quarter_of_a_city_is_that_city_but_west_virginia_is_not_virginia() -> None:
    van = ("Two men were arrested after the theft of a bakery van in {} on Monday, police say. "
           "The bakery's owner thanked the public.")
    first = ("Police in {} say two men were arrested after the theft of a bakery van on Monday. "
             "The van was found empty.")
    court = "Both men will appear in court next week. Their lawyers declined to comment."
    an = _three(first.format("Cleveland"), van.format("East Cleveland"), court)
    assert not [c for c in an.conflicts if c.kind == "place"]
    an = _three(first.format("Virginia"), van.format("West Virginia"), court)
    assert [{v.text for v in c.values} for c in an.conflicts if c.kind == "place"] == [{"Virginia", "West Virginia"}]
    # "America", the United States, has no south or centre; a continent's north includes it
    assert not _part_of("South America", "America") and not _part_of("Central America", "America")
    assert _part_of("Northern Syria", "Syria") and _part_of("downtown Cleveland", "Cleveland")


def test_others_count_what_the_count_before_them_counts_so_one_article_gives_both() -> None:
    an = _three("Three senators voted present on the harbour bill. The bill passed easily.",
                "Only seven senators voted against the harbour bill, while three others voted present. "
                "The bill now goes to the governor.", _OTHER)
    assert not an.conflicts


def test_an_article_that_gives_a_bound_and_a_day_gives_both_days() -> None:
    # "until Saturday" and "as late as Sunday" in one article: "until Sunday" elsewhere is no third version
    an = _three("Official results of the Marden vote are not expected until Saturday, and the capital's could come "
                "as late as Sunday, officials said. Turnout was high.",
                "Final results of the Marden vote are not expected until Sunday, officials said. Queues were long.",
                _OTHER)
    assert not an.conflicts


def test_a_figure_among_what_a_total_includes_is_a_part_of_it() -> None:
    toll = "At least 40 people died in Vessa province when Typhoon Orla struck, officials said."
    an = _three(f"{toll} Many were buried in landslides.",
                "Officials said the dead in Vessa province when Typhoon Orla struck included six people hit by falling "
                "trees. Roads stayed closed.", _OTHER)
    assert not an.conflicts
    an = _three(f"{toll} Many were buried in landslides.",
                "Only 12 people died in Vessa province when Typhoon Orla struck, officials said. Roads stayed closed.",
                _OTHER)
    assert [c.slot for c in an.conflicts] == ["people"]


def test_a_day_in_a_period_is_not_the_day_it_began() -> None:
    cold = "The cold spell in Poland, which began on Monday, brought minus 26 Celsius to {}, the weather office said."
    an = _three(cold.format("Ostroda") + " Buses stopped.",
                "Minus 26 Celsius was recorded in Ostroda in the cold spell in Poland early on Thursday, the weather "
                "office said. Schools shut.", _OTHER)
    assert not [c for c in an.conflicts if c.kind == "date"]
    an = _three(cold.format("Ostroda") + " Buses stopped.",
                "The cold spell in Poland, which began on Wednesday, brought minus 26 Celsius to Ostroda, the weather "
                "office said. Schools shut.", _OTHER)
    assert [c.reason for c in an.conflicts] == ["different days given for the same event: monday vs wednesday"]


def test_the_reason_names_the_figures_that_play_the_same_role() -> None:
    # Article 2 gives two speeds; only its wind speed disagrees with article 1's. The reason must not set
    # article 1's winds against the storm's speed of travel, the first figure article 2 happens to give.
    one = ("Storm Kelo moved slowly toward the coast of Varnia on Monday with sustained winds of 120 kph, "
           "forecasters at the Varnia weather bureau said.\n\nSchools along the coast closed for two days.")
    two = ("Storm Kelo moved toward the coast of Varnia at 9 kph on Monday with sustained winds of 150 kph, "
           "forecasters at the Varnia weather bureau said.\n\nFerries to the islands were cancelled.")
    an = analyze([Article(id="1", text=one, source="Varnia Post"), Article(id="2", text=two, source="Coast Wire")])
    (c,) = [c for c in an.conflicts if c.kind == "count"]
    assert {v.text for v in c.values} == {"120 kph", "9 kph", "150 kph"}
    assert "“120 kph”" in c.reason and "“150 kph”" in c.reason and "9 kph" not in c.reason


def test_a_prison_term_and_the_length_of_a_marriage_are_two_things() -> None:
    # both years, but of a sentence and of a wife: no disagreement; two prison terms still disagree
    an = _three("A Tessaly man has been sentenced to nine years' jail for having his wife kidnapped at the harbour "
                "because he wrongly suspected she was cheating. Lawyers for the family said they would appeal.",
                "The Tessaly man had planned to have his wife of 10 years kidnapped at the harbour because he wrongly "
                "suspected she was cheating. The judge called the crime cruel.", _OTHER)
    assert not an.conflicts
    an = _three("A Tessaly man has been sentenced to nine years in prison for having his wife kidnapped at the harbour "
                "because he wrongly suspected she was cheating. Lawyers for the family said they would appeal.",
                "The man from Tessaly who had his wife kidnapped at the harbour, wrongly suspecting she was cheating, "
                "was sentenced on Friday to 10 years in prison. His wife was not in court.", _OTHER)
    assert [(c.slot, {v.text for v in c.values}) for c in an.conflicts] == [("years", {"nine years", "10 years"})]


def test_a_hyphenated_count_is_compared_only_with_a_count_of_the_same_thing() -> None:
    # "a three-year prison sentence ... to one year" gives both figures the other article gives
    an = _three("The appeals court in Marden reduced the three-year prison sentence of activist Ines Quint to one year "
                "on Sunday, her lawyer said. She had torn up a photo of the king.",
                "The appeals court in Marden reduced the sentence of activist Ines Quint from three years in prison to "
                "one on Sunday, her lawyer said. She plans to appeal again.", _OTHER)
    assert not an.conflicts
    missing = "police in Tessaly issued an alert for a missing {} who was taken from a park on Thursday."
    an = _three("Overnight, " + missing.format("one-year-old boy") + " Officers searched the river banks.",
                "Before dawn, " + missing.format("boy and his 33-year-old father") + " Both were found safe.", _OTHER)
    assert not an.conflicts
    an = _three("Overnight, " + missing.format("10-year-old boy") + " Officers searched the river banks.",
                "Before dawn, " + missing.format("11-year-old boy") + " He was found safe.", _OTHER)
    assert [(c.slot, {v.text for v in c.values}) for c in an.conflicts] == [
        ("years of age", {"10-year-old", "11-year-old"})]


def test_the_share_of_the_vote_counted_is_no_result() -> None:
    an = _three("With 22 percent of the vote counted, Mara Ostin led the race for mayor of Tessaly, officials said. "
                "Her rival conceded nothing.",
                "Mara Ostin led the race for mayor of Tessaly with 40 percent of the vote, officials said. "
                "Turnout was low.", _OTHER)
    assert not an.conflicts


def test_a_day_an_absolute_clause_follows_is_not_the_day_of_its_event() -> None:
    # "arrived on Monday with temperatures dipping to …": the dip may have come on another day
    reading = ("The lowest temperature was minus 26 Celsius in Ostroda in the north early on Thursday, the weather "
               "office said. Schools shut.")
    an = _three("The cold front arrived in Poland on Monday with temperatures dipping as low as minus 26 Celsius in "
                "Ostroda in the north, the weather office said. Buses stopped.", reading, _OTHER)
    assert not [c for c in an.conflicts if c.kind == "date"]
    # the same event on two days still disagrees; so does "with" before a noun alone, which adds no event
    an = _three("The cold front arrived in Poland on Monday with temperatures dipping as low as minus 26 Celsius in "
                "Ostroda, the weather office said. Buses stopped.",
                "Poland's cold front arrived on Wednesday, with temperatures dipping to minus 26 Celsius in Ostroda, "
                "the weather office said. Schools shut and trains ran late.", _OTHER)
    assert [c.reason for c in an.conflicts] == ["different days given for the same event: monday vs wednesday"]
    an = _three("The foreign minister of Varnia met on Monday with envoys of the Marden government in Ostroda to end "
                "the border war. The talks lasted hours.",
                "Envoys of the Marden government met the foreign minister of Varnia in Ostroda on Wednesday to end "
                "the border war. No deal was reached.", _OTHER)
    assert [c.reason for c in an.conflicts] == ["different days given for the same event: monday vs wednesday"]


def test_a_bound_that_fits_two_readings_gives_neither() -> None:
    # Article 2's "gusts of up to 160 kph" fits both 120 and 130 kph winds; it must not make article 2 give the
    # 120 (an article that gives both readings gives two things), which hid the 120/130 disagreement.
    one = ("Storm Kelo headed for the coast of Varnia with sustained winds of 120 kph and gusts of up to 150 kph, "
           "the weather bureau said.\n\nSchools closed.")
    two = ("Storm Kelo headed for the coast of Varnia with sustained winds of 130 kph and gusts of up to 160 kph, "
           "the weather bureau said.\n\nFerries stopped.")
    three = ("Storm Kelo headed for the coast of Varnia at 9 kph with sustained winds of 130 kph, the weather bureau "
             "said.\n\nShops shut.")
    (c,) = [c for c in _three(one, two, three).conflicts if c.slot == "kph"]
    assert [(v.text, v.articles) for v in c.values] == [("120 kph", ("1",)), ("130 kph", ("2", "3")),
                                                         ("9 kph", ("3",))]
    assert "“120 kph”" in c.reason and "“130 kph”" in c.reason


def test_a_figure_worth_of_one_of_the_things_another_lists_is_a_part_of_it() -> None:
    flood = "The Vessa floods destroyed {} worth of {}, the civil defence office said."
    an = _three(flood.format("12.5 billion pesos (dlrs 250 million)", "roads, crops and other property")
                + " Rivers are still high.",
                flood.format("some 4 billion pesos (dlrs 80 million)", "crops") + " Farmers asked for help.", _OTHER)
    assert not an.conflicts
    an = _three(flood.format("12.5 billion pesos", "roads, crops and other property") + " Rivers are still high.",
                flood.format("some 4 billion pesos", "roads, crops and other property") + " Farmers asked for help.",
                _OTHER)
    assert [c.slot for c in an.conflicts] == ["pesos"]


def test_an_article_that_gives_the_other_figure_in_another_sentence_gives_both() -> None:
    # "awarded $5.7 million" against "awarded $2.1 million in compensatory damages": the second article gave the
    # $5.7 million too, a sentence earlier
    award = ("A jury in Orlen awarded {} to the Harlow family in their lawsuit against the Marsh Dairy, court "
             "records show.")
    second = ("The Harlow family won $5.7 million from a jury on Friday, after their cattle died from tainted water. "
              + award.format("$2.1 million in compensatory damages") + " The dairy will appeal.")
    an = _three(award.format("$5.7 million") + " The dairy said it would appeal.", second, _OTHER)
    assert not an.conflicts
    # nor is the second article credited with the first's sentence, which its own sentence does not say
    assert not [f for f in an.facts if "$5.7 million" in f.text and "2" in f.articles]
    # a bound ("at least") is no report of the other figure, nor is the figure of another measure: a dispute
    second = ("A jury on Friday awarded at least $2 million to the Harlow family. "
              + award.format("$2.1 million in compensatory damages") + " The dairy will appeal.")
    an = _three(award.format("$5.7 million") + " The dairy said it would appeal.", second, _OTHER)
    assert [c.slot for c in an.conflicts] == ["USD"]
    cold = "Temperatures in Vessa fell to minus 26 Celsius (minus {} Fahrenheit) on Sunday, the weather office said."
    an = _three(cold.format(15) + " Schools closed.",
                "On Saturday it was as cold as minus 20 Celsius (minus 4 Fahrenheit) in the hills. " + cold.format(4)
                + " Trains stopped.", _OTHER)
    assert [c.slot for c in an.conflicts] == ["fahrenheit"]
    # told in other words (no term around the figure in common), the other figure is another thing: a dispute
    second = ("Insurers paid $5.7 million for cattle lost in the floods. " + award.format("$2.1 million")
              + " The dairy will appeal.")
    an = _three(award.format("$5.7 million") + " The dairy said it would appeal.", second, _OTHER)
    assert [c.slot for c in an.conflicts] == ["USD"]


def test_figures_each_of_two_different_sets_has_are_two_things() -> None:
    nominated = "{} earned {} nominations each for the Orlen Music Awards, announced on Monday in Harlow."
    an = _three(nominated.format("Ada Marsh and the Vessa Singers", "three") + " Voting opens in May.",
                nominated.format("Tomas Reed and Lina Holt", "five") + " The show airs in June.", _OTHER)
    assert not an.conflicts
    an = _three(nominated.format("Ada Marsh and the Vessa Singers", "three") + " Voting opens in May.",
                nominated.format("Ada Marsh and the Vessa Singers", "five") + " The show airs in June.", _OTHER)
    assert [c.slot for c in an.conflicts] == ["nominations"]


def test_a_lead_and_a_deficit_are_two_margins() -> None:
    # "he was ahead by six points among likely voters" against "he's losing the South, among likely voters, by 22"
    poll = "In the Orlen tracking poll of likely voters released Monday, Marsh was {}."
    first = poll.format("ahead by six points") + " Her rival Tomas Reed called the poll a fluke."
    second = " Marsh will campaign in the north next week, her office said."
    an = _three(first, poll.format("losing the coast by 22 points") + second, _OTHER)
    assert not an.conflicts
    an = _three(first, poll.format("ahead by 22 points") + second, _OTHER)
    assert [c.slot for c in an.conflicts] == ["points"]


def test_two_years_each_with_its_own_figure_are_a_series_not_two_dates_of_one_event() -> None:
    died = "More than {} people in Vessa died of heat stroke in {}, according to the Orlen health ministry report."
    an = _three(died.format("6,300", "2016") + " Doctors called for shade.",
                died.format("7,200", "2017") + " Cities opened cooling centres.", _OTHER)
    assert not [c for c in an.conflicts if c.kind == "date"]
    an = _three(died.format("6,300", "2016") + " Doctors called for shade.",
                died.format("6,300", "2017") + " Cities opened cooling centres.", _OTHER)
    assert [c.reason for c in an.conflicts] == ["different years given for the same event: 2016 vs 2017"]
    # two days, each with its figure, are two disagreements about one event
    rescued = "{} climbers were rescued from the Vessa ridge on {} after a storm trapped them, the Orlen police said."
    an = _three(rescued.format("Nine", "Wednesday") + " Two went to hospital.",
                rescued.format("Eleven", "Thursday") + " The ridge is closed.", _OTHER)
    assert sorted(c.kind for c in an.conflicts) == ["count", "date"]


def test_a_temperature_under_zero_keeps_its_sign() -> None:
    cold = "Temperatures in Vessa fell to {} on Sunday night, the weather office said, and the river froze over."
    # -15 and 15 are two readings of one night
    an = _three(cold.format("minus 15 Fahrenheit") + " Schools closed.",
                cold.format("15 degrees Fahrenheit") + " Trains stopped.", _OTHER)
    assert [c.slot for c in an.conflicts] == ["fahrenheit"]
    assert {v.text for v in an.conflicts[0].values} == {"minus 15 Fahrenheit", "15 degrees Fahrenheit"}
    # "minus 15", "-15" and "15 below zero" are one reading
    for other in ("-15 degrees Fahrenheit", "15 below zero"):
        an = _three(cold.format("minus 15 degrees") + " Schools closed.", cold.format(other) + " Trains stopped.",
                    _OTHER)
        assert not an.conflicts, other


def _toll(first: str, first_date: str | None, second: str, second_date: str | None):
    """Two outlets' reports of a flood, each dated as given, with the figure of their aligned lead."""
    return analyze([
        Article(id="1", text=f"Floods in the Tellin valley have {first}, officials said.\n\n"
                             "Rescue teams reached the village of Marrow by boat.", source="Valley Courier",
                date=first_date),
        Article(id="2", text=f"Floods in the Tellin valley have {second}, officials said.\n\n"
                             "The river fell by a metre overnight.", source="Coast Herald", date=second_date),
    ])


def test_a_running_count_a_later_article_gives_higher_is_an_update_not_a_conflict() -> None:
    an = _toll("killed 12 people", "2026-03-09", "killed 20 people", "2026-03-11")
    assert not an.conflicts, [c.reason for c in an.conflicts]
    (update,) = an.updates
    assert [(v.text, v.articles) for v in update.values] == [("12 people", ("1",)), ("20 people", ("2",))]
    assert update.reason.startswith("the number of people rose from 12 (2026-03-09) to 20 (2026-03-11)")
    # told in date order whichever article comes first, and for the hurt and the missing as for the dead
    an = _toll("left 30 people missing", "2026-03-12", "left 18 people missing", "2026-03-10")
    assert not an.conflicts and [v.text for v in an.updates[0].values] == ["18 people", "30 people"]
    text = render(an, "text")
    assert "Updated figures (1)\n  - count (people): “18 people” [2] → “30 people” [1]\n" in text, text


def test_a_running_count_that_falls_later_or_on_one_day_or_undated_still_disagrees() -> None:
    for dates in (("2026-03-11", "2026-03-09"), ("2026-03-09", "2026-03-09"), (None, None), ("2026-03-09", None)):
        an = _toll("killed 12 people", dates[0], "killed 20 people", dates[1])
        assert [c.slot for c in an.conflicts] == ["people"] and not an.updates, dates
    # a count of no running tally (the boats sent) is no update, whatever the days
    an = _toll("sent 12 boats", "2026-03-09", "sent 20 boats", "2026-03-11")
    assert [c.slot for c in an.conflicts] == ["boats"] and not an.updates
    assert "Updated figures" not in render(an, "text")


def test_two_bounds_of_a_toll_that_state_different_figures_are_no_agreement() -> None:
    # "at least 62 dead" and "at least 65 dead" had been one reading, both articles credited with one fact
    for dates in ((None, None), ("2026-03-09", "2026-03-09"), ("2026-03-11", "2026-03-09")):
        an = _toll("left at least 62 people dead", dates[0], "left at least 65 people dead", dates[1])
        (c,) = an.conflicts
        assert [v.text for v in c.values] == ["at least 62 people", "at least 65 people"] and not an.updates, dates
        assert "different lower bounds" in c.reason and "cannot both be right" not in c.reason, c.reason
        assert not [f for f in an.facts if "Tellin" in f.text], dates
    # told higher a day later: the toll rose, an update
    an = _toll("left at least 62 people dead", "2026-03-09", "left at least 65 people dead", "2026-03-10")
    assert not an.conflicts and not [f for f in an.facts if "Tellin" in f.text]
    (update,) = an.updates
    assert update.reason.startswith("the number of people rose from >=62 (2026-03-09) to >=65 (2026-03-10)")
    # the same bound in other words is one figure, one fact of both
    an = _toll("left at least 62 people dead", None, "left more than 62 people dead", None)
    assert not an.conflicts and not an.updates and [f.articles for f in an.facts] == [("1", "2")]


def test_a_toll_told_with_killing_is_a_running_count_too() -> None:
    an = _toll("struck, killing at least 430 people", "2026-03-09", "struck, killing at least 500 people", "2026-03-20")
    assert not an.conflicts and [u.slot for u in an.updates] == ["people"]


def test_two_articles_that_dispute_each_other_are_not_credited_through_a_figure_that_fits_both() -> None:
    # "nearly 400,000" fits "more than 100,000" and "more than 320,000", which disagree: the fact shown from it had
    # credited all four articles; it is shown from a side, with the articles that side agrees with
    lead = "{} people were forced out of their homes in the Tellin valley, relief officials said."
    tails = ("Rescue teams reached the village of Marrow by boat.", "The river fell by a metre overnight.",
             "Schools in the valley stayed shut.", "The army sent trucks of bottled water to the valley.")
    figures = ("More than 100,000", "More than 320,000", "Nearly 400,000", "Nearly 400,000")
    an = analyze([Article(id=str(k), text=f"{lead.format(n)}\n\n{tail}", source=f"Outlet {k}", date="2026-03-09")
                  for k, (n, tail) in enumerate(zip(figures, tails, strict=True), 1)])
    assert [[v.text for v in c.values] for c in an.conflicts] == [["More than 100,000 people",
                                                                   "More than 320,000 people"]]
    (fact,) = [f for f in an.facts if "Tellin" in f.text]
    assert fact.articles == ("2", "3", "4") and fact.text.startswith("More than 320,000"), (fact.text, fact.articles)
    # a sentence that gives no day does not credit "on Friday" and "on Sept. 23" as one fact either
    lead = "Pilots of the Tellin valley airline signed the accord{}, a union spokesman said."
    days = ("", " on Friday", " on Sept. 23", " on Sept. 23")
    an = analyze([Article(id=str(k), text=f"{lead.format(d)}\n\n{tail}", source=f"Outlet {k}", date="2026-10-03")
                  for k, (d, tail) in enumerate(zip(days, tails, strict=True), 1)])
    (fact,) = [f for f in an.facts if "accord" in f.text]
    assert fact.articles == ("1", "3", "4") and "Sept. 23" in fact.text, (fact.text, fact.articles)


def test_two_articles_that_give_the_days_of_two_events_are_both_credited_through_a_sentence_without_a_day() -> None:
    # "opened lower Wednesday after … resignation" and "resignation … on Tuesday" are two things, no disagreement:
    # both report the resignation that the headline without a day gives
    tails = ("Rescue teams reached the village of Marrow by boat.", "The river fell by a metre overnight.",
             "Schools in the valley stayed shut.")
    leads = ("Harbour master Ines Quint resigning from the Tellin port board.",
             "Tellin port shares opened lower Wednesday after harbour master Ines Quint's resignation from the port "
             "board.",
             "Harbour master Ines Quint's resignation from the Tellin port board on Tuesday surprised the town.")
    an = analyze([Article(id=str(k), text=f"{lead}\n\n{tail}", source=f"Outlet {k}", date="2026-03-11")
                  for k, (lead, tail) in enumerate(zip(leads, tails, strict=True), 1)])
    assert not an.conflicts
    assert [(f.text, f.articles) for f in an.facts] == [(leads[0], ("1", "2", "3"))]


def test_a_fact_is_not_credited_to_an_article_that_gives_another_bound_or_another_day() -> None:
    lead = "Floods in the Tellin valley left {} people dead on {}, officials said."
    tails = ("Rescue teams reached the village of Marrow by boat.", "The river fell by a metre overnight.",
             "Schools in the valley stayed shut.")
    for odd in (("at least 65", "Saturday"), ("at least 62", "Sunday")):
        leads = (lead.format("at least 62", "Saturday"), lead.format("at least 62", "Saturday"), lead.format(*odd))
        an = analyze([Article(id=str(k), text=f"{t}\n\n{tail}", source=f"Outlet {k}", date="2026-03-09")
                      for k, (t, tail) in enumerate(zip(leads, tails, strict=True), 1)])
        (fact,) = [f for f in an.facts if "Tellin" in f.text]
        assert fact.articles == ("1", "2") and "at least 62" in fact.text and "Saturday" in fact.text, odd
        assert [c.kind for c in an.conflicts] == ["count" if odd[1] == "Saturday" else "date"], odd


def _flood(lead_one: str, date_one: str, lead_two: str, date_two: str):
    return analyze([
        Article(id="1", text=f"{lead_one}\n\nRescue teams reached the village of Marrow by boat.",
                source="Valley Courier", date=date_one),
        Article(id="2", text=f"{lead_two}\n\nThe river fell by a metre overnight.", source="Coast Herald",
                date=date_two),
    ])


def test_the_days_two_reports_of_different_dates_say_a_statement_was_made_are_two_statements() -> None:
    # "officials said on Monday" in Monday's paper and "… on Wednesday" in Wednesday's: two briefings, not two days
    # given for one; the toll is an update, and the story has no disagreement left.
    an = _flood("Floods in the Tellin valley have killed 12 people, officials said on Monday.", "2026-03-09",
                "Floods in the Tellin valley have killed 20 people, officials said on Wednesday.", "2026-03-11")
    assert not an.conflicts, [c.reason for c in an.conflicts]
    assert [u.slot for u in an.updates] == ["people"]
    # a day of saying is no day of the event either
    an = _flood("Floods in the Tellin valley have killed 12 people, officials said on Monday.", "2026-03-09",
                "Floods in the Tellin valley killed 12 people on Sunday.", "2026-03-09")
    assert not [c for c in an.conflicts if c.kind == "date"], [c.reason for c in an.conflicts]
    # two days of saying in one day's papers still disagree, and so do two days of the event
    an = _flood("Floods in the Tellin valley have killed 12 people, officials said on Monday.", "2026-03-11",
                "Floods in the Tellin valley have killed 12 people, officials said on Tuesday.", "2026-03-11")
    assert [c.kind for c in an.conflicts] == ["date"]
    an = _flood("Floods in the Tellin valley killed 12 people on Saturday, officials said.", "2026-03-09",
                "Floods in the Tellin valley killed 12 people on Sunday, officials said.", "2026-03-11")
    assert [c.kind for c in an.conflicts] == ["date"]
