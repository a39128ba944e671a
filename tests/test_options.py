"""``SummarizeOptions``: every bad value fails when the object is built, with a message that says what to do."""

import pytest

from storyline.errors import OptionsError
from storyline.options import MAX_WORDS, SummarizeOptions


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"words": 0}, "the word budget must be at least 1"),
    ({"words": True}, "words must be a whole number"),
    ({"words": 12.5}, "words must be a whole number"),
    ({"words": MAX_WORDS + 1}, "capped"),
    ({"method": "nope"}, "unknown method 'nope'"),
    ({"strict": "no"}, "strict must be True or False, not 'no'"),
    ({"merge_duplicates": None}, "merge_duplicates must be True or False, not None"),
])
def test_bad_values_fail_when_built(kwargs, message):
    with pytest.raises(OptionsError, match=message):
        SummarizeOptions(**kwargs)


def test_good_values_are_kept():
    opts = SummarizeOptions(words=80, method="lead", merge_duplicates=False, strict=False)
    assert (opts.words, opts.method, opts.merge_duplicates, opts.strict) == (80, "lead", False, False)
