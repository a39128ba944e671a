"""Who may import whom (``shared/DESIGN.md``, "Rules of the house"), checked on every import between storyline's
modules: at the top of a module and inside functions alike, since a lazy import is still a dependency.

``python tests/test_layers.py`` lists those imports, one a line: importer, imported, line, and ``lazy`` for one
inside a function."""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).parents[1]
SRC = ROOT / "src"

# The shells over the library: they may import any of it, never each other (but for the pairs ALLOWED below). The
# library imports none of them: so the ROUGE oracle and the sumy peers, which live in evaluate, are never on a
# method's path.
SHELLS = ("cli", "web", "evaluate", "learn", "__main__")
# The pipeline's stages, earliest first, each with the modules that make it up (a subpackage stands for all its
# modules); a stage imports its own and earlier stages only. The first holds what every stage shares.
STAGES: tuple[tuple[str, frozenset[str]], ...] = tuple((name, frozenset(units)) for name, units in (
    ("shared", ("model", "errors", "vocabulary", "stemmer", "files", "threads", "quotemarks", "jsontext", "version")),
    ("ingest", ("ingest", "htmlpage", "eightbit", "mailtext", "textrepair")),
    ("clean", ("clean", "pageparts", "pagedate")),
    ("segment", ("segment",)),
    ("cluster", ("cluster",)),
    ("represent", ("represent",)),
    ("methods", ("methods",)),
    ("attribute", ("attribute", "notes")),
    ("analysis", ("analysis",)),
    ("render", ("render", "analysis.render", "schema")),
    ("api", ("api", "options", "group", "")),  # "": the package's __init__
))
# Imports against the rules, each with why it stands.
ALLOWED = {
    ("cli.serve", "web.app"): "`storyline serve` starts the web app: the command line is the process's entry point",
    ("__main__", "cli"): "`python -m storyline` runs the command line, as the installed `storyline` script does",
    ("cli.evaluate", "evaluate"): "`storyline eval` is the command line's front to the evaluation",
    ("evaluate.bench", "cli.lines"): "`make bench` shows its progress as `storyline eval` does (a bar on a terminal, "
                                     "a line now and then off it), with the command line's code, not a second copy",
    ("clean", "segment"): "cleaning finds datelines and sentence stops with the segmenter's own rule and list "
                          "(trim_dateline, SCRIPT_STOPS), not a second copy",
    ("pageparts", "segment"): "page parts are cut at sentence ends by the segmenter (split_spans), not a second copy",
    ("learn.train", "evaluate.oracle"): "training labels come from the evaluation's ROUGE oracle, which lives in "
                                        "evaluate; learn is an offline tool beside it, not part of the library",
}


@dataclass(frozen=True, slots=True)
class Import:
    importer: str  # storyline's module, without "storyline." ("" for the package itself)
    imported: str
    line: int
    lazy: bool  # inside a function (or a class, or an if)


