import json

from support import FERRY_OTHER, FERRY_WIRE

import storyline
from storyline.attribute import same_content
from storyline.render import to_dict, to_markdown, to_text


def test_containment_links_a_quote_fragment_to_the_longer_sentence():
    short = {"pakistan", "reiter", "commit", "play", "facilit", "role", "good", "faith"}
    long = short | {"statement", "ad", "peac", "stabil"}
    assert same_content(short, long, cosine=0.3)
    assert not same_content({"a", "b"}, {"a", "b", "c"}, cosine=0.1)


def test_text_markdown_json(harbor_texts):
    summary = storyline.summarize(harbor_texts, words=40)
    text = to_text(summary)
    assert text.startswith("Sources\n  [1] ")
    assert f"Summary ({summary.words} words from 3 articles, method: default)" in text
    for s in summary.sentences:
        assert s.text in text
    data = json.loads(json.dumps(to_dict(summary)))
    assert set(data) >= {"articles", "sentences", "words", "method"}
    assert set(data["articles"][0]) >= {"id", "source", "title", "date", "url", "words"}
    assert set(data["sentences"][0]) >= {"text", "article", "start", "end", "sources", "corroborated_by"}
    assert data["words"] == summary.words
    md = to_markdown(summary)
    assert md.startswith("## Summary") and "[^1]:" in md


def test_markdown_escapes_article_text():
    summary = storyline.summarize(
        ["The <b>council</b> voted *today* to close the [old] harbor, officials said on Tuesday."], words=30
    )
    md = to_markdown(summary)
    assert "<b>" not in md and "\\<b\\>" in md


def test_markdown_defines_footnotes_only_for_cited_sources_and_lists_the_rest():
    """A footnote definition nothing refers to is dropped by renderers, and the source with it."""
    from dataclasses import replace

    summary = storyline.summarize(_INTRO, words=30)
    only_first = tuple(replace(s, sources=(summary.articles[0].id,), corroborated_by=()) for s in summary.sentences)
    md = to_markdown(replace(summary, sentences=only_first, introductions=()))
    assert "[^1]:" in md and "[^2]:" not in md
    assert "Not cited in the summary:\n\n- \\[2\\] " in md


def test_a_sentence_with_other_figures_does_not_corroborate():
    from storyline.attribute import figures_agree

    assert not figures_agree("About 45,000 vehicles cross the bridge.", "About 48,000 vehicles cross it.")
    assert figures_agree("About 75,000 people died.", "More than 75,000 people died in 2011.")
    assert figures_agree("Fourteen people were hurt.", "14 people were hurt.")
    # numbers written as words count as figures ("one" does not: "one of the", "no one")
    assert not figures_agree("The pier will reopen within two years.", "The pier will reopen within three years.")
    assert figures_agree("Twenty-five boats were lost.", "25 boats were lost, one of the owners said.")
    assert not figures_agree("Six hours later the fire was out.", "Five hours later the fire was out.")
    summary = storyline.summarize(
        [
            "The old bridge in Lindenfeld carries about 45,000 vehicles every weekday, the city said on Monday.",
            "The old bridge in Lindenfeld carries about 48,000 vehicles every weekday, the city said on Monday.",
        ],
        words=20,
    )
    assert summary.sentences[0].corroborated_by == ()


def test_footnotes_apart_relabels_only_the_markers():
    from storyline.render import footnotes_apart

    md = "- A sentence with \\[^1\\] in its text. [^1][^2]\n\n## Sources\n\n[^1]: One\n[^2]: Two\n"
    out = footnotes_apart(md, "3")
    assert out == "- A sentence with \\[^1\\] in its text. [^3-1][^3-2]\n\n## Sources\n\n[^3-1]: One\n[^3-2]: Two\n"


def test_footnotes_apart_relabels_the_sources_not_cited_too():
    # A story's uncited sources were listed as "\[4\]" beside its footnotes "[^1-1]": a reader of the stream took
    # "\[4\]" for the stream's fourth article, in another story. A sentence that opens with "[2]" is text, not one.
    from storyline.render import footnotes_apart

    md = ("- \\[2\\] said the mayor. [^1]\n\n## Sources\n\n[^1]: One\n\nNot cited in the summary:\n\n"
          "- \\[2\\] Two\n- \\[3\\] Three\n")
    assert footnotes_apart(md, "4") == (
        "- \\[2\\] said the mayor. [^4-1]\n\n## Sources\n\n[^4-1]: One\n\nNot cited in the summary:\n\n"
        "- \\[4-2\\] Two\n- \\[4-3\\] Three\n")


