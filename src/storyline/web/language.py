"""The language an article's text is written in, as a BCP 47 tag for the page's ``lang``, so that a screen reader
reads Arabic, Hebrew, Chinese or Hindi text with a voice of its language rather than the page's English one.

Only where the text tells it with confidence; ``None`` (no ``lang``: the page's) otherwise. A script that one
language alone writes names it (Hangul is Korean, kana Japanese, Greek Greek); a script several languages write
(Arabic: Arabic, Persian, Urdu, Pashto...; Hebrew: Hebrew, Yiddish; Devanagari: Hindi, Marathi, Nepali...; Cyrillic)
names the one whose own function words ("في", "של", "के", "что") make a good share of the text's words, several
times those of any other language of the script: the test ``notes.reads_as_english`` makes for English, with the
script found as ``api.unspaced_language`` finds that of Chinese, Japanese and Thai. A language the tables do not
know (Kurdish, Bulgarian...) has none of its rivals' words: it gets no tag, not a wrong one."""

from __future__ import annotations

import re
import unicodedata

from ..api import unspaced_language
from ..notes import reads_as_english

SAMPLE = 20_000  # characters: an article's opening tells its language (as ``ingest`` reads an encoding's)
_SCRIPT_LETTERS = 3_000  # letters looked at to tell the script
_ONE_SCRIPT = 0.8  # of the letters: a text of one script, a few names in another aside
MIN_WORDS = 20  # a script several languages write: fewer words tell nothing sure (a title, a name)
ENGLISH_MIN_WORDS = 40  # as ``notes.reads_as_english`` counts function words (under it, it reads only the script)
MIN_SHARE = 0.06  # of the words: the language's own function words at least this share ...
RIVAL_TIMES = 3  # ... and this many times any other language's of the script

# Scripts that write one language (of those a news article comes in): the script names it. Bengali's script writes
# Assamese too, told by its own two letters; Greek's polytonic letters are Ancient Greek's, which gets none.
_ONE_LANGUAGE = {"HANGUL": "ko", "GREEK": "el", "GEORGIAN": "ka", "ARMENIAN": "hy", "GUJARATI": "gu",
                 "GURMUKHI": "pa", "TAMIL": "ta", "TELUGU": "te", "MALAYALAM": "ml", "SINHALA": "si", "BENGALI": "bn"}
_NOT_THE_ONE = {"GREEK": re.compile("[\u1f00-\u1fff]"), "BENGALI": re.compile("[\u09f0\u09f1]")}
_UNSPACED_TAGS = {"Japanese": "ja", "Thai": "th", "Lao": "lo", "Khmer": "km"}  # Burmese's and Tibetan's scripts
# write other languages too (Shan, Dzongkha): none. Chinese: see _chinese.
_CANTONESE = re.compile("[嘅咗係喺佢哋唔冇嚟]")  # written Cantonese's own characters: Chinese, but not Mandarin's
_CHINESE_MIN_CHARS = 40  # a headline of Han characters alone may be Japanese (東京都知事選挙): a paragraph is not

# Function words of the languages each script writes, rivals included: a word in two lists counts for neither.
_WORDS: dict[str, dict[str, str]] = {
    "ARABIC": {
        "ar": "في من على إلى الى أن ان عن مع التي الذي هذا هذه كان قد لا ما أو او بعد قال ذلك إن حيث بين كما وقال "
              "وفي ومن منذ عند لم لن ثم هو هي كانت",
        "fa": "و در به از که این را با است برای آن می یک تا هم شده شد بود خود نیز اند کرد کرده های هر بر یا اما",
        "ur": "کے میں کی ہے اور سے کو کا نے پر یہ کہ بھی ہیں تھا تھے گیا ایک لیے اس وہ",
        "pnb": "دے وچ نوں دی تے دا ہے نال ایہہ اوہ سی",
        "ps": "د په او چې دا له کې ته هم شوی وو یې سره دي",
        "ckb": "و لە بۆ کە ئەو بە لەگەڵ دەکات ئەم هەروەها",
    },
    "HEBREW": {
        "he": "של את על לא כי עם גם הוא היא זה אבל או אם יותר כל אשר אל בין אחרי היה הם כך לפי אך עד",
        "yi": "און דער די דאָס דאס איז ער זי מיט פֿון פון אויף אַ א נישט ניט וואָס וואס האָט האט זיך צו ווי",
    },
    "DEVANAGARI": {
        "hi": "के में की है और से का ने पर कि यह भी हैं था थे थी एक लिए इस किया गया वह तो",
        "mr": "आणि आहे व हे त्या केले आहेत होते म्हणून झाले असे करण्यात नाही",
        "ne": "र छ मा पनि गरेको भएको छन् थियो लागि गर्न यो गरे भने उनले",
        "bho": "बा बाड़े बाटे आ ओकर हवे रहल भइल कइल गइल",
        "mai": "अछि छल आ सँ केँ मे",
        "sa": "च अस्ति इति तत् सः न एव अपि तस्य",
    },
    "CYRILLIC": {
        "ru": "и в на не что с по это как он она из от для к о но же так его её бы было был были все уже после "
              "когда где ещё еще чтобы этот эта этого который которая которые при также",
        "uk": "і в на не що з до та за від як це він вона але його її було був були вже також які який після коли "
              "де ще чи цей ця цього цієї яка щоб",
        "be": "і ў на не што з да як гэта ён яна але яго было быў",
        "bg": "и в на не че се да за от с по това като той тя са е ще",
        "sr": "и у на је да се за од са који што не",
        "mk": "и во на не да се за од со кој што е",
    },
}


