import pytest

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
