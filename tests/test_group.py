import pytest

from storyline.errors import OptionsError
from storyline.group import GroupingOptions, StoryGrouper, group_articles
from storyline.model import Article

BRIDGE = [
    "The Harbor Bridge in Port Alder was closed on Sunday after a container ship struck one of its piers.",
    "A container ship hit a pier of Port Alder's Harbor Bridge on Sunday night; the bridge is closed.",
    "Engineers inspected the damaged pier of the Harbor Bridge, which stays closed after the ship collision.",
]
ELECTION = [
    "Voters in Lindenfeld elected Ruth Kessler mayor on Tuesday, ending twelve years of council rule.",
    "Ruth Kessler won Lindenfeld's mayoral election on Tuesday with 54 percent of the vote.",
]
FLOOD = ["Heavy rain flooded the river valley near Eastmoor, and farmers moved their cattle to higher ground."]


def arts(texts, prefix, date=None):
    return [Article(id=f"{prefix}{i}", text=t, date=date) for i, t in enumerate(texts)]


def test_a_stream_falls_into_its_stories():
    stream = [*arts(BRIDGE, "b"), *arts(ELECTION, "e"), *arts(FLOOD, "f")]
    # interleaved, as articles arrive
    order = [stream[i] for i in (0, 3, 1, 5, 4, 2)]
    grouper = StoryGrouper()
    got = [grouper.add(a) for a in order]
    assert got[0].new and got[0].story == 0 and got[0].similarity == 0.0
    assert grouper.stories == (("b0", "b1", "b2"), ("e0", "e1"), ("f0",))
    joined = [a for a in got if not a.new]
    assert joined and all(a.similarity >= GroupingOptions().threshold for a in joined)
    assert len(grouper) == 6


def test_group_articles_returns_articles_in_arrival_order():
    stories = group_articles([*arts(ELECTION, "e"), *arts(BRIDGE, "b")])
    assert [[a.id for a in s] for s in stories] == [["e0", "e1"], ["b0", "b1", "b2"]]


def test_dates_far_apart_start_a_new_story():
    first = arts(BRIDGE[:1], "old", "2026-01-02")
    later = arts(BRIDGE[1:2], "new", "2026-03-09")
    grouper = StoryGrouper(GroupingOptions(window_days=7))
    grouper.add(first[0])
    assert grouper.add(later[0]).new
    no_window = StoryGrouper(GroupingOptions(window_days=0))
    no_window.add(first[0])
    assert not no_window.add(later[0]).new


def test_options_and_repeats_are_checked():
    with pytest.raises(OptionsError):
        GroupingOptions(threshold=0)
    with pytest.raises(OptionsError):
        GroupingOptions(window_days=-1)
    grouper = StoryGrouper()
    grouper.add(Article(id="x", text=FLOOD[0]))
    with pytest.raises(OptionsError, match="already"):
        grouper.add(Article(id="x", text=FLOOD[0]))


def test_an_article_without_terms_starts_its_own_story():
    grouper = StoryGrouper()
    grouper.add(Article(id="a", text=BRIDGE[0]))
    assert grouper.add(Article(id="b", text="It was. And then?")).new


def test_restore_puts_articles_where_they_were_stored():
    grouper = StoryGrouper(GroupingOptions(threshold=1.0))  # would split everything by itself
    assert grouper.restore(Article(id="b0", text=BRIDGE[0]), 0).new
    joined = grouper.restore(Article(id="b1", text=BRIDGE[1]), 0)
    assert not joined.new and joined.story == 0 and 0 < joined.similarity < 1
    assert grouper.stories == (("b0", "b1"),)
    with pytest.raises(OptionsError, match="does not exist"):
        grouper.restore(Article(id="e0", text=ELECTION[0]), 5)
    assert grouper.add(Article(id="b2", text=BRIDGE[2])).story == 1  # new decisions use the options
