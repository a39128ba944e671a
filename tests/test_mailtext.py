from storyline.ingest import article_from_text
from storyline.mailtext import mail_date, mail_header, without_quoted_reply

REPLY = """From: Dana Whitlock <press@brellinfire.example>
To: newsdesk@courier.example
Subject: Re: Mill Road fire - cause
Date: Thu, 21 May 2026 09:14:03 +0100

Hi Tom,

Yes, we can confirm the fire at the warehouse started in a charger for the forklift trucks.

On Wed, 20 May 2026 at 17:02, Tom Achebe <tom@courier.example>
wrote:
> Dear Ms Whitlock,
> Can you confirm reports that the fire started in a charger?
"""

FORWARDED = """---------- Forwarded message ---------
From: Corvane Plastics Media <media@corvane.example>
Date: Wed, May 20, 2026 at 4:55 PM
Subject: PRESS RELEASE: Corvane to rebuild Brellin warehouse
To: <newsdesk@courier.example>

Corvane Plastics will rebuild its Brellin warehouse with a sprinkler system in every bay, the company said.
"""


def test_an_emails_header_gives_the_title_and_date_and_is_no_part_of_the_story():
    # The title was the header's first line ("From: Dana Whitlock <press@…>") and the quoted question was read as
    # the story's own last paragraph.
    a = article_from_text(REPLY, id="1")
    assert (a.title, a.date) == ("Mill Road fire - cause", "2026-05-21")
    assert "From:" not in a.text and "Subject" not in a.text
    assert a.text.strip().endswith("forklift trucks.") and "Dear Ms Whitlock" not in a.text
    b = article_from_text(FORWARDED, id="2")
    assert (b.title, b.date) == ("Corvane to rebuild Brellin warehouse", "2026-05-20")
    assert b.text.strip().startswith("Corvane Plastics will rebuild")


def test_what_is_no_email_header_stays_the_text():
    for text in ("From: the editor's desk, a note on our coverage.\n\nThe council met on Monday.",
                 "Subject: the bridge\nThe council met on Monday.",  # no sender
                 "From: Ana\nSubject: Bridge\nThe council met on Monday, and this line is no header."):
        assert mail_header(text) == ({}, text)
    assert mail_date("Thu, 21 May 2026 09:14:03 +0100") == "2026-05-21"
    assert mail_date("Wednesday, May 20, 2026 4:55 PM") == "2026-05-20"
    assert mail_date("tomorrow") == ""


def test_only_a_replys_quotation_goes():
    quoted = "The mayor wrote to residents.\n> We will reopen the bridge in March.\nShe signed it herself."
    assert without_quoted_reply(quoted) == quoted  # no "On … wrote:" above it: the article's own quotation
    reply = "Yes, it is true.\n\nOn Mon, 4 May 2026, Ana Ruiz wrote:\n\n> Is it true?\n>\n> Ana\n"
    assert without_quoted_reply(reply) == "Yes, it is true.\n"


def test_a_letter_an_article_quotes_stays():
    # "On Tuesday the minister wrote:" above a quoted letter (a Markdown blockquote) is the article's: the letter was
    # cut as a reply's quotation. A mail program's attribution line dates the message it quotes.
    text = ("The bridge will stay shut until spring.\n\nOn Tuesday the minister wrote:\n\n"
            "> The bridge will reopen in May, once the repairs are done.\n\nResidents were not convinced.")
    assert without_quoted_reply(text) == text
    a = article_from_text(text, id="1", markdown=True)
    assert "reopen in May" in a.text

