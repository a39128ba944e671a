import gzip
import io
import json
import os
import re
from pathlib import Path

import pytest

from storyline.clean import clean_articles
from storyline.errors import (
    EmptyInputError,
    InputNotFoundError,
    InputTooLargeError,
    MalformedDataError,
    OptionsError,
    UnreadableInputError,
)
from storyline.ingest import (
    MAX_BYTES,
    article_from_html,
    dataset_lines,
    decode,
    expand_paths,
    read_article,
    read_dataset,
    read_limited,
)

TEXT = "Le conseil a voté mardi la fermeture du vieux port aux cargos, a déclaré la mairie."


def test_utf8_latin1_and_utf16_are_detected():
    assert decode(TEXT.encode("utf-8"), "x") == TEXT
    assert decode(TEXT.encode("utf-16"), "x") == TEXT
    assert decode(("\ufeff" + TEXT).encode("utf-8"), "x") == TEXT
    assert decode((TEXT * 3).encode("cp1252"), "x") == TEXT * 3


@pytest.mark.parametrize("data", [b"\x00a\x00b\x00c\x00d\x00e", b"\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00",
                                  b"\x00N\x01\xe0\x02\xe1\x03\xe2"])
def test_a_few_bytes_with_nuls_are_binary_not_wide_text(data: bytes):
    # 10 bytes with NULs were read as UTF-16 (five letters, or CJK run together) and then had "no article text"
    with pytest.raises(UnreadableInputError, match="looks like a binary file"):
        decode(data, "x")


