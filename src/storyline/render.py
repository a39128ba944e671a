"""Rendering a ``Summary`` as text, Markdown or JSON. Pure functions of the summary: no I/O."""

from __future__ import annotations

import json
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import OptionsError
from .ingest import doc_id_day, is_web_url
from .model import Article, Sentence, Summary
from .pagedate import READ_FROM_PAGE
from .quotemarks import ends_inside, opens_inside, scan
from .version import stamp

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


OPENING_WORDS = 12


def opening(text: str, words: int = OPENING_WORDS) -> str:
    """The first ``words`` words of ``text``, with " …" when there are more: what stands for an article's
    missing title (``storyline group``'s lists, the stream's pages)."""
    found = text.split(maxsplit=words)
    return " ".join(found[:words]) + (" …" if len(found) > words else "")


def describe(article: Article) -> str:
    """One line naming an article: its outlet and title (else where it was read from) and its date."""
    parts = [article.source] if article.source else []
    if article.title:
        parts.append(f"“{article.title}”")
    if not parts:
        parts.append(article.origin or f"article {article.id}")
    text = " — ".join(parts)
    if article.date_line:  # saying so when the date was read from the page text, or from a DUC document id
        text += f" ({article.date}, {READ_FROM_PAGE})"
    elif article.date and article.doc_id and doc_id_day(article.doc_id) == article.date:
        text += f" ({article.date}, read from the document id {article.doc_id})"
    elif article.date:
        text += f" ({article.date})"
    return text


def marks(summary: Summary, ids: tuple[str, ...]) -> str:
    num = _numbers(summary)
    return "".join(f"[{num[i]}]" for i in ids if i in num)


@dataclass(frozen=True, slots=True)
class Passage:
    """Summary sentences shown as one passage: consecutive in the summary, each the next sentence of the same
    article as the one before it, with a quotation open across every break between them (the segmenter cuts a
    quotation of several sentences at each full stop; shown one to a line, the reader saw a quotation opened on
    one line and closed on the next). ``sentences`` are indices into the summary's sentences.

    ``opened_before``: its first sentence begins inside a quotation that a sentence the summary does not carry
    opened; ``left_open``: its last sentence leaves a quotation open that one the summary does not carry closes.
    The renderers show the missing mark with an ellipsis (“… and …”), straight ("… and …") where a straight
    mark opened that quotation (``straight``), so that a quoted statement never reads as the writer's own and
    every quotation shown closes; the words stay the article's, and the JSON keeps each sentence's text exact."""

    sentences: tuple[int, ...]
    opened_before: bool = False
    left_open: bool = False
    straight: tuple[bool, bool] = (False, False)  # the quotation open at its start, at its end, opened by "


def _context(s: Sentence, texts: Mapping[str, str]) -> str | None:
    """The text of ``s``'s article, when it is known and ``s``'s span points into it."""
    text = texts.get(s.article)
    return text if text is not None and text[s.start : s.end] == s.text else None


def _straight(text: str, end: int) -> bool:
    """Whether the last opening mark before ``text[end]`` is a straight one."""
    return text.rfind('"', 0, end) > text.rfind("“", 0, end)


def passages(sentences: Sequence[Sentence], texts: Mapping[str, str]) -> tuple[Passage, ...]:
    """The summary's ``sentences`` grouped into the passages they are shown in (see :class:`Passage`), read
    in their articles' ``texts`` (article id to text). Without an article's text (a span that does not
    point into it), a sentence's quotation marks are read in the sentences alone."""
    groups: list[list[int]] = []
    for k, s in enumerate(sentences):
        p = sentences[k - 1] if k else None
        if p is not None and p.article == s.article and s.index == p.index + 1:
            text = _context(s, texts)
            if text is not None and _context(p, texts) is not None:
                joined = opens_inside(text, s)
            else:
                run = " ".join(sentences[i].text for i in groups[-1])
                joined = scan(run)[0] and not s.text.lstrip().startswith(("“", '"'))
            if joined:
                groups[-1].append(k)
                continue
        groups.append([k])
    out = []
    for g in groups:
        first, last = sentences[g[0]], sentences[g[-1]]
        run = " ".join(sentences[i].text for i in g)
        text = _context(first, texts)
        if text is not None and _context(last, texts) is not None:
            before = opens_inside(text, first)
            # read from the state it begins in, the passage itself must leave the quotation open: a passage that
            # begins with an opening mark starts from none, though a stray mark before it left one open
            after = ends_inside(text, last) and scan(run, before)[0]
            straight = (_straight(text, first.start), _straight(text, last.end))
        else:
            before = scan(first.text)[1] > 0
            after = scan(run, before)[0]
            straight_close, curly_close = first.text.find('"'), first.text.find("”")
            straight = (straight_close >= 0 and not 0 <= curly_close < straight_close, _straight(run, len(run)))
        out.append(Passage(tuple(g), before, after, straight))
    return tuple(out)


