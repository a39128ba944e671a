import pytest
from trafilatura.utils import load_html

from storyline.htmlpage import (
    Signed,
    byline_paragraph,
    copyright_owner,
    drop_pull_quotes,
    fact_items,
    facts_as_sentences,
    headline_dates_mended,
    hide_other_dates,
    is_paged,
    is_paywall_prompt,
    is_person_name,
    json_ld_bodies,
    live_entries,
    live_lead,
    mark_ampersands,
    mend_dates,
    oldest_first,
    page_title,
    printed_url,
    reads_as_story,
    signed_line,
    site_marks,
    story_title,
    submitted_line,
    teasers,
    title_marks,
    title_site,
    unmark_ampersands,
    without_author_box,
)


def _tree(body: str, head: str = "<title>Page</title>"):
    return load_html(f"<html><head>{head}</head><body>{body}</body></html>")


@pytest.mark.parametrize(("title", "heads", "site", "expected"), [
    ("Bridge shut | Brellin Now", ("Bridge shut",), "Brellin Evening Standard", ("Bridge shut", "Brellin Now")),
    ("Brellin Courier - Bridge shut", ("Bridge shut",), "", ("Bridge shut", "Brellin Courier")),
    ("Bridge shut | Local | Brellin Courier", ("Bridge shut",), "", ("Bridge shut", "Brellin Courier")),
    ("Bridge shut – Brellin Courier", (), "Brellin Courier", ("Bridge shut", "Brellin Courier")),
    ("Brellin Courier — Bridge shut", (), "Brellin Courier", ("Bridge shut", "Brellin Courier")),
    # an <h1> that is the site's name is its logo, not the headline
    ("Brellin Courier | Bridge shut", ("Brellin Courier",), "Brellin Courier", ("Bridge shut", "Brellin Courier")),
    # A headline that holds a separator is cut only where the page's <h1> says the headline ends.
    ("Fire: residents - and pets - go home", ("Fire: residents - and pets - go home",), "", (
        "Fire: residents - and pets - go home", "")),
    ("Fire - what we know", (), "Brellin Courier", ("Fire - what we know", "")),
])
def test_page_title_cuts_the_site_name_only_beside_the_headline(title, heads, site, expected):
    assert page_title(title, heads, site) == expected


@pytest.mark.parametrize(("title", "heads", "marks", "expected"), [
    ("Tessel Valley Times | Warehouse fire", ("Tessel Valley Times",), ("Tessel Valley Times",), (
        "Warehouse fire", "Tessel Valley Times")),
    ("Warehouse fire - Tessel Valley Times", ("Tessel Valley Times",), ("Tessel Valley Times",), (
        "Warehouse fire", "Tessel Valley Times")),
    ("Tessel Valley Times — Warehouse fire", (), ("Tessel Valley Times", "Home"), (
        "Warehouse fire", "Tessel Valley Times")),
    # the story's own <h1> beside the logo's still says where the headline ends
    ("Warehouse fire - what we know | Tessel Valley Times", ("Tessel Valley Times", "Warehouse fire - what we know"),
     ("Tessel Valley Times",), ("Warehouse fire - what we know", "Tessel Valley Times")),
])
def test_the_mastheads_name_is_the_site_in_either_order(title, heads, marks, expected):
    assert page_title(title, heads, "", marks=marks) == expected


def test_site_marks_are_the_names_of_the_front_page_link_and_the_logo():
    tree = _tree(
        '<header><h1 class="site-title"><a href="https://tvt.example/" rel="home">Tessel Valley Times</a></h1>'
        '<a href="/"><img src="logo.png" alt="TVT"></a><nav><a href="/news/">News</a>'
        '<a href="index.html">Front page</a></nav></header><div class="brand-bar">Tessel Valley Times</div>'
        '<article><h1>Warehouse fire</h1><p>Read <a href="/news/fire">the story</a> of the fire that destroyed '
        'the plastics warehouse in Brellin on Tuesday night.</p></article>'
    )
    assert site_marks(tree) == ("Tessel Valley Times", "TVT", "Front page")


@pytest.mark.parametrize(("head", "found", "heads", "site", "expected"), [
    # the logo's <h1> is the one trafilatura took: the headline is the rest of "Site | Headline"
    ("<title>Tessel Valley Times | Warehouse fire forces 300 from homes</title>", "Tessel Valley Times",
     ("Tessel Valley Times",), "", "Warehouse fire forces 300 from homes"),
    # og:title gives the headline: the <h1> does not displace it
    ('<title>Tessel Valley Times | Warehouse fire</title><meta property="og:title" content="Warehouse fire">',
     "Warehouse fire", ("Tessel Valley Times",), "", "Warehouse fire"),
    # trafilatura's cut of "Site | Headline" at its separator, with no markup for either: the longer part
    ("<title>Tessel Valley Times | Warehouse fire forces 300 from homes</title>", "Tessel Valley Times", (), "",
     "Warehouse fire forces 300 from homes"),
    ("<title>Warehouse fire forces 300 from homes | Tessel Valley Times</title>",
     "Warehouse fire forces 300 from homes", (), "", "Warehouse fire forces 300 from homes"),
    # a title that is only the site's name is no headline
    ("<title>Tessel Valley Times</title>", "Tessel Valley Times", ("Tessel Valley Times",), "", ""),
])
def test_the_story_title_is_never_the_sites_name(head, found, heads, site, expected):
    tree = _tree('<header><a href="/">Tessel Valley Times</a></header>', head)
    assert story_title(tree, found, heads, site, site_marks(tree)) == expected


