"""The JSON Schemas shipped in the package: each bundles what it refers to, and the command line's real output
validates against it, held closed (a field added to the output and not to its schema fails here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from schemacheck import Checker, schema_errors
from support import toy_eval_jsonl

import storyline
from storyline.cli import cli
from storyline.errors import OptionsError
from storyline.schema import SCHEMAS, URN

SCHEMA_DIR = Path(storyline.__file__).parent / "data" / "schema"


def _json(*args: str) -> str:
    res = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.stdout


def test_every_document_has_its_schema_file_and_nothing_else_is_there() -> None:
    assert sorted(p.name for p in SCHEMA_DIR.iterdir()) == sorted(f"{n}.schema.json" for n in SCHEMAS)
    for name in SCHEMAS:
        schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == URN + name and schema["title"] and schema["description"]


@pytest.mark.parametrize("name", SCHEMAS)
def test_a_bundled_schema_resolves_every_reference_alone(name: str) -> None:
    schema = storyline.json_schema(name)
    checker = Checker(schema)
    assert set(checker.resources) >= {URN + name}

    def refs(node: object, base: str) -> None:
        if isinstance(node, dict):
            base = node.get("$id", base)
            if "$ref" in node:
                checker.resolve(node["$ref"], base)  # a KeyError when it is not in the bundle
            for value in node.values():
                refs(value, base)
        elif isinstance(node, list):
            for value in node:
                refs(value, base)

    refs(schema, "")
    storyline.json_schema(name)["title"] = "changed"  # a copy each time: the next caller gets it whole
    assert storyline.json_schema(name)["title"] != "changed"


def test_an_unknown_schema_is_an_options_error() -> None:
    with pytest.raises(OptionsError, match="no JSON schema named 'summaries'; storyline has summary, analysis"):
        storyline.json_schema("summaries")


def test_the_checker_finds_a_field_the_schema_lacks_and_a_wrong_type() -> None:
    made = json.loads(_json("summarize", "--sample", "-w", "60", "--format", "json"))
    assert schema_errors(made, storyline.json_schema("summary")) == []
    made["articles"][0]["shares"] = 3
    made["sentences"][0]["start"] = "0"
    del made["method"]
    assert schema_errors(made, storyline.json_schema("summary")) == [
        "$: lacks 'method'", "$.articles[0]: 'shares' is not in the schema", "$.sentences[0].start: '0' is not integer"]
    # open, as shipped: a consumer of a later storyline's output ignores the fields it does not know
    made["method"] = "default"
    made["sentences"][0]["start"] = 0
    assert schema_errors(made, storyline.json_schema("summary"), closed=False) == []


def test_the_summary_and_analysis_json_validate() -> None:
    summary = json.loads(_json("summarize", "--sample", "-w", "60", "--format", "json"))
    assert schema_errors(summary, storyline.json_schema("summary")) == []
    both = json.loads(_json("summarize", "--sample", "-w", "60", "--format", "json", "--analysis"))
    assert both["analysis"]["facts"] and schema_errors(both, storyline.json_schema("summary")) == []
    analysis = json.loads(_json("analyze", "--sample", "--format", "json", "--date", "2026-03-10"))
    assert all(analysis[k] for k in ("facts", "conflicts", "quotes", "entities", "timeline", "only_here"))
    assert schema_errors(analysis, storyline.json_schema("analysis")) == []


def test_a_datasets_clusters_validate_with_their_ids(tmp_path: Path) -> None:
    data = toy_eval_jsonl(tmp_path)
    lines = [json.loads(line) for line in _json("summarize", str(data), "-w", "40", "--format", "json").splitlines()]
    assert [d["id"] for d in lines] == ["harbor", "harbor-2"]
    assert [schema_errors(d, storyline.json_schema("summary")) for d in lines] == [[], []]
    lines = [json.loads(line) for line in _json("analyze", str(data), "--format", "json").splitlines()]
    assert [schema_errors(d, storyline.json_schema("analysis")) for d in lines] == [[], []]


def test_the_groups_json_validates_with_and_without_summaries() -> None:
    for extra in ([], ["--summarize", "-w", "60"]):
        made = json.loads(_json("group", "--sample", "--format", "json", *extra))
        assert made["stories"] and schema_errors(made, storyline.json_schema("group")) == []


def test_an_analysis_with_updated_figures_validates(tmp_path: Path) -> None:
    # a running count a later article gives higher is an update, in the conflicts' form; held to the schema too
    texts = {"1@2026-03-09": "Floods in the Tellin valley have killed 12 people, officials said.\n\n"
                             "Rescue teams reached the village of Marrow by boat.",
             "2@2026-03-11": "Floods in the Tellin valley have killed 20 people, officials said.\n\n"
                             "The river fell by a metre overnight."}
    args = []
    for name, text in texts.items():
        path = tmp_path / (name.split("@")[0] + ".txt")
        path.write_text(text, encoding="utf-8")
        args.append(f"{path}@{name.split('@')[1]}")
    doc = json.loads(_json("analyze", *args, "--format", "json"))
    assert doc["updates"] and not doc["conflicts"], doc["conflicts"]
    assert schema_errors(doc, storyline.json_schema("analysis")) == []
