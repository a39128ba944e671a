"""Word counts, TF-IDF vectors and the lean cosine path (texts written for these tests)."""

import re
import sys
import unicodedata

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import HARBOR

from storyline.cluster import build_cluster
from storyline.model import MARKS, MARKS_UNICODE, Article, count_words, has_words, word_counts
from storyline.represent import build_vectors, content_terms, content_terms_of, words

# Words, joiners that may or may not join them, spaces and underscores, combining marks (a Devanagari vowel sign,
# an accent written apart): the cases that make counting hard.
PLAIN = ["harbor", "7", "é", "-", "'", "’", ".", " ", "  ", "_", "x.y", "—", ",", "İ", "\n"]
PIECES = st.sampled_from([*PLAIN, "नि", "ि", "\u0301", "e\u0301", "\U00011013", "\U00011038"])  # Brahmi: beyond U+FFFF


@given(st.lists(PIECES, max_size=30).map("".join), st.integers(min_value=0, max_value=12))
def test_has_words_agrees_with_count_words(text: str, n: int) -> None:
    assert has_words(text, n) == (count_words(text) >= n)


def test_has_words_does_not_split_a_word_to_reach_the_count() -> None:
    assert not has_words("harbor", 2)
    assert has_words("state-of-the-art harbor", 2)
    assert not has_words("state-of-the-art", 2)
    assert not has_words("हिंदी", 2)


@given(st.lists(st.sampled_from(PLAIN), max_size=30).map("".join))
def test_a_text_without_combining_marks_counts_as_it_did(text: str) -> None:
    # the marks joined the word definition; every other text (English) counts the words it counted before
    assert count_words(text) == len(re.findall(r"\w+(?:[-'’.]\w+)*", text))


# Texts written for these tests, a word a space apart (Thai and Burmese spaced so, as they are not in print).
WRITTEN = {
    "hi": "शहर के पुराने पुल पर सोमवार सुबह एक मालवाहक जहाज टकरा गया। किसी को चोट नहीं आई।",
    "bn": "নদীর উপর পুরনো সেতুটি সোমবার সকালে বন্ধ করে দেওয়া হয়েছে। কেউ আহত হননি।",
    "ta": "பழைய பாலம் திங்கள்கிழமை காலை மூடப்பட்டது. யாருக்கும் காயம் இல்லை என்று அதிகாரிகள் கூறினர்.",
    "th": "สะพาน เก่า ถูก ปิด เมื่อ วัน จันทร์ ไม่ มี ผู้ บาดเจ็บ",
    "my": "မြို့ ဟောင်း တံတား ကို တနင်္လာ နေ့ ပိတ် လိုက် သည်။",
    "km": "ស្ពាន ចាស់ ត្រូវ បាន បិទ កាលពី ថ្ងៃ ច័ន្ទ។",
    "nfd": unicodedata.normalize("NFD", "The café’s résumé of São Paulo, naïve and déjà vu."),
}


@pytest.mark.parametrize("language", sorted(WRITTEN))
def test_a_word_holds_its_vowel_signs_and_accents(language: str) -> None:
    # \w holds no combining mark: "पुराने" counted 3 words ("प", "र", "न"), the Hindi text above 28 for its 17
    text = WRITTEN[language]
    assert count_words(text) == len(text.split()) == word_counts([text])[0]
    assert has_words(text, len(text.split())) and not has_words(text, len(text.split()) + 1)


def test_a_mark_with_no_letter_before_it_is_no_word() -> None:
    assert count_words("\u0301") == 0
    assert count_words("\u0301 a \u093f") == 1
    assert count_words("a-\u0301b") == 2  # a hyphen joins words, not a mark to a word
    assert word_counts(["\u0301", "\u0301 a \u093f", "a-\u0301b", "नि-नि"]).tolist() == [0, 1, 2, 1]
    # a mark beyond U+FFFF (Brahmi's vowel sign AA after its KA), after a letter of the Basic Multilingual Plane too
    assert count_words("\U00011013\U00011038\U00011013 \U00011013 a\U00011038b") == 3
    assert word_counts(["\U00011013\U00011038\U00011013 \U00011013 a\U00011038b"]).tolist() == [3]


def test_the_marks_are_unicodes_combining_marks() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1))).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    listed = set(re.findall(f"[{MARKS}]", every))
    assert all(unicodedata.category(c).startswith("M") for c in listed)
    if unicodedata.unidata_version == MARKS_UNICODE:  # a Python of another Unicode version may know more of them
        assert listed == {c for c in every if unicodedata.category(c).startswith("M")}


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


# Words, apostrophes that may or may not join them, punctuation in and outside ASCII, stopwords, digits, combining
# marks after a letter and after none.
TOKEN_PIECES = st.sampled_from(
    ["harbor", "The", "said", "7", "٣", "é", "İ", "'", "’", "''", " ", "_", "—", "“", "”", "…", ",", "x", "\n", "£",
     "नि", "ि", "\u0301", "\U00011013", "\U00011038"]
)


@given(st.lists(TOKEN_PIECES, max_size=16).map("".join))
def test_words_are_the_pattern_matches(text: str) -> None:
    assert words(text) == re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.lower().replace("’", "'"))


def test_a_hindi_word_is_parted_at_its_vowel_signs_until_the_scorer_is_refit() -> None:
    # The TF-IDF tokens are what the shipped scorer's term lexicon was estimated with: a combining mark still parts
    # a token here, though the word counts keep it (model.WORD_RUN). Tokens that keep their marks ("पुराने" one
    # token, not "प", "र", "न") wait for a refit with them (make train, then make bench).
    assert words("शहर के पुराने पुल") == ["शहर", "क", "प", "र", "न", "प", "ल"]


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
