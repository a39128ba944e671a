"""The method registry: a name for the CLI, config and web, mapped to a ``Selector`` class."""

from __future__ import annotations

from ..errors import OptionsError
from .base import SelectionPolicy, Selector, greedy_fill
from .baselines import Centroid, Lead, LexRank, TextRank
from .default import Default, Fast
from .icsi import Icsi
from .submodular import Submodular

_REGISTRY: dict[str, type[Selector]] = {}


def register(cls: type[Selector]) -> type[Selector]:
    """Add a method under ``cls.name`` (usable as a class decorator)."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    _REGISTRY[cls.name] = cls
    return cls


for _cls in (Default, Fast, Lead, LexRank, TextRank, Centroid, Icsi, Submodular):
    register(_cls)


def names() -> list[str]:
    return list(_REGISTRY)


def get(name: str) -> Selector:
    """A fresh selector for ``name``; an unknown name says which ones exist."""
    try:
        return _REGISTRY[name]()
    except KeyError:
        raise OptionsError(f"unknown method {name!r}; choose one of: {', '.join(names())}") from None


__all__ = ["Selector", "SelectionPolicy", "greedy_fill", "register", "get", "names"]