@pytest.mark.parametrize("text", ["渡轮周一搁浅", "北京2026年3月9日电", "今天下午一点北京下大雨",
                                  "서울 오늘 큰 비", "서울에서 오늘 큰 비가 내렸다", "대통령 오늘 기자회견"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_short_cjk_line_in_utf16_without_a_bom_or_a_stop_is_text(text: str, codec: str):
    # under 64 bytes, no CJK punctuation, NULs in it ("一" is U+4E00, a digit's or a space's high byte is 0): it was
    # refused as a binary file (exit 4); four or more common characters (GB2312's Chinese, KS X 1001's Hangul) are
    # text, refused for its language or read as the headline it is
    assert decode(text.encode(codec), "x") == text


@pytest.mark.parametrize("text", ["The ferry ran aground on Monday, officials said.", "渡轮周一搁浅，官员说。"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_sentence_in_utf16_without_a_bom_is_read(text: str, codec: str):
    assert decode(text.encode(codec), "x") == text


def test_utf8_text_with_a_few_stray_bytes_stays_utf8():
    # One Windows-1252 "é" in a UTF-8 article with curly quotes: the whole file was detected as another
    # encoding (Mac Roman), and every quotation mark of the article came out as "‚Äú".
    utf8 = "The mayor said the bridge “would stay shut” for weeks, the council’s statement said. ".encode()
    data = utf8 * 3 + b"Caf\xe9 owners nearby complained. " + utf8
    assert decode(data, "x") == (utf8 * 3).decode() + "Café owners nearby complained. " + utf8.decode()
    assert decode(utf8 + "“".encode()[:2], "x") == utf8.decode() + "\ufffd"  # a character cut in half
    # Text in Windows-1252 throughout is still detected as such, even with a byte pair that looks like UTF-8.
    assert decode((TEXT * 3 + " Ü“").encode("cp1252"), "x") == TEXT * 3 + " Ü“"


def test_a_short_english_text_in_windows_1252_keeps_its_pound_and_euro_signs():
    # The detector guessed the encoding of a short text from its one or two bytes beyond ASCII: a report's
    # "£200,000" came out "Ł200,000" (ISO-8859-2), "€" as "Ç" (cp850), a German "Brücke" as "Br³cke".
    for text in (
        "Repairs\r\n\r\nThe county said on Tuesday that repairs to the bridge could cost £200,000.\r\n"
        "Engineers found cracks in two piers after the flood.\r\n",
        "The county said on Tuesday that repairs to the bridge could cost €200,000. Engineers found cracks.",
        "Die Brücke über die Wenna wurde am Montag gesperrt, sagte die Sprecherin. Die Prüfung kostet 30.000 €.",
        "“We will not reopen the bridge,” said Dana Pell. It was 3°C — the café stayed shut.",
    ):
        assert decode(text.encode("cp1252"), "x") == text
    # Other 8-bit encodings whose letters Windows-1252 would misread are still left to the detector.
    mac = "The council’s leader said the bridge would stay shut. “It is not safe,” she said on Monday."
    assert decode(mac.encode("mac_roman"), "x") == mac  # "’" is "Õ" in Windows-1252
    croatian = "Gradsko vijeće u utorak je odlučilo zatvoriti staru luku, rekao je gradonačelnik."
    assert decode(croatian.encode("cp1250"), "x") == croatian  # "ć" is "æ" in Windows-1252
    russian = "Городской совет во вторник проголосовал за закрытие старого порта, заявили в мэрии."
    assert decode(russian.encode("cp1251"), "x") == russian


def test_binary_is_refused():
    with pytest.raises(UnreadableInputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "img.txt")


def test_missing_file(tmp_path):
    with pytest.raises(InputNotFoundError, match="no such file"):
        read_article(tmp_path / "nope.txt", id="1")


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("  \n")
    with pytest.raises(EmptyInputError, match="empty"):
        read_article(p, id="1")


def test_html_metadata_and_body(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Harbor closes | Lindenfeld Post</title>"
        '<meta property="og:site_name" content="Lindenfeld Post">'
        '<meta property="og:title" content="Harbor closes">'
        '<meta property="article:published_time" content="2026-03-10">'
        "</head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav><article><h1>Harbor closes</h1>"
        "<p>The council of Lindenfeld voted on Tuesday to close the old harbor to freight ships after a "
        "long debate.</p><p>Mayor Ruth Kessler said the decision would make the waterfront safer for "
        "everyone who lives there.</p></article><footer>Privacy policy</footer></body></html>"
    )
    a = read_article(p, id="1")
    assert a.source == "Lindenfeld Post"
    assert a.title == "Harbor closes"
    assert a.date == "2026-03-10"
    assert "voted on Tuesday" in a.text and "Privacy" not in a.text and "Home" not in a.text


_FLOOD_BODY = (
    "<p>Floodwaters rose across the valley on Tuesday as officials ordered residents of three towns to leave "
    "their homes before the river crested.</p><p>The river peaked at 8.2 metres late in the evening, "
    "according to the regional water authority, which said levees had held in most places.</p>"
)


def test_a_copyright_notice_is_no_publication_date(tmp_path):
    """htmldate's extensive search reads "Copyright 2019" as 2019-01-01: a false date that would move
    relative dates and story grouping."""
    p = tmp_path / "page.html"
    p.write_text(f"<html><head><title>Valley floods</title></head><body><article>{_FLOOD_BODY}</article>"
                 "<footer>Copyright 2019 Valley News. All rights reserved.</footer></body></html>")
    assert read_article(p, id="1").date is None


def test_a_byline_gives_the_author_without_its_date(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(f"<html><head><title>Valley floods</title></head><body><article><h1>Valley floods</h1>"
                 f'<p class="byline">By Sam Reporter | April 1, 2026</p>{_FLOOD_BODY}</article></body></html>')
    a = read_article(p, id="1")
    assert (a.author, a.date) == ("Sam Reporter", "2026-04-01")


@pytest.mark.parametrize("byline", ["By Ana Lopes · April 16, 2026 · 3 min read", "By Ana Lopes • April 16, 2026",
                                    "By Ana Lopes | April 16, 2026", "Ana Lopes · 16 April 2026"])
def test_a_byline_set_apart_by_a_dot_a_bullet_or_a_bar_gives_the_name_alone(tmp_path, byline):
    # trafilatura gives "Ana Lopes · April" (or "Ana Lopes; April"): the author was "Ana Lopes · April".
    p = tmp_path / "page.html"
    p.write_text(f"<html><head><title>Valley floods</title></head><body><article><h1>Valley floods</h1>"
                 f'<p class="byline">{byline}</p>{_FLOOD_BODY}</article></body></html>')
    assert read_article(p, id="1").author == "Ana Lopes"


@pytest.mark.parametrize(("byline", "author"), [
    ("By KAREN OSEI Associated Press", "Karen Osei"), ("By Karen Osei, Reuters", "Karen Osei"),
    ("By Karen Osei, The Associated Press", "Karen Osei"), ("By Eyal Press", "Eyal Press"),
])
def test_a_wire_byline_on_a_newspaper_s_page_gives_the_writer(tmp_path, byline, author):
    # a member paper prints the wire's byline with the service after the name: the author was "KAREN OSEI Associated
    # Press", a name in capitals left so since the service is not
    p = tmp_path / "page.html"
    p.write_text(f"<html><head><title>Valley floods</title></head><body><article><h1>Valley floods</h1>"
                 f'<div class="byline">{byline}</div>{_FLOOD_BODY}</article></body></html>')
    assert read_article(p, id="1").author == author


def test_dataset_reader_and_errors(tmp_path):
    good = tmp_path / "d.jsonl.gz"
    rows = [{"id": "c1", "documents": ["One text. Two.", "Other text."], "summaries": ["Ref."]}]
    good.write_bytes(gzip.compress("\n".join(json.dumps(r) for r in rows).encode()))
    (ds,) = read_dataset(good)
    assert ds.id == "c1" and len(ds.articles) == 2 and ds.summaries == ("Ref.",)

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(rows[0]) + "\n{not json\n")
    with pytest.raises(MalformedDataError, match="line 2"):
        list(read_dataset(bad))

    nodocs = tmp_path / "nodocs.jsonl"
    nodocs.write_text(json.dumps({"id": "x", "documents": []}) + "\n")
    with pytest.raises(MalformedDataError, match="line 1: the cluster has no documents"):
        list(read_dataset(nodocs))

    norefs = tmp_path / "norefs.jsonl"
    norefs.write_text(json.dumps({"id": "x", "documents": ["a b c."]}) + "\n")
    with pytest.raises(MalformedDataError, match="no reference summaries"):
        list(read_dataset(norefs, need_summaries=True))


def test_dataset_lines_reads_any_json_values_by_line():
    # The line reader under read_dataset (and evaluate.external's --outputs): values as they are, numbered by
    # line, blank lines skipped; a .json file may be one object or a list; .gz decompressed.
    assert list(dataset_lines(b'{"a": 1}\n\n[2]\n"x"\n', "o.jsonl")) == [(1, {"a": 1}), (3, [2]), (4, "x")]
    assert list(dataset_lines(b'[{"a": 1},\n {"b": 2}]', "o.json")) == [(1, {"a": 1}), (2, {"b": 2})]
    assert list(dataset_lines(b'{"a":\n 1}', "o.json")) == [(1, {"a": 1})]
    assert list(dataset_lines(gzip.compress(b'{"id": "c"}\n'), "o.jsonl.gz")) == [(1, {"id": "c"})]
    with pytest.raises(MalformedDataError, match=r"^o\.jsonl, line 2: not valid JSON"):
        list(dataset_lines(b'{"a": 1}\n{oops\n', "o.jsonl"))
    with pytest.raises(MalformedDataError, match="not a valid gzip file"):
        list(dataset_lines(b"not gzip", "o.jsonl.gz"))


@pytest.mark.parametrize("name", ["o.jsonl", "o.json"])
def test_json_nested_deeper_than_python_reads_is_malformed_not_a_crash(name):
    # Python's parser raises RecursionError past ~1,000 levels: a 20 kB line of brackets was an internal error.
    deep = b'{"documents": ' + b"[" * 10_000 + b"]" * 10_000 + b"}\n"
    with pytest.raises(MalformedDataError, match=r"line 1: not valid JSON \(nested too deeply\)"):
        list(dataset_lines(deep, name))


def test_dataset_documents_are_numbered_by_their_place_in_the_list(tmp_path):
    path = tmp_path / "d.jsonl"
    rows = [{"id": "c1", "documents": ["", "One text. Two.", "  \n", "Other text."],
             "document_titles": ["", "First", "", "Second"]}]
    path.write_text(json.dumps(rows[0]) + "\n")
    (ds,) = read_dataset(path)
    assert [(a.id, a.origin, a.title) for a in ds.articles] == [
        ("2", f"{path}:1#2", "First"), ("4", f"{path}:1#4", "Second")]
    assert ds.empty == (f"{path}:1#1", f"{path}:1#3")


@pytest.mark.parametrize("suffix", [".html", ".htm", ".shtml", ".xhtml", ".HTML"])
def test_every_html_suffix_is_read_in_a_directory_as_named(tmp_path, suffix):
    # A page fragment with no doctype: read as HTML by its suffix, whether named or found in a directory.
    page = tmp_path / f"story{suffix}"
    page.write_text("<div><h1>Ferry halted at Orn</h1><p>The ferry to Orn Island stayed in port on Monday after "
                    "the storm, the harbour office said.</p></div>")
    assert expand_paths([tmp_path]) == [page]
    named = read_article(page, id="1")
    assert named == read_article(expand_paths([tmp_path])[0], id="1")
    assert named.title == "Ferry halted at Orn" and "<p>" not in named.text


def test_directory_expansion(tmp_path):
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.html").write_text("x")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.html", "b.txt"]
    (tmp_path / ".checkpoints").mkdir()
    (tmp_path / ".checkpoints" / "b.txt").write_text("x")  # a hidden folder's copy is no article
    assert [p.name for p in expand_paths([tmp_path])] == ["a.html", "b.txt"]
    assert [p.name for p in expand_paths([tmp_path / ".checkpoints"])] == ["b.txt"]  # unless named
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EmptyInputError, match="no readable articles"):
        expand_paths([empty])


def test_an_entry_of_a_directory_that_cannot_be_looked_at_is_passed_over(tmp_path, monkeypatch):
    # A link into a place this user may not enter (/proc's) made is_file() raise PermissionError: an internal error
    # for the whole directory. It is no article we can read, and the others are.
    from pathlib import Path

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "locked.txt").write_text("x")
    is_file = Path.is_file

    def guarded(self: Path) -> bool:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return is_file(self)

    monkeypatch.setattr(Path, "is_file", guarded)
    assert [p.name for p in expand_paths([tmp_path])] == ["a.txt"]


def test_front_matter_supplies_metadata(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("---\nsource: Lindenfeld Post\ndate: 2026-03-10\nurl: https://post.example/a\n---\n"
                 "The council voted on Tuesday to close the harbor.")
    a = read_article(p, id="1")
    assert (a.source, a.date, a.url) == ("Lindenfeld Post", "2026-03-10", "https://post.example/a")
    assert a.text == "The council voted on Tuesday to close the harbor."
    p.write_text("---\ndate: last Tuesday\n---\nText.")
    with pytest.raises(MalformedDataError, match="YYYY-MM-DD"):
        read_article(p, id="1")


@pytest.mark.parametrize(("url", "day"), [
    ("https://www.coast.example/news/2026/03/11/selmar-port-reopens", "2026-03-11"),
    ("https://coast.example/2026-03-11/selmar-port-reopens.html", "2026-03-11"),
    ("https://coast.example/news/2026/3/9/port", "2026-03-09"),
    ("https://coast.example/news/2026/02/30/port", None),  # no such day
    ("https://coast.example/news/2026/03-11/port", None),  # two separators
    ("https://coast.example/2099/01/01/port", None),  # after today
    ("https://coast.example/news/port?from=2026/03/11/", None),  # not in the path
    ("https://coast.example/news/selmar-port-reopens", None),
])
def test_a_headers_address_that_writes_the_day_dates_an_undated_text(tmp_path, url, day):
    # A page's date is read from its URL (htmldate); a text whose header gave the same address stayed undated, and
    # its "Wednesday" unresolved. A header's own date wins.
    p = tmp_path / "a.txt"
    p.write_text(f"---\nsource: Coast Times\nurl: {url}\n---\nThe port of Selmar reopened on Wednesday.")
    assert read_article(p, id="1").date == day
    p.write_text(f"---\nurl: {url}\ndate: 2026-03-12\n---\nThe port of Selmar reopened on Wednesday.")
    assert read_article(p, id="1").date == "2026-03-12"


def test_front_matter_with_windows_line_endings_and_a_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbf---\r\nsource: Lindenfeld Post\r\ndate: 2026-03-10\r\ntitle: Harbor closes\r\n---\r\n"
                  b"The council voted on Tuesday to close the harbor.\r\n")
    a = read_article(p, id="1")
    assert (a.source, a.date, a.title) == ("Lindenfeld Post", "2026-03-10", "Harbor closes")
    assert a.text.strip() == "The council voted on Tuesday to close the harbor."


_FERRY_LEAD = "The ferry between Port Alder and Gull Island resumed service on Tuesday after repairs to its ramp."


@pytest.mark.parametrize(("byline", "author"), [
    ("By Mara Ellison", "Mara Ellison"),
    ("By Mara Ellison, Harbor Radio News", "Mara Ellison"),  # the outlet after the name is no second author
    ("By KAREN OSEI and TOM REYES", "Karen Osei; Tom Reyes"),
    ("By KAREN OSEI AND TOM REYES", "Karen Osei; Tom Reyes"),  # "AND" in capitals parts the names too
])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_byline_under_a_texts_headline_is_its_author_and_no_line_of_its_text(tmp_path, byline, author, gap):
    # A pasted article's byline was dropped as clutter and its author left empty, where a page's gave the author.
    p = tmp_path / "a.txt"
    p.write_text(gap.join(["Ferry service resumes on the north channel", byline, _FERRY_LEAD, "Forty people crossed."]))
    a = read_article(p, id="1")
    assert a.author == author
    assert byline not in a.text and a.text.startswith("Ferry service resumes")
    (cleaned,) = clean_articles([a])
    assert cleaned.title == "Ferry service resumes on the north channel"
    assert cleaned.text.startswith(_FERRY_LEAD)


def test_a_texts_header_author_wins_and_a_sentence_opening_on_by_is_no_byline(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(f"---\nauthor: Tom Reyes\n---\nFerry resumes\nBy Mara Ellison\n{_FERRY_LEAD}\n")
    assert read_article(p, id="1").author == "Tom Reyes"
    p.write_text("By noon the tide had lifted the ferry free of the sandbank off Calder Point.\nBy Mara Ellison\n")
    a = read_article(p, id="1")  # below the story's first paragraph: a line of the text, not its byline
    assert (a.author, a.text.count("By ")) == ("", 2)
    p.write_text(f"Ferry resumes\nBy the harbor\n{_FERRY_LEAD}\n")  # no name
    assert read_article(p, id="1").author == ""
    p.write_text(f"By The Numbers\n\n{_FERRY_LEAD}\n")  # the first line is the headline, even one opening on "By"
    assert read_article(p, id="1").author == "" and read_article(p, id="1").text.startswith("By The Numbers")


def test_a_piece_of_page_markup_in_a_text_file_is_read_as_html(tmp_path):
    # The story's <div> copied from a page's source into a .txt: its tags were summarized as sentences, while the
    # same text piped in (or given to the API) was read as HTML.
    p = tmp_path / "story.txt"
    p.write_text('<div class="article-body"><p>The ferry ran aground off Kessel Point on Tuesday, the coast guard '
                 'said.</p>\n<p>No one was hurt &amp; the ferry was towed free.</p></div>\n')
    a = read_article(p, id="1")
    assert a.text == ("The ferry ran aground off Kessel Point on Tuesday, the coast guard said.\n\n"
                      "No one was hurt & the ferry was towed free.")
    p.write_text("<p> is the paragraph tag, the designer told the council on Tuesday.\n")  # a tag it quotes
    assert read_article(p, id="1").text.startswith("<p> is the paragraph tag")


def test_prose_between_two_rules_at_the_top_is_text_not_a_header(tmp_path):
    # A pasted article opening on a rule, its lead and another rule: the lead was taken for a header, and dropped.
    p = tmp_path / "a.txt"
    p.write_text("---\nThe council voted on Tuesday to close the harbor, the mayor said.\n---\n"
                 "Fishing boats may still use the old quay.\n")
    a = read_article(p, id="1")
    assert "The council voted on Tuesday to close the harbor" in a.text and "old quay" in a.text
    # A blog's front matter, with a list under a key and keys storyline does not use, is still a header.
    p.write_text("---\ntitle: Harbor closes\ntags:\n  - harbor\n  - council\ndraft: false\nsource: Lindenfeld Post\n"
                 "---\nThe council voted on Tuesday to close the harbor.\n")
    a = read_article(p, id="1")
    assert (a.title, a.source) == ("Harbor closes", "Lindenfeld Post")
    assert a.text.strip() == "The council voted on Tuesday to close the harbor."


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"])
def test_a_header_url_that_is_not_http_is_dropped_on_reading(tmp_path, url):
    # Untrusted text: every output links an article's URL (Markdown footnotes, the web page).
    from storyline.ingest import parse_dataset

    p = tmp_path / "a.txt"
    p.write_text(f"---\nurl: {url}\n---\nThe council voted on Tuesday to close the harbor.")
    assert read_article(p, id="1").url == ""
    p.write_text("---\nurl: https://example.org/harbor\n---\nThe council voted on Tuesday to close the harbor.")
    assert read_article(p, id="1").url == "https://example.org/harbor"
    line = json.dumps({"text": "The council voted on Tuesday to close the harbor.", "url": url})
    (cluster,) = parse_dataset(line.encode(), "a.jsonl")
    assert cluster.articles[0].url == ""


def test_an_impossible_header_date_is_refused(tmp_path):
    p = tmp_path / "a.txt"
    for bad in ("2026-13-45", "2026-02-30"):
        p.write_text(f"---\ndate: {bad}\n---\nText.")
        with pytest.raises(MalformedDataError, match=f"a.txt: header date '{bad}' is not a real date"):
            read_article(p, id="1")
    p.write_text("---\ndate: 2024-02-29T08:00\n---\nText.")
    assert read_article(p, id="1").date == "2024-02-29"


def test_a_header_date_is_a_date_and_at_most_a_time_nothing_else(tmp_path):
    p = tmp_path / "a.txt"
    for good in ("2026-04-01", "2026-04-01 08:30", "2026-04-01T08:30:00+02:00"):
        p.write_text(f"---\ndate: {good}\n---\nText.")
        assert read_article(p, id="1").date == "2026-04-01"
    for bad in ("2026-04-01garbage", "2026-04-01T", "2026-04-01T08:61", "2026-04-01 08:30 CET", "2026-04-011"):
        p.write_text(f"---\ndate: {bad}\n---\nText.")
        with pytest.raises(MalformedDataError, match=r"a.txt: header date .* is not a real date \(YYYY-MM-DD\)"):
            read_article(p, id="1")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_not_read_forever():
    with pytest.raises(InputNotFoundError, match="/dev/zero: not a regular file"):
        read_article(Path("/dev/zero"), id="1")


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: takes no disk
    with pytest.raises(InputTooLargeError, match="huge.txt: more than 20 MB, the limit for one article"):
        read_article(p, id="1")


def test_a_stream_is_read_only_up_to_the_limit():
    stream = io.BytesIO(b"x" * 11)
    with pytest.raises(InputTooLargeError, match="<s>: more than 1e-05 MB"):
        read_limited(stream, "<s>", 10)
    assert stream.tell() == 11  # the limit and one byte more, not the whole stream
    assert read_limited(io.BytesIO(b"x" * 10), "<s>", 10) == b"x" * 10


def test_a_url_is_not_taken_for_a_path():
    with pytest.raises(OptionsError, match=r"^https://example.org/a.html: storyline does not fetch URLs"):
        expand_paths(["https://example.org/a.html"])


def test_a_gzip_dataset_is_limited_by_what_it_decompresses_to(tmp_path, monkeypatch):
    import storyline.ingest as ingest

    row = json.dumps({"id": "c1", "documents": ["One text. " * 500], "summaries": ["Ref."]})
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(row.encode()))  # ~5 kB of JSON in a few hundred bytes
    monkeypatch.setattr(ingest, "MAX_DATASET_BYTES", 1000)
    assert path.stat().st_size < 1000
    with pytest.raises(InputTooLargeError, match="decompressed"):
        list(read_dataset(path))


def test_a_file_of_one_article_per_line_is_one_cluster(tmp_path):
    """The JSON Lines the web page's upload takes: {"text", "title", "source", "url", "date", "author"}."""
    path = tmp_path / "arts.jsonl"
    rows = [{"text": "The harbor closed on Tuesday.", "title": "Harbor closes", "source": "Post", "date": "2026-03-10"},
            {"text": "  ", "title": "empty"},
            {"text": "Freight ships must leave by March.", "source": None, "url": None, "date": None}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (ds,) = read_dataset(path)
    assert ds.id == "arts.jsonl" and ds.empty == (f"{path}:2",)
    assert [(a.id, a.title, a.source, a.date, a.origin) for a in ds.articles] == [
        ("1", "Harbor closes", "Post", "2026-03-10", f"{path}:1"), ("3", "", "", None, f"{path}:3")]
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(json.dumps(rows[0]) + "\n" + json.dumps({"id": "c", "documents": ["A text."]}) + "\n")
    with pytest.raises(MalformedDataError, match="line 2: expected an article"):
        list(read_dataset(mixed))
    bad_date = tmp_path / "bad.jsonl"
    bad_date.write_text(json.dumps(dict(rows[0], date="2026-13-01")) + "\n")
    with pytest.raises(MalformedDataError, match="line 1: the date field .2026-13-01. is not a real date"):
        list(read_dataset(bad_date))
    with pytest.raises(MalformedDataError, match="reference summaries"):  # no dataset for eval
        list(read_dataset(path, need_summaries=True))


def test_an_article_line_is_read_as_the_web_upload_reads_it(tmp_path):
    """A line's text is read as a file's: its header gives the outlet and date, an HTML page goes through
    trafilatura (its markup had been taken as the article's words); the line's own fields win."""
    header = "---\nsource: Alder Gazette\ndate: 2026-03-09\ntitle: Pier struck\n---\n"
    page = ("<html><head><title>Ferry halted | Island Times</title>"
            '<meta property="og:site_name" content="Island Times"></head><body><article><h1>Ferry halted</h1>'
            "<p>The Gull Island ferry stopped running on Tuesday after a fault was found in its steering gear, "
            "the operator said in a statement to passengers.</p>"
            "<p>Engineers expect the repairs to take at least a week, and a smaller boat will carry foot "
            "passengers to the island in the meantime.</p></article></body></html>")
    rows = [{"text": header + "A cargo ship struck a pier of the Harbor Bridge on Sunday night."},
            {"text": page, "date": "2026-04-07"},
            {"text": header + "The bridge stayed shut on Monday.", "source": "Coast Radio", "date": "2026-03-10"}]
    path = tmp_path / "arts.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (ds,) = read_dataset(path)
    first, second, third = ds.articles
    assert (first.source, first.title, first.date) == ("Alder Gazette", "Pier struck", "2026-03-09")
    assert first.text == "A cargo ship struck a pier of the Harbor Bridge on Sunday night."
    assert (second.source, second.title, second.date) == ("Island Times", "Ferry halted", "2026-04-07")
    assert "<" not in second.text and second.text.startswith("The Gull Island ferry stopped running")
    assert (third.source, third.title, third.date) == ("Coast Radio", "Pier struck", "2026-03-10")


def test_an_undated_article_line_takes_the_day_its_url_writes(tmp_path):
    # a text file's header url: dated it, as a page's address does; the same url on a JSONL line left it undated
    text = "The port of Selmar reopened on Wednesday."
    rows = [{"text": text, "url": "https://coast.example/news/2026/03/11/selmar-port-reopens"},
            {"text": text, "url": "https://coast.example/news/2026/03/11/port", "date": "2026-03-12"},  # its own wins
            {"text": "---\ndate: 2026-03-10\n---\n" + text, "url": "https://coast.example/2026/03/11/port"},
            {"text": text, "url": "https://coast.example/2099/01/01/port"},  # after today: no day
            {"text": text, "url": "https://coast.example/news/selmar-port-reopens"}]
    path = tmp_path / "arts.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (ds,) = read_dataset(path)
    assert [a.date for a in ds.articles] == ["2026-03-11", "2026-03-12", "2026-03-10", None, None]


def test_an_article_lines_fields_are_read_as_one_line(tmp_path):
    """A title, outlet, author or URL given on a line of JSON is one line, as a header's and the web upload's
    are: its line breaks would start a list item or a heading in the Markdown output."""
    row = {"text": "A cargo ship struck a pier of the Harbor Bridge on Sunday night.",
           "title": "Pier struck\n\n# Bridge shut", "source": " Alder\r\n- Gazette ", "author": "Ann\tLee",
           "url": "https://alder.example/pier\nstruck"}
    path = tmp_path / "arts.jsonl"
    path.write_text(json.dumps(row) + "\n")
    ((article,),) = (ds.articles for ds in read_dataset(path))
    assert (article.title, article.source, article.author, article.url) == (
        "Pier struck # Bridge shut", "Alder - Gazette", "Ann Lee", "https://alder.example/pier struck")


# ---------------------------------------------------------------------------------------------- saved pages

HTML_PAGES = Path(__file__).parent / "fixtures" / "html"

def test_the_site_name_added_to_a_title_is_cut_when_the_headline_is_the_pages_h1():
    """og:title repeats the <title>, "Headline | Brellin Now", and the publisher (og:site_name) has
    another name: the headline is the part that is the page's <h1>."""
    a = read_article(HTML_PAGES / "titlesite.html", id="1")
    assert (a.title, a.source) == ("Firm says it will pay for clean-up after Brellin blaze", "Brellin Evening Standard")


_COASTLINE_LD = (',"publisher":{"@type":"Organization","name":"The Coastline Review",'
                 '"url":"https://medium.com/the-coastline-review"}')


@pytest.mark.parametrize("publisher", [_COASTLINE_LD, ""])  # from the JSON-LD, or the <title> after its byline
def test_a_medium_posts_outlet_is_its_publication_not_medium(publisher):
    html = (HTML_PAGES / "medium.html").read_text()
    assert _COASTLINE_LD in html
    a = article_from_html(html.replace(_COASTLINE_LD, publisher), id="1")
    assert (a.source, a.author) == ("The Coastline Review", "Owen Dunn")
    assert a.title == "The night the Brellin warehouse burned"
    # a post on the writer's own page is in no publication: the platform is its outlet
    own = html.replace("| by Owen Dunn | The Coastline Review | Medium", "| by Owen Dunn | Medium").replace(
        _COASTLINE_LD, ',"publisher":{"@type":"Organization","name":"Medium"}')
    assert article_from_html(own, id="1").source == "Medium"


def test_a_substack_posts_footnote_marks_are_cut_and_its_outlet_is_the_newsletter():
    html = (HTML_PAGES / "substack.html").read_text()
    # the platform's name as the site (og:site_name) gives way to the newsletter's, from the JSON-LD or the <title>
    named = html.replace('<meta name="author"', '<meta property="og:site_name" content="Substack"><meta name="author"')
    for page in (html, named, re.sub(r',"publisher":\{[^}]*\}', "", named)):
        assert article_from_html(page, id="1").source == "Harbor Notes"
    (cleaned,) = clean_articles([article_from_html(html, id="1")])
    # "…to passengers.1 It was …": the mark's digit read into the sentence; "… in January.2" dropped as no sentence
    assert "said in a statement to passengers. It was the second fault" in cleaned.text
    assert "had been told of wear in the same part in January.\n" in cleaned.text
    # the notes stay, without their numbers, as a text's "[1] " label goes and its note stays
    assert cleaned.text.endswith("The inspection report runs to eleven pages; the operator did not answer questions "
                                 "about it.")
    assert not re.search(r"\.\d", cleaned.text)


def test_a_fact_list_between_paragraphs_is_read_as_the_storys_sentences_and_a_byline_paragraph_as_the_author():
    """A story in ``<div class="para">`` blocks: cleaning dropped its list of facts (items without a stop, read as a
    menu's), and the byline, a block like the others, was left to the text and gave no author."""
    a = read_article(HTML_PAGES / "paras.html", id="1")
    assert a.author == "Tomas Ekdahl" and "Ekdahl" not in a.text
    (cleaned,) = clean_articles([a])
    assert "Sixty firefighters from four stations fought the blaze.\n\nThe fire was under control" in cleaned.text
    assert "Residents of Mill Road, Quarry Lane and Hythe Close were moved to the sports hall." in cleaned.text
    # the list of links between the same paragraphs is no fact list: it stays a list, and cleaning drops it
    assert "- Corvane Plastics fined after chemical spill in river" in a.text and "fined" not in cleaned.text


def test_a_list_above_the_first_paragraph_or_below_the_last_is_no_fact_list(tmp_path):
    items = ("<ul><li>Sixty firefighters fought the blaze overnight</li>"
             "<li>Two firefighters were treated in hospital</li></ul>")
    p = tmp_path / "page.html"
    for body in (f"<article><h1>Warehouse fire</h1>{items}{_FIRE}</article>",
                 f"<article><h1>Warehouse fire</h1>{_FIRE}{items}</article>"):
        p.write_text(_page("<title>Warehouse fire</title>", body))
        assert "- Sixty firefighters fought the blaze overnight" in read_article(p, id="1").text


def test_a_page_of_br_lines_takes_its_outlet_from_the_copyright_line_and_no_author_that_is_the_outlet():
    """A table of ``<br>``-separated lines: trafilatura's precise pass found no text, and the page names its outlet
    only in its meta author and its copyright line."""
    a = read_article(HTML_PAGES / "brlines.html", id="1")
    assert (a.source, a.author) == ("Tessel Weekly Courant", "")
    assert a.text.count("Families who spent Tuesday night") == 1


@pytest.mark.parametrize("foot", [
    "<p>&copy; 2026 Tessel Valley Times. All rights reserved.</p>",
    "<p>Copyright (c) 2019-2026 <a href='/'>Tessel Valley Times</a></p>",
    "<div>Copyright &copy; Tessel Valley Times 2026</div>",
])
def test_a_copyright_line_names_the_outlet_when_nothing_else_does(tmp_path, foot):
    p = tmp_path / "page.html"
    p.write_text(_page('<title>Warehouse fire</title><meta name="author" content="Tessel Valley Times">',
                       f"<article><h1>Warehouse fire</h1>{_FIRE}</article><footer>{foot}</footer>"))
    a = read_article(p, id="1")
    assert (a.source, a.author) == ("Tessel Valley Times", "")
    # the site's own name beats it, and a person's name stays the author
    p.write_text(_page('<title>Warehouse fire</title><meta property="og:site_name" content="Valley Times Online">'
                       '<meta name="author" content="Ana Ruiz">',
                       f"<article><h1>Warehouse fire</h1>{_FIRE}</article><footer>{foot}</footer>"))
    assert (read_article(p, id="1").source, read_article(p, id="1").author) == ("Valley Times Online", "Ana Ruiz")


def test_a_sentence_of_the_story_about_copyright_names_no_outlet(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(_page("<title>Warehouse fire</title>", "<article><h1>Warehouse fire</h1>" + _FIRE + "<p>The firm said "
                       "the photographs were copyright 2026 of the fire service and could be reused with its "
                       "permission by any newspaper or broadcaster in the region.</p></article>"))
    assert read_article(p, id="1").source == ""


def test_an_rss_or_atom_feed_is_refused_saying_what_to_give_instead(tmp_path):
    # Read as plain text, its XML declaration was the article's title and its markup the story.
    with pytest.raises(UnreadableInputError, match=r"feed\.xml: an RSS feed \(2 items\), not an article; storyline "
                                                   r"reads one story per article: save each item's page"):
        read_article(HTML_PAGES / "feed.xml", id="1")
    atom = tmp_path / "updates.txt"
    atom.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!-- generator -->\n<feed xmlns="http://www.w3.org/2005/'
                    'Atom"><title>Brellin Courier</title><entry><title>Fire</title></entry></feed>')
    with pytest.raises(UnreadableInputError, match=r"updates\.txt: an Atom feed \(1 item\), not an article"):
        read_article(atom, id="1")
    prose = tmp_path / "note.txt"  # a text that quotes a feed's tag is no feed
    prose.write_text("The <rss> tag opens a feed. The council's feed lists every planning notice it publishes.")
    assert read_article(prose, id="1").text.startswith("The <rss> tag")


@pytest.mark.parametrize(("wrapped", "page"), [
    ("https://web.archive.org/web/20260514093012/https://www.example.org/news/fire",
     "https://www.example.org/news/fire"),
    ("http://web.archive.org/web/20260514093012id_/http://example.org/a?b=1", "http://example.org/a?b=1"),
    ("https://web.archive.org/web/2026/example.org/news/fire", "http://example.org/news/fire"),
    ("https://webcache.googleusercontent.com/search?q=cache:AbC-12xY:https://www.example.org/news/fire&hl=en",
     "https://www.example.org/news/fire"),
    ("https://webcache.googleusercontent.com/search?q=cache:https%3A%2F%2Fexample.org%2Ffire", "https://example.org/fire"),
    ("https://www.example.org/web/2026/story", "https://www.example.org/web/2026/story"),
    ("javascript:alert(1)", ""),
])
def test_a_copy_in_a_web_archive_or_a_cache_has_the_pages_own_address(wrapped, page):
    from storyline.ingest import page_url

    assert page_url(wrapped) == page


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


_FIRE = "".join(f"<p>{s}</p>" for s in (
    "A fire destroyed a plastics warehouse in the town of Brellin overnight, forcing 300 people from their homes.",
    "Sixty firefighters worked for six hours to bring the fire under control, the fire service said on Wednesday.",
    "Two firefighters were taken to hospital with smoke inhalation, and no one else was hurt in the fire.",
))


def test_a_page_without_a_site_name_takes_it_from_its_title_not_its_host_name(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(_page('<title>Warehouse fire in Brellin - Tessel Valley Times</title>'
                       '<link rel="canonical" href="https://www.tvt.example/news/fire">',
                       f"<article><h1>Warehouse fire in Brellin</h1>{_FIRE}</article>"))
    a = read_article(p, id="1")
    assert (a.title, a.source) == ("Warehouse fire in Brellin", "Tessel Valley Times")


_HEADLINE, _SITE = "Warehouse fire forces 300 from homes", "Tessel Valley Times"


@pytest.mark.parametrize(("head", "masthead"), [
    # the logo is the page's one <h1>, a link to the front page, in "Site | Headline"
    (f"<title>{_SITE} | {_HEADLINE}</title>", f'<h1><a href="/">{_SITE}</a></h1>'),
    # a WordPress theme's site title in an <h1> beside the story's
    (f"<title>{_SITE} – {_HEADLINE}</title>",
     f'<h1 class="site-title"><a href="https://tvt.example/" rel="home">{_SITE}</a></h1><h1>{_HEADLINE}</h1>'),
    # the logo an image, the site named by og:site_name, the headline by og:title
    (f'<title>{_SITE} - {_HEADLINE}</title><meta property="og:site_name" content="{_SITE}">',
     f'<a href="/"><img src="logo.png" alt="{_SITE}"></a>'),
    (f'<title>{_SITE} | {_HEADLINE}</title><meta property="og:title" content="{_HEADLINE}">', f"<h1>{_SITE}</h1>"),
    (f'<title>{_SITE} — {_HEADLINE}</title><meta property="og:site_name" content="{_SITE}">', f"<h1>{_SITE}</h1>"),
    # and in the usual order
    (f"<title>{_HEADLINE} | {_SITE}</title>", f'<div class="logo"><a href="/">{_SITE}</a></div>'),
    (f"<title>{_HEADLINE} — {_SITE}</title>", ""),
])
def test_the_headline_is_the_storys_title_and_the_site_its_source_in_either_order(tmp_path, head, masthead):
    p = tmp_path / "page.html"
    p.write_text(_page(head, f"<header>{masthead}</header><article>{_FIRE}</article>"))
    a = read_article(p, id="1")
    assert (a.title, a.source) == (_HEADLINE, _SITE)


def test_a_page_titled_with_the_sites_name_alone_takes_its_headline_from_the_body(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(_page(f"<title>{_SITE}</title>", f'<header><h1><a href="/">{_SITE}</a></h1></header>'
                                                 f"<article><h2>{_HEADLINE}</h2>{_FIRE}</article>"))
    a = read_article(p, id="1")
    assert (a.title, a.source) == ("", _SITE)
    (cleaned,) = clean_articles([a])
    assert cleaned.title == _HEADLINE and _HEADLINE not in cleaned.text


def test_the_dates_of_related_stories_and_of_an_update_are_not_the_publication_date(tmp_path):
    """With no date of its own in the markup, a page was dated by htmldate's earliest <time>: a related
    story's from 2024, or the day the story was updated."""
    related = ('<section class="related"><h2>More on this story</h2><ul><li><a href="/old">Firm fined over '
               'spill</a> <time datetime="2024-03-03">3 March 2024</time></li></ul></section>')
    p = tmp_path / "page.html"
    p.write_text(_page("<title>Warehouse fire</title>", f"<article><h1>Warehouse fire</h1>{_FIRE}</article>{related}"))
    assert read_article(p, id="1").date is None
    updated = '<p class="meta">By Ana Ruiz <time class="updated" datetime="2026-05-14T10:05">May 14, 2026</time></p>'
    p.write_text(_page("<title>Warehouse fire</title>", f"<article><h1>Warehouse fire</h1>{updated}{_FIRE}</article>"))
    assert read_article(p, id="1").date is None
    # WordPress marks a never-edited post's date "published updated": that one is the publication date.
    posted = '<time class="entry-date published updated" datetime="2026-05-13T07:42">May 13, 2026</time>'
    p.write_text(_page("<title>Warehouse fire</title>",
                       f"<article><h1>Warehouse fire</h1><p>{posted}</p>{_FIRE}</article>{related}"))
    assert read_article(p, id="1").date == "2026-05-13"



def test_a_time_zone_offset_of_a_day_or_more_does_not_lose_the_page(tmp_path):
    """htmldate raised on "+25:00" and trafilatura dropped the whole page: "no article text found"."""
    p = tmp_path / "page.html"
    for stamp in ("2026-05-13T07:42:00+25:00", "2026-05-13T07:42:00-2400", "2026-05-13T07:42:00+05:75"):
        head = f'<title>Warehouse fire</title><meta property="article:published_time" content="{stamp}">'
        p.write_text(_page(head, f"<article><h1>Warehouse fire</h1>{_FIRE}</article>"))
        a = read_article(p, id="1")
        assert a.date == "2026-05-13" and "Sixty firefighters" in a.text, stamp


@pytest.mark.parametrize("markup", [
    '<meta property="article:published_time" content="2026-02-30T10:00:00">',
    '<meta name="date" content="31/04/2026">',
    '<meta name="date" content="2026-02">',  # read as the day of the month it was read on
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-02-30"}</script>',
    '<meta property="og:url" content="https://times.example/2026/02/30/warehouse-fire">',
])
def test_an_impossible_date_in_the_markup_is_no_date_not_the_first_of_its_month(tmp_path, markup):
    p = tmp_path / "page.html"
    p.write_text(_page(f"<title>Warehouse fire</title>{markup}", f"<article><h1>Warehouse fire</h1>{_FIRE}</article>"))
    assert read_article(p, id="1").date is None
    # The page's other dates are still read: the impossible one is ignored, not the page's dating.
    own = '<p><time datetime="2026-02-27">27 February 2026</time></p>'
    p.write_text(_page(f"<title>Warehouse fire</title>{markup}",
                       f"<article><h1>Warehouse fire</h1>{own}{_FIRE}</article>"))
    assert read_article(p, id="1").date == "2026-02-27"


@pytest.mark.parametrize("line", [
    '<span class="date">30.02.2026</span>',
    '<span class="date">2026-02-30</span>',
    '<div class="byline">By Jane Roe, 31/04/2026</div>',
    '<div class="meta"><span>Published:</span> <span>30/02/2026 10:15</span></div>',
    '<span class="date">2026-02</span>',  # read as the day of the month it was read on
])
def test_an_impossible_date_printed_in_a_date_element_is_no_date(tmp_path, line):
    # htmldate reads the text of a date element as it reads a <time>: "30.02.2026" gave 2026-02-01
    p = tmp_path / "page.html"
    p.write_text(_page("<title>Warehouse fire</title>", f"<article><h1>Warehouse fire</h1>{line}{_FIRE}</article>"))
    a = read_article(p, id="1")
    assert a.date is None and "Sixty firefighters" in a.text
    own = '<p class="posted">27.02.2026</p>'  # a real date beside it is still read
    p.write_text(_page("<title>Warehouse fire</title>",
                       f"<article><h1>Warehouse fire</h1>{line}{own}{_FIRE}</article>"))
    assert read_article(p, id="1").date == "2026-02-27"


@pytest.mark.parametrize(("title", "h1"), [
    ("Storm of 31/02/2026 hits coast", "Storm of 31/02/2026 hits coast"),
    ("Storm hits coast", "Storm of 2026-02-30 hits coast"),
    ("Storm of 30.02.2026 hits coast", "Storm hits coast"),
])
def test_an_impossible_date_in_the_headline_is_no_date(tmp_path, title, h1):
    # htmldate reads the <title> and <h1> as dates: "31/02/2026" in a headline dated the page 2026-02-01
    p = tmp_path / "page.html"
    p.write_text(_page(f"<title>{title}</title>", f"<article><h1>{h1}</h1>{_FIRE}</article>"))
    a = read_article(p, id="1")
    assert a.date is None and a.title in (title, h1) and "Sixty firefighters" in a.text
    own = '<p class="posted">27.02.2026</p>'  # a real date elsewhere is still read
    p.write_text(_page(f"<title>{title}</title>", f"<article><h1>{h1}</h1>{own}{_FIRE}</article>"))
    assert read_article(p, id="1").date == "2026-02-27"
    p.write_text(_page("<title>Storm of 28/02/2026 hits coast</title>",  # and a real one in the headline
                       f"<article><h1>Storm of 28/02/2026 hits coast</h1>{_FIRE}</article>"))
    assert read_article(p, id="1").date == "2026-02-28"


@pytest.mark.parametrize("notice", [
    "<footer>© 2019 Brellin Courier</footer>",
    "<small>Copyright 2019</small>",
    '<p class="copyright">© 2019-2024 Brellin Courier. All rights reserved.</p>',
    '<footer><span itemprop="copyrightYear">2019</span></footer>',
    '<script type="application/ld+json">{"@type": "NewsArticle", "copyrightYear": 2019}</script>',
])
def test_a_copyright_year_alone_is_no_publication_date(tmp_path, notice):
    # htmldate's last resort gives a page whose only date is its copyright year that year's 1 January
    p = tmp_path / "page.html"
    p.write_text(_page("<title>Warehouse fire</title>", f"<article><h1>Warehouse fire</h1>{_FIRE}</article>{notice}"))
    assert read_article(p, id="1").date is None


_FERRY = (
    ("2026-06-02T08:05+01:00", "Unions called the strike on Monday night after talks with the ferry firm broke down."),
    ("2026-06-02T11:40+01:00", "The first sailing from Port Aldous was cancelled and passengers were sent home."),
    ("2026-06-02T14:20+01:00", "The company said it would run a reduced timetable from Wednesday with agency crews."),
    ("2026-06-02T17:55+01:00", "Talks will resume on Thursday at the offices of the mediation service in Kelby."),
)


def _ferry_blog(entries) -> str:
    body = "".join(f'<article class="post"><time datetime="{t}">{t[11:16]}</time><p>{text}</p></article>'
                   for t, text in entries)
    return _page('<title>Live: ferry strike</title><meta property="article:published_time" content="2026-06-02">',
                 '<main><h1>Live: ferry strike</h1><p class="standfirst">Ferry crews across the islands walked out on '
                 f"Tuesday in a dispute over pay and rosters.</p><div class='feed'>{body}</div></main>")


def test_a_live_blog_printed_newest_first_is_read_from_its_start(tmp_path):
    p = tmp_path / "blog.html"
    p.write_text(_ferry_blog(reversed(_FERRY)))
    a = read_article(p, id="1")
    paragraphs = a.text.split("\n\n")
    # the standfirst leads, then the entries in the order they were written: the blog's lead is the story's start
    assert paragraphs[0].startswith("Ferry crews across the islands")
    assert paragraphs[1:] == [text for _, text in _FERRY]
    assert a.date == "2026-06-02"
    # a blog printed oldest first is read as trafilatura gives it, and one whose stamps are not strictly
    # newest first too: its entries stay in the page's order
    texts = {text for _, text in _FERRY}
    for entries in (_FERRY, (_FERRY[2], _FERRY[3], _FERRY[1], _FERRY[0])):
        p.write_text(_ferry_blog(entries))
        got = [t for t in read_article(p, id="1").text.split("\n\n") if t in texts]
        assert got == [text for _, text in entries]


@pytest.mark.parametrize("head", [
    "<title>Brellin Courier | Warehouse fire forces hundreds from homes</title>",
    "<title>Warehouse fire forces hundreds from homes – Brellin Courier</title>",
    '<title>Brellin Courier | Warehouse fire forces hundreds from homes</title>'
    '<meta property="og:title" content="Warehouse fire forces hundreds from homes">',
])
def test_a_bare_h1_that_is_the_sites_name_beside_the_title_is_no_headline(tmp_path, head):
    # no logo, no front-page link, no og:site_name: the <title> says which side is the site's name
    p = tmp_path / "page.html"
    p.write_text(_page(head, f"<article><h1>Brellin Courier</h1>{_FIRE}</article>"))
    a = read_article(p, id="1")
    assert (a.title, a.source) == ("Warehouse fire forces hundreds from homes", "Brellin Courier")
    assert a.text.startswith("A fire destroyed a plastics warehouse")
    # a <title> no longer than the name beside it gives no evidence: the <h1> stays the headline
    p.write_text(_page("<title>Warehouse fire | Brellin Courier</title>",
                       f"<article><h1>Brellin Courier</h1>{_FIRE}</article>"))
    assert read_article(p, id="1").title == "Brellin Courier"


def test_a_section_front_is_refused_not_summarized_as_its_headlines():
    with pytest.raises(EmptyInputError, match=r"section\.html: a page of 10 headlines \(a section front or index\), "
                                               r"not an article; save the article's own page$"):
        read_article(HTML_PAGES / "section.html", id="1")


def test_a_paywall_prompt_is_not_part_of_the_teaser():
    a = read_article(HTML_PAGES / "paywall.html", id="1")
    assert a.text == ("By Greta Holm\n\nThe plastics warehouse that burned down in Brellin on Tuesday night had not "
                      "had a full fire safety inspection for more than three years, council records seen by the "
                      "Ledger show.")
    assert a.teaser  # and the article says it is only the teaser
    assert not read_article(HTML_PAGES / "wire.html", id="2").teaser


def test_a_full_story_with_a_subscription_promo_below_it_is_no_teaser(tmp_path):
    story = "".join(f"<p>The council met on Tuesday {k} and the clerks read every motion to the room in order.</p>"
                    for k in range(20))
    page = tmp_path / "promo.html"
    page.write_text(f"<html><head><title>Council meets</title></head><body><article><h1>Council meets</h1>{story}"
                    "<p>Get unlimited digital access from just £1 a week.</p></article></body></html>")
    a = read_article(page, id="1")
    assert "unlimited" not in a.text and not a.teaser


def test_a_story_sentence_about_content_for_subscribers_is_no_paywall_prompt(tmp_path):
    story = ("<p>The Tessel streaming service will stop its free tier in March, the company said on Tuesday.</p>"
             "<p>Its new series of content for subscribers only will cost five dollars a month.</p>"
             "<p>The council's minutes are for subscribers only, the clerk said.</p>")
    page = tmp_path / "stream.html"
    page.write_text(_page("<title>Free tier ends</title>", f"<article><h1>Free tier ends</h1>{story}"
                          "<p>This article is for subscribers only. Sign in or subscribe.</p></article>"))
    a = read_article(page, id="1")
    assert "content for subscribers only" in a.text and "minutes are for subscribers only" in a.text
    assert "Sign in" not in a.text and a.teaser


def test_a_live_blogs_key_points_that_trafilatura_leaves_out_lead_its_text():
    # trafilatura takes <div class="live-feed"> of entries for the whole story and leaves the key points above it
    # out: they lead the text, then the entries oldest first.
    [a] = clean_articles([read_article(HTML_PAGES / "keypoints.html", id="1")])
    assert [p.split(".")[0] for p in a.text.split("\n\n")] == [
        "A landslide blocked the A817 at Tarrow Pass on Monday night", "About 40 drivers were led to safety by "
        "firefighters", "The road will be closed for at least two weeks", "Good morning",
        "The council has confirmed that nobody was injured in the landslide", "Fellway Buses says its 42 service "
        "will run via Callow Bridge until further notice, adding around half an hour to the trip",
        "Two geologists from the county council are now walking the top of the slope",
    ]


def test_a_wall_that_trafilatura_leaves_out_still_marks_the_teaser(tmp_path):
    # The story in its own <div class="article-body">, the wall a sibling of it: trafilatura extracts the body
    # alone, and only the markup tells that it is the free teaser.
    wall = ('<div class="paywall"><h2>Subscribe to continue reading</h2><p>You have reached the end of your free '
            'preview.</p><p>Already a subscriber? <a href="/login">Log in</a></p></div>')
    page = tmp_path / "wall.html"
    page.write_text(_page("<title>Fire checks</title>",
                          f'<article><h1>Fire checks</h1><div class="article-body">{_FIRE}</div>{wall}</article>'))
    a = read_article(page, id="1")
    assert "subscriber" not in a.text and a.teaser


@pytest.mark.parametrize("free", ['false', '"False"'])
def test_a_story_its_json_ld_marks_not_free_is_a_teaser_when_short(tmp_path, free):
    # The wall drawn by a script, not in the saved page: schema.org's isAccessibleForFree says what it is.
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
          f'"headline": "Fire checks", "isAccessibleForFree": {free}}}</script>')
    page = tmp_path / "marked.html"
    page.write_text(_page(f"<title>Fire checks</title>{ld}", f"<article><h1>Fire checks</h1>{_FIRE}</article>"))
    assert read_article(page, id="1").teaser
    # a subscriber's copy of the whole story is no teaser, nor is a story read from its JSON-LD body
    long = "".join(f"<p>The council met on Tuesday {k} and the clerks read every motion to the room in order.</p>"
                   for k in range(20))
    page.write_text(_page(f"<title>Fire checks</title>{ld}", f"<article><h1>Fire checks</h1>{long}</article>"))
    assert not read_article(page, id="1").teaser
    body = ld.replace('"headline"', '"articleBody": "A fire destroyed a plastics warehouse in Brellin overnight, the '
                      'fire service said.", "headline"')
    page.write_text(_page(f"<title>Fire checks</title>{body}", '<div id="app"></div>'))
    a = read_article(page, id="1")
    assert a.text.startswith("A fire destroyed") and not a.teaser


def test_a_subscribe_button_in_the_masthead_or_footer_is_no_wall(tmp_path):
    frame = ('<header><a href="/">The Valley Ledger</a><p>Subscribe to continue reading our journalism for just '
             '£1.</p></header>')
    footer = "<footer><p>Already a subscriber? Log in</p></footer>"
    page = tmp_path / "short.html"
    page.write_text(_page("<title>Fire</title>", f"{frame}<article><h1>Fire</h1>{_FIRE}</article>{footer}"))
    assert not read_article(page, id="1").teaser


def test_reporting_on_unlimited_access_is_no_paywall_prompt(tmp_path):
    page = tmp_path / "deal.html"
    page.write_text("<html><head><title>Deal</title></head><body><article><h1>Deal</h1><p>Iran agreed to the deal on "
                    "Tuesday after long talks in Vienna, officials said.</p><p>The deal gives inspectors unlimited "
                    "access to the sites.</p></article></body></html>")
    a = read_article(page, id="1")
    assert a.text.endswith("unlimited access to the sites.") and not a.teaser


@pytest.mark.parametrize(("byline", "author"), [
    ("By Rhys Callan &bull; 13 May 2026", "Rhys Callan"),
    ("By Owen Tarrant, Business Reporter", "Owen Tarrant"),
    ("By Ana Ruiz, Northline Press", "Ana Ruiz"),
    ("Ana Ruiz | Staff writer", "Ana Ruiz"),
    ("By Ana Ruiz, Chief Reporter, and Tom Ellery", "Ana Ruiz; Tom Ellery"),
    ("By Marta Press", "Marta Press"),  # a surname like an agency's, alone, is the author's
    ("By LEA BRANDT and SAM O'NEIL, Associated Press", "Lea Brandt; Sam O'Neil"),  # a byline set in capitals
    # a desk or an outlet in capitals stays as written (title case made "Bbc News", "Npr Staff")
    ("By BBC NEWS", "BBC NEWS"),
    ("By NPR STAFF", "NPR STAFF"),
])
def test_a_byline_gives_the_names_without_role_agency_or_separator(tmp_path, byline, author):
    p = tmp_path / "page.html"
    p.write_text(_page("<title>Warehouse fire</title>",
                       f'<article><h1>Warehouse fire</h1><p class="byline">{byline}</p>{_FIRE}</article>'))
    assert read_article(p, id="1").author == author


def _scripted_page(tmp_path, ld: dict, body: str = '<div id="app"></div>') -> Path:
    page = tmp_path / "app.html"
    page.write_text(
        "<html><head><title>Ferry runs aground off Kessel Point | Tidewater Post</title>"
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body>{body}'
        "<noscript>You need to enable JavaScript to run this app.</noscript><script src='app.js'></script>"
        "</body></html>"
    )
    return page


FERRY = ("The passenger ferry Linnet ran aground off Kessel Point on Sunday evening, the harbour authority said.\n"
         "All 86 passengers were taken ashore by lifeboat crews, and nobody was hurt, the authority added.\n"
         "The rising tide lifted the ferry free shortly after midnight, and tugs towed it back to port.")


def test_a_page_drawn_by_javascript_is_read_from_its_json_ld(tmp_path):
    # Saved before its script ran, the page holds its story only in the JSON-LD the site gives search engines.
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry runs aground off Kessel Point",
          "datePublished": "2026-05-03T09:00:00Z", "author": {"@type": "Person", "name": "Ines Marlow"},
          "publisher": {"@type": "Organization", "name": "Tidewater Post"}, "articleBody": FERRY}
    a = read_article(_scripted_page(tmp_path, ld), id="1")
    assert a.text == FERRY.replace("\n", "\n\n")
    assert (a.title, a.source, a.date, a.author) == (
        "Ferry runs aground off Kessel Point", "Tidewater Post", "2026-05-03", "Ines Marlow")


def test_the_pages_own_text_wins_over_its_json_ld(tmp_path):
    ld = {"@type": "NewsArticle", "articleBody": "A shorter version the page's JSON-LD carries for search engines."}
    story = "".join(f"<p>{line}</p>" for line in FERRY.splitlines())
    a = read_article(_scripted_page(tmp_path, ld, f"<article><h1>Ferry runs aground</h1>{story}</article>"), id="1")
    assert a.text == FERRY.replace("\n", "\n\n")


def test_a_page_with_no_text_anywhere_says_how_to_save_it(tmp_path):
    page = _scripted_page(tmp_path, {"@type": "WebPage", "name": "Tidewater Post"})
    with pytest.raises(EmptyInputError, match=r"app\.html: no article text found in this HTML page \(if the site "
                                              r"draws its story with JavaScript, save the page once the browser"):
        read_article(page, id="1")


def test_the_resources_a_browser_saved_beside_a_page_are_not_articles(tmp_path):
    # "Web Page, complete": story.html and story_files/ with the page's frames (an embedded post, an ad).
    (tmp_path / "story.html").write_text("<html><body><p>The story.</p></body></html>")
    for folder in ("story_files", "story-Dateien", "story_files/nested"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "saved_resource.html").write_text("<p>An embedded post.</p>")
    (tmp_path / "notes_files").mkdir()  # no notes.html beside it: a folder of the user's own
    (tmp_path / "notes_files" / "a.txt").write_text("An article.")
    (tmp_path / "story2.htm").write_text("<p>Another story.</p>")
    (tmp_path / "story2_fichiers").mkdir()
    (tmp_path / "story2_fichiers" / "ad.html").write_text("<p>An advertisement.</p>")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert found == ["notes_files/a.txt", "story.html", "story2.htm"]
    named = tmp_path / "story_files" / "saved_resource.html"
    assert expand_paths([named]) == [named]  # named on its own, it is read


def _mhtml(page: str, *, where: str = "https://tidewater.example/news/ferry", nested: bool = False) -> bytes:
    """A page saved as Chrome saves it ("Webpage, Single File"): quoted-printable HTML beside an image."""
    import email.message
    import email.policy

    archive = email.message.EmailMessage(policy=email.policy.SMTP)
    archive["From"] = "<Saved by Blink>"
    archive["Snapshot-Content-Location"] = where
    archive["Subject"] = "Ferry runs aground off Kessel Point"
    archive.make_related()
    html = email.message.EmailMessage(policy=email.policy.SMTP)
    html.set_content(page, subtype="html", cte="quoted-printable")
    html["Content-Location"] = where
    image = email.message.EmailMessage(policy=email.policy.SMTP)
    image.set_content(b"\x89PNG\r\n\x1a\n" + bytes(2000), maintype="image", subtype="png")
    if nested:
        inner = email.message.EmailMessage(policy=email.policy.SMTP)
        inner.make_alternative()
        inner.attach(html)
        archive.attach(inner)
    else:
        archive.attach(html)
    archive.attach(image)
    return archive.as_bytes()


FERRY_PAGE = ("<html><head><title>Ferry runs aground off Kessel Point | Tidewater Post</title>"
              '<meta property="og:site_name" content="Tidewater Post"></head><body><article>'
              "<h1>Ferry runs aground off Kessel Point</h1>"
              + "".join(f"<p>{line}</p>" for line in FERRY.splitlines()) + "</article></body></html>")


@pytest.mark.parametrize("nested", [False, True])
def test_a_page_saved_as_a_web_archive_is_read_as_its_page(tmp_path, nested):
    # Read as plain text, its quoted-printable markup ("reduc= e", "<p>") was summarized as the story.
    saved = tmp_path / "ferry.mhtml"
    saved.write_bytes(_mhtml(FERRY_PAGE, nested=nested))
    a = read_article(saved, id="1")
    assert a.text == FERRY.replace("\n", "\n\n")
    assert (a.title, a.source, a.url) == (
        "Ferry runs aground off Kessel Point", "Tidewater Post", "https://tidewater.example/news/ferry")
    other = tmp_path / "ferry.bin"  # no suffix to go by: known by its headers
    other.write_bytes(saved.read_bytes())
    assert read_article(other, id="1").text == a.text
    assert expand_paths([tmp_path]) == [saved]  # found in a directory (.mht too)


def test_a_web_archive_without_a_page_is_a_clear_error(tmp_path):
    saved = tmp_path / "empty.mht"
    saved.write_bytes(_mhtml(FERRY_PAGE).replace(b"text/html", b"text/plain"))
    with pytest.raises(EmptyInputError, match=r"empty\.mht: no HTML page in this saved web archive \(MHTML\)$"):
        read_article(saved, id="1")


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF file"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive (a Word .docx, an OpenDocument or an e-book"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "an old Office file (a Word .doc)"),
    # RTF is text: read as such, its control words were summarized with the article
    (rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}\f0\fs24 The council voted on Tuesday to shut the bridge.\par }",
     "an RTF document"),
])
def test_a_document_format_is_refused_saying_what_it_is_and_how_to_give_it(tmp_path, data, kind):
    f = tmp_path / "release.txt"
    f.write_bytes(data)
    with pytest.raises(UnreadableInputError) as caught:
        read_article(f, id="1")
    assert str(caught.value).startswith(f"{f}: {kind}")
    assert str(caught.value).endswith("which storyline does not read; save the article as a web page (.html) or "
                                      "its text as plain text (.txt)")


