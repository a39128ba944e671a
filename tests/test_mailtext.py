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



# Written for these tests: a press release as a mail program saves it (.eml), with the header fields it keeps
# (Received, Message-ID, MIME-Version), a plain-text part in quoted-printable and an HTML part.
SAVED = (
    "Received: from mx.courier.example by courier.example; Wed, 11 Mar 2026 09:00:02 +0000\r\n"
    "Message-ID: <r1@port.example>\r\n"
    "From: Selmar Port Authority <press@port.example>\r\n"
    "To: newsdesk@courier.example\r\n"
    "Subject: PRESS RELEASE: Port of Selmar reopens\r\n"
    "Date: Wed, 11 Mar 2026 09:00:00 +0000\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: multipart/alternative; boundary="b1"\r\n'
    "\r\n"
    "--b1\r\n"
    'Content-Type: text/plain; charset="utf-8"\r\n'
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "The port of Selmar reopened on Wednesday after a three-day strike ended with a pay d=\r\n"
    "eal, the port authority said. The caf=C3=A9 on the quay opened at dawn.\r\n"
    "\r\n"
    "--b1\r\n"
    'Content-Type: text/html; charset="utf-8"\r\n'
    "\r\n"
    "<p>The port of Selmar reopened on Wednesday.</p>\r\n"
    "--b1--\r\n"
)


def test_a_message_saved_whole_is_read_by_its_header_and_decoded_body():
    # Its header was none (Received, Message-ID and MIME-Version are not fields a mail window shows): the title was
    # "Received: from mx…", and the body was read raw, "pay d= eal" and the MIME boundaries with it.
    a = article_from_text(SAVED, id="1", origin="release.eml")
    assert (a.title, a.date) == ("Port of Selmar reopens", "2026-03-11")
    assert a.text == ("The port of Selmar reopened on Wednesday after a three-day strike ended with a pay deal, the "
                      "port authority said. The café on the quay opened at dawn.\n")


def test_a_saved_message_with_only_an_html_body_is_read_as_its_page():
    import base64

    page = ("<html><body><p>The Selmar ferry resumed on Thursday after engineers repaired the ramp, the operator "
            "said.</p><p>Caf\u00e9 owners said trade had fallen by half.</p></body></html>")
    saved = ("From: Selmar Ferries <news@ferries.example>\nSubject: Fwd: Ferry resumes\n"
             "Date: Thu, 12 Mar 2026 10:15:00 +0000\nMIME-Version: 1.0\n"
             'Content-Type: text/html; charset="windows-1252"\nContent-Transfer-Encoding: base64\n\n'
             + base64.encodebytes(page.encode("cp1252")).decode())
    a = article_from_text(saved, id="1")
    assert (a.title, a.date) == ("Ferry resumes", "2026-03-12")
    assert "<p>" not in a.text and "Café owners said trade had fallen by half." in a.text
