import json

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


def test_a_sentence_with_other_figures_does_not_corroborate():
    from storyline.attribute import figures_agree

    assert not figures_agree("About 45,000 vehicles cross the bridge.", "About 48,000 vehicles cross it.")
    assert figures_agree("About 75,000 people died.", "More than 75,000 people died in 2011.")
    assert figures_agree("Fourteen people were hurt.", "14 people were hurt.")
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