def test_a_markdown_file_gives_its_words_without_the_syntax(tmp_path):
    # Read as plain text, the title was "# Bridge closed" and the summary quoted "**Harbor Bridge**" and links.
    note = tmp_path / "note.md"
    note.write_text(
        "---\nsource: Alder Gazette\n---\n"
        "# Bridge closed after ship strike #\n\n"
        "The **Harbor Bridge** was closed on _Sunday night_ after the ship [Marisol Star](https://example.org/"
        'ship_(vessel) "the ship") struck one of its piers, officials said.\n\n'
        '> "We will not reopen it until every pier is checked," Mayor Helen Okafor said on Monday.\n\n'
        "![The damaged pier](pier.jpg)\n\n"
        "1. About 48,000 vehicles cross the bridge on an average weekday, the city's [transport office][t] said.\n"
        "* Free shuttle buses will run from the `Eastside` terminal from Wednesday, at a cost of 2 * 3 dollars.\n\n"
        "```\nvar tracking = 1;\n```\n\n"
        "---\n\n"
        "The operator\\'s statement blamed a \\*fault\\* in the main engine's fuel_system module.\n\n"
        "[t]: https://example.org/transport\n"
    )
    (a,) = clean_articles([read_article(note, id="1")])
    assert (a.title, a.source) == ("Bridge closed after ship strike", "Alder Gazette")
    assert a.text == (
        "The Harbor Bridge was closed on Sunday night after the ship Marisol Star struck one of its piers, officials "
        "said.\n\n"
        '"We will not reopen it until every pier is checked," Mayor Helen Okafor said on Monday.\n\n'
        "About 48,000 vehicles cross the bridge on an average weekday, the city's transport office said.\n\n"
        "Free shuttle buses will run from the Eastside terminal from Wednesday, at a cost of 2 * 3 dollars.\n\n"
        "The operator's statement blamed a *fault* in the main engine's fuel_system module."
    )
    plain = tmp_path / "note.txt"  # a .txt file is read as it is written
    plain.write_text("The **Harbor Bridge** was closed on Sunday night, officials said.")
    assert read_article(plain, id="1").text == "The **Harbor Bridge** was closed on Sunday night, officials said."