# Written for these tests: a speaker introduced in one article and named by surname alone in another.
_INTRO = [
    "Harbour Master Ines Quint said on Monday that the Kestrel pier would stay closed until divers had checked "
    "it. The pier was hit by a grain ship on Sunday night.",
    "Divers will inspect the Kestrel pier on Tuesday after a grain ship struck it late on Sunday. Quint said the "
    "harbour would reopen to small boats on Wednesday. But Quint gave no date for the freight berths.",
]


def _sentence(cluster, article: str, starts: str):
    return next(s for s in cluster.sentences if s.article == article and s.text.startswith(starts))


def test_a_speaker_named_by_surname_alone_is_introduced_from_the_cluster():
    from storyline.api import load_articles, make_cluster
    from storyline.attribute import introductions

    cluster = make_cluster(load_articles(_INTRO))
    quint = _sentence(cluster, "2", "Quint said")
    (intro,) = introductions(cluster, [quint])
    assert (intro.name, intro.text, intro.article) == ("Quint", "Harbour Master Ines Quint", "1")
    assert cluster.article("1").text[intro.start : intro.end] == intro.text  # a span that can be checked
    # the summary introduces her itself: nothing to add
    first = _sentence(cluster, "1", "Harbour Master")
    assert introductions(cluster, [first, quint]) == ()
    # "But Quint" is no introduction, and a name no article introduces gets nothing
    assert introductions(make_cluster(load_articles([_INTRO[1]])), [quint]) == ()


# Written for these tests: one-word speakers that are no people, introduced as a body and as a place.
_NOT_PEOPLE = [
    "The Harbour Police closed the Kestrel pier. Officers of Vale of Ostmark patrolled the quay on Sunday night.",
    "Divers will inspect the Kestrel pier on Tuesday after a grain ship struck it. Police said the pier would stay "
    "shut until Friday. Ostmark said the ferry would run from the north quay.",
]


def test_the_whos_who_introduces_people_only():
    # "Police: Met Police" and "Liguria: Superintendent of Archaeology of Liguria" were introduced as speakers
    from storyline.api import load_articles, make_cluster
    from storyline.attribute import introductions

    cluster = make_cluster(load_articles(_NOT_PEOPLE))
    police = _sentence(cluster, "2", "Police said")
    ostmark = _sentence(cluster, "2", "Ostmark said")
    assert introductions(cluster, [police]) == ()
    assert introductions(cluster, [ostmark]) == ()
    people = make_cluster(load_articles(_INTRO))
    assert [i.name for i in introductions(people, [_sentence(people, "2", "Quint said")])] == ["Quint"]


def test_an_introduction_is_found_at_any_mention_of_the_name():
    from storyline.attribute import _introduction

    text = "But Quint said little. The Quints sailed. Harbour Master Ines Quint spoke later."
    a, b = _introduction(text, "Quint")  # type: ignore[misc]
    assert text[a:b] == "Harbour Master Ines Quint"  # not "But Quint", not inside "Quints"
    text = "The report came from Director of the Port Authority Alma Reyes on Friday."
    a, b = _introduction(text, "Reyes")  # type: ignore[misc]
    assert text[a:b] == "Director of the Port Authority Alma Reyes"
    assert _introduction("Quint spoke. Quintessa laughed.", "Quint") is None  # a lone opening word is none


def test_who_is_who_in_text_markdown_and_json():
    from dataclasses import replace

    from storyline.model import Introduction

    summary = storyline.summarize(_INTRO, words=30)
    who = Introduction("Quint", "Harbour Master Ines Quint", "1", 0, 25)
    summary = replace(summary, introductions=(who,))
    assert "\nWho's who\n  Quint: Harbour Master Ines Quint [1]\n" in to_text(summary)
    assert "- **Quint**: Harbour Master Ines Quint [^1]" in to_markdown(summary)
    assert to_dict(summary)["introductions"] == [
        {"name": "Quint", "text": "Harbour Master Ines Quint", "article": "1", "start": 0, "end": 25}]
    assert "Who's who" not in to_text(replace(summary, introductions=()))


def test_markdown_links_only_http_addresses_even_of_an_article_built_by_hand():
    from storyline.model import Article
    from storyline.render import to_markdown

    texts = ["The council of Lindenfeld voted on Tuesday to close the old harbor to freight ships.",
             "Lindenfeld's council voted on Tuesday to close the old harbor to freight traffic."]
    md = to_markdown(storyline.summarize([Article(id="a", text=texts[0], source="Post", url="javascript:alert(1)"),
                                          Article(id="b", text=texts[1], source="Wire", url="https://w.example/x")]))
    assert "javascript:" not in md and "](<https://w.example/x>)" in md


