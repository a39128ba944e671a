"""Rendering an ``Analysis`` as text, Markdown or JSON. Pure functions: no I/O."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from ..errors import OptionsError
from ..render import article_dict, describe, md_escape, printable
from ..version import stamp
from . import dates
from .model import Analysis, Entity

KINDS = (("person", "People"), ("org", "Organisations"), ("place", "Places"))
MAX_ENTITIES = 12


def _refs(analysis: Analysis, ids: tuple[str, ...]) -> str:
    num = {a.id: k for k, a in enumerate(analysis.articles, 1)}
    return "".join(f"[{num[i]}]" for i in ids if i in num)


def _same(text: str) -> str:
    return text


def _entity_line(analysis: Analysis, e: Entity, esc: Callable[[str], str] = _same) -> str:
    name = f"{esc(e.name)} ({esc(e.title)})" if e.title else esc(e.name)
    also = f", also “{'”, “'.join(map(esc, e.aliases))}”" if e.aliases else ""
    n = len(e.articles)
    head = f"{name} — {n} article{'s' if n != 1 else ''}, {e.mentions} mention{'s' if e.mentions != 1 else ''}{also}"
    head += f" {_refs(analysis, e.articles)}"
    if e.actions:
        head += "\n      " + "; ".join(esc(a.phrase) for a in e.actions)
    return head


def _counted(heading: str, lines: list[str], total: int | None = None) -> tuple[str, list[str]]:
    """The heading with its true count: "People (17; 12 shown)" when the list is cut short."""
    total = len(lines) if total is None else total
    return (f"{heading} ({total})" if total == len(lines) else f"{heading} ({total}; {len(lines)} shown)"), lines


def sections(analysis: Analysis, esc: Callable[[str], str] = _same) -> list[tuple[str, list[str]]]:
    """(heading with its count, lines) for every section: what text, Markdown and the web page print.
    A list cut to ``MAX_ENTITIES`` says in its heading how many there are and how many are shown.
    ``esc`` is applied to every piece of article text (Markdown escapes it; the rest is ours)."""
    r = lambda ids: _refs(analysis, ids)  # noqa: E731
    total = len(analysis.articles)
    out = [_counted("Agreement", [f"{esc(f.text)} — reported by {f.support} of {total} sources {r(f.articles)}"
                                  for f in analysis.facts])]
    lines = []
    for c in analysis.conflicts:
        vals = " vs ".join(f"“{esc(v.text)}” {r(v.articles)}" for v in c.values)
        lines.append(f"{c.kind} ({esc(c.slot)}): {vals}\n      why: {esc(c.reason)}")
    out.append(_counted("Disagreement", lines))
    lines = []
    for c in analysis.updates:  # a running count told higher later: "12 dead" [1] → "20 dead" [3]
        vals = " → ".join(f"“{esc(v.text)}” {r(v.articles)}" for v in c.values)
        lines.append(f"{c.kind} ({esc(c.slot)}): {vals}\n      why: {esc(c.reason)}")
    if lines:  # a section only when there is one: most stories have no running count told on two days
        out.append(_counted("Updated figures", lines))
    lines = []
    for q in analysis.quotes:
        who = esc(q.speaker) if q.speaker else "unattributed"
        if q.title and q.speaker:
            who += f" ({esc(q.title)})"
        lines.append(f"“{esc(q.text)}” — {who} {r(q.articles)}")
    out.append(_counted("Quotes", lines))
    for kind, heading in KINDS:
        found = analysis.of_kind(kind)
        out.append(_counted(heading, [_entity_line(analysis, e, esc) for e in found[:MAX_ENTITIES]], len(found)))
    out.append(_counted("Timeline", [f"{dates.label(e.date)}  “{esc(e.phrase)}”: {esc(e.text)} {r(e.articles)}"
                                     for e in analysis.timeline]))
    out.append(_counted("Only here", [f"{esc(o.text)} {r(o.articles or (o.article,))}" for o in analysis.only_here]))
    return out


def to_text(analysis: Analysis, *, sources: bool = True) -> str:
    lines = ["Sources"] + [f"  [{k}] {describe(a)}" for k, a in enumerate(analysis.articles, 1)] if sources else []
    lines += [f"Note: {n}" for n in analysis.notes]
    for heading, items in sections(analysis):
        lines += ["", heading]
        lines += [f"  - {it}" for it in items] or ["  (none)"]
    return "\n".join(lines) + "\n"


def to_markdown(analysis: Analysis, *, sources: bool = True) -> str:
    lines = ["## Analysis"]
    for k, note in enumerate(analysis.notes):  # a blockquote each: one ">" line between keeps them apart
        lines += ["" if k == 0 else ">", f"> {md_escape(note)}"]
    for heading, items in sections(analysis, md_escape):
        lines += ["", f"### {heading}", ""]
        lines += [f"- {it}".replace("\n      ", "  \n  ") for it in items] or ["*none*"]
    if sources:
        lines += ["", "### Sources", ""]
        lines += [f"{k}. {md_escape(describe(a))}" for k, a in enumerate(analysis.articles, 1)]
    return "\n".join(lines) + "\n"


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """Every section as plain data; spans are ``{"article", "start", "end"}`` into the article text."""
    d = asdict(analysis)
    d["articles"] = [article_dict(a) for a in analysis.articles]  # the fields the summary JSON gives them
    for f, fact in zip(d["facts"], analysis.facts, strict=True):
        f["support"] = fact.support
    for q, quote in zip(d["quotes"], analysis.quotes, strict=True):
        q["attributed"] = quote.attributed
    for e, event in zip(d["timeline"], analysis.timeline, strict=True):
        e["precision"] = event.precision
    return {**d, **stamp()}  # which storyline, and which form of this JSON, made it


def to_json(analysis: Analysis) -> str:
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=2)


TEXT_RENDERERS = {"text": to_text, "md": to_markdown}


def render(analysis: Analysis, fmt: str, *, sources: bool = True) -> str:
    """``analysis`` as text, Markdown or JSON; without ``sources`` the text and Markdown leave out the list of
    sources (shown under a summary of the same articles, which lists them under the same numbers)."""
    if fmt == "json":
        return to_json(analysis)
    if fmt not in TEXT_RENDERERS:  # a KeyError, which no `except StorylineError` caught
        raise OptionsError(f"unknown format {fmt!r}; choose one of: {', '.join(TEXT_RENDERERS)}, json")
    text = TEXT_RENDERERS[fmt](analysis, sources=sources)
    # Text and Markdown go to terminals: no control character from an article may reach one as a command.
    return printable(text)
