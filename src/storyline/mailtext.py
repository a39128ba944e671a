"""An article pasted or saved from an email: a press release forwarded to the news desk, an answer to a reporter's
question. Its header gives the title (the subject) and the date, and is no part of the story; the earlier message
that a reply quotes below it ("On Wed, 20 May 2026, Tom wrote:" and its "> " lines) is someone else's text.

Read from plain text as ``ingest.article_from_text`` takes it: a text file, standard input, a string given to the
API, a box of the web form. A dataset's documents (already ``Article`` objects) are article text as given.
"""

from __future__ import annotations

import email
import email.message
import email.policy
import re
from datetime import datetime
from email.utils import parsedate_to_datetime

# What a mail program writes above a message it forwards or quotes whole.
_FORWARD_MARK = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded message|original message)\s*-{2,}|begin forwarded message:)\s*$", re.I
)
_HEADER = re.compile(r"^(from|to|cc|bcc|subject|date|sent|reply-to)[ \t]*:[ \t]*(.*)$", re.I)
_SUBJECT_TAGS = re.compile(r"^(?:\s*(?:re|fwd?|aw|wg|press release)\s*:\s*)+", re.I)
# The line a reply writes above the message it quotes: "On Wed, 20 May 2026 at 17:02, Tom <t@x.example> wrote:", with
# the message's date or time in figures (Gmail, Apple Mail, Thunderbird all give one), which an article's own "On
# Tuesday the minister wrote:" above a quoted letter does not.
_ATTRIBUTION = re.compile(r"^\s*On\s(?=.{0,200}?\d).{4,200}\bwrote:\s*$", re.S)
# Gmail's and Outlook's dates beside RFC 5322's: "Wed, May 20, 2026 at 4:55 PM", "Wednesday, May 20, 2026 4:55 PM".
_DATE_FORMATS = ("%a, %b %d, %Y at %I:%M %p", "%A, %B %d, %Y %I:%M %p", "%a, %b %d, %Y", "%A, %B %d, %Y")
_MIN_HEADER_LINES = 2
_MAX_HEADER_LINES = 40  # blank lines and forwarding marks above the header, and its lines


def mail_header(text: str) -> tuple[dict[str, str], str]:
    """The title (subject, without "Re:"/"Fwd:") and date (``YYYY-MM-DD``) of an email's header at the top of
    ``text`` (a forwarding mark may stand above it), and the text after the header; ``({}, text)`` when the text
    opens on no header of two lines or more that names a sender and a subject or date."""
    lines = text.split("\n", _MAX_HEADER_LINES)  # the header's lines, then the rest in one piece (not a line each)
    last = len(lines) - 1 if len(lines) > _MAX_HEADER_LINES else len(lines)
    k = 0
    while k < last and (not lines[k].strip() or _FORWARD_MARK.match(lines[k])):
        k += 1
    fields: dict[str, str] = {}
    start = k
    while k < last and lines[k].strip():
        m = _HEADER.match(lines[k].strip())
        if m is not None:
            fields.setdefault(m.group(1).lower(), m.group(2).strip())
        elif not (lines[k][:1].isspace() and k > start):  # a folded header goes on on an indented line
            return {}, text
        k += 1
    if k == last < len(lines):  # a header over ``_MAX_HEADER_LINES`` lines is none
        return {}, text
    if k - start < _MIN_HEADER_LINES or "from" not in fields or not {"subject", "date", "sent"} & fields.keys():
        return {}, text
    meta = {}
    if subject := _SUBJECT_TAGS.sub("", fields.get("subject", "")).strip():
        meta["title"] = subject
    if day := mail_date(fields.get("date") or fields.get("sent") or ""):
        meta["date"] = day
    return meta, "\n".join(lines[k:])


# A header field as a mail program saves it: any name ("Received", "Message-ID", "X-Mailer"), not only those a
# message pasted from a mail window shows.
_FIELD = re.compile(r"^[A-Za-z][A-Za-z0-9-]*[ \t]*:")


def saved_message(text: str) -> tuple[dict[str, str], str, bool] | None:
    """A whole message as a mail program saves it (an ``.eml`` file: its header names ``MIME-Version`` or
    ``Content-Type`` beside the sender and a subject or date): its title and date as :func:`mail_header` gives them,
    its body decoded (quoted-printable or base64, in its charset; the plain-text part of a message that has one,
    else its HTML part), and whether that body is HTML. ``None`` for any other text. Read as plain text, its header
    was none (every field had to be one a mail window shows), so its first line became the title, and the body's
    "=" line breaks and MIME boundaries were summarized."""
    if not _FIELD.match(text[:200].lstrip("\r\n")):  # most texts: no copy of a 20 MB article for nothing
        return None
    text = text.replace("\r\n", "\n").lstrip("\n")
    head, blank, _ = text.partition("\n\n")
    lines = head.split("\n")
    if not blank or any(not (_FIELD.match(line) or (k and line[:1] in " \t")) for k, line in enumerate(lines)):
        return None
    names = {line.split(":", 1)[0].strip().lower() for line in lines if _FIELD.match(line)}
    if "from" not in names or not {"subject", "date"} & names or not {"mime-version", "content-type"} & names:
        return None
    message = email.message_from_string(text, policy=email.policy.default)
    meta = {}
    if subject := _SUBJECT_TAGS.sub("", " ".join(str(message.get("subject", "")).split())).strip():
        meta["title"] = subject
    if day := mail_date(str(message.get("date", ""))):
        meta["date"] = day
    part = message.get_body(preferencelist=("plain", "html"))
    try:
        body = part.get_content() if isinstance(part, email.message.EmailMessage) else ""
    except (LookupError, ValueError, AttributeError):  # an unknown charset, a broken encoding: read as it stands
        return None
    return meta, body if isinstance(body, str) else "", part is not None and part.get_content_type() == "text/html"


def mail_date(value: str) -> str:
    """A header's date as ``YYYY-MM-DD`` ('' when it does not parse): RFC 5322's "Thu, 21 May 2026 09:14:03 +0100",
    Gmail's "Wed, May 20, 2026 at 4:55 PM"."""
    value = " ".join(value.replace("\u202f", " ").split())
    if not value:
        return ""
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return ""


def without_quoted_reply(text: str) -> str:
    """``text`` without the earlier message a reply quotes: the "On …, NAME wrote:" line and the "> " lines below
    it. Lines that open with ">" elsewhere (a quotation the article sets so) stay."""
    if "wrote:" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        head = lines[k]
        span = 1 if _ATTRIBUTION.match(head) else (  # the line may wrap before "wrote:"
            2 if k + 1 < len(lines) and head.lstrip().startswith("On ") and _ATTRIBUTION.match(f"{head} {lines[k + 1]}")
            else 0
        )
        if span:
            j = k + span
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and lines[j].lstrip().startswith(">"):
                while j < len(lines) and (lines[j].lstrip().startswith(">") or not lines[j].strip()):
                    j += 1
                k = j
                continue
        out.append(head)
        k += 1
    return "\n".join(out)
