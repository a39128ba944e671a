"""Word counts, TF-IDF vectors and the lean cosine path (texts written for these tests)."""

import re

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from support import HARBOR

from storyline.cluster import build_cluster
from storyline.model import Article, count_words, has_words, word_counts
from storyline.represent import build_vectors, content_terms, content_terms_of, words

# Words, joiners that may or may not join them, spaces and underscores: the cases that make counting hard.
PIECES = st.sampled_from(["harbor", "7", "é", "-", "'", "’", ".", " ", "  ", "_", "x.y", "—", ",", "İ", "\n"])


@given(st.lists(PIECES, max_size=30).map("".join), st.integers(min_value=0, max_value=12))
def test_has_words_agrees_with_count_words(text: str, n: int) -> None:
    assert has_words(text, n) == (count_words(text) >= n)


def test_has_words_does_not_split_a_word_to_reach_the_count() -> None:
    assert not has_words("harbor", 2)
    assert has_words("state-of-the-art harbor", 2)
    assert not has_words("state-of-the-art", 2)


def _cluster():  # type: ignore[no-untyped-def]
    arts = [Article(id=str(k), text=t) for k, t in enumerate(HARBOR, 1)]
    return build_cluster(arts, merge_duplicates=False)


def test_dense_cosine_rows_match_the_similarity_matrix() -> None:
    lean, full = build_vectors(_cluster()), build_vectors(_cluster())
    sim = full.similarity
    for i in range(len(lean.terms)):
        assert np.allclose(lean.cosines(i), sim[i], atol=1e-12)
    assert lean._matrix is None  # the lean path never built the sparse matrix


def test_document_frequencies_count_sentences_and_articles() -> None:
    cluster = _cluster()
    vecs = build_vectors(cluster)
    term = vecs.vocab["harbor"]
    sentences = sum("harbor" in ts for ts in vecs.terms)
    articles = len({s.article for s, ts in zip(cluster.sentences, vecs.terms, strict=True) if "harbor" in ts})
    assert vecs.idf[term] == np.log((len(vecs.terms) + 1) / (sentences + 1)) + 1.0
    assert vecs.article_df[term] == articles == 3


@given(st.lists(st.lists(PIECES, max_size=12).map("".join), max_size=6))
def test_word_counts_agree_with_count_words(texts: list[str]) -> None:
    assert word_counts(texts).tolist() == [count_words(t) for t in texts]


# Words, apostrophes that may or may not join them, punctuation in and outside ASCII, stopwords, digits.
TOKEN_PIECES = st.sampled_from(
    ["harbor", "The", "said", "7", "٣", "é", "İ", "'", "’", "''", " ", "_", "—", "“", "”", "…", ",", "x", "\n", "£"]
)


@given(st.lists(TOKEN_PIECES, max_size=16).map("".join))
def test_words_are_the_pattern_matches(text: str) -> None:
    assert words(text) == re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.lower().replace("’", "'"))


@given(st.lists(st.lists(TOKEN_PIECES, max_size=12).map("".join), max_size=5))
def test_content_terms_of_a_cluster_are_each_texts_content_terms(texts: list[str]) -> None:
    assert content_terms_of(texts) == [content_terms(t) for t in texts]


def test_cosine_rows_from_the_term_index_match_the_similarity_matrix(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("storyline.represent.ROW_CELLS", 0)  # every cluster takes the term index
    lean, full = build_vectors(_cluster()), build_vectors(_cluster())
    sim = full.similarity
    for i in range(len(lean.terms)):
        assert np.allclose(lean.cosines(i), sim[i], atol=1e-12)
        shared = [len(set(lean.terms[i]) & set(ts)) for ts in lean.terms]
        assert lean.shared_terms(i).tolist() == shared
    assert lean._dense is None and lean._matrix is None


def test_a_sentence_without_content_terms_has_float_cosines(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("storyline.represent.ROW_CELLS", 0)  # the term index path
    no_terms = "\n\nAnd so it was, and then it was not."
    arts = [Article(id="1", text=HARBOR[0] + no_terms), Article(id="2", text=HARBOR[1])]
    vecs = build_vectors(build_cluster(arts, merge_duplicates=False))
    empty = next(i for i, t in enumerate(vecs.terms) if not t)
    row = vecs.cosines(empty)
    assert row.dtype == np.float64 and not row.any()


def test_similarity_in_blocks_of_rows_is_the_same_as_in_one_product(monkeypatch) -> None:
    from storyline import represent

    cluster = build_cluster([Article(id=str(k), text=t) for k, t in enumerate(HARBOR * 2, 1)], merge_duplicates=False)
    whole = build_vectors(cluster).similarity
    monkeypatch.setattr(represent, "_SIMILARITY_CELLS", 2 * len(cluster.sentences) + 1)  # blocks of 2 rows
    blocks = build_vectors(cluster).similarity
    assert len(cluster.sentences) == 24 and np.array_equal(whole, blocks)
    matrix = build_vectors(cluster).matrix
    assert np.array_equal(whole, np.clip((matrix @ matrix.T).toarray(), 0, 1))


def test_similarity_blocks_are_the_similarity_matrixs_rows(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A user that reads every row once (the features of a large cluster) takes them a block at a time rather than
    # holding all n x n: the same numbers, and the full matrix is not built (nor kept) for it.
    from storyline import represent

    cluster = build_cluster([Article(id=str(k), text=t) for k, t in enumerate(HARBOR * 2, 1)], merge_duplicates=False)
    whole = build_vectors(cluster).similarity
    for cells in (10_000, 3 * len(cluster.sentences), 1):
        monkeypatch.setattr(represent, "_BLOCK_CELLS", cells)
        vecs = build_vectors(cluster)
        blocks = list(vecs.similarity_blocks())
        assert [start for start, _ in blocks] == list(range(0, len(whole), len(blocks[0][1])))
        assert np.array_equal(np.vstack([rows for _, rows in blocks]), whole)
        assert not vecs.similarity_built
    vecs = build_vectors(cluster)
    assert vecs.similarity is not None and vecs.similarity_built
    assert [(start, rows is vecs.similarity) for start, rows in vecs.similarity_blocks()] == [(0, True)]


def test_cosine_rows_from_the_term_index_are_the_similarity_rows_bit_for_bit(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A large cluster's selection reads its cosine rows from the term index, no longer from the full matrix the
    # features had built: each sentence's products are summed in the sparse product's order, so the rows are equal.
    monkeypatch.setattr("storyline.represent.ROW_CELLS", 0)
    cluster = build_cluster([Article(id=str(k), text=t) for k, t in enumerate(HARBOR * 2, 1)], merge_duplicates=False)
    lean, full = build_vectors(cluster), build_vectors(cluster)
    sim = full.similarity
    for i in range(len(lean.terms)):
        assert np.array_equal(lean.cosines(i), sim[i])
