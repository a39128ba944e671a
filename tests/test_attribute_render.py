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
