"""Rendering a ``Summary`` as text, Markdown or JSON. Pure functions of the summary: no I/O."""

from __future__ import annotations

import json
import re
from typing import Any

from .ingest import is_web_url
from .model import Article, Summary
from .pagedate import READ_FROM_PAGE

# C0 and C1 control characters (and DEL), but for newline and tab: in a title, a source or a sentence they
# could drive the terminal the text is printed on (ESC ] sets its title, ESC [ moves the cursor...). And the
# bidirectional overrides and isolates, which reorder what is shown ("Trojan Source", CVE-2021-42574).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character but newline and tab shown as U+FFFD: what the text and
    Markdown renderers print, so nothing an article carries reaches the terminal as a command. JSON keeps
    the text exact (its escapes are inert)."""
    return _CONTROL.sub("\ufffd", text)


# Under the summary: who each speaker named by one word is, as an article introduces them.
WHO = "Who's who"


def _numbers(summary: Summary) -> dict[str, int]:
    return {a.id: k for k, a in enumerate(summary.articles, 1)}


def describe(article: Article) -> str:
    """One line naming an article: its outlet and title (else where it was read from) and its date."""
    parts = [article.source] if article.source else []
    if article.title:
        parts.append(f"“{article.title}”")
    if not parts:
        parts.append(article.origin or f"article {article.id}")
    text = " — ".join(parts)
    if article.date:  # saying so when the date was read from the page text
        text += f" ({article.date}, {READ_FROM_PAGE})" if article.date_line else f" ({article.date})"
    return text


def marks(summary: Summary, ids: tuple[str, ...]) -> str:
    num = _numbers(summary)
    return "".join(f"[{num[i]}]" for i in ids if i in num)


def to_text(summary: Summary) -> str:
    lines = ["Sources"]
    for k, a in enumerate(summary.articles, 1):
        lines.append(f"  [{k}] {describe(a)}")
    lines.append("")
    lines.append(
        f"Summary ({summary.words} words from {len(summary.articles)} "
        f"article{'s' if len(summary.articles) != 1 else ''}, method: {summary.method})"
    )
    for note in summary.notes:
        lines.append(f"Note: {note}")
    lines.append("")
    for s in summary.sentences:
        lines.append(f"{s.text} {marks(summary, s.articles)}")
    if summary.introductions:
        lines += ["", WHO]
        lines += [f"  {i.name}: {i.text} {marks(summary, (i.article,))}" for i in summary.introductions]
    return printable("\n".join(lines) + "\n")


def md_escape(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


# What may not stand inside a Markdown link's ``<...>`` destination: a ">" would end it early and make the rest
# of an untrusted URL Markdown of its own ("https://x/a>)[x](javascript:alert(1)//" gives a second, live link),
# a backslash would escape our closing ">", and a space or line break would end the link.
_MD_URL_UNSAFE = re.compile(r"[<>\\\s\x00-\x1f\x7f-\x9f]")


def md_url(url: str) -> str:
    """``url`` with every character that could end or escape a ``<...>`` link destination percent-encoded
    (as UTF-8 bytes, as a browser would send them): the link goes where the URL says, and nowhere else."""
    return _MD_URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


def to_markdown(summary: Summary) -> str:
    lines = ["## Summary", ""]
    for note in summary.notes:
        lines += [f"> {md_escape(note)}", ""]
    num = _numbers(summary)
    for s in summary.sentences:
        refs = "".join(f"[^{num[i]}]" for i in s.articles)
        lines.append(f"- {md_escape(s.text)} {refs}")
    if summary.introductions:
        lines += ["", f"**{WHO}**", ""]
        lines += [f"- **{md_escape(i.name)}**: {md_escape(i.text)} [^{num[i.article]}]"
                  for i in summary.introductions if i.article in num]
    lines += ["", f"*{summary.words} words, method `{summary.method}`*", "", "## Sources", ""]
    # Footnotes only for the sources the summary cites: renderers drop a definition nothing refers to, and
    # with it the source. The others are listed plainly, under their numbers in the text output.
    cited = {k for s in summary.sentences for k in s.articles} | {i.article for i in summary.introductions}
    rest = []
    for k, a in enumerate(summary.articles, 1):
        desc = md_escape(describe(a))
        link = f"[{desc}](<{md_url(a.url)}>)" if is_web_url(a.url) else desc  # an Article built by hand too
        if a.id in cited:
            lines.append(f"[^{k}]: {link}")
        else:
            rest.append(f"- \\[{k}\\] {link}")
    if rest:
        lines += ["", "Not cited in the summary:", "", *rest]
    return printable("\n".join(lines) + "\n")


_FOOTNOTE = re.compile(r"(?<!\\)\[\^(\d+)\]")  # our markers: md_escape escapes every "[" of the text


def footnotes_apart(markdown: str, tag: str) -> str:
    """One summary's Markdown with its footnotes relabelled ``[^tag-k]``, so that several summaries can share
    one document without each one's ``[^1]`` pointing at the first summary's first source."""
    return _FOOTNOTE.sub(lambda m: f"[^{tag}-{m.group(1)}]", markdown)


def article_dict(article: Article) -> dict[str, Any]:
    """An article's metadata as the JSON output gives it (not its text)."""
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "date": article.date,
        "date_line": article.date_line or None,  # the page text's line the date was read from
        "teaser": article.teaser,  # only the free teaser of a paywalled page
        "corrections": list(article.corrections),  # the outlet's corrections, out of the story's text
        "url": article.url,
        "author": article.author,
        "origin": article.origin,
        "words": article.words,
    }


def to_dict(summary: Summary) -> dict[str, Any]:
    """The JSON schema documented in the README."""
    return {
        "articles": [article_dict(a) for a in summary.articles],
        "sentences": [
            {
                "text": s.text,
                "article": s.sentence.article,
                "index": s.sentence.index,
                "start": s.sentence.start,
                "end": s.sentence.end,
                "sources": list(s.sources),
                "corroborated_by": list(s.corroborated_by),
            }
            for s in summary.sentences
        ],
        "words": summary.words,
        "budget": summary.budget,
        "method": summary.method,
        "notes": list(summary.notes),
        "introductions": [
            {"name": i.name, "text": i.text, "article": i.article, "start": i.start, "end": i.end}
            for i in summary.introductions
        ],
    }


def to_json(summary: Summary, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(summary), ensure_ascii=False, indent=indent)


RENDERERS = {"text": to_text, "md": to_markdown, "json": to_json}


def render(summary: Summary, fmt: str) -> str:
    return RENDERERS[fmt](summary)
