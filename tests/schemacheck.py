"""A small JSON Schema (Draft 2020-12) validator for the part of the draft storyline's schemas use (``type``,
``properties``, ``additionalProperties`` (a schema: a map), ``required``, ``items``, ``enum``, ``const``, ``minimum``,
``maximum``, ``minItems``, ``pattern``, ``$ref`` to a
``$defs`` entry or to a bundled schema by its ``$id``, ``allOf``, ``anyOf``), so that the tests need no
``jsonschema`` package. A keyword outside that part is an error: a schema must not say more than is checked.

``closed=True`` (the default) holds each object to the properties its schema declares at that place (its own, and
those of the schemas it takes in by ``$ref`` and ``allOf``, as Draft 2020-12's ``unevaluatedProperties: false``
would): a field the output has and the schema does not name is an error. The shipped schemas leave objects open
for consumers; storyline's own output is held to them closed."""

from __future__ import annotations

from typing import Any

KNOWN = {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "additionalProperties",
         "required", "items", "enum", "const", "minimum", "maximum", "minItems", "pattern", "allOf", "anyOf"}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def _is(instance: Any, kind: str) -> bool:
    if kind == "integer":
        return isinstance(instance, int) and not isinstance(instance, bool)
    if kind == "number":
        return isinstance(instance, int | float) and not isinstance(instance, bool)
    return isinstance(instance, TYPES[kind])


class Checker:
    def __init__(self, schema: dict[str, Any], *, closed: bool = True) -> None:
        self.root = schema
        self.closed = closed
        self.resources: dict[str, dict[str, Any]] = {}
        self._index(schema)

    def _index(self, node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("$id"), str):
                self.resources[node["$id"]] = node
            for value in node.values():
                self._index(value)
        elif isinstance(node, list):
            for value in node:
                self._index(value)

    def resolve(self, ref: str, base: str) -> tuple[dict[str, Any], str]:
        uri = base + ref if ref.startswith("#") else ref
        rid, _, fragment = uri.partition("#")
        if rid not in self.resources:
            raise KeyError(f"unresolved $ref {ref!r}")
        node: Any = self.resources[rid]
        for part in [p for p in fragment.split("/") if p]:
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node, rid

    def declared(self, schema: dict[str, Any], base: str) -> set[str]:
        """The properties declared for an object at this place: the schema's own, and those of what it takes in by
        ``$ref`` and ``allOf`` (not ``anyOf``: each branch answers for itself)."""
        base = schema.get("$id", base)
        names = set(schema.get("properties", {}))
        if "$ref" in schema:
            names |= self.declared(*self.resolve(schema["$ref"], base))
        for part in schema.get("allOf", []):
            names |= self.declared(part, base)
        return names

    def errors(self, instance: Any, schema: dict[str, Any] | None = None, path: str = "$", base: str = "",
               check_closed: bool = True) -> list[str]:
        schema = self.root if schema is None else schema
        if unknown := set(schema) - KNOWN:
            raise ValueError(f"{path}: keywords this checker does not check: {sorted(unknown)}")
        base = schema.get("$id", base)
        out: list[str] = []
        if "type" in schema:
            kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_is(instance, k) for k in kinds):
                return [f"{path}: {instance!r:.60} is not {' or '.join(kinds)}"]
        if "enum" in schema and instance not in schema["enum"]:
            out.append(f"{path}: {instance!r:.60} is not one of {schema['enum']}")
        if "const" in schema and instance != schema["const"]:
            out.append(f"{path}: {instance!r:.60} is not {schema['const']!r}")
        if "minimum" in schema and _is(instance, "number") and instance < schema["minimum"]:
            out.append(f"{path}: {instance} is under {schema['minimum']}")
        if "maximum" in schema and _is(instance, "number") and instance > schema["maximum"]:
            out.append(f"{path}: {instance} is over {schema['maximum']}")
        if "pattern" in schema and isinstance(instance, str):
            import re

            if not re.search(schema["pattern"], instance):
                out.append(f"{path}: {instance!r:.60} does not match {schema['pattern']}")
        if isinstance(instance, list):
            if "minItems" in schema and len(instance) < schema["minItems"]:
                out.append(f"{path}: fewer than {schema['minItems']} items")
            if "items" in schema:
                for k, item in enumerate(instance):
                    out += self.errors(item, schema["items"], f"{path}[{k}]", base)
        if isinstance(instance, dict):
            for name in schema.get("required", []):
                if name not in instance:
                    out.append(f"{path}: lacks {name!r}")
            for name, sub in schema.get("properties", {}).items():
                if name in instance:
                    out += self.errors(instance[name], sub, f"{path}.{name}", base)
            if isinstance(more := schema.get("additionalProperties"), dict):  # a map: its values checked
                for name in sorted(set(instance) - set(schema.get("properties", {}))):
                    out += self.errors(instance[name], more, f"{path}.{name}", base)
            elif self.closed and check_closed and (declared := self.declared(schema, base)):
                out += [f"{path}: {name!r} is not in the schema" for name in sorted(set(instance) - declared)]
        if "$ref" in schema:
            target, where = self.resolve(schema["$ref"], base)
            out += self.errors(instance, target, path, where, check_closed=False)
        for part in schema.get("allOf", []):
            out += self.errors(instance, part, path, base, check_closed=False)
        if "anyOf" in schema:
            tries = [self.errors(instance, part, path, base) for part in schema["anyOf"]]
            if all(tries):
                out.append(f"{path}: matches none of anyOf: " + " / ".join(t[0] for t in tries))
        return out


def schema_errors(instance: Any, schema: dict[str, Any], *, closed: bool = True) -> list[str]:
    """What in ``instance`` the (bundled) ``schema`` does not allow; empty: it validates."""
    return Checker(schema, closed=closed).errors(instance)
