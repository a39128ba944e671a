"""The language of article text on the pages (``storyline.web.language``): a ``lang`` where the text tells it with
confidence, so that a screen reader reads it with a voice of its language, and none where it does not."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
import pytest
from articles import MILLBROOK, long_analysis_story
from test_web_text_direction import HEBREW

from storyline.web import views
from storyline.web.app import WebSettings, create_app
from storyline.web.language import language, written_in

# Written for these tests: an invented harbour bridge closure, told in each language.
TEXTS = {
    "ar": "أغلقت السلطات جسر الميناء في المدينة يوم الاثنين بعد أن اصطدمت سفينة شحن بأحد أعمدته. وقالت رئيسة البلدية "
          "إن الجسر سيبقى مغلقا حتى يفحص المهندسون العمود كله. ويعبر الجسر نحو ثمانية وأربعين ألف مركبة في كل يوم "
          "عمل، حسب ما قال مسؤولون في هيئة النقل التي فتحت تحقيقا في الحادث مع خفر السواحل.",
    "fa": "مقامات شهر روز دوشنبه پل بندر را پس از برخورد یک کشتی باری با یکی از پایه های آن بستند. شهردار گفت که پل "
          "تا زمانی که مهندسان همه پایه را بررسی کنند بسته خواهد ماند. هر روز کاری حدود چهل و هشت هزار خودرو از این "
          "پل عبور می کنند و گارد ساحلی نیز تحقیقاتی را آغاز کرده است.",
    "ur": "شہر کے حکام نے پیر کے روز بندرگاہ کا پل بند کر دیا جب ایک مال بردار جہاز اس کے ایک ستون سے ٹکرا گیا۔ میئر "
          "نے کہا کہ پل اس وقت تک بند رہے گا جب تک انجینئر پورے ستون کی جانچ نہیں کر لیتے۔ ہر کام کے دن تقریباً "
          "اڑتالیس ہزار گاڑیاں اس پل سے گزرتی ہیں اور کوسٹ گارڈ نے بھی تحقیقات شروع کی ہے۔",
    "hi": "शहर के अधिकारियों ने सोमवार को बंदरगाह का पुल बंद कर दिया, जब एक मालवाहक जहाज उसके एक खंभे से टकरा गया। "
          "महापौर ने कहा कि पुल तब तक बंद रहेगा जब तक इंजीनियर पूरे खंभे की जांच नहीं कर लेते। हर कामकाजी दिन लगभग "
          "अड़तालीस हजार वाहन इस पुल से गुजरते हैं और तटरक्षक बल ने भी जांच शुरू की है।",
    "he": " ".join(HEBREW),
    "ru": "Власти города в понедельник закрыли мост в порту после того, как грузовое судно врезалось в одну из его "
          "опор. Мэр сказала, что мост будет закрыт, пока инженеры не проверят всю опору. По мосту каждый будний день "
          "проезжает около сорока восьми тысяч машин, и береговая охрана уже начала расследование.",
    "uk": "Влада міста в понеділок закрила міст у порту після того, як вантажне судно врізалося в одну з його опор. "
          "Мерка сказала, що міст буде закритий, доки інженери не перевірять усю опору. Мостом щодня проїжджає "
          "близько сорока восьми тисяч машин, і берегова охорона вже розпочала розслідування цієї аварії.",
    "zh": "周一，一艘货船撞上港口大桥的一根桥墩后，市政府关闭了这座大桥。市长说，在工程师检查完整根桥墩之前，"
          "大桥将一直关闭。每个工作日约有四万八千辆汽车通过这座桥，海岸警卫队已经开始调查这起事故。",
    "ja": "月曜日、貨物船が港の橋の橋脚に衝突したため、市は橋を閉鎖した。市長は、技術者が橋脚全体を点検するまで"
          "橋は閉鎖されると述べた。",
    "ko": "월요일 화물선이 교각에 부딪힌 뒤 시는 항구 다리를 폐쇄했다.",
    "el": "Η γέφυρα του λιμανιού έκλεισε τη Δευτέρα μετά από πρόσκρουση φορτηγού πλοίου.",
    "en": MILLBROOK[0]["text"],
}

UNSURE = {
    # Latin letters, not English: no table of its words here, so no tag (and not the page's "en")
    "German": "Die Hafenbrücke der Stadt wurde am Montag gesperrt, nachdem ein Frachtschiff einen ihrer Pfeiler "
              "gerammt hatte. Die Bürgermeisterin sagte, die Brücke bleibe gesperrt, bis Ingenieure den ganzen "
              "Pfeiler geprüft hätten. Jeden Werktag fahren etwa achtundvierzigtausend Autos über die Brücke, und "
              "die Küstenwache hat eine Untersuchung des Unfalls eingeleitet.",
    # a Hebrew headline: Hebrew or Yiddish, too few words to tell
    "a short Hebrew title": "הגשר נסגר",
    # Han characters alone: Chinese, or a Japanese headline without kana
    "a Han headline": "東京都知事選挙",
    # written Cantonese: Chinese, but not Mandarin's "zh" voice
    "Cantonese": "佢哋話座橋要封咗成個禮拜，因為貨船撞咗落去嘅橋墩度，工程師仲喺度檢查緊，啲車唔可以過橋，"
                 "市民要搭巴士先得，交通部話星期三開始有免費巴士由東面碼頭出發。",
    # Kazakh in Cyrillic: none of the tables' languages, none of their words
    "Kazakh": "Қала әкімдігі дүйсенбі күні жүк кемесі тірегіне соғылғаннан кейін порттағы көпірді жапты. Әкім "
              "инженерлер бүкіл тіректі тексергенше көпір жабық болатынын айтты. Күн сайын көпір арқылы қырық сегіз "
              "мыңға жуық көлік өтеді.",
    # half Arabic, half English: no one script
    "mixed": TEXTS["ar"][:150] + " " + MILLBROOK[0]["text"][:150],
}


@pytest.mark.parametrize("tag", sorted(TEXTS))
def test_a_text_in_a_known_language_is_tagged_with_it(tag: str) -> None:
    assert language(TEXTS[tag]) == tag


@pytest.mark.parametrize("what", sorted(UNSURE))
def test_a_text_whose_language_is_not_sure_gets_no_tag(what: str) -> None:
    assert language(UNSURE[what]) is None


def test_a_yiddish_text_is_not_taken_for_hebrew() -> None:
    yiddish = ("דער בירגערמייסטער האָט געזאָגט אַז די בריק וועט בלייבן פֿאַרמאַכט ביז די אינזשענירן וועלן "
               "איבערקוקן דעם גאַנצן זײַל. יעדן טאָג פֿאָרן איבער דער בריק אַרום אַכט און פֿערציק טויזנט אויטאָס, "
               "און די ברעג וואַך האָט אָנגעהויבן אַן אויספֿאָרשונג מיט די שיפֿלײַט.")
    assert language(yiddish) == "yi"


def test_a_piece_of_an_article_is_said_in_its_language_only_in_its_script() -> None:
    assert written_in("הגשר נסגר", "he") and not written_in("Mayor Dana Levi", "he")
    assert written_in("東京都知事選挙", "ja") and not written_in("東京都知事選挙", "ar")
    assert not written_in("", "he") and not written_in("הגשר", None)
    assert views.said_in("Mayor Dana Levi", "he") == "" and views.said_in("הגשר נסגר", "he") == "he"


def _pages(db: Path, articles: list[dict[str, str]]) -> tuple[str, str, str, str]:
    """A story of ``articles`` and one of the Millbrook articles: both story pages, the first's first article page
    and the stream story the Hebrew articles make."""
    app = create_app(WebSettings(db=db, workers=1, queue_limit=8, processes=False))

    async def ask() -> tuple[str, str, str, str]:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://localhost", timeout=300) as c:
                story = await c.post("/api/stories", json={"articles": articles, "words": 80})
                english = await c.post("/api/stories", json={"articles": MILLBROOK, "words": 60})
                assert story.status_code == english.status_code == 201, story.text
                for k, text in enumerate(HEBREW, 1):
                    assert (await c.post("/api/articles", json={"text": text, "title": f"הגשר {k}"})).status_code == 201
                sid = story.json()["id"]
                pages = [await c.get(f"/stories/{sid}"), await c.get(f"/stories/{english.json()['id']}"),
                         await c.get(f"/stories/{sid}/articles/1"), await c.get("/stream/1/articles/1")]
                assert all(p.status_code == 200 for p in pages)
                return pages[0].text, pages[1].text, pages[2].text, pages[3].text

    return asyncio.run(ask())


def test_article_text_on_the_pages_carries_its_language(tmp_path: Path) -> None:
    # A screen reader read every Hebrew and Arabic sentence with the page's English voice: no lang said otherwise.
    arabic = [{"text": TEXTS["ar"], "title": "إغلاق جسر الميناء", "source": "Coastline Wire <b>&amp;"}]
    hebrew = [{"text": t, "title": f"הגשר נסגר {k}", "source": f"עיתון {k}"} for k, t in enumerate(HEBREW, 1)]
    story, english, article, stream = _pages(tmp_path / "s.db", hebrew + arabic)
    spans = re.findall(r'<span class="sentence" dir="auto"(?: lang="(\w+)")?>([^<]*)</span>', story)
    assert {lang for lang, _ in spans} == {"he", "ar", ""}
    for lang, text in spans:  # each sentence in its own article's language, told by its letters here ...
        hebrew_text = re.search("[\u0590-\u05ff]", text)
        assert lang == ("he" if hebrew_text else "ar") or lang == "" and HEBREW[2].startswith(text), (lang, text)
    # ... but the third Hebrew article's, of 22 words with one of Hebrew's function words: Hebrew or Yiddish?
    assert re.search(r'<cite dir="auto" lang="he">הגשר נסגר 1</cite>', story)
    assert re.search(r'<span class="outlet" dir="auto">Coastline Wire &lt;b&gt;&amp;amp;</span>', story)  # English
    facts = re.findall(r'<bdi(?: lang="(\w+)")?>([^<]*)</bdi> — reported by', story)
    assert facts and all(lang == "he" for lang, _ in facts), facts
    assert '<h1 dir="auto">' in story  # a story of two languages: its title gets none
    assert re.search(r'<div class="article-text" lang="he">', article)
    assert re.search(r'<bdi lang="he">הגשר נסגר 1</bdi>', article)
    assert 'lang="' not in english.replace('<html lang="en">', "")  # English is the page's own: nothing to say
    assert re.search(r'<div class="article-text" lang="he">', stream)


def test_long_parts_of_the_analysis_are_folded_and_short_ones_open(tmp_path: Path) -> None:
    # A story of twelve articles was a page 15,000 px long, most of it the analysis: each part is a <details>, its
    # heading the <summary>, open when it has at most views.OPEN_MOST lines.
    story, *_ = _pages(tmp_path / "s.db", long_analysis_story())
    parts = re.findall(r'<details class="part"( open)?>\n<summary><h3>([^<]*)</h3></summary>\n'
                       r'<div class="part-body" id="analysis-\d+">\n(.*?)</div>\n</details>', story, re.S)
    assert len(parts) == len(re.findall("<details class=\"part\"", story)) >= 6
    folded = {heading for is_open, heading, _ in parts if not is_open}
    assert folded and "Quotes (15)" in folded
    for is_open, heading, body in parts:
        assert bool(is_open) == (body.count("<li ") <= views.OPEN_MOST), heading
    nav = story.split('<nav aria-label="On this page"', 1)[1].split("</nav>", 1)[0]
    for target in re.findall(r'href="#([\w-]+)"', nav):  # the parts of the page it links to are never folded
        assert story.count(f'id="{target}"') == 1
        before = story.split(f'id="{target}"', 1)[0]
        assert before.count("<details") == before.count("</details>"), target