def test_a_markdown_file_opening_on_a_heading_takes_it_for_its_title_however_short(tmp_path):
    # A plain line is taken for the headline from four words (menus are shorter); "# Dam overflows" was lost.
    note = tmp_path / "dam.md"
    note.write_text("# Dam *overflows*\n\nWater poured over the Kestrel Dam on Monday night, officials said.\n")
    (a,) = clean_articles([read_article(note, id="1")])
    assert (a.title, a.text) == ("Dam overflows", "Water poured over the Kestrel Dam on Monday night, officials said.")
    # a heading further down is no title, nor is one under a header that gives the title
    later = tmp_path / "later.md"
    later.write_text("Water poured over the Kestrel Dam on Monday night, officials said.\n\n## Reaction\n")
    assert read_article(later, id="1").title == ""
    headed = tmp_path / "headed.md"
    headed.write_text("---\ntitle: Kestrel Dam overflows\n---\n# Dam overflows\n\nWater poured over it.\n")
    assert read_article(headed, id="1").title == "Kestrel Dam overflows"


@pytest.mark.parametrize("own_first", [True, False])
def test_the_next_story_a_page_loaded_below_its_own_does_not_date_it(tmp_path, own_first):
    # A site that loads the next story as the reader scrolls: saved so, the page holds two <article>s with
    # their <h1> and <time>; the date search took the other story's (the earlier of the two).
    def story(headline: str, day: str, body: str) -> str:
        return (f'<article><h1>{headline}</h1><time datetime="{day}">{day}</time>'
                + "".join(f"<p>{line}</p>" for line in body.splitlines()) + "</article>")

    own = story("Ferry runs aground off Kessel Point", "2026-05-03", FERRY)
    other = story("Council approves new tram line", "2026-04-20",
                  "The city council approved the new tram line on Monday by nine votes to four.\n"
                  "Work on the first section will begin in the autumn, the transport office said.")
    stories = own + f'<div class="next">{other}</div>' if own_first else other + own
    page = tmp_path / "ferry.html"
    page.write_text("<html><head><title>Ferry runs aground off Kessel Point | Tidewater Post</title></head>"
                    f"<body>{stories}</body></html>")
    a = read_article(page, id="1")
    assert a.date == "2026-05-03"


