import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.cluster import build_cluster, find_duplicates, shared_count, shingle_keys, shingle_words, shingles
from storyline.model import Article

WIRE = (
    "The Harbor Bridge in Port Alder was closed on Monday after a container ship lost power and hit one of "
    "its piers. Engineers began an inspection of the eastern pier at dawn, and divers found cracked concrete "
    "near the waterline. The mayor said the bridge would stay closed until inspectors declared it safe."
)


def test_wire_copy_is_merged_into_the_longer_article():
    a = Article(id="1", text=WIRE)
    b = Article(id="2", text=WIRE + " The coast guard has opened an investigation into the accident.")
    c = Article(id="3", text="Commuters faced long detours on Monday. The ferry added four extra crossings.")
    assert find_duplicates([a, b, c]) == {"2": ("1",)}
    cluster = build_cluster([a, b, c])
    assert {s.article for s in cluster.sentences} == {"2", "3"}
    assert cluster.kept_ids == ("2", "3")


def test_different_reports_are_not_merged(harbor_texts):
    arts = [Article(id=str(i), text=t) for i, t in enumerate(harbor_texts)]
    assert find_duplicates(arts) == {}
    assert len(build_cluster(arts).sentences) == 12


@given(st.lists(st.sampled_from(["Harbor", "7", "é", "É", "İ", "ß", "½", "²", "٣", "_", "’", "“", "—", "…", " ", "\n",
                                 ",", "x.y", "\u2003", "\u0301", "日本", "\ud800"]), max_size=30).map("".join))
def test_shingle_words_are_the_regex_word_runs(text: str) -> None:
    expected = re.findall(r"\w+", text.lower())
    assert [w.decode("utf-8", "surrogatepass") for w in shingle_words(text)] == expected


@given(st.lists(st.sampled_from(["a b c d e f", "a b", "g h i j k l m", "a b c d e f g"]), max_size=3).map(" ".join),
       st.lists(st.sampled_from(["a b c d e f", "x y", "g h i j k l m", "c d e f g"]), max_size=3).map(" ".join))
def test_shared_count_is_the_size_of_the_set_intersection(a: str, b: str) -> None:
    keys_a, keys_b = shingle_keys(a), shingle_keys(b)
    assert keys_a.tolist() == sorted(set(keys_a.tolist()))
    assert shared_count(keys_a, keys_b) == len(shingles(a) & shingles(b))


def test_a_cluster_over_the_sentence_limit_is_refused_before_any_scoring(monkeypatch, harbor_texts):
    import pytest

    import storyline
    from storyline import cluster as cluster_module
    from storyline import represent
    from storyline.errors import InputTooLargeError

    arts = [Article(id=str(i), text=t) for i, t in enumerate(harbor_texts)]
    assert len(build_cluster(arts).sentences) == 12
    monkeypatch.setattr(cluster_module, "MAX_SENTENCES", 11)

    def no_quadratic_work(_):  # type: ignore[no-untyped-def]
        raise AssertionError("sentence vectors were built for a cluster over the limit")

    monkeypatch.setattr(represent, "build_vectors", no_quadratic_work)
    message = "12 sentences or more in one cluster is more than the limit of 11; give fewer or shorter articles at once"
    with pytest.raises(InputTooLargeError, match=f"^{message}$"):
        build_cluster(arts)
    with pytest.raises(InputTooLargeError, match=message):
        storyline.summarize(harbor_texts)
    assert InputTooLargeError.exit_code == 4 and InputTooLargeError.http_status == 413


def test_a_cluster_built_by_hand_is_checked_too(monkeypatch, harbor_texts):
    import pytest

    import storyline
    from storyline import cluster as cluster_module
    from storyline.errors import InputTooLargeError

    built = build_cluster([Article(id=str(i), text=t) for i, t in enumerate(harbor_texts)])
    monkeypatch.setattr(cluster_module, "MAX_SENTENCES", 11)
    with pytest.raises(InputTooLargeError, match="12 sentences"):
        storyline.summarize(built)
    with pytest.raises(InputTooLargeError, match="12 sentences"):
        storyline.analyze(built)


def test_segmenting_stops_one_sentence_past_the_limit(monkeypatch, harbor_texts):
    """A cluster over the limit is refused as soon as it is known to be: the rest of a 20 MB article is never
    segmented (that took most of the 10 s a 20 MB file needed to be refused)."""
    import pytest

    from storyline import cluster as cluster_module
    from storyline import segment as segment_module
    from storyline.errors import InputTooLargeError

    read: list[int] = []
    real_segment = segment_module.segment

    def counting(article, limit=None):  # type: ignore[no-untyped-def]
        got = real_segment(article, limit)
        read.append(len(got))
        return got

    monkeypatch.setattr(cluster_module, "segment", counting)
    monkeypatch.setattr(cluster_module, "MAX_SENTENCES", 3)
    long_one = " ".join(f"The ferry made crossing number {k} of the day." for k in range(50))
    # the first article is over the limit by itself: "give fewer or shorter articles at once" was no help to it
    alone = "^article 1: 4 sentences or more in this one article, more than the limit of 3 per cluster; give a part"
    with pytest.raises(InputTooLargeError, match=alone):
        build_cluster([Article(id="1", text=long_one), Article(id="2", text=harbor_texts[0])])
    assert read == [4]  # one past the limit, and the second article not read at all
    with pytest.raises(InputTooLargeError, match="^4 sentences or more in one cluster is more than the limit of 3;"):
        build_cluster([Article(id="2", text="The ferry was late on Monday."), Article(id="1", text=long_one)])


def test_latest_that_fit_keeps_the_newest_articles_within_the_limit():
    from storyline.cluster import latest_that_fit

    arts = [Article(id=str(k), text=" ".join(f"Sentence {j} of article {k} is here." for j in range(k + 1)))
            for k in range(4)]  # 1, 2, 3 and 4 sentences
    assert [a.id for a in latest_that_fit(arts, 7)] == ["2", "3"]
    assert [a.id for a in latest_that_fit(arts, 10)] == ["0", "1", "2", "3"]
    assert latest_that_fit(arts, 3) == []


def test_an_article_and_its_sentences_are_found_by_id_without_a_pass_over_the_cluster() -> None:
    # The analysis asks for articles and their sentences by id in its loops: a pass over the articles (or every
    # sentence) for each question made 1,000 short articles at once take a minute more. Asked now of an index built
    # with the cluster: the same answers, the first article of an id as before, a KeyError for an unknown one.
    from support import python_steps_in

    from storyline.model import Article, Cluster, Sentence

    arts = tuple(Article(id=str(k), text=f"Pier {k} opened.", source=f"Outlet {k}") for k in range(1000))
    sents = tuple(Sentence(a.id, 0, 0, len(a.text), a.text) for a in arts)
    cluster = Cluster(articles=(*arts, Article(id="999", text="A copy.", source="Late")), sentences=sents)
    steps = python_steps_in("storyline/model.py", lambda: (cluster.article("999"), cluster.sentences_of("999")))
    assert steps < 20, steps
    assert cluster.article("999") is arts[-1] and cluster.sentences_of("999") == (sents[-1],)
    assert cluster.sentences_of("no such id") == ()
    with pytest.raises(KeyError):
        cluster.article("no such id")