def test_title_site_reads_the_title_element():
    tree = _tree("<h1>Bridge shut</h1>", "<title>Bridge shut - Tessel Valley Times</title>")
    assert title_site(tree, ("Bridge shut",)) == "Tessel Valley Times"
    assert title_site(_tree("<h1>Bridge shut</h1>"), ("Bridge shut",)) == ""
    # the headline first, then an <h1> that may be the logo: "Site | Headline" gives the site's name
    tree = _tree("<h1>Tessel Valley Times</h1>", "<title>Tessel Valley Times | Bridge shut</title>")
    assert title_site(tree, ("Bridge shut", "Tessel Valley Times")) == "Tessel Valley Times"
    assert title_site(_tree("", "<title>TVT</title>"), (), marks=("TVT",)) == "TVT"


def test_teasers_are_linked_headlines_with_a_short_standfirst():
    tree = _tree(
        '<div><h2><a href="/a">Library opens on Sundays</a></h2><p>A petition won.</p></div>'
        '<div><h3><a href="/b">Choir to sing</a></h3><p>A first.</p><time datetime="2026-05-05">5 May</time></div>'
        # An anchor within the page, and a heading that only holds a link, are no teasers.
        '<article><h2><a href="#background">Background</a></h2><p>The depot opened in 1990.</p>'
        '<h2>Reaction, <a href="/topic/council">council</a></h2><p>The council said little.</p></article>'
    )
    assert teasers(tree).paragraphs == {"A petition won.", "A first."}
    assert teasers(tree).count == 2


def test_the_dates_of_other_stories_comments_and_updates_are_hidden():
    tree = _tree(
        '<article><time class="entry-date published updated" datetime="2026-05-13">13 May</time> <time '
        'class="updated" datetime="2026-05-14">14 May</time> tail <p>By <time datetime="2026-05-13">x</time></p>'
        '</article><aside><time datetime="2024-01-01">Jan 1</time></aside>'
        '<div id="comments"><time datetime="2026-06-01">June 1</time></div>'
        '<ul class="most-read-list"><li><time datetime="2025-01-01">2025</time></li></ul>'
    )
    hide_other_dates(tree)
    assert [t.get("datetime") for t in tree.iter("time")] == ["2026-05-13", None, "2026-05-13", None, None, None]
    assert "tail" in tree.text_content() and "Jan 1" not in tree.text_content()


@pytest.mark.timeout(30)
def test_the_dates_of_a_deeply_nested_page_are_read_once_each():
    # each <time> looked for an <h1> in every container above it, reading the whole page each time: 3,000 <time>s
    # under 200 nested <div>s took over a minute (stopped at 60 s); the page's <h1> holders are now found once
    entries = "".join(f'<p><time datetime="2026-05-{1 + k % 28:02d}">May</time> Entry {k}.</p>' for k in range(3000))
    tree = load_html(f"<html><body><h1>Flood diary</h1>{'<div>' * 200}{entries}{'</div>' * 200}</body></html>")
    hide_other_dates(tree)
    assert all(t.get("datetime") for t in tree.iter("time"))  # the story's own dates, all kept


def test_a_layout_wrapper_named_for_its_sidebar_or_comments_hides_no_date():
    # themes name the page's frame for what sits beside the story: the story's own <time> stays
    page = (
        '<div class="site-content has-sidebar comments-open"><article><h1>Depot fire</h1>'
        '<time class="entry-date published" datetime="2026-05-13">13 May</time><p>Text.</p></article>'
        '<aside class="sidebar"><time datetime="2024-01-01">Jan 1</time></aside></div>'
    )
    tree = load_html(f'<html><head></head><body class="single has-sidebar">{page}</body></html>')
    hide_other_dates(tree)
    assert [t.get("datetime") for t in tree.iter("time")] == ["2026-05-13", None]