@pytest.mark.parametrize("name", ["page.txt", "page.md"])
def test_a_whole_html_page_under_a_text_name_is_read_as_html(tmp_path, name):
    # "curl ... > page.txt": read as text, its tags and entities were summarized with the story.
    page = tmp_path / name
    page.write_text(f"<!-- saved from url=(0040)https://tidewater.example/news/ferry -->\n<!DOCTYPE html>{FERRY_PAGE}")
    a = read_article(page, id="1")
    assert a.text == FERRY.replace("\n", "\n\n") and a.title == "Ferry runs aground off Kessel Point"
    quoted = tmp_path / f"quoted{page.suffix}"  # a text that opens with a tag it quotes stays text
    quoted.write_text("<p> is the paragraph tag, the designer told the council on Tuesday.\n")
    assert read_article(quoted, id="2").text.startswith("<p> is the paragraph tag")


def test_a_page_opening_with_a_comment_is_html_on_standard_input_and_as_a_string():
    from storyline.ingest import looks_like_html

    page = f"<!-- saved from url=(0040)https://tidewater.example/news/ferry -->\n<!DOCTYPE html>{FERRY_PAGE}"
    assert looks_like_html(page) and looks_like_html(page.encode())
    assert not looks_like_html("<!-- a comment --> and then plain words")