def _module(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_imports(src: Path = SRC, package: str = "storyline") -> list[Import]:
    """Every import between ``package``'s modules under ``src``, relative ones resolved; ``from . import x`` names
    module ``x`` when there is one."""
    out = []
    for path in sorted((src / package).rglob("*.py")):
        me = _module(path, src)
        here = me if path.name == "__init__.py" else me.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        top = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = ".".join(here.split(".")[: len(here.split(".")) - node.level + 1]) if node.level else ""
                module = ".".join(p for p in (base, node.module or "") if p)
                subs = [f"{module}.{a.name}" for a in node.names
                        if (src / Path(*module.split("."), a.name)).with_suffix(".py").is_file()
                        or (src / Path(*module.split("."), a.name, "__init__.py")).is_file()]
                names = subs + ([module] if len(subs) < len(node.names) else [])  # and the names of ``module``
            else:
                continue
            for name in names:
                if name == package or name.startswith(package + "."):
                    out.append(Import(me.removeprefix(package).lstrip("."), name.removeprefix(package).lstrip("."),
                                      node.lineno, id(node) not in top))
    return out


def _unit(module: str) -> str:
    """The part of the package a module belongs to: its subpackage, or itself when it is a top-level module."""
    return "analysis.render" if module == "analysis.render" else module.split(".")[0]


def _stage(module: str) -> int | None:
    unit = _unit(module)
    return next((k for k, (_, units) in enumerate(STAGES) if unit in units), None)


def _within(module: str, name: str) -> bool:
    return module == name or module.startswith(name + ".")


def _allowed(imp: Import) -> bool:
    return any(_within(imp.importer, a) and _within(imp.imported, b) for a, b in ALLOWED)


def _breaks(imports: list[Import], rule: Callable[[Import], bool]) -> list[str]:
    """``importer:line imports imported`` for each import that ``rule`` finds against the rules, but those allowed."""
    return [f"{i.importer or 'storyline'}:{i.line} imports {i.imported or 'storyline'}" for i in imports
            if rule(i) and not _allowed(i)]


IMPORTS = package_imports()


def test_the_scan_resolves_relative_imports_and_submodules(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    for name in ("__init__", "a", "b", "sub/__init__", "sub/c"):
        (pkg / f"{name}.py").write_text("")
    (pkg / "sub" / "c.py").write_text("from .. import a, b\nfrom ..a import thing\nimport os\n\n"
                                      "def f():\n    from . import c\n    import pkg.b\n")
    (pkg / "__init__.py").write_text("from .sub import c\nfrom . import a, VERSION\n")
    found = {(i.importer, i.imported, i.line, i.lazy) for i in package_imports(tmp_path, "pkg")}
    assert found == {("sub.c", "a", 1, False), ("sub.c", "b", 1, False), ("sub.c", "a", 2, False),
                     ("sub.c", "sub.c", 6, True), ("sub.c", "b", 7, True),
                     ("", "sub.c", 1, False), ("", "a", 2, False), ("", "", 2, False)}


def test_the_model_imports_nothing_of_the_package() -> None:
    assert [i for i in IMPORTS if i.importer == "model"] == []


def test_the_library_imports_no_shell() -> None:
    assert _breaks(IMPORTS, lambda i: _unit(i.importer) not in SHELLS and _unit(i.imported) in SHELLS) == []


def test_the_shells_do_not_import_each_other() -> None:
    assert _breaks(IMPORTS, lambda i: _unit(i.importer) in SHELLS and _unit(i.imported) in SHELLS
                   and _unit(i.importer) != _unit(i.imported)) == []


def test_every_library_module_has_a_stage() -> None:
    assert sorted({i.importer for i in IMPORTS if _unit(i.importer) not in SHELLS and _stage(i.importer) is None}
                  | {i.imported for i in IMPORTS if _unit(i.imported) not in SHELLS and _stage(i.imported) is None}) \
        == []


def test_a_stage_imports_only_its_own_and_earlier_stages() -> None:
    def later(i: Import) -> bool:
        mine, theirs = _stage(i.importer), _stage(i.imported)
        return mine is not None and theirs is not None and theirs > mine

    assert _breaks(IMPORTS, later) == []


def test_every_allowed_import_is_still_made() -> None:
    # an exception that no import needs any more goes from the list
    assert [(a, b) for a, b in ALLOWED if not any(_within(i.importer, a) and _within(i.imported, b) for i in IMPORTS)] \
        == []


def _dist(requirement: str) -> str:
    """A requirement's (or a distribution's) name, normalised (PEP 503)."""
    return re.sub(r"[-_.]+", "-", re.split(r"[\s<>=!~;\[@]", requirement.strip(), maxsplit=1)[0]).lower()


def test_what_an_optional_extra_installs_is_imported_inside_functions() -> None:
    # "Anything that loads a model is lazy and optional": the core install imports the package whole, and a
    # command that does not need spaCy or sumy does not pay for loading them. (The web extra's modules are
    # the web package's own; the command line starts them lazily, in `serve`.)
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    optional = {_dist(r) for name in ("nlp", "bench", "web") for r in extras[name]}
    dists = packages_distributions()
    found = []
    for path in sorted((SRC / "storyline").rglob("*.py")):
        in_web = "web" in path.relative_to(SRC / "storyline").parts[:1]
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else [])
            for name in names:
                top = name.split(".")[0]
                if {_dist(d) for d in dists.get(top, [top])} & optional and not in_web:
                    found.append(f"{path.relative_to(SRC)}:{node.lineno} imports {name}")
    assert found == []


if __name__ == "__main__":
    for imp in IMPORTS:
        print(f"storyline.{imp.importer}".rstrip("."), f"storyline.{imp.imported}".rstrip("."), imp.line,
              "lazy" if imp.lazy else "", sep="\t")