def test_drupal_s_submitted_line_gives_the_name_and_the_day():
    # month first, as Drupal's default format writes it; the weekday settles a day that could be a month
    for line, name, day in [
        ("Submitted by Owen Dunn on Tue, 04/21/2026 - 16:05", "Owen Dunn", "2026-04-21"),
        ("Submitted by Owen Dunn on Fri, 03/04/2026 - 09:00", "Owen Dunn", "2026-04-03"),  # 3 April was a Friday
        ("Submitted by odunn on 21 April 2026 - 4:05pm", "odunn", "2026-04-21"),
        ("Posted by Mira Holt on April 21, 2026", "Mira Holt", "2026-04-21"),
        ("Submitted by Owen Dunn on Mon, 04/21/2026 - 16:05", "Owen Dunn", ""),  # no Monday: no day
        ("Submitted by Owen Dunn on 02/30/2026", "Owen Dunn", ""),
    ]:
        assert signed_line(line) == Signed(line, name, day)
    assert signed_line("Submitted by Owen Dunn") is None
    assert not is_person_name("odunn") and is_person_name("Owen Dunn")
    # a comment's own "Submitted by" line signs no story
    tree = _tree('<h1>Quarry blast</h1><p>Text.</p><div class="comment"><p>Submitted by Pete Rowe on 04/22/2026</p>'
                 "</div>")
    assert submitted_line(tree) is None


def test_a_pull_quote_that_repeats_the_story_is_taken_out():
    # Medium's and WordPress's pull quotes were read as one more paragraph: the sentence twice over
    line = "the early ferry was the only way to reach a job on the mainland by nine"
    for box in (f'<blockquote class="pull-quote"><p>{line.capitalize()}.</p></blockquote>',
                f'<figure class="wp-block-pullquote"><blockquote><p>\u201c{line.capitalize()}\u201d</p></blockquote>'
                "</figure>"):
        tree = _tree(f"<h1>Ferry cut</h1><p>For the 340 people on Holm, {line}.</p>{box}after<p>The school has 22 "
                     "pupils.</p>")
        drop_pull_quotes(tree)
        text = tree.text_content()
        assert text.count("the only way") == 1 and "after" in text and "22 pupils" in text
    # a box so named whose quotation the page prints nowhere else is the story's own
    alone = '<blockquote class="pullquote"><p>We had two hours to move the cattle and did it in one.</p></blockquote>'
    tree = _tree(f"<h1>Ferry cut</h1><p>The school has 22 pupils.</p>{alone}")
    drop_pull_quotes(tree)
    assert "move the cattle" in tree.text_content()


def test_an_opinion_pieces_own_frame_is_no_comment_thread():
    # "commentary" names the story's own section, not what readers wrote below it
    tree = _tree(
        '<header><h1>Why the depot matters</h1></header><div class="commentary-body"><p class="byline">By Ana Ruiz '
        '<time datetime="2026-05-13">13 May</time></p><p>Text.</p><div class="comment-list"><time '
        'datetime="2026-05-20">20 May</time></div></div>'
    )
    hide_other_dates(tree)
    assert [t.get("datetime") for t in tree.iter("time")] == ["2026-05-13", None]


@pytest.mark.parametrize(("paragraph", "prompt"), [
    ("This article is for subscribers only. Get unlimited access from just £1 a week.", True),
    ("Subscribe to continue reading", True),
    ("Already a subscriber? Log in", True),
    ("Get unlimited digital access from just £1 a week.", True),
    ("Unlimited access to the Ledger for $1", True),
    ("Unlimited access for 99p a week", True),
    ("Subscribe for unlimited access.", True),
    ("The paper said its subscribers rose by a tenth last year, to 40,000.", False),
    ("The deal gives inspectors unlimited access to the sites.", False),
    ("Members get unlimited access to the pool from 6 a.m.", False),
    ("Readers told the council " + "that the bus depot would be a burden " * 5 + "for subscribers only.", False),
    # "for subscribers only" is a prompt where it speaks to the reader, of the page, or is the label alone ...
    ("This content is for subscribers only.", True),
    ("Subscriber-only content", True),
    ("For subscribers only. Sign in or subscribe.", True),
    ("Exclusive to our subscribers", True),
    ("To read the full story, subscribe today.", True),
    ("Log in to read the rest of this article", True),
    # ... not a statement of the story, nor a verb of it
    ("The council's minutes are for subscribers only, the clerk said.", False),
    # what a speaker said or wrote to the reader is reporting, with any verb a speaker is named by
    ("“Your minutes are for subscribers only,” the clerk wrote to the council.", False),
    ("This content is for subscribers only, the streaming service explained in a notice.", False),
    # "reports" is a prompt's noun here, not a relay's verb
    ("Exclusive reports for subscribers only. Subscribe today.", True),
    ("Its new series of content for subscribers only arrives on the Tessel streaming service in March.", False),
    ("The film is for subscribers only, and viewers can subscribe for five dollars a month.", False),
    ("To read the full report, residents must visit the town hall.", False),
])
def test_a_paywall_prompt_is_short_and_says_so(paragraph, prompt):
    assert is_paywall_prompt(paragraph) is prompt


def test_a_title_part_of_separators_alone_names_no_site() -> None:
    assert page_title("| | -", ("|",), "") == ("|", "")
    assert page_title("Harbor closes | -", ("Harbor closes",), "") == ("Harbor closes", "")
    assert page_title("Harbor closes | The Gazette", ("Harbor closes",), "") == ("Harbor closes", "The Gazette")


