"""``python -m storyline.evaluate.analysis_bench`` (``make bench-analysis``) given a file it cannot score."""

import pytest

from storyline.evaluate import analysis_bench


@pytest.mark.parametrize(("content", "reason"), [
    (None, "No such file"), ("not json", "Expecting value"), ("[1, 2]", "no 'clusters' list"),
    ('{"other": []}', "no 'clusters' list"),
])
def test_a_set_that_is_absent_or_malformed_is_one_usage_error(tmp_path, capsys, content, reason):
    path = tmp_path / "set.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        analysis_bench.main([str(path), "-o", str(tmp_path / "out.md")])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert f"error: {path}: not a labelled analysis set" in err and reason in err and "Traceback" not in err
    assert not (tmp_path / "out.md").exists()