def test_a_page_safari_saved_as_a_web_archive_is_read_as_its_page(tmp_path):
    # Safari's default "Save As" format, a binary property list: it was refused as text in no known encoding.
    import plistlib

    archive = {
        "WebMainResource": {"WebResourceData": FERRY_PAGE.encode("utf-8"), "WebResourceMIMEType": "text/html",
                            "WebResourceTextEncodingName": "UTF-8",
                            "WebResourceURL": "https://tidewater.example/news/ferry"},
        "WebSubresources": [{"WebResourceData": b"\x89PNG\r\n\x1a\n" + bytes(500), "WebResourceMIMEType": "image/png",
                             "WebResourceURL": "https://tidewater.example/ferry.png"}],
    }
    saved = tmp_path / "ferry.webarchive"
    saved.write_bytes(plistlib.dumps(archive, fmt=plistlib.FMT_BINARY))
    a = read_article(saved, id="1")
    assert a.text == FERRY.replace("\n", "\n\n")
    assert (a.title, a.source, a.url) == (
        "Ferry runs aground off Kessel Point", "Tidewater Post", "https://tidewater.example/news/ferry")
    assert expand_paths([tmp_path]) == [saved]
    broken = tmp_path / "broken.webarchive"
    broken.write_bytes(b"bplist00" + bytes(40))
    with pytest.raises(UnreadableInputError, match=r"broken\.webarchive: a broken Safari web archive"):
        read_article(broken, id="2")


