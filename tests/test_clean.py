from storyline.clean import clean_articles, clean_text, is_clutter, is_date_banner, rejoin_lines
from storyline.model import Article


def test_known_clutter_lines_are_dropped():
    for line in [
        "Type to search",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Please enter your comment!",
        "Also read: Something else entirely happened today",
        "Tweet with a location",
        "We use cookies to improve your experience.",
        "Photographer Jane Roe/Getty Images",
        "Mayor speaks at the opening. REUTERS/John Smith",
        "By Jane Doe | Updated 7:15 a.m.",
        "Home | News | Sport | Weather",
    ]:
        assert is_clutter(line), line


def test_reporting_is_not_clutter():
    assert not is_clutter("The council voted on Tuesday to close the harbor to freight ships.")
    assert not is_clutter("“We will not reopen the bridge,” the mayor said.")


def test_date_banner():
    assert is_date_banner("Tuesday September 26, 2023")
    assert is_date_banner("June 09, 2018")
    assert not is_date_banner("The vote on June 9, 2018 was close.")


def test_sentence_broken_across_blank_line_is_rejoined():
    lines = ["The mayor said on Monday that she had received a letter from the governor,", "",
             "asking for help with the flood relief effort."]
    assert rejoin_lines(lines) == [
        "The mayor said on Monday that she had received a letter from the governor, "
        "asking for help with the flood relief effort."
    ]


def test_hard_wrapped_paragraph_is_rejoined_but_headline_is_not():
    text = (
        "Council Closes Old Harbor To Freight\n\n"
        "The council of Lindenfeld voted on Tuesday to close the old harbor to freight\n"
        "ships after a long debate about safety on the waterfront.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Council Closes Old Harbor To Freight"
    assert cleaned.text == (
        "The council of Lindenfeld voted on Tuesday to close the old harbor to freight "
        "ships after a long debate about safety on the waterfront."
    )


def test_caption_above_credit_is_dropped():
    text = (
        "The ship is seen near the damaged pier on Sunday evening.\nPhoto: Dana White/Gazette\n\n"
        "A cargo ship struck a pier of the Harbor Bridge late on Sunday, officials said."
    )
    assert clean_text(text).text == "A cargo ship struck a pier of the Harbor Bridge late on Sunday, officials said."


def test_short_lines_repeated_at_edges_of_several_articles_are_furniture():
    footer = "Subscribe to the Daily Harbor for news you can trust today."
    body = ["The council voted on Tuesday to close the harbor.", "Ships must move by March, officials said.",
            "Fishermen welcomed the decision on Wednesday."]
    arts = [Article(id=str(i), text=f"{b}\n\n{footer}") for i, b in enumerate(body)]
    cleaned = clean_articles(arts)
    assert [a.text for a in cleaned] == body


def test_all_clutter_article_becomes_empty():
    assert clean_text("Type to search\n\nLeave a Reply\n\nShare on Facebook").text == ""