def _entries(stamps: list[str], *, tag: str = "div", kind: str = "time") -> str:
    """A live blog's entries, one per stamp, in the order given; each says which stamp it has."""
    def stamp(s: str) -> str:
        return f'<time datetime="{s}">{s[11:16]}</time>' if kind == "time" else s
    return "".join(f'<{tag} class="entry">{stamp(s)}<p>Entry number {k} of the ferry blog.</p></{tag}>'
                   for k, s in enumerate(stamps))


@pytest.mark.parametrize(("stamps", "newest_first"), [
    (["2026-05-13T09:12:00+01:00", "2026-05-13T03:58:00+01:00", "2026-05-12T23:15:00+01:00"], True),
    (["2026-05-13T09:12", "2026-05-13T03:58", "2026-05-13T01:20", "2026-05-12T23:15"], True),
    (["2026-05-13", "2026-05-12", "2026-05-11"], True),
    # the blog's order already, a tie, one entry out of order, two entries, stamps that do not parse
    (["2026-05-12T23:15", "2026-05-13T03:58", "2026-05-13T09:12"], False),
    (["2026-05-13T09:12", "2026-05-13T09:12", "2026-05-13T03:58"], False),
    (["2026-05-13T09:12", "2026-05-13T01:20", "2026-05-13T03:58", "2026-05-12T23:15"], False),
    (["2026-05-13T09:12", "2026-05-13T03:58"], False),
    (["2026-05-13T09:12", "this morning", "2026-05-12T23:15"], False),
    # a time zone on some stamps and not on others gives no order to read
    (["2026-05-13T09:12+01:00", "2026-05-13T03:58", "2026-05-12T23:15+01:00"], False),
])
def test_a_live_blog_is_newest_first_only_when_three_stamps_parse_and_strictly_fall(stamps, newest_first):
    tree = _tree(f"<article><h1>Ferry strike</h1><p>Key points: sailings cancelled.</p>{_entries(stamps)}</article>")
    found = live_entries(tree)
    if newest_first:
        assert found == tuple(f"{s[11:16]}Entrynumber{k}oftheferryblog." for k, s in enumerate(stamps))
    else:
        assert found == ()


@pytest.mark.parametrize(("labels", "newest_first"), [
    (["Updated 10:42", "Updated 9.15", "Updated 08:02"], True),
    (["9.45pm", "3.10pm", "11.05am"], True),
    (["14:10 GMT", "12:00 GMT", "09:30 GMT"], True),
    # past midnight the clock starts again: no order to read
    (["01:10", "23:50", "22:05"], False),
    # prices, not times: a dot is a clock's only with am/pm or an "Updated" label
    (["9.99", "5.49", "2.50"], False),
])
def test_entries_without_time_elements_are_ordered_by_their_clock_labels(labels, newest_first):
    tree = _tree(f"<article><h1>Ferry strike</h1>{_entries(labels, tag='section', kind='label')}</article>")
    assert bool(live_entries(tree)) is newest_first


@pytest.mark.parametrize(("lines", "newest_first"), [
    (["on March 18, 2026 at 16:40", "on March 18, 2026 at 15:55", "on March 18, 2026 at 15:10"], True),
    # across midnight the dates order them
    (["on Thu, 03/19/2026 - 00:20", "on Wed, 03/18/2026 - 23:55", "on Wed, 03/18/2026 - 21:05"], True),
    (["on March 18, 2026 at 15:10", "on March 18, 2026 at 15:55", "on March 18, 2026 at 16:40"], False),
    (["on March 18, 2026", "on March 17, 2026", "on March 16, 2026"], False),  # no time: no order read
])
def test_entries_signed_with_a_date_and_a_time_are_ordered_by_them(lines, newest_first):
    # a WordPress live blog's "Posted by Sam Reed on March 18, 2026 at 16:40": its newest entry was read as its lead
    entries = "".join(f'<div class="liveblog-entry"><p class="meta">Posted by Sam Reed {line}</p><p>Entry {k} of the '
                      "flood.</p></div>" for k, line in enumerate(lines))
    tree = _tree(f"<article><h1>Flood updates</h1><div class=\"feed\">{entries}</div></article>")
    assert bool(live_entries(tree)) is newest_first


def test_a_live_blogs_lead_is_what_its_frame_prints_above_the_entries():
    stamps = ["2026-05-13T09:12", "2026-05-13T03:58", "2026-05-12T23:15"]
    tree = _tree(
        '<nav><ul><li><a href="/">Home</a></li></ul></nav><main><ul class="menu"><li><a href="/live">Live</a></li>'
        '</ul><h1>Ferry strike</h1><div class="summary"><h2>Key points</h2><ul><li>Sailings <b>cancelled</b></li>'
        '<li>Talks on Friday</li></ul></div><aside><p>Most read: a cat show.</p></aside>'
        f'<div class="feed">{_entries(stamps)}</div><p>Below the entries.</p></main>'
    )
    assert live_lead(tree) == ("Key points", "- Sailings cancelled", "- Talks on Friday")
    assert live_lead(_tree(f"<main><h1>Ferry strike</h1><p>Key points.</p>{_entries(stamps[::-1])}</main>")) == ()


