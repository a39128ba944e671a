"""Right-to-left article text on the pages, in process: each line of a summary or an analysis in the direction that
puts its source numbers after the text's end, and the English words of an analysis line in their own order."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
from articles import MILLBROOK

from storyline.web import views
from storyline.web.app import WebSettings, create_app
from storyline.web.jobs import isolated

# Written for this test: an invented harbour bridge closure, told by three outlets in Hebrew.
HEBREW = [
    "גשר הנמל בעיר נסגר ביום שני לאחר שספינת משא פגעה באחד מעמודיו. ראש העיר אמרה כי הגשר יישאר סגור עד "
    "שהמהנדסים יבדקו את כל העמוד. כארבעים ושמונה אלף כלי רכב חוצים את הגשר בכל יום חול.",
    "ספינת המשא פגעה בעמוד של גשר הנמל בליל יום ראשון, והגשר סגור מאז. ראש העיר אמרה כי הגשר יישאר סגור עד "
    "שהמהנדסים יבדקו את כל העמוד. משמר החופים פתח בחקירה של התאונה.",
    "אוטובוסים חינם יפעלו מהמסוף המזרחי החל מיום רביעי. כארבעים ושמונה אלף כלי רכב חוצים את הגשר בכל יום חול, "
    "אמרו פקידי התחבורה.",
]


def test_a_lines_direction_is_that_of_its_own_words_else_of_its_article_text() -> None:
    assert views.direction("“שלום” he said") == "rtl" and views.direction("12 — Harbor") == "ltr"
    assert views.direction("12 — …") == "auto"
    fact = isolated("הגשר נסגר.")
    assert views.line_direction(f"{fact} — reported by 2 of 3 sources [1][2]") == "ltr"  # English around it
    assert views.line_direction(f"{fact} [3]") == "rtl"  # article text alone: its numbers after its end
    assert views.line_direction("הגשר נסגר. — reported by 2 of 3 sources [1]") == "rtl"  # stored before isolates
    assert views.line_direction(isolated("The bridge shut.") + " [1]") == "ltr"


def _pages(db: Path) -> tuple[str, str, str]:
    app = create_app(WebSettings(db=db, workers=1, queue_limit=8, processes=False))
    hebrew = [{"text": t, "title": f"הגשר נסגר {k}", "source": f"עיתון {k}"} for k, t in enumerate(HEBREW, 1)]

    async def ask() -> tuple[str, str, str]:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://localhost", timeout=300) as c:
                story = await c.post("/api/stories", json={"articles": hebrew, "words": 60})
                english = await c.post("/api/stories", json={"articles": MILLBROOK, "words": 60})
                assert story.status_code == english.status_code == 201, story.text
                for article in hebrew:
                    assert (await c.post("/api/articles", json=article)).status_code == 201
                pages = [await c.get(f"/stories/{story.json()['id']}"), await c.get(f"/stories/{english.json()['id']}"),
                         await c.get("/stream/1")]
                assert all(p.status_code == 200 for p in pages)
                return pages[0].text, pages[1].text, pages[2].text

    return asyncio.run(ask())


def test_right_to_left_lines_put_their_numbers_after_the_texts_end(tmp_path: Path) -> None:
    # Each summary line was left to right (the page's), its Hebrew sentence right to left inside it: the numbers
    # stood by the sentence's first word. An analysis line took the direction of its first letter, the fact's, and
    # its English ("— reported by 3 of 3 sources") was drawn out of order around it.
    hebrew, english, stream = _pages(tmp_path / "s.db")
    lines = re.findall(r'<p class="line" id="line-\d+" dir="(\w+)">', hebrew)
    assert lines and set(lines) == {"rtl"}, lines
    assert set(re.findall(r'<p class="line" id="line-\d+" dir="(\w+)">', english)) == {"ltr"}
    agreement = re.findall(r'<li dir="(\w+)"><bdi(?: lang="he")?>([^<]*)</bdi> — reported by \d of 3 sources '
                           r'<a class="mark', hebrew)
    assert agreement and all(d == "ltr" and re.match("[\u0590-\u05ff]", fact) for d, fact in agreement), agreement
    assert "\u2068" not in hebrew and "\u2069" not in hebrew  # set apart by <bdi>, not by the characters
    summary = stream.split('<ul class="summary">', 1)[1].split("</ul>", 1)[0]
    assert set(re.findall(r'<li dir="(\w+)">', summary)) == {"rtl"}
