"""Options, one validated object per entry point. Bad values fail when the object is built, with a
message that says what to do."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import OptionsError

DEFAULT_WORDS = 150
MAX_WORDS = 5000
FORMATS = ("text", "md", "json")


@dataclass(frozen=True, slots=True, kw_only=True)
class SummarizeOptions:
    """``words``: the most words the summary may have (whole sentences only).
    ``method``: a name from ``storyline.methods.names()``.
    ``merge_duplicates``: leave near-duplicate articles out of the pool and credit them.
    ``strict``: an article that is empty after cleaning is an error (else it is skipped)."""

    words: int = DEFAULT_WORDS
    method: str = "default"
    merge_duplicates: bool = True
    strict: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.words, bool) or not isinstance(self.words, int):
            raise OptionsError(f"words must be a whole number, not {self.words!r}")
        if self.words <= 0:
            raise OptionsError(f"the word budget must be at least 1 (got {self.words}); 150 is a usual length")
        if self.words > MAX_WORDS:
            raise OptionsError(f"the word budget is capped at {MAX_WORDS} words (got {self.words})")
        for name in ("merge_duplicates", "strict"):
            if not isinstance(getattr(self, name), bool):
                raise OptionsError(f"{name} must be True or False, not {getattr(self, name)!r}")
        from . import methods

        methods.get(self.method)  # raises OptionsError naming the known methods