def _distinct(tables: dict[str, str]) -> dict[str, frozenset[str]]:
    sets = {tag: frozenset(words.split()) for tag, words in tables.items()}
    return {tag: own - frozenset().union(*(s for t, s in sets.items() if t != tag)) for tag, own in sets.items()}


_FUNCTION_WORDS = {script: _distinct(tables) for script, tables in _WORDS.items()}
_SCRIPT_OF = {tag: script for script, tables in _WORDS.items() for tag in tables} | {
    tag: script for script, tag in _ONE_LANGUAGE.items()} | {"ja": "CJK", "zh": "CJK", "th": "THAI", "lo": "LAO",
                                                             "km": "KHMER", "en": "LATIN"}
_JAPANESE_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA"})


def _script(ch: str) -> str:
    """A letter's script, as the first word of its Unicode name ("ARABIC LETTER ALEF": ARABIC)."""
    return unicodedata.name(ch, "?").split(" ", 1)[0]


def script(text: str) -> str | None:
    """The script of ``_ONE_SCRIPT`` of the text's letters or more (Han, kana of Japanese: ``"CJK"``); ``None`` for
    a text of several, or of no letters."""
    counts: dict[str, int] = {}
    seen = 0
    for ch in text:
        if ch.isalpha():
            name = _script(ch)
            name = "CJK" if name in _JAPANESE_SCRIPTS else name
            counts[name] = counts.get(name, 0) + 1
            seen += 1
            if seen >= _SCRIPT_LETTERS:
                break
    if not counts:
        return None
    name, most = max(counts.items(), key=lambda kv: kv[1])
    return name if most >= _ONE_SCRIPT * seen else None


def _edges(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PSNZ"


def _words(text: str) -> list[str]:
    """The text's words, punctuation and digits off their ends (not ``\\w+``: a Devanagari vowel sign or an Arabic
    vowel mark is no word character, and would cut "में" in two)."""
    out = []
    for token in text.split():
        a, b = 0, len(token)
        while a < b and _edges(token[a]):
            a += 1
        while b > a and _edges(token[b - 1]):
            b -= 1
        if a < b:
            out.append(token[a:b])
    return out


def _by_function_words(text: str, tables: dict[str, frozenset[str]]) -> str | None:
    words = _words(text)
    if len(words) < MIN_WORDS:
        return None
    shares = sorted(((sum(w in own for w in words) / len(words), tag) for tag, own in tables.items()), reverse=True)
    (best, tag), (rival, _) = shares[0], shares[1]
    return tag if best >= MIN_SHARE and best >= RIVAL_TIMES * rival else None


def _chinese(text: str) -> str | None:
    han = sum(_script(ch) == "CJK" for ch in text if ch.isalpha())
    return "zh" if han >= _CHINESE_MIN_CHARS and not _CANTONESE.search(text) else None


def language(text: str) -> str | None:
    """The BCP 47 tag of the language ``text`` is written in, where it tells it with confidence, else ``None``."""
    sample = text[:SAMPLE]
    unspaced = unspaced_language(sample)
    if unspaced == "Chinese":
        return _chinese(sample)
    if unspaced is not None:
        return _UNSPACED_TAGS.get(unspaced)
    name = script(sample)
    if name is None:
        return None
    if name == "LATIN":
        return "en" if len(_words(sample)) >= ENGLISH_MIN_WORDS and reads_as_english(sample) else None
    if name in _ONE_LANGUAGE:
        other = _NOT_THE_ONE.get(name)
        return None if other is not None and other.search(sample) else _ONE_LANGUAGE[name]
    tables = _FUNCTION_WORDS.get(name)
    return _by_function_words(sample, tables) if tables else None


def written_in(text: str, tag: str | None) -> bool:
    """Is ``text`` (a sentence, a title, a quotation out of an article) in the script of language ``tag``, so that
    the article's language may be said of it? ``False`` for a text of several scripts or of none."""
    return tag is not None and _SCRIPT_OF.get(tag) is not None and script(text) == _SCRIPT_OF[tag]