def test_stamped_items_in_a_box_of_other_stories_are_no_live_blog():
    stamps = ["2026-05-13T09:12", "2026-05-13T03:58", "2026-05-12T23:15"]
    tree = _tree(f"<article><h1>Ferry strike</h1><p>Text.</p></article><aside>{_entries(stamps)}</aside>")
    assert live_entries(tree) == ()


def test_the_entries_are_read_oldest_first_after_the_blogs_summary():
    entries = ("10:42Newestentry.Ithastwoparagraphs.", "09:15Middleentry.", "08:02Oldestentry.")
    paragraphs = ["Key points: sailings cancelled.", "Newest entry.", "Middle entry.", "Oldest entry.",
                  "It has two paragraphs.", "Follow the blog for more."]
    # a paragraph of the newest entry that trafilatura put after the others stays with its entry
    assert oldest_first(paragraphs, entries) == [
        "Key points: sailings cancelled.", "Oldest entry.", "Middle entry.", "Newest entry.",
        "It has two paragraphs.", "Follow the blog for more."]
    assert oldest_first(paragraphs, ()) == paragraphs
    assert oldest_first(["Nothing of the blog."], entries) == ["Nothing of the blog."]


@pytest.mark.parametrize(("head", "expected"), [
    ("<title>Brellin Courier | Bridge shut after flood</title>", ("Brellin Courier",)),
    ("<title>Bridge shut after flood - Brellin Courier</title>", ("Brellin Courier",)),
    ("<title>Brellin Courier | News | Bridge shut after flood</title>", ("Brellin Courier",)),
    ('<meta property="og:title" content="Brellin Courier — Bridge shut after flood">', ("Brellin Courier",)),
    # a headline in title case is one by its length: longer than a site's name runs
    ("<title>Brellin Courier | Old Stone Bridge Shut After Flood Damage</title>", ("Brellin Courier",)),
    # no evidence: a headline as short as the name, a name's words only, no separator, the <h1> in the middle
    ("<title>Bridge shut | Brellin Courier</title>", ()),
    ("<title>Brellin Courier | Voice of the Valley Online</title>", ()),
    ("<title>Brellin Courier: bridge shut after flood</title>", ()),
    ("<title>News | Brellin Courier | Bridge shut after flood</title>", ()),
])
def test_an_h1_is_the_sites_name_when_the_title_gives_a_headline_beside_it(head, expected):
    tree = _tree("<h1>Brellin Courier</h1><p>The old bridge was shut.</p>", head)
    assert title_marks(tree, ("Brellin Courier",)) == expected


def test_a_headline_h1_is_not_taken_for_the_sites_name_beside_a_tagline():
    # "Headline | Site - a tagline": the part at the other end of the <h1> is the site's tagline
    head = "<title>Bridge Shut | Brellin Courier - news for the whole Lenne valley</title>"
    assert title_marks(_tree("<h1>Bridge Shut</h1>", head), ("Bridge Shut",)) == ()
    # a headline in sentence case is no name, whatever the title's other end
    head = "<title>Bridge shut - the Brellin Courier, news for the whole Lenne valley</title>"
    assert title_marks(_tree("<h1>Bridge shut</h1>", head), ("Bridge shut",)) == ()


def test_json_ld_bodies_of_stories_only_from_graphs_lists_and_markup():
    import json

    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "articleBody": "not a story"},
        {"@type": ["ReportageNewsArticle"],
         "articleBody": "<p>The ferry ran aground.</p><p>Nobody was hurt &amp; the tide lifted it.</p>"},
    ]}
    listed = [{"@type": "BlogPosting", "articleBody": "Line one of the post.\r\n\r\n  Line   two.  "}]
    tree = _tree(
        '<script type="application/ld+json">{not json</script>'
        f'<script type="application/ld+json">{json.dumps(graph)}</script>'
        f'<script type="application/ld+json">{json.dumps(listed)}</script>'
        '<script>var articleBody = "a script, not JSON-LD";</script>'
    )
    assert json_ld_bodies(tree) == (
        "The ferry ran aground.\nNobody was hurt & the tide lifted it.",
        "Line one of the post.\nLine two.",
    )
    assert json_ld_bodies(_tree("<p>No JSON-LD here.</p>")) == ()


def test_json_ld_nested_too_deeply_is_passed_over_as_invalid_json():
    # Python's parser raises RecursionError, not a JSONDecodeError, past ~1,000 levels: any page carrying
    # such a script (20 kB of brackets) could not be read at all.
    story = '{"@type": "NewsArticle", "articleBody": "The ferry ran aground."}'
    tree = _tree(f'<script type="application/ld+json">{"[" * 10_000}{"]" * 10_000}</script>'
                 f'<script type="application/ld+json">{story}</script>')
    assert json_ld_bodies(tree) == ("The ferry ran aground.",)