_TABLED = "<!doctype html><html><head><title>{title}</title></head><body><header><nav><a href='/'>Home</a></nav>" \
          "</header><table><tr><td>{body}</td></tr></table><footer><p>© 2026 Brellin Courier</p></footer></body></html>"


@pytest.mark.parametrize(("title", "body", "said"), [
    # an error page: the looser second pass (for a story laid out in a table) read its two sentences as the story
    ("Page not found | Brellin Courier", "<h1>Oops!</h1><p>Page not found.</p><p>The page you requested does not "
     "exist.</p>", "an error page"),
    ("404 Not Found", "<p>Sorry, the page you are looking for could not be found.</p><p>It may have been moved or "
     "deleted. Try searching our site or return to the homepage.</p>", "an error page"),
    ("Error", "<p>Something went wrong.</p><p>We are working to fix the problem. Please try again later.</p>",
     "an error page"),
    ("Before you continue", "<h2>We value your privacy</h2><p>We and our partners store and access information on "
     "your device, such as cookies, to show you personalised ads and content.</p><p>You can accept or manage your "
     "choices by clicking below.</p>", "a cookie consent page"),
    ("Are you a robot?", "<h1>Please verify you are a human</h1><p>We have detected unusual activity from your "
     "computer network.</p><p>To continue, please click the box below to let us know you are not a robot.</p>",
     "a robot check"),
    ("Subscribe | Valley Ledger", "<h2>This article is for subscribers only.</h2><p>Subscribe now for unlimited "
     "access to all our journalism.</p><p>Already a subscriber? Log in.</p>", "only a paywall's prompt"),
])
def test_a_notice_saved_in_place_of_a_story_is_refused_saying_what_it_is(tmp_path, title, body, said):
    page = tmp_path / "page.html"
    page.write_text(_TABLED.format(title=title, body=body))
    with pytest.raises(EmptyInputError, match=rf"page\.html: {said}"):
        read_article(page, id="1")


def test_a_short_story_about_an_error_page_is_still_a_story(tmp_path):
    page = tmp_path / "page.html"
    body = ("<p>The council's website showed a page not found error for most of Monday after a server failed.</p>"
            "<p>Residents who tried to pay parking fines online were told to try again later, a spokesman said.</p>"
            "<p>The site was working again by the evening, the council said.</p>")
    page.write_text(_TABLED.format(title="Council website down for a day", body=body))
    assert read_article(page, id="1").text.startswith("The council's website showed")
    brief = ("<p>Ticket sales for the summer fair have moved to the council's new website this week.</p>"
             "<p>If you cannot find the page, try searching for the fair by name.</p>")
    page.write_text(_TABLED.format(title="Fair tickets on sale", body=brief))  # one paragraph of two speaks so
    assert read_article(page, id="1").text.startswith("Ticket sales")


