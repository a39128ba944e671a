"""Name variants of organisations and places, and one-word mentions that are no entity (names.py),
on self-written fictional text."""

from __future__ import annotations

import pytest

from storyline import analyze
from storyline.analysis.names import (
    defined_acronym,
    initials,
    is_event,
    is_generic,
    is_outlet_or_body,
    org_key,
    variant_targets,
)
from storyline.model import Article

A = (
    "The Veld government has asked its neighbours for help in ending the insurgency, The Lantern Daily Herald "
    "said in a report on Tuesday.\n\n"
    "According to the LDH, the request followed months of attacks by the Veldish Brotherhood and its Crimson "
    "Networks, which operate from the hills near Ardent.\n\n"
    "Interior Minister Corin Vale said the government would hold talks with the Brotherhood at the Ardent "
    "Process next month. Vale spoke to the Secretary of State, Mira Osk, on Monday."
)
B = (
    "The Veld government wants help from Morland, Tessaly and the Maritime Union of Veld (MUV) to end the war "
    "with the Brotherhood.\n\n"
    "Officials said the Crimson Network has carried out most of the attacks. The Crimson group denies it. "
    "The LDH said Vale will travel to Morland and the MUV headquarters this week.\n\n"
    "Alice Penn, the State Department's assistant secretary for South and Central Asian affairs, said in "
    "Congressional testimony in June that the Ardent Process Conference “remains the best hope for peace.”"
)


def test_initials_and_defined_acronyms() -> None:
    assert initials("Lantern Daily Herald") == "LDH"
    assert initials("Maritime Union of Veld") == "MUV"
    assert initials("Tehrik-i-Veld") == "TIV"
    assert defined_acronym("Maritime Union of Veld", " (MUV) to end") == "MUV"
    assert defined_acronym("Maritime Union of Veld", " (Veld) to end") is None
    assert defined_acronym("Maritime Union of Veld", " (XYZ)") is None
    assert defined_acronym("Morland", " (MO)") is None  # one word defines no acronym


def test_generic_words_and_adjectives_are_no_entities() -> None:
    assert is_generic("South", "secretary for ", " and")
    assert is_generic("State", "the Secretary of ", ", Mira")
    assert is_generic("Finance", "the Minister of ", " said")
    assert is_generic("Congressional", "said in ", " testimony")
    assert is_generic("Ardential", "the ", " council")
    assert not is_generic("Ardential", "said in ", ". The")  # no noun after: not read as an adjective
    assert not is_generic("Morland", "travel to ", " and")
    assert not is_generic("South Asia", "groups in ", " without")


def test_outlets_and_events_are_typed_by_their_head_word() -> None:
    assert is_outlet_or_body("Lantern Daily Herald") and is_outlet_or_body("The Corin Vale")
    assert not is_outlet_or_body("Corin Vale")
    assert is_event("Ardent Process") and is_event("Ardent Summit") and not is_event("Ardent")


def test_variant_targets_join_plurals_bare_names_qualified_names_and_acronyms() -> None:
    kinds = {"Crimson": "org", "Crimson Network": "org", "Crimson Networks": "org", "Brotherhood": "org",
             "Veldish Brotherhood": "org", "LDH": "org", "Lantern Daily Herald": "org", "MUV": "org",
             "Maritime Union of Veld": "org", "Ardent Process": "org", "Ardent Process Conference": "org",
             "UVL": "place", "United Veld Lands": "place", "Morland": "place"}
    got = variant_targets(kinds, {"UVL": "United Veld Lands"})
    assert got == {"Crimson": "Crimson Network", "Crimson Networks": "Crimson Network",
                   "Veldish Brotherhood": "Brotherhood", "LDH": "Lantern Daily Herald",
                   "MUV": "Maritime Union of Veld", "Ardent Process": "Ardent Process Conference",
                   "UVL": "United Veld Lands"}


