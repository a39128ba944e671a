import pytest

from storyline.evaluate import grouping
from storyline.evaluate.grouping import bcubed


def test_bcubed_hand_computed():
    truth = {"a": "1", "b": "1", "c": "2"}
    assert bcubed([["a", "b"], ["c"]], truth) == (1.0, 1.0, 1.0)
    # everything in one group: precision (2/3 + 2/3 + 1/3) / 3, recall 1
    p, r, f = bcubed([["a", "b", "c"]], truth)
    assert p == pytest.approx(5 / 9) and r == 1.0 and f == pytest.approx(2 * p / (p + 1))
    # all apart: precision 1, recall (1/2 + 1/2 + 1) / 3
    assert bcubed([["a"], ["b"], ["c"]], truth)[:2] == (1.0, pytest.approx(2 / 3))
    assert bcubed([], truth) == (0.0, 0.0, 0.0)


def test_the_benchmark_methods_group_a_small_stream():
    from storyline.evaluate.grouping import METHODS, make_stream, run

    bridge = [
        "The Harbor Bridge in Port Alder was closed on Sunday after a container ship struck one of its piers.",
        "A container ship hit a pier of Port Alder's Harbor Bridge on Sunday night; the bridge is closed.",
    ]
    mayor = [
        "Voters in Lindenfeld elected Ruth Kessler mayor on Tuesday, ending twelve years of council rule.",
        "Ruth Kessler won Lindenfeld's mayoral election on Tuesday with 54 percent of the vote.",
    ]
    stream = make_stream("fixture", [bridge, mayor], seed=1)
    assert len(stream.articles) == 4 and set(stream.truth.values()) == {"0", "1"}
    for name, (method, _) in METHODS.items():
        row = run(method, stream, 0.2)
        assert row["f1"] == 1.0 and row["stories"] == 2, name


@pytest.mark.parametrize("option", [["--clusters", "0"], ["--clusters", "-5"], ["--seed", "-1"]])
def test_the_benchmark_refuses_a_count_or_seed_out_of_range(tmp_path, capsys, option):
    # --clusters -5 had sliced off the end of val (all but 5 clusters: an hour's run); 0 was a traceback
    with pytest.raises(SystemExit) as stop:
        grouping.main(["--data", str(tmp_path), "--out", str(tmp_path / "out"), *option])
    assert stop.value.code == 2
    assert f"error: {option[0]} must be" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