def test_mend_dates_takes_out_impossible_days_and_offsets_of_a_day_or_more():
    tree = _tree(
        '<time id="a" datetime="2026-02-30">30 Feb</time><time id="b">31/04/2026</time>'
        '<time id="c" datetime="2024-03-05T10:00:00+25:00">5 March</time>'
        '<time id="d" datetime="2024-03-05T10:00+02:00">2024-03-05 10:00 -2400</time>'
        '<a id="e" href="https://example.com/2026/02/30/story" title="2026-02">x</a>'
        '<div class="grid-31-31-31">y</div>',
        '<meta property="article:published_time" content="2026-02-30T10:00:00">'
        '<meta name="date" content="02/30/2026"><meta name="dc.date" content="2026-02-27">',
    )
    mend_dates(tree)
    metas = [m.get("content") for m in tree.iter("meta")]
    assert metas == [None, None, "2026-02-27"]  # impossible either way round; a real one stays
    times = {t.get("id"): (t.get("datetime"), t.text) for t in tree.iter("time")}
    assert times == {
        "a": (None, "30 Feb"),  # no numeric date in the text: left to htmldate, which finds none
        "b": (None, None),
        "c": ("2024-03-05T10:00:00", "5 March"),  # read without its offset
        "d": ("2024-03-05T10:00+02:00", "2024-03-05 10:00"),
    }
    (link,) = tree.iter("a")
    assert link.get("href") == "https://example.com/2026/02/30/story"  # an address is htmldate's to judge
    assert link.get("title") is None  # a year and month alone is no day
    (div,) = tree.iter("div")
    assert div.get("class") == "grid-31-31-31"  # the names trafilatura reads the layout by are left alone


def test_mend_dates_takes_an_impossible_date_out_of_a_date_line_not_out_of_a_sentence():
    tree = _tree(
        '<h1 id="h">Vote set for 30.02.2026</h1><span id="a" class="date">30.02.2026</span>'
        '<div id="b">By Jane Roe, 31/04/2026 <b>x</b>Published: 2026-02-30</div>'
        '<p id="c">The council had first set the vote for 30.02.2026 by mistake, then moved it to March.</p>'
        '<span id="d">28.02.2026</span><span id="e">Time: 2.40.15</span><span id="f">2026-02</span>'
    )
    mend_dates(tree)
    text = {el.get("id"): (el.text, el.tail) for el in tree.iter() if el.get("id")}
    assert text["a"] == ("", None)
    assert text["b"] == ("By Jane Roe,  ", None) and tree.find(".//b").tail == "Published: "
    assert text["c"][0].startswith("The council had first set the vote for 30.02.2026")  # a sentence stays
    assert text["h"] == ("Vote set for 30.02.2026", None)  # and so does the headline
    assert (text["d"], text["e"], text["f"]) == (("28.02.2026", None), ("Time: 2.40.15", None), ("", None))


def test_headline_dates_mended_is_a_copy_without_the_headlines_impossible_dates():
    tree = _tree('<h1 id="h">Storm of <b>31/02/2026</b> hits coast</h1><h2>Vote on 2026-02-30</h2>'
                 '<p id="p">Set for 31/02/2026 by mistake, the vote was moved.</p>',
                 head="<title>Storm of 31/02/2026 hits coast | 28.02.2026</title>")
    copy = headline_dates_mended(tree)
    assert copy is not None and copy is not tree
    assert copy.find(".//title").text == "Storm of  hits coast | 28.02.2026"  # a real date stays
    assert copy.find(".//h1").text_content() == "Storm of  hits coast"
    assert copy.find(".//h2").text == "Vote on "
    assert copy.find(".//p").text.startswith("Set for 31/02/2026")  # a sentence is not the headline
    assert tree.find(".//h1").text_content() == "Storm of 31/02/2026 hits coast"  # the page keeps it
    assert tree.find(".//title").text == "Storm of 31/02/2026 hits coast | 28.02.2026"
    assert headline_dates_mended(_tree("<h1>Storm of 28/02/2026 hits coast</h1>")) is None  # nothing to mend


@pytest.mark.parametrize(("foot", "owner"), [
    ("<footer><p>&copy; 2026 Orrin Coast Gazette. All rights reserved.</p></footer>", "Orrin Coast Gazette"),
    ("<p>Copyright (c) 2004-2026 Orrin Coast Gazette Ltd</p>", "Orrin Coast Gazette"),
    ("<p>Copyright &copy; <a href='/'>Orrin Coast Gazette</a> 2026</p>", "Orrin Coast Gazette"),
    ("<td>A story.<br>&copy; 2026 Orrin Coast Gazette<br></td>", "Orrin Coast Gazette"),
    # no name written as one after the year, or no year: no owner
    ("<p>&copy; 2026 all photographs by our readers unless stated</p>", ""),
    ("<p>Copyright notice</p>", ""),
])
def test_a_copyright_line_gives_its_owner(foot, owner):
    assert copyright_owner(_tree(f"<p>The ferry ran aground.</p>{foot}")) == owner