def test_ambiguous_variants_stay_apart() -> None:
    kinds = {"Brotherhood": "org", "Northern Brotherhood": "org", "Southern Brotherhood": "org",
             "Crimson": "org", "Crimson Party": "org", "Crimson Network": "org",
             "CP": "org", "ABC": "org", "Alder Bay Council": "org", "Ash Brook Club": "org",
             "Morland": "place", "Morland Army": "org"}
    assert variant_targets(kinds, {}) == {}


@pytest.fixture(scope="module")
def entities():
    an = analyze([Article(id="1", text=A), Article(id="2", text=B)])
    return {e.name: e for e in an.entities}


def test_cluster_entities_merge_variants_and_drop_generic_words(entities) -> None:
    assert entities["Lantern Daily Herald"].kind == "org"
    assert "LDH" in entities["Lantern Daily Herald"].aliases
    assert set(entities["Crimson Network"].aliases) >= {"Crimson Networks"}
    assert "MUV" in entities["Maritime Union of Veld"].aliases
    assert "Veldish Brotherhood" in entities["Brotherhood"].aliases
    assert not {"South", "State", "Congressional", "LDH", "MUV", "Crimson Networks"} & set(entities)
    assert {"Corin Vale", "Mira Osk", "Alice Penn"} <= set(entities)


def test_a_company_stem_drops_the_legal_form_but_never_leaves_a_bare_head_noun() -> None:
    from storyline.analysis.names import company_stem

    assert company_stem("Harlow Biscuit Co.") == company_stem("Harlow Biscuit Co") == "Harlow Biscuit"
    assert company_stem("Marrow & Co.") == company_stem("Marrow, Inc.") == company_stem("Marrow plc") == "Marrow"
    assert company_stem("News Corp.") == "News Corp."  # not "News"
    assert company_stem("Harlow Biscuit") == "Harlow Biscuit" and company_stem("Costa Co") == "Costa"


def test_streets_and_buildings_are_told_by_their_last_word() -> None:
    from storyline.analysis.names import is_facility, is_thoroughfare

    assert is_facility("Linda Vista Avenue") and is_facility("Harlow Tower") and is_facility("Bridge Station")
    assert is_thoroughfare("Mill Road") and not is_thoroughfare("Harlow Tower")  # a tower may be a business
    assert not is_facility("Tower") and not is_facility("Ines Lane") and not is_facility("Avenue Capital Group")


def test_a_name_qualified_by_a_country_abbreviation_is_the_bare_name() -> None:
    # "U.S. Supreme Court" and "Supreme Court" were two organisations in Who's involved
    kinds = {"Supreme Court": "org", "U.S. Supreme Court": "org", "US Supreme Court": "org", "Senate": "org",
             "U.S. Senate": "org", "Justice Department": "org", "U.S. Department of Justice": "org",
             "Orlen": "place"}
    assert variant_targets(kinds, {}) == {"U.S. Supreme Court": "Supreme Court", "US Supreme Court": "Supreme Court",
                                          "U.S. Senate": "Senate", "U.S. Department of Justice": "Justice Department"}


def test_a_bare_name_that_two_qualified_names_end_in_stays_apart_from_both() -> None:
    kinds = {"Supreme Court": "org", "U.S. Supreme Court": "org", "Pakistan Supreme Court": "org",
             "House": "org", "U.S. House": "org", "White House": "place",
             "Senate": "org", "UN Senate": "org", "Orlen Senate": "org", "Orlen": "place"}
    assert variant_targets(kinds, {}) == {}


def test_a_ministry_or_department_of_something_is_that_something_s_ministry_or_department() -> None:
    assert org_key("Department of Justice") == org_key("Justice Department") == "justice department"
    assert org_key("Ministry of Foreign Affairs") == org_key("Foreign Affairs Ministry") == org_key("Foreign Ministry")
    assert org_key("Department of the Interior") == org_key("Interior Department")
    assert org_key("Justice Department") != org_key("Justice Ministry")


