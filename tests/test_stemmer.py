"""The package's one stemmer: a module any stage may import, however low it sits."""

from __future__ import annotations

import ast
from pathlib import Path

from storyline import represent, stemmer

SRC = Path(__file__).parents[1] / "src" / "storyline"


def test_the_stemmer_imports_nothing_from_the_package() -> None:
    # clean (the second stage) uses it to tell a word broken across a line; it must not pull in later stages.
    tree = ast.parse((SRC / "stemmer.py").read_text())
    relative = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level > 0]
    absolute = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("storyline")]
    assert relative == [] and absolute == []


def test_clean_reaches_the_stemmer_without_represent() -> None:
    tree = ast.parse((SRC / "clean.py").read_text())
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level > 0}
    assert "stemmer" in modules and "represent" not in modules


def test_porter2_stems_and_the_cache_gives_the_same_answer() -> None:
    words = ["running", "overnight", "ministries", "running"]
    assert stemmer.stems(words) == ["run", "overnight", "ministri", "run"]
    assert [stemmer.stem(w) for w in words] == stemmer.stems(words)


def test_represent_terms_use_the_same_stemmer() -> None:
    assert represent.stem is stemmer.stem and represent.stems is stemmer.stems