def test_a_fact_list_is_read_between_two_paragraphs_of_prose_and_a_list_of_links_is_none():
    tree = _tree("<ul><li>212 passengers were on board</li><li>The ferry struck the bank at dawn</li></ul>"
                 "<ul><li><a href='/a'>Ferry firm fined last year</a></li>"
                 "<li><a href='/b'>Harbour dredged</a></li></ul>"
                 "<ul><li><a href='/c'>Harbour dredged again</a> 3 May</li><li>Ferry timetable changes <a href='/d'>"
                 "for the summer season</a></li></ul>"
                 "<nav><ul><li>Home page of the site</li><li>News from the region</li></ul></nav>")
    facts = fact_items(tree)
    assert facts == {"212 passengers were on board", "The ferry struck the bank at dawn"}
    lead = "A passenger ferry ran aground on a sandbank off Calder Point early on Tuesday."
    after = "Investigators arrived at Calder Point on Tuesday afternoon to begin their inquiry."
    paragraphs = [lead, "- 212 passengers were on board", "- The ferry struck the bank at dawn", after]
    assert facts_as_sentences(paragraphs, facts) == [
        lead, "212 passengers were on board.", "The ferry struck the bank at dawn.", after]
    assert facts_as_sentences(paragraphs[:3], facts) == paragraphs[:3]  # below the last paragraph: left as it is


@pytest.mark.parametrize(("paragraphs", "found"), [
    (["By Ines Farrow, Transport Correspondent", "The ferry ran aground off Calder Point on Tuesday morning."],
     (0, "Ines Farrow; Transport Correspondent")),
    (["By Ines Farrow and Tom Reed", "The ferry ran aground off Calder Point on Tuesday morning."],
     (0, "Ines Farrow; Tom Reed")),
    (["BY INES FARROW AND TOM REED", "The ferry ran aground off Calder Point on Tuesday morning."],
     (0, "INES FARROW; TOM REED")),  # set in capitals, "AND" too
    # after the story's first paragraph, or a sentence that opens on "By": no byline
    (["The ferry ran aground off Calder Point on Tuesday morning.", "By Ines Farrow"], (-1, "")),
    (["By noon the tide had lifted the ferry free of the sandbank off Calder Point."], (-1, "")),
])
def test_a_byline_paragraph_above_the_story(paragraphs, found):
    assert byline_paragraph(paragraphs) == found


def test_a_byline_is_looked_for_below_the_paragraphs_skipped():
    lead = "The ferry ran aground off Calder Point on Tuesday morning, the coast guard said."
    assert byline_paragraph(["By The Numbers", "By Ines Farrow", lead], skip=1) == (1, "Ines Farrow")
    assert byline_paragraph(["By The Numbers", lead], skip=1) == (-1, "")
    assert byline_paragraph([lead, "By Ines Farrow"], skip=1) == (-1, "")  # below the story's first paragraph


def test_a_notice_alone_is_no_story():
    assert not reads_as_story("You need to enable JavaScript to run this app.")
    assert reads_as_story("The ferry ran aground off Calder Point on Tuesday morning.\n"
                          "Lifeboats took the passengers off the stranded vessel over four hours.")



OWN = '<link rel="canonical" href="https://courier.example/news/ferry-cut">'


@pytest.mark.parametrize(("head", "body", "paged"), [
    # a link to its next page, by address: its own with a page number
    (OWN + '<link rel="next" href="https://courier.example/news/ferry-cut?page=2">', "", True),
    (OWN + '<link rel="next" href="/news/ferry-cut/2/">', "", True),
    ('<link rel="next" href="?page=2">', "", True),  # no address of its own: a page number in the query
    ('<link rel="next" href="/news/ferry-cut/page/2">', "", True),
    # a blog's link to its next post is no next page, nor is a link to another site's page 2
    (OWN + '<link rel="next" href="https://courier.example/news/bridge-shut/">', "", False),
    ('<link rel="next" href="/2026/05/14/">', "", False),
    (OWN + '<link rel="next" href="https://other.example/news/ferry-cut?page=2">', "", False),
    # a row of page links in the story, not a comment thread's, a gallery's or a sidebar's
    ("", '<p>Text.</p><div class="page-links">Pages: <span>1</span> <a href="/x/2/">2</a></div>', True),
    ("", '<p>Text.</p><nav class="pagination"><a href="?p=2">Next page &raquo;</a></nav>', True),
    ("", '<p>Text.</p><ul class="pagination"><li>1</li><li><a href="?p=2">2</a></li></ul>', True),
    ("", '<div class="comments"><div class="comment-pagination"><a href="?c=2">2</a></div></div>', False),
    ("", '<div class="gallery-pager"><a href="#2">2</a></div>', False),
    ("", '<aside><div class="pagination"><a href="/more?page=2">2</a></div></aside>', False),
    ("", '<div class="pagination"><span>1</span></div>', False),  # one page
    # an address Python cannot split (an unclosed IPv6 bracket) is no next page: it was an internal error (exit 70)
    (OWN + '<link rel="next" href="http://[oops/news/ferry-cut?page=2">', "", False),
    ('<link rel="canonical" href="http://[oops/a">', '<link rel="next" href="/a?page=2">', False),
])
def test_a_page_of_a_story_printed_over_several_is_known_by_its_markup(head, body, paged):
    assert is_paged(_tree(body, head)) is paged