def test_forms_of_one_qualifier_are_one_body_and_noise_qualifies_nothing() -> None:
    # "United States Supreme Court" (a qualifier of two words) had stayed apart from the "Supreme Court"
    kinds = {"Supreme Court": "org", "U.S. Supreme Court": "org", "United States Supreme Court": "org"}
    assert variant_targets(kinds, {}) == {"U.S. Supreme Court": "Supreme Court",
                                          "United States Supreme Court": "Supreme Court"}
    # beside an "Alabama Senate" the bare "Senate" is either, but "U.S. Senate" and "United States Senate" are one
    kinds = {"Senate": "org", "Alabama Senate": "org", "U.S. Senate": "org", "United States Senate": "org",
             "Alabama": "place"}
    assert variant_targets(kinds, {}) == {"United States Senate": "U.S. Senate"}
    # a person's name before the body ("a Trump Supreme Court") and a span run over a break ("CNN)The Supreme Court",
    # "BUD/S. U.S. Navy") name no second body
    kinds = {"Supreme Court": "org", "US Supreme Court": "org", "Orlen Supreme Court": "org", "Navy": "org",
             "U.S. Navy": "org", "BUD/S. U.S. Navy": "org", "CNN)The Supreme Court": "org"}
    assert variant_targets(kinds, {}, people={"Ada Orlen"}) == {"US Supreme Court": "Supreme Court",
                                                             "U.S. Navy": "Navy"}
    assert variant_targets(kinds, {}) == {"U.S. Navy": "Navy"}  # "Orlen" no person: maybe a second court
    # an outlet named after its city goes by its whole name
    kinds = {"Post": "org", "Kelby Post": "org", "Kelby": "place", "Ana Ruiz/The Kelby Post": "org"}
    assert variant_targets(kinds, {}) == {"Post": "Kelby Post"}


def test_a_body_named_by_its_country_s_adjective_or_capital_s_possessive_is_the_bare_body() -> None:
    # "British Parliament" stayed apart from "Parliament" beside "London's Parliament": "British" and "London's"
    # were two qualifiers, as if two countries' parliaments
    kinds = {"Parliament": "org", "British Parliament": "org", "London's Parliament": "org", "London": "place"}
    assert variant_targets(kinds, {}) == {"British Parliament": "Parliament", "London's Parliament": "Parliament"}
    kinds = {"Parliament": "org", "London’s Parliament": "org", "U.K. Parliament": "org"}
    assert variant_targets(kinds, {}) == {"London’s Parliament": "Parliament", "U.K. Parliament": "Parliament"}
    # a place of the cluster that owns the body, in no table of countries ("Orlen’s"), qualifies it as before
    kinds = {"Growers Group": "org", "Orlen’s Growers Group": "org", "Orlen": "place"}
    assert variant_targets(kinds, {}) == {"Orlen’s Growers Group": "Growers Group"}


def test_two_countries_parliaments_stay_two_and_neither_is_the_bare_one() -> None:
    from storyline.analysis.names import body_key

    kinds = {"Parliament": "org", "British Parliament": "org", "London’s Parliament": "org",
             "Iranian Parliament": "org", "Tehran's Parliament": "org"}
    assert variant_targets(kinds, {}) == {"London’s Parliament": "British Parliament",
                                          "Tehran's Parliament": "Iranian Parliament"}
    kinds = {"Parliament": "org", "British Parliament": "org", "Tehran's Parliament": "org"}
    assert variant_targets(kinds, {}) == {}
    # an owner that is a country or a place stays part of the body's key; one of one country's two spellings is one
    assert body_key("Tehran's Parliament", kinds) != body_key("Parliament", kinds) == body_key("parliament", kinds)
    assert body_key("Pakistan's Foreign Ministry", {}) == body_key("Pakistan’s Foreign Ministry", {})
    assert body_key("Ada's Foundation", {}) == body_key("Foundation", {})  # no place: as org_key reads it
    # an owner that is no place qualifies nothing
    kinds = {"Veld Device": "org", "Ethicon's Veld Device": "org", "Ethicon": "org"}
    assert variant_targets(kinds, {}) == {}
