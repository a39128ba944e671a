import pytest

from storyline.textrepair import repair_mojibake, unescape_entities


def _as_windows_1252(text: str) -> str:
    """``text``'s UTF-8 bytes read as Windows-1252 (Latin-1 for the bytes it leaves undefined): mojibake."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


# Correct text of many languages, and marks and signs English news writes: read as UTF-8 it is left alone, read
# as Windows-1252 it is mojibake that the repair turns back into it.
WORDS = [
    "café", "niño", "Müller", "Zürich", "naïve", "São Paulo", "Øresund", "Straße", "Łódź", "Dvořák", "Kraków",
    "中文新闻", "東京都", "العربية", "שלום", "Ελληνικά", "привет", "€5 and ½ a pint at 20°C", "😀",
    "Kraków’s “mayor” said – it’s done…", "CAFÉ’S", "JOSÉ”", "Fuß”", "“c’est passé…”",
]


@pytest.mark.parametrize("text", WORDS)
def test_correct_text_in_any_language_is_left_as_it_is(text: str) -> None:
    sentence = f"The council met on Monday ({text}), officials said."
    assert repair_mojibake(sentence) == sentence


@pytest.mark.parametrize("text", WORDS)
def test_utf8_read_as_windows_1252_is_read_back(text: str) -> None:
    sentence = f"The council met on Monday ({text}), officials said."
    assert repair_mojibake(_as_windows_1252(sentence)) == sentence


def test_an_accented_capital_before_a_mark_is_repaired_only_in_a_text_that_has_mojibake() -> None:
    # "É’" is the bytes of "ɒ": one sequence, opening on no sure lead, stays in text that is right
    assert repair_mojibake("THE CAFÉ’S OWNER") == "THE CAFÉ’S OWNER"
    assert repair_mojibake("Antonín DvoÅ™Ã¡k") == "Antonín Dvořák"  # "Ã¡" shows the text has mojibake


@pytest.mark.parametrize(("damaged", "text"), [
    ("the worldâ€™s biggest", "the world’s biggest"),
    # Latin-1 keeps the bytes 0x80-0x9F as control characters, which cleaning dropped ("messages â and")
    ("messages â\x80\x93 and a â\x80\x98voyeuristic thrillâ\x80\x99", "messages – and a ‘voyeuristic thrill’"),
    ("Ã¢â‚¬â„¢", "’"),  # encoded twice
    ("KovaÄ\x8d", "Kovač"),  # a control character in it: no text writes one
    # the processed Multi-News release: "â€" split from its third character, capitalised, a "?" for 0x9D, a
    # straight quote for a curly one, Windows-1250's "ś" for 0x9C
    ("kate gosselinâ€ ™s trip", "kate gosselin’s trip"),
    ("hacking. Â\x80\x98i, too", "hacking. ‘i, too"),
    ("recognizes â€ œselfâ€?", "recognizes “self”"),
    ("the environment â€ \" particularly", "the environment — particularly"),
    ("had â€ śdestroyed troop moraleâ€ ť while", "had “destroyed troop morale” while"),
    # a Windows-1252 byte read as Latin-1, between ordinary characters
    ("don\x92t", "don’t"),
    ("the movie \x97 surely", "the movie — surely"),
])
def test_mojibake_is_repaired(damaged: str, text: str) -> None:
    assert repair_mojibake(damaged) == text


def test_what_reads_as_no_character_is_left() -> None:
    # "Â\x80" is U+0080, a control character: no reading; the lone controls beside it are no Windows-1252 bytes
    assert repair_mojibake("twice Â\x80 and \x80\x93 done") == "twice Â\x80 and \x80\x93 done"
    assert repair_mojibake("plain ASCII & more") == "plain ASCII & more"


@pytest.mark.parametrize(("text", "plain"), [
    ("Smith &amp; Wesson", "Smith & Wesson"),
    ("&quot;We will rebuild,&quot; she said. It&#39;s &#x27;done&#x27; &#124; News", "\"We will rebuild,\" she said. "
     "It's 'done' | News"),
    ("write &amp;amp; for an ampersand", "write &amp; for an ampersand"),  # once: never "&"
    ("AT&T, R&D and P&G", "AT&T, R&D and P&G"),
    ("a &notice without a semicolon, &copy 2026", "a &notice without a semicolon, &copy 2026"),
    ("at&t; relented and &data; stays", "at&t; relented and &data; stays"),  # no such entities
])
def test_entities_are_unescaped_once(text: str, plain: str) -> None:
    assert unescape_entities(text) == plain
