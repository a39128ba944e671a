"""A quotation the summary carries over two sentences is one passage on the story page and the stream page,
its sources once after the sentences that share them; the JSON keeps one entry a sentence (``passage``)."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx

from storyline.web.app import WebSettings, create_app
from storyline.web.store import StoryRow
from storyline.web.views import lines

# Written for this test. The quotation carries markup as text: it must reach the page escaped.
FERRY = [
    {"text": "The Brellin county council voted on Tuesday to keep the night ferry to Osk Island running through "
             "the winter. The vote was seven to two after a long debate about the cost of the service. "
             "“The night ferry is a lifeline for the island & its <people>. "
             "Nurses and bakers use it every single week,” said councillor Mara Venn. "
             "The ferry carries about 300 passengers a night in summer and fewer than 80 in winter. "
             "The council will review the service again next spring.",
     "source": "Brellin Post"},
    {"text": "Brellin county council has voted to keep the night ferry to Osk Island running through the winter "
             "months. Councillor Mara Venn said the night ferry is a lifeline for the island and its workers. "
             "Island residents had signed a petition with more than 1,200 names asking the council to keep the "
             "night crossing. The ferry carries about 300 passengers a night in summer.",
     "source": "Osk Radio"},
]
FIRST = "“The night ferry is a lifeline for the island &amp; its &lt;people&gt;."
SECOND = "Nurses and bakers use it every single week,” said councillor Mara Venn."


async def call(app, *requests: tuple) -> list[httpx.Response]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test", timeout=120) as c:
        return [await c.request(method, path, **kw) for method, path, kw in requests]


def test_a_quotation_over_two_sentences_is_one_paragraph_of_the_story_page(tmp_path: Path) -> None:
    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, queue_limit=8, processes=False))
    (made,) = asyncio.run(call(app, ("POST", "/api/stories", {"json": {"articles": FERRY, "words": 80}})))
    assert made.status_code == 201, made.text
    sentences = made.json()["sentences"]
    k = next(i for i, s in enumerate(sentences) if s["text"].startswith("“The night ferry"))
    assert sentences[k + 1]["text"].startswith("Nurses and bakers")  # one entry a sentence, as before
    assert sentences[k]["passage"] == sentences[k + 1]["passage"]
    assert len({s["passage"] for s in sentences}) == len(sentences) - 1
    page, api = asyncio.run(call(app, ("GET", f"/stories/{made.json()['id']}", {}),
                                 ("GET", f"/api/stories/{made.json()['id']}", {})))
    assert [s["passage"] for s in api.json()["sentences"]] == [s["passage"] for s in sentences]
    paragraphs = re.findall(r'<p class="line" id="line-(\d+)" dir="ltr">(.*?)</p>', page.text, re.S)
    assert len(paragraphs) == len(sentences) - 1
    shown = [(int(i), p, re.findall(r'<span class="sentence"[^>]*>(.*?)</span>', p)) for i, p in paragraphs]
    assert [len(texts) for _, _, texts in shown].count(2) == 1 and all(1 <= len(t) <= 2 for _, _, t in shown)
    index, passage, texts = next(line for line in shown if len(line[2]) == 2)
    assert index == k and texts == [FIRST, SECOND] and "<people>" not in page.text
    # Each run of sentences with the same sources is followed by them once; the popover of the quotation's
    # own article shows the run it is cited for, as one stretch of that article.
    # Sources are shown after a sentence whose sources differ from the next one's, and after the last.
    cites = [len(s["sources"]) + len(s["corroborated_by"]) for s in sentences[k : k + 2]]
    same = all(sentences[k][key] == sentences[k + 1][key] for key in ("sources", "corroborated_by"))
    tips = re.findall(r'<span class="tip" id="tip-(\d+)-\d+"', passage)
    assert tips == [str(k + 1)] * cites[1] if same else [str(k)] * cites[0] + [str(k + 1)] * cites[1]


def test_the_stream_page_shows_the_quotation_as_one_item(tmp_path: Path) -> None:
    app = create_app(WebSettings(db=tmp_path / "s.db", workers=1, queue_limit=8, processes=False))
    added = asyncio.run(call(app, *[("POST", "/api/articles", {"json": a}) for a in FERRY]))
    assert [r.status_code for r in added] == [201, 201], [r.text for r in added]
    assert added[0].json()["story"] == added[1].json()["story"]
    (page,) = asyncio.run(call(app, ("GET", f"/stream/{added[0].json()['story']}", {})))
    summary = page.text.split('<ul class="summary">')[1].split("</ul>")[0]
    items = re.findall(r'<li dir="ltr">(.*?)</li>', summary, re.S)
    quoted = [i for i in items if FIRST in i]
    assert len(quoted) == 1 and SECOND in quoted[0] and "<people>" not in quoted[0]
    assert not any(re.sub(r"<[^>]+>", "", i).lstrip().startswith("Nurses") for i in items)
    # its sources follow the sentences they are shown after, each linked to the article's page at the first of them
    (summary,) = asyncio.run(call(app, ("GET", f"/api/stream/stories/{added[0].json()['story']}", {})))
    body = summary.json()
    sentences = body["summary"]["sentences"]
    k = next(n for n, s in enumerate(sentences) if s["text"].startswith("“The night ferry"))
    first = body["summary"]["evidence"][k][0]
    hrefs = re.findall(r'href="([^"]+)"', quoted[0])
    assert hrefs[0] == f"/stream/1/articles/1#s-{first['start']}-{first['end']}", hrefs
    assert all(h.startswith("/stream/1/articles/") and "#s-" in h for h in hrefs), hrefs


def _story(pieces: list[str], text: str, copy: str) -> StoryRow:
    """A stored story by hand: article 1 is ``text``, article 2 (a copy) carries every piece too."""
    sentences, evidence = [], []
    for k, piece in enumerate(pieces):
        at, other = text.index(piece), copy.index(piece)
        sentences.append({"text": piece, "article": "1", "index": k + 1, "start": at, "end": at + len(piece),
                          "sources": ["1"], "corroborated_by": ["2"]})
        evidence.append([{"article": "1", "start": at, "end": at + len(piece)},
                         {"article": "2", "start": other, "end": other + len(piece)}])
    summary = {"sentences": sentences, "evidence": evidence, "words": 30, "method": "default", "notes": [],
               "introductions": [], "articles": []}
    articles = ({"id": "1", "text": text, "source": "Isle Post"}, {"id": "2", "text": copy, "source": "Quay Radio"})
    return StoryRow("abc", "2026-01-01T00:00:00", "t", 2, summary, None, articles)


def test_a_passage_cites_its_sources_once_and_the_popover_shows_the_whole_quotation() -> None:
    text = "The board met. “We keep the crossing. It pays in winter,” the chair said. Then it rained."
    copy = "Port news. “We keep the crossing. It pays in winter,” the chair said.\n\nMore later."
    pieces = ["“We keep the crossing.", "It pays in winter,” the chair said."]
    (line,) = lines(_story(pieces, text, copy))
    assert [(p.index, p.text) for p in line.parts] == [(0, pieces[0]), (1, pieces[1])]
    assert line.parts[0].cites == ()
    source, copied = line.parts[1].cites
    assert (source.number, source.kind, copied.number, copied.kind) == (1, "source", 2, "corroborated")
    assert source.quote == copied.quote == " ".join(pieces)
    assert source.before == "The board met. " and copied.after == "\n\nMore later."
    # The article page anchors each cited sentence's span: the link goes to the passage's first.
    assert source.href.endswith(f"#s-{text.index(pieces[0])}-{text.index(pieces[0]) + len(pieces[0])}")


def test_a_passage_that_begins_inside_a_quotation_is_opened_on_the_page_too() -> None:
    text = "The board met. “We keep the crossing. It pays in winter. Nobody goes,” the chair said."
    (line,) = lines(_story(["It pays in winter."], text, text))
    assert [p.text for p in line.parts] == ["“…It pays in winter. …”"]
    assert line.parts[0].cites[0].quote == "It pays in winter."  # the popover quotes the article as it is