def test_a_url_cannot_end_its_markdown_link_and_start_another():
    # A header's url is untrusted: a ">" in it would close the <...> destination and the rest would become a
    # live javascript: link in any Markdown viewer; a backslash, a space or a line break would break the link.
    from storyline.model import Article
    from storyline.render import md_url, to_markdown

    texts = ["The council of Lindenfeld voted on Tuesday to close the old harbor to freight ships.",
             "Lindenfeld's council voted on Tuesday to close the old harbor to freight traffic."]
    evil = "https://w.example/a>)[x](javascript:alert(1)//"
    md = to_markdown(storyline.summarize([Article(id="a", text=texts[0], source="Post", url=evil),
                                          Article(id="b", text=texts[1], source="Wire", url="https://w.example/x")]))
    # One destination, from "<" to the line's last ">": nothing of the URL is left outside it.
    assert "[^1]: [Post](<https://w.example/a%3E)[x](javascript:alert(1)//>)" in md.splitlines()
    assert md_url("https://w.example/a b\\c<d>\u00a0e\n") == "https://w.example/a%20b%5Cc%3Cd%3E%C2%A0e%0A"
    assert md_url("https://w.example/x?q=1&r=(2)#f") == "https://w.example/x?q=1&r=(2)#f"


def test_a_copy_is_credited_only_with_the_sentences_it_carries():
    from storyline.api import load_articles, make_cluster
    from storyline.attribute import attribute

    trimmed = " ".join(FERRY_WIRE[:5])  # the outlet cut the last sentence
    articles = load_articles([" ".join(FERRY_WIRE), trimmed, FERRY_OTHER])
    cluster = make_cluster(articles)
    assert cluster.duplicates == {"1": ("2",)}
    by_text = {s.text: s for s in cluster.sentences}
    kept, cut = by_text[FERRY_WIRE[0]], by_text[FERRY_WIRE[5]]
    first, last = attribute(cluster, [kept, cut])
    assert first.sources == ("1", "2")
    # the copy lacks the last sentence: only the article that tells it in its own words backs it
    assert last.sources == ("1",) and last.corroborated_by == ("3",)


def test_a_copy_is_credited_with_a_sentence_its_original_lacks():
    from storyline.api import load_articles, make_cluster
    from storyline.attribute import attribute

    extra = "Two tugboats from Harwick stood by the ferry overnight, the coastguard said on Saturday."
    edited = " ".join([*FERRY_WIRE[:4], extra])  # shorter than the wire story, so it is the copy left out of the pool
    told = f"{extra} The island's mayor thanked the lifeboat volunteers from three stations for their work."
    cluster = make_cluster(load_articles([" ".join(FERRY_WIRE), edited, told]))
    assert cluster.duplicates == {"1": ("2",)}
    (tugs,) = [s for s in cluster.sentences if s.text == extra]
    (s,) = attribute(cluster, [tugs])
    assert s.sources == ("3",) and s.corroborated_by == ("2",)


def test_copies_says_which_copies_carry_a_sentence_with_its_figure_and_a_name():
    from storyline.api import load_articles, make_cluster
    from storyline.attribute import copies

    lead = FERRY_WIRE[0].replace("on board", "and 14 crew on board")
    wire = [lead, *FERRY_WIRE[1:]]
    updated = [lead.replace("212", "214"), *wire[1:3]]  # an update of the wire, cut after three sentences
    cluster = make_cluster(load_articles([" ".join(wire), " ".join(wire[:3]), " ".join(updated)]))
    assert cluster.duplicates == {"1": ("2", "3")}
    held = copies(cluster)
    assert copies(cluster) is held  # one per cluster: each copy is read once
    assert held.carrying("1", lead) == ("2", "3")  # the update tells it, edited (the 14 crew agree)
    assert held.carrying("1", lead, words="212") == ("2",)  # but not with the wire's figure
    assert held.carrying("1", lead, words="21") == ()  # whole words only
    assert held.carrying("1", FERRY_WIRE[3]) == ()  # both cut the divers
    assert held.naming("1", ["Brightwater Lines"]) == ("2", "3")
    assert held.naming("1", ["Gullsby harbour master", "Brightwater Line"]) == ()
    # a quotation's words, read over the copy's whole text (a quotation may run over sentences), edited or not
    assert held.quoting("1", "a steering fault was the most likely cause") == ("2", "3")
    assert held.quoting("1", "a steering fault was the likeliest cause") == ("2", "3")  # 4 of its 6 word pairs
    assert held.quoting("1", "a long gash below the waterline") == ()  # both cut the divers
    assert held.quoting("1", "the likeliest cause") == ()  # too short to be found but word for word