def test_a_print_views_footer_gives_the_storys_address():
    footer = ('<p class="print-footer">Printed from courier.example on 22 May 2026. URL: '
              "https://www.courier.example/news/ferry-cut-1.884.<br>&copy; 2026 Brellin Courier</p>")
    assert printed_url(_tree("<h1>Ferry cut</h1><p>The ferry will run twice a day.</p>" + footer)) == (
        "https://www.courier.example/news/ferry-cut-1.884")
    assert printed_url(_tree('<div>Article URL: <a href="/x">https://courier.example/x</a></div>')) == (
        "https://courier.example/x")
    # a link the story quotes, a long paragraph, a link in a sidebar: none is the story's address
    quoted = "<p>The council published its plan, " + "which runs to many pages, " * 15 + "URL: https://c.example/p.</p>"
    assert printed_url(_tree(quoted)) == ""
    assert printed_url(_tree('<aside><p>URL: https://other.example/story</p></aside>')) == ""
    assert printed_url(_tree("<p>See https://courier.example/more for the timetable.</p>")) == ""


def test_a_box_about_the_writer_below_the_story_is_left_out():
    story = ["For twenty years I have taken the ferry across the river.", "On Monday the operator cut the service."]
    # Medium's box: the line of biography was summarized as the story's
    assert without_author_box([*story, "Written by Ilse Marrow", "Ferry captain. Writes about rivers."]) == story
    assert without_author_box([*story, "About the author", "Ilse Marrow is a ferry captain in Oston."]) == story
    # a story's own sentence that opens so, or a long paragraph below the heading, stays
    kept = [*story, "More from the council: it will meet again on Friday to discuss the ferry.",
            "Written by hand, the letter from the ferry's owners ran to four pages and asked the council for help "
            "with the cost of dredging the channel, which the owners put at about 600,000, and with the cost of "
            "a new and smaller boat that could reach the Oston landing at low water, which they did not estimate."]
    assert without_author_box(kept) == kept


def test_json_ld_body_with_markup_has_its_entities_read_once():
    # markup inside the JSON string is parsed, which reads its entities; a body of plain text has them unescaped
    ld = ('{"@type": "NewsArticle", "articleBody": "<p>Type &amp;amp; for an ampersand.</p><p>AT&amp;T agreed.</p>"}'
          '</script><script type="application/ld+json">'
          '{"@type": "NewsArticle", "articleBody": "Type &amp;amp; for an ampersand. AT&amp;T agreed."}')
    tree = _tree("<p>Empty.</p>", f'<script type="application/ld+json">{ld}</script>')
    assert json_ld_bodies(tree) == ("Type &amp; for an ampersand.\nAT&T agreed.",
                                    "Type &amp; for an ampersand. AT&T agreed.")


def test_ampersands_that_a_second_unescape_would_read_are_marked_and_unmarked():
    source = ('<p>Type &amp;amp; here, AT&amp;T and &amp;notice</p>tail &amp;lt;<script>var a = "&amp;amp;";</script>'
              '<p>Smith &amp; Wesson \u2042</p>')
    tree = _tree(source, '<title>Q&amp;amp;A</title><meta name="description" content="Bits &amp;amp; Bytes">'
                         '<meta property="og:url" content="https://x.example/?a=1&amp;copy=2">')
    before = load_html(f"<html><head></head><body>{source}</body></html>")
    mark = mark_ampersands(tree)
    assert mark and mark != "\u2042"  # a mark the page does not hold
    p, smith = tree.iter("p")
    assert tree.find(".//title").text == f"Q{mark}amp;A"
    assert (p.text, p.tail) == (f"Type {mark}amp; here, AT{mark}T and {mark}notice", f"tail {mark}lt;")
    assert smith.text == "Smith & Wesson \u2042"  # read once, as it reads: left alone
    assert next(tree.iter("script")).text == 'var a = "&amp;amp;";'  # no parsed text
    metas = [m.get("content") for m in tree.iter("meta")]
    assert metas == [f"Bits {mark}amp; Bytes", "https://x.example/?a=1&copy=2"]
    unmark_ampersands(tree, mark)
    texts = [[(e.text, e.tail) for e in t.find("body").iter()] for t in (tree, before)]
    assert texts[0] == texts[1] and tree.find(".//title").text == "Q&amp;A"
    assert [m.get("content") for m in tree.iter("meta")] == ["Bits &amp; Bytes", "https://x.example/?a=1&copy=2"]
    assert mark_ampersands(_tree("<p>Smith &amp; Wesson, AT&amp;T</p>")) == ""  # nothing to mark