def test_a_readers_name_in_the_comments_is_not_the_storys_author(tmp_path):
    # trafilatura took "readerJoe", who signed the first comment, for the author of a story with no byline.
    comment = ('<div class="post"><span class="author">{name}</span> <span class="time">2 hours ago</span><p>{text}'
               "</p><a>Reply</a></div>")
    page = ("<html><head><title>Library to open on Sundays</title></head><body><main><h1>Library to open on Sundays"
            "</h1><div class='story-body'>{byline}<p>Brellin's central library will open on Sundays from June after "
            "more than 1,200 people signed a petition, the council said on Saturday.</p><p>Volunteers will help staff "
            "on the new shifts, and the library will open from 11am to 4pm.</p></div><div id='disqus_thread'>"
            "<h3>42 Comments</h3>{comments}</div></main></body></html>")
    comments = comment.format(name="readerJoe", text="About time too. The library has been shut on Sundays for ten "
                              "years and nobody listened.")
    comments += comment.format(name="Mary Bell", text="Who is going to pay for the extra staff on Sundays?")
    path = tmp_path / "library.html"
    path.write_text(page.format(byline="", comments=comments))
    assert read_article(path, id="1").author == ""
    # the story's own byline stays, even when its writer answers a reader below
    byline = '<p class="byline">By <span class="author">Mary Bell</span></p>'
    path.write_text(page.format(byline=byline, comments=comments))
    assert read_article(path, id="1").author == "Mary Bell"


def test_a_page_drawn_by_a_script_takes_its_address_from_its_json_ld(tmp_path):
    # Its story was read from the JSON-LD, its address there left out: the article had no URL.
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Tidewater Post", "url": "https://tidewater.example"},
        {"@type": "NewsArticle", "headline": "Ferry runs aground off Kessel Point", "articleBody": FERRY,
         "mainEntityOfPage": {"@id": "https://tidewater.example/news/ferry-aground"}}]}
    a = read_article(_scripted_page(tmp_path, graph), id="1")
    assert a.url == "https://tidewater.example/news/ferry-aground"
    graph["@graph"][1]["mainEntityOfPage"] = "javascript:alert(1)"  # kept only when it is a web address
    assert read_article(_scripted_page(tmp_path, graph), id="1").url == ""


def test_a_live_blog_given_only_in_json_ld_is_read_whole_oldest_entry_first(tmp_path):
    # Each entry is a posting of its own: the longest alone was read, under its own headline.
    ld = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "River at record low",
          "liveBlogUpdate": [
              {"@type": "BlogPosting", "headline": "Ferry suspended", "datePublished": "2026-05-26T11:00:00Z",
               "articleBody": "The operator suspended the ferry for the rest of the day, Captain Ilse Marrow said."},
              {"@type": "BlogPosting", "headline": "Record reading", "datePublished": "2026-05-26T09:00:00+01:00",
               "articleBody": "The gauge at the Oston landing read 0.42 metres at 9am, the lowest since records "
                              "began, the harbour board said."}]}
    a = read_article(_scripted_page(tmp_path, ld), id="1")
    assert a.title == "River at record low"
    assert a.text.startswith("The gauge at the Oston landing") and a.text.endswith("Captain Ilse Marrow said.")


_ESCAPED = ("Smith &amp; Wesson said &quot;the recall is voluntary&quot;, and a page about HTML writes &amp;amp; "
            "for &amp;.")
_READ = 'Smith & Wesson said "the recall is voluntary", and a page about HTML writes &amp; for &.'


def test_entities_left_in_plain_text_are_read_once(tmp_path):
    # a scraper's or an export's "&amp;" reached sentences and summaries as written ("smith &amp; wesson")
    path = tmp_path / "a.txt"
    path.write_text(f"---\ntitle: Guns &amp; Roses recall\n---\n{_ESCAPED}\n", encoding="utf-8")
    article = read_article(path, id="1")
    assert (article.title, article.text.strip()) == ("Guns & Roses recall", _READ)
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"id": "c", "documents": [_ESCAPED], "document_titles": ["Q&amp;A"]}) + "\n")
    ((doc,),) = [ds.articles for ds in read_dataset(data)]
    assert (doc.title, doc.text) == ("Q&A", _READ)


# A page about HTML's own escapes: its source writes "&amp;amp;" for the text "&amp;", and "&amp;notice" for
# "&notice". The parser reads each once; trafilatura's second unescape read them as "&" and "¬ice".
_HTML_ESCAPES = (
    "<p>The style guide tells writers to type &amp;amp; where a page should show an ampersand, the editor said.</p>"
    "<p>Smith &amp; Wesson and AT&amp;T answered on Tuesday, and the notice read &amp;notice in its source.</p>"
    "<p>The council published the guide on Monday after a long debate among its web staff and the editors.</p>"
)


def test_a_pages_entities_are_read_once_by_its_parser_not_twice(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(_page("<title>Q&amp;amp;A: the ampersand</title>"
                       '<meta name="author" content="Ines Farrow">'
                       '<meta property="og:site_name" content="Bits &amp;amp; Bytes">',
                       f"<article><h1>Q&amp;amp;A: the ampersand</h1>{_HTML_ESCAPES}</article>"))
    a = read_article(p, id="1")
    assert a.title == "Q&amp;A: the ampersand"
    assert a.source == "Bits &amp; Bytes"
    assert a.text.split("\n\n") == [
        "The style guide tells writers to type &amp; where a page should show an ampersand, the editor said.",
        "Smith & Wesson and AT&T answered on Tuesday, and the notice read &notice in its source.",
        "The council published the guide on Monday after a long debate among its web staff and the editors.",
    ]


def test_text_that_came_out_of_html_is_not_unescaped_again_as_plain_text(tmp_path):
    # the plain-text repair (textrepair.unescape_entities) reads "&amp;" left in a text file; a page's text,
    # read by its parser, keeps its "&amp;" through a JSON line, an email and cleaning
    page = _page("<title>Ampersands</title>", f"<article><h1>Ampersands</h1>{_HTML_ESCAPES}</article>")
    line = tmp_path / "a.jsonl"
    line.write_text(json.dumps({"text": page}) + "\n", encoding="utf-8")
    ((article,),) = [ds.articles for ds in read_dataset(line)]
    mail = tmp_path / "m.eml"
    mail.write_text("From: desk@example.org\nSubject: Ampersands\nMIME-Version: 1.0\n"
                    "Content-Type: text/html; charset=utf-8\n\n" + page, encoding="utf-8")
    from storyline.api import load_articles

    for a in (article, read_article(mail, id="1"), *load_articles([page])):
        assert "type &amp; where" in a.text and "read &notice in" in a.text


def _duc(folder: Path, name: str, docno: str, body: str) -> Path:
    """A DUC-style SGML file, text written for this test."""
    p = folder / name
    p.write_text(f"<DOC>\n<DOCNO> {docno} </DOCNO>\n<DOCTYPE> NEWS STORY </DOCTYPE>\n<TEXT>\n{body}\n</TEXT>\n</DOC>\n",
                 encoding="utf-8")
    return p


_STORM = ("A storm struck the harbour town of Coldwater on Thursday, and officials said at least 62 people were dead. "
          "Rescue teams searched the flooded streets of the old port on Friday.")


def test_a_duc_document_is_dated_by_its_document_id_when_nothing_else_dates_it(tmp_path):
    from storyline.api import load_articles

    # a DUC directory had no dates at all: "Thursday" stayed unresolved and the update rule could not work
    d = tmp_path / "d30099t"
    d.mkdir()
    _duc(d, "APW19981023.0123", "APW19981023.0123", _STORM)
    _duc(d, "story.txt", "NYT19981024.0012", _STORM.replace("62", "65"))  # the <DOCNO>, whatever the file's name
    _duc(d, "XIE19981025.0001.txt", "", _STORM)  # no <DOCNO>: the file's name, its suffix aside
    (d / "README").write_text("notes of the archive", encoding="utf-8")  # no id, no suffix: not an article
    found = expand_paths([d])
    assert [f.name for f in found] == ["APW19981023.0123", "XIE19981025.0001.txt", "story.txt"]
    assert [read_article(f, id="1").doc_id for f in found] == ["APW19981023.0123", "XIE19981025.0001",
                                                               "NYT19981024.0012"]
    assert [a.date for a in load_articles(found)] == ["1998-10-23", "1998-10-25", "1998-10-24"]


@pytest.mark.parametrize("docno", [
    "AP880211-0001",  # another shape (DUC 2001's TREC ids): no day read from it
    "APW19981332.0001",  # no such day
    "APW20990101.0001",  # after today
    "BBC19981023.0123",  # a source not of the known shape
    "APW19981023.123",
])
def test_only_a_document_id_of_the_known_shape_that_writes_a_real_day_dates_a_document(tmp_path, docno):
    from storyline.api import load_articles

    (a,) = load_articles([_duc(tmp_path, "doc.txt", docno, _STORM)])
    assert a.date is None and not a.doc_id


def test_a_date_the_file_or_its_text_gives_wins_over_the_document_id(tmp_path):
    from storyline.api import load_articles, with_date

    header = tmp_path / "APW19981023.0123.txt"
    header.write_text(f"---\ndate: 1998-10-30\n---\n{_STORM}", encoding="utf-8")
    line = _duc(tmp_path, "NYT19981024.0012", "NYT19981024.0012", f"October 28, 1998\n\n{_STORM}")
    got = load_articles([header, line])
    assert [a.date for a in got] == ["1998-10-30", "1998-10-28"]
    # --date dates only what nothing dated: not a document its id dates
    plain = _duc(tmp_path, "XIE19981025.0001", "XIE19981025.0001", _STORM)
    assert [a.date for a in with_date(load_articles([plain]), "2026-03-09")] == ["1998-10-25"]


def test_a_duc_sgml_document_is_its_text_under_its_headline_not_its_fields(tmp_path):
    from storyline.api import load_articles

    # its field "<DOCTYPE> NEWS STORY </DOCTYPE>" had been the article's title, read as the text's first line
    plain = _duc(tmp_path, "APW19981023.0123", "APW19981023.0123", _STORM)
    headed = tmp_path / "NYT19981024.0012"
    headed.write_text("<DOC>\n<DOCNO> NYT19981024.0012 </DOCNO>\n<DOCTYPE> NEWS STORY </DOCTYPE>\n"
                      "<DATE_TIME> 10/24/1998 09:12:00 </DATE_TIME>\n<BODY>\n<HEADLINE>\nStorm kills 62 in Coldwater\n"
                      f"</HEADLINE>\n<TEXT>\n<P>\n{_STORM}\n</P>\n<P>\nThe harbour reopened on Saturday.\n</P>\n"
                      "</TEXT>\n</BODY>\n</DOC>\n", encoding="utf-8")
    one, two = load_articles([plain, headed])
    assert one.title != "<DOCTYPE> NEWS STORY </DOCTYPE>" and "DOCTYPE" not in one.title
    assert two.title == "Storm kills 62 in Coldwater"
    for a in (one, two):
        assert "<" not in a.text and "NEWS STORY" not in a.text and "storm struck the harbour town" in a.text
    assert "The harbour reopened on Saturday." in two.text and "10/24/1998" not in two.text
    assert (one.doc_id, two.doc_id) == ("APW19981023.0123", "NYT19981024.0012")
