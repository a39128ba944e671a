"""Readers for evaluation sets, on small fixtures written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import EmptyInputError, InputNotFoundError, MalformedDataError, OptionsError
from storyline.evaluate.datasets import (
    IdList,
    UnknownIdsError,
    cluster_key,
    load_eval_set,
    read_ids,
    sample,
    sibling_target,
)

DOC_A = "The council voted on Tuesday to close the harbor. The mayor welcomed the vote."
DOC_B = "Freight ships must leave the old harbor by March. Fishermen said it was crowded."


def _jsonl(tmp_path: Path, rows: list[dict], name: str = "set.jsonl") -> Path:
    p = tmp_path / name
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return p


def test_jsonl_reader_keeps_ids_documents_and_references(tmp_path: Path) -> None:
    p = _jsonl(tmp_path, [{"id": "c1", "documents": [DOC_A, DOC_B], "summaries": ["The harbor closes."]}])
    es = load_eval_set(p)
    assert es.name == f"{tmp_path.name}/set"
    (c,) = es.clusters
    assert c.id == "c1" and [a.text for a in c.articles] == [DOC_A, DOC_B] and c.summaries == ("The harbor closes.",)


def test_jsonl_cluster_without_references_names_the_line(tmp_path: Path) -> None:
    p = _jsonl(tmp_path, [{"id": "c1", "documents": [DOC_A], "summaries": ["x"]}, {"documents": [DOC_A]}])
    with pytest.raises(MalformedDataError, match="line 2: the cluster has no reference summaries"):
        load_eval_set(p)


def test_jsonl_cluster_without_documents_names_the_line(tmp_path: Path) -> None:
    p = _jsonl(tmp_path, [{"id": "c1", "documents": [], "summaries": ["x"]}])
    with pytest.raises(MalformedDataError, match="line 1: the cluster has no documents"):
        load_eval_set(p)


def test_a_file_that_is_not_the_schema_is_malformed(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text('{"documents": "not a list", "summaries": []}\n', encoding="utf-8")
    with pytest.raises(MalformedDataError, match="line 1"):
        load_eval_set(p)


def test_missing_path_is_reported(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        load_eval_set(tmp_path / "absent.jsonl")


def _multinews(tmp_path: Path) -> Path:
    src = tmp_path / "test.src"
    src.write_text(
        f"{DOC_A}NEWLINE_CHARNEWLINE_CHARMore text here. ||||| {DOC_B}\n{DOC_B} |||||  \n", encoding="utf-8"
    )
    (tmp_path / "test.tgt").write_text("– The harbor closes.\n– Ships leave.\n", encoding="utf-8")
    return src


def test_multinews_release_format_with_sibling_target(tmp_path: Path) -> None:
    es = load_eval_set(_multinews(tmp_path))
    assert es.ids == ("test_1", "test_2")
    first, second = es.clusters
    assert [a.text for a in first.articles] == [f"{DOC_A}\n\nMore text here.", DOC_B]
    assert first.summaries == ("– The harbor closes.",)
    assert len(second.articles) == 1


def test_multinews_preprocessed_release_separates_sources_by_its_tag(tmp_path: Path) -> None:
    src = tmp_path / "val.src"  # the preprocessed/truncated releases join sources by a tag, not "|||||"
    src.write_text(f"{DOC_A} story_separator_special_tag {DOC_B}\n", encoding="utf-8")
    (tmp_path / "val.tgt").write_text("– The harbor closes.\n", encoding="utf-8")
    (cluster,) = load_eval_set(src).clusters
    assert [a.text for a in cluster.articles] == [DOC_A, DOC_B]


def test_multinews_explicit_references_and_mismatched_lengths(tmp_path: Path) -> None:
    src = _multinews(tmp_path)
    other = tmp_path / "refs.txt"
    other.write_text("only one\n", encoding="utf-8")
    with pytest.raises(MalformedDataError, match="2 clusters but .* has 1 summaries"):
        load_eval_set(src, references=other)


@pytest.mark.parametrize("lines", ["", "\n", "\n\n  \n"])
def test_multinews_files_without_clusters_are_empty_input(tmp_path: Path, lines: str) -> None:
    """As an empty JSONL file is: exit 5, not a report of "0 clusters" with a dash in every cell."""
    src = tmp_path / "val.src"
    src.write_text(lines, encoding="utf-8")
    (tmp_path / "val.tgt").write_text(lines, encoding="utf-8")
    with pytest.raises(EmptyInputError, match=r"val\.src: no clusters in this file"):
        load_eval_set(src)


def test_multinews_blank_source_line_names_the_src_file(tmp_path: Path) -> None:
    src = tmp_path / "val.src"
    src.write_text(f"{DOC_A}\n\n{DOC_B}\n", encoding="utf-8")
    tgt = tmp_path / "val.tgt"
    tgt.write_text("– The harbor closes.\n\n– Ships leave.\n", encoding="utf-8")  # blank on line 2 too
    with pytest.raises(MalformedDataError) as err:
        load_eval_set(src)
    assert str(err.value) == f"{src}, line 2: the cluster has no documents"
    src.write_text(f"{DOC_A}\n{DOC_B}\n{DOC_A}\n", encoding="utf-8")
    tgt.write_text("– The harbor closes.\n \n– Ships leave.\n", encoding="utf-8")
    with pytest.raises(MalformedDataError) as err:
        load_eval_set(src)
    assert str(err.value) == f"{tgt}, line 2: the cluster has no reference summaries"


def test_multinews_without_target_asks_for_references(tmp_path: Path) -> None:
    src = tmp_path / "alone.src"
    src.write_text(f"{DOC_A}\n", encoding="utf-8")
    assert sibling_target(src) is None
    with pytest.raises(OptionsError, match="--references"):
        load_eval_set(src)


def _duc(tmp_path: Path) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    for cid, body in (("d30001t", DOC_A), ("d30002t", DOC_B)):
        (docs / cid).mkdir(parents=True)
        (docs / cid / "APW19981001.0001").write_text(
            f"<DOC>\n<DOCNO> APW1 </DOCNO>\n<HEADLINE>Head</HEADLINE>\n<TEXT>\n<P>\n{body}\n</P>\n</TEXT>\n</DOC>\n"
            f"<DOC><DOCNO>APW2</DOCNO><TEXT>Second &amp; last report of the day.</TEXT></DOC>\n",
            encoding="utf-8",
        )
    models = tmp_path / "models"
    models.mkdir()
    (models / "D30001.M.100.T.A").write_text("The harbor closes.\n", encoding="utf-8")
    (models / "D30001.M.100.T.B").write_text("The council closed the harbor.\n", encoding="utf-8")
    (models / "D30002.M.100.T.C").write_text("Ships leave by March.\n", encoding="utf-8")
    return docs, models


def test_duc_directories_match_models_by_cluster_id(tmp_path: Path) -> None:
    docs, models = _duc(tmp_path)
    es = load_eval_set(docs, references=models)
    assert es.ids == ("d30001", "d30002")
    first = es.clusters[0]
    assert [a.text for a in first.articles] == [DOC_A, "Second & last report of the day."]
    assert first.summaries == ("The harbor closes.", "The council closed the harbor.")
    # a sibling folder named models is found without --references
    assert load_eval_set(docs).ids == es.ids


def test_duc_cluster_without_models_is_named(tmp_path: Path) -> None:
    docs, models = _duc(tmp_path)
    (models / "D30002.M.100.T.C").unlink()
    with pytest.raises(MalformedDataError, match="no model summaries for cluster d30002"):
        load_eval_set(docs, references=models)


def test_cluster_key() -> None:
    assert cluster_key("d30001t") == cluster_key("D30001.M.100.T.A") == "d30001"


def test_limit_is_a_seeded_sample_in_file_order(tmp_path: Path) -> None:
    rows = [{"id": f"c{i}", "documents": [DOC_A], "summaries": ["x"]} for i in range(20)]
    p = _jsonl(tmp_path, rows)
    a, b = load_eval_set(p, limit=5, seed=3), load_eval_set(p, limit=5, seed=3)
    assert a.ids == b.ids and len(a.ids) == 5
    assert list(a.ids) == sorted(a.ids, key=lambda s: int(s[1:]))
    assert a.digest() == b.digest() != load_eval_set(p, limit=5, seed=4).digest()
    assert len(load_eval_set(p, limit=50).ids) == 20
    with pytest.raises(OptionsError):
        sample(a.clusters, 0, 0)


def test_a_directory_of_dataset_files_is_told_to_name_the_file(tmp_path: Path) -> None:
    """Not asked for the model summaries of a DUC directory it is not."""
    _jsonl(tmp_path, [{"id": "c1", "documents": [DOC_A], "summaries": ["x"]}])
    with pytest.raises(MalformedDataError) as err:
        load_eval_set(tmp_path)
    assert str(err.value) == (f"{tmp_path}: eval expected a dataset file (.jsonl[.gz], or a Multi-News .src) or a "
                              "DUC documents directory (one folder per cluster, e.g. d30001t/ with SGML files); found "
                              "1 dataset file (set.jsonl): give a .jsonl[.gz] or .src file by its own path")


def test_a_directory_of_articles_is_told_what_eval_expected_and_what_it_found(tmp_path: Path) -> None:
    # It was called "a DUC directory" ("no cluster subdirectories (a directory is read as DUC ...)").
    for name in ("a.txt", "b.md", "c.html", "d.txt", "e.txt"):
        (tmp_path / name).write_text(DOC_A, encoding="utf-8")
    with pytest.raises(MalformedDataError) as err:
        load_eval_set(tmp_path)
    assert str(err.value).endswith(
        "; found 5 files (a.txt, b.md, c.html and 2 more) and no cluster folder; articles to summarize are for "
        "'storyline summarize', eval needs reference summaries")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(MalformedDataError, match="; found nothing in it$"):
        load_eval_set(empty)


def _many(tmp_path: Path, n: int, name: str) -> tuple[Path, list[dict]]:
    rows = [{"id": f"c{k}", "documents": [f"{DOC_A} Item {k} of the list. " * 40, DOC_B],
             "summaries": [f"The harbor closes, says item {k}."]} for k in range(n)]
    path = tmp_path / name
    text = "".join(json.dumps(r) + "\n" for r in rows)
    if name.endswith(".gz"):
        import gzip

        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")
    return path, rows


@pytest.mark.parametrize("name", ["big.jsonl", "big.jsonl.gz"])
def test_a_limit_holds_only_its_sample_of_a_large_file(tmp_path: Path, name: str) -> None:
    # Multi-News train (45,000 clusters) was read whole, text and clusters, for --limit 3: 1.6 GB. Now it is read a
    # line at a time, every cluster checked, and only the sample kept: the same clusters the whole file gives.
    import tracemalloc

    path, rows = _many(tmp_path, 1500, name)  # some 5.6 MB of text
    told: list[int] = []
    tracemalloc.start()
    try:
        es = load_eval_set(path, limit=3, seed=4, progress=told.append)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000, peak
    whole = sample(load_eval_set(path).clusters, 3, 4)
    assert es.clusters == whole and len(es.clusters) == 3
    assert es.file_ids == tuple(r["id"] for r in rows) and sum(told) == len(rows)


def test_a_limit_on_a_file_the_line_reader_gives_up_on_reads_it_whole_as_before(tmp_path: Path) -> None:
    # Windows-1252 text and a bad line: the whole-file reader's encodings and its error, the progress told once.
    rows = [{"id": f"c{k}", "documents": [f"Caf\u00e9 {k}. {DOC_A}", DOC_B], "summaries": ["The caf\u00e9."]}
            for k in range(6)]
    path = tmp_path / "w.jsonl"
    path.write_bytes("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("cp1252"))
    told: list[int] = []
    es = load_eval_set(path, limit=2, seed=1, progress=told.append)
    assert es.clusters == sample(load_eval_set(path).clusters, 2, 1) and sum(told) == 6
    assert es.clusters[0].articles[0].text.startswith("Caf\u00e9 ")
    path.write_text("".join(json.dumps(r) + "\n" for r in rows[:4]) + "{oops\n", encoding="utf-8")
    with pytest.raises(MalformedDataError, match=r"w\.jsonl, line 5: not valid JSON"):
        load_eval_set(path, limit=2)
    path.write_text("".join(json.dumps(r) + "\n" for r in [*rows[:4], {"id": "x", "documents": [DOC_A]}]))
    with pytest.raises(MalformedDataError, match="line 5: the cluster has no reference summaries"):
        load_eval_set(path, limit=2)


@pytest.mark.timeout(60)
def test_a_limit_on_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(InputNotFoundError, match="not a regular file"):
        load_eval_set(fifo, limit=2)


@pytest.mark.parametrize("name", ["set.jsonl", "set.json", "set.jsonl.gz"])
def test_ids_keep_the_clusters_they_name_in_file_order_and_a_limit_samples_among_them(tmp_path: Path, name: str
                                                                                      ) -> None:
    # A system run on 40 clusters of a 5,600-cluster set could not be scored: every cluster needed its summary, and
    # --limit draws its own sample.
    import gzip

    rows = [{"id": f"c{i}", "documents": [DOC_A], "summaries": ["x"]} for i in range(30)]
    p = _jsonl(tmp_path, rows, name)
    if name.endswith(".gz"):
        p.write_bytes(gzip.compress(p.read_bytes()))
    only = IdList("mine.txt", ("c17", "c3", "c25", "c4", "c9"))
    es = load_eval_set(p, only=only)
    assert es.ids == ("c3", "c4", "c9", "c17", "c25") and es.file_ids == tuple(r["id"] for r in rows)
    some = load_eval_set(p, only=only, limit=3, seed=2)
    assert len(some.ids) == 3 and set(some.ids) <= set(only.ids)
    assert some.ids == load_eval_set(p, only=only, limit=3, seed=2).ids  # seeded
    assert load_eval_set(p, only=only, limit=9).ids == es.ids
    with pytest.raises(UnknownIdsError, match=r"^--ids mine.txt: 1 of its 2 ids name no cluster of the dataset, the "
                                              r"first 'c99' \(the dataset's first is 'c0'"):
        load_eval_set(p, only=IdList("mine.txt", ("c3", "c99")), limit=1)


def test_ids_are_read_from_plain_lines_or_from_the_ids_of_a_jsonl_file(tmp_path: Path) -> None:
    plain = tmp_path / "ids.txt"
    plain.write_text("c2\n\n  c1  \nc2\n", encoding="utf-8")
    assert read_ids(plain) == IdList(str(plain), ("c2", "c1"))  # given twice: once
    outputs = _jsonl(tmp_path, [{"id": "c5", "summary": "s"}, {"id": 7, "summary": "t"}], "mine.jsonl")
    assert read_ids(outputs).ids == ("c5", "7")
    per_cluster = _jsonl(tmp_path, [{"id": "c1", "cluster_words": 3, "methods": {}}], "run.jsonl")
    assert read_ids(per_cluster).ids == ("c1",)
    bad = _jsonl(tmp_path, [{"id": "c5"}, {"summary": "no id"}], "bad.jsonl")
    with pytest.raises(MalformedDataError, match=r"bad.jsonl, line 2: expected a JSON object with an 'id'"):
        read_ids(bad)
    (tmp_path / "empty.txt").write_text("\n \n", encoding="utf-8")
    with pytest.raises(EmptyInputError, match="no cluster ids in this file"):
        read_ids(tmp_path / "empty.txt")
    with pytest.raises(InputNotFoundError, match="no such file"):
        read_ids(tmp_path / "gone.txt")
    with pytest.raises(InputNotFoundError, match="a directory; give the file of cluster ids"):
        read_ids(tmp_path)