def summary_passages(summary: Summary) -> tuple[Passage, ...]:
    return passages([s.sentence for s in summary.sentences], {a.id: a.text for a in summary.articles})


def shown(passage: Passage, texts: Sequence[str], keys: Sequence[Hashable]) -> list[tuple[int, str, bool]]:
    """Each sentence of ``passage`` as it is shown: its index, its text (the first one after “… when the
    passage begins inside a quotation, the last one before …” when it leaves one open) and whether its
    sources are shown after it: after the last sentence, and after one whose sources (``keys[i]``, the same
    for the same sources) differ from the next one's, so that a mark never claims a sentence it does not carry."""
    open_ = '"…' if passage.straight[0] else "“…"
    close = ' …"' if passage.straight[1] else " …”"
    out = []
    for n, i in enumerate(passage.sentences):
        text = texts[i]
        if n == 0 and passage.opened_before:
            text = open_ + text
        last = n == len(passage.sentences) - 1
        if last and passage.left_open:
            text = text.rstrip() + close
        out.append((i, text, last or keys[i] != keys[passage.sentences[n + 1]]))
    return out


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
    texts = [s.text for s in summary.sentences]
    keys = [s.articles for s in summary.sentences]
    for p in summary_passages(summary):
        lines.append(" ".join(
            f"{text} {marks(summary, summary.sentences[i].articles)}" if with_marks else text
            for i, text, with_marks in shown(p, texts, keys)
        ))
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
    texts = [s.text for s in summary.sentences]
    keys = [s.articles for s in summary.sentences]
    for p in summary_passages(summary):
        parts = []
        for i, text, with_refs in shown(p, texts, keys):
            refs = "".join(f"[^{num[a]}]" for a in summary.sentences[i].articles)
            parts.append(f"{md_escape(text)} {refs}" if with_refs else md_escape(text))
        lines.append("- " + " ".join(parts))
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


_NOT_CITED_HEAD = "\nNot cited in the summary:\n"
_NOT_CITED = re.compile(r"^- \\\[(\d+)\\\] ", flags=re.M)  # "- \[4\] ..." under that line, after the footnotes


def footnotes_apart(markdown: str, tag: str) -> str:
    """One summary's Markdown with its footnotes relabelled ``[^tag-k]``, so that several summaries can share
    one document without each one's ``[^1]`` pointing at the first summary's first source; the sources it does
    not cite, listed under their numbers, are relabelled ``\\[tag-k\\]`` alike (a story's ``\\[4\\]`` read as the
    stream's fourth article, which may be another story's)."""
    body, head, rest = _FOOTNOTE.sub(lambda m: f"[^{tag}-{m.group(1)}]", markdown).rpartition(_NOT_CITED_HEAD)
    if not head:
        return rest
    return body + head + _NOT_CITED.sub(lambda m: f"- \\[{tag}-{m.group(1)}\\] ", rest)


def article_dict(article: Article) -> dict[str, Any]:
    """An article's metadata as the JSON output gives it (not its text)."""
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "date": article.date,
        "date_line": article.date_line or None,  # the page text's line the date was read from
        "teaser": article.teaser,  # only the free teaser of a paywalled page
        "paged": article.paged,  # one page of a story printed over several
        "corrections": list(article.corrections),  # the outlet's corrections, out of the story's text
        "url": article.url,
        "author": article.author,
        "origin": article.origin,
        "words": article.words,
    }


def to_dict(summary: Summary) -> dict[str, Any]:
    """The JSON schema documented in docs/usage.md: one entry per sentence, each with the number of the passage
    it is shown in (``passage``, from 0: the sentences of one quotation share one)."""
    passage = {i: n for n, p in enumerate(summary_passages(summary)) for i in p.sentences}
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
                "passage": passage[k],
            }
            for k, s in enumerate(summary.sentences)
        ],
        "words": summary.words,
        "budget": summary.budget,
        "method": summary.method,
        "notes": list(summary.notes),
        "introductions": [
            {"name": i.name, "text": i.text, "article": i.article, "start": i.start, "end": i.end}
            for i in summary.introductions
        ],
        **stamp(),  # which storyline, and which form of this JSON, made it
    }


def to_json(summary: Summary, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(summary), ensure_ascii=False, indent=indent)


RENDERERS = {"text": to_text, "md": to_markdown, "json": to_json}


def render(summary: Summary, fmt: str) -> str:
    if fmt not in RENDERERS:  # a KeyError, which no `except StorylineError` caught
        raise OptionsError(f"unknown format {fmt!r}; choose one of: {', '.join(RENDERERS)}")
    return RENDERERS[fmt](summary)
