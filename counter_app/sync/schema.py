"""The JSON Schema of package manifests and payloads (written to docs/sync-payload.schema.json), and a small
compiled validator for the subset of JSON Schema it uses.

The schema is the single source: the program validates every opened package with `validator(name)`, and the
tests check with the `jsonschema` library that both agree. Regenerate the document with
`python -m counter_app.sync.schema > docs/sync-payload.schema.json`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any

from counter_app.core.catalog import CATALOG_COLUMNS
from counter_app.core.states import DossierState

UUID = {"type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}
DATE_TIME = {"type": "string", "format": "date-time",
             "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})$"}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _nullable(name: str) -> dict[str, Any]:
    return {"anyOf": [{"type": "null"}, _ref(name)]}


def _obj(properties: dict[str, Any], *, optional: tuple[str, ...] = (), description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "required": [k for k in properties if k not in optional],
        "properties": properties,
        "additionalProperties": False,
    }
    if description:
        schema = {"description": description, **schema}
    return schema


def _text(max_length: int) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length}


def _int(minimum: int = 0) -> dict[str, Any]:
    return {"type": "integer", "minimum": minimum}


_STATES = [s.value for s in DossierState]
_PAYLOAD_INFO = _obj({"sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}, "size": _int(),
                      "compression": {"const": "zlib"}})

DEFS: dict[str, Any] = {
    "uuid": UUID,
    "dateTime": DATE_TIME,
    "unitCode": {"type": "string", "maxLength": 35, "pattern": "^[0-9A-Z]+(\\.[0-9A-Z]+)*$"},
    "hubId": {"type": "string", "pattern": "^[0-9A-Z][0-9A-Z.-]{0,39}$"},
    "fingerprint": {"type": "string", "pattern": "^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$"},
    "publicKeys": _obj({"signing": {"type": "string", "pattern": "^[A-Za-z0-9+/]{43}=$"},
                        "encryption": {"type": "string", "pattern": "^[A-Za-z0-9+/]{43}=$"}}),
    "rotationLink": _obj({"from": _ref("fingerprint"), "to": _ref("publicKeys"),
                          "signature": {"type": "string", "pattern": "^[A-Za-z0-9+/]{86}==$"}}),
    "rotationChain": {"type": "array", "maxItems": 100, "items": _ref("rotationLink")},
    "eventPayload": _obj(
        {
            "code": _text(60),
            "procedure_code": _text(40),
            "procedure_version": _int(1),
            "received_at": _ref("dateTime"),
            "promised_due_at": _ref("dateTime"),
            "handler": _text(200),
            "upward": {"type": "boolean"},
            "reason": _text(2000),
            "items": {"type": "array", "maxItems": 100, "items": _text(500)},
            "new_due_at": _ref("dateTime"),
            "old_due_at": _ref("dateTime"),
            "satisfaction": _text(20),
            "form": _text(40),
            "copies": _int(),
            "upper_result_id": _ref("uuid"),
            "outcome": _text(20),
        },
        optional=("code", "procedure_code", "procedure_version", "received_at", "promised_due_at", "handler",
                  "upward", "reason", "items", "new_due_at", "old_due_at", "satisfaction", "form", "copies",
                  "upper_result_id", "outcome"),
        description="Only these keys travel; notes, receivers' names and ID numbers, printers stay local.",
    ),
    "event": _obj({
        "id": _ref("uuid"),
        "dossier_id": _ref("uuid"),
        "kind": {"type": "string", "pattern": "^[a-z][a-z_]{0,31}$"},
        "at": _ref("dateTime"),
        "username": _text(50),
        "node_id": _ref("uuid"),
        "node_counter": _int(1),
        "from_state": {"type": "string", "maxLength": 24},
        "to_state": {"type": "string", "maxLength": 24},
        "payload": _ref("eventPayload"),
    }),
    "applicant": _obj(
        {"name": _text(100), "id_number": {"type": "string", "pattern": "^([0-9]{9}|[0-9]{12})?$"}},
        description="Only for dossiers forwarded upward (liên thông); null otherwise.",
    ),
    "dossier": _obj({
        "id": _ref("uuid"),
        "code": _text(60),
        "unit_code": _ref("unitCode"),
        "procedure_code": _text(40),
        "procedure_name": _text(400),
        "field": _text(100),
        "state": {"enum": _STATES},
        "channel": {"enum": ["direct", "post", "online"]},
        "sets_count": _int(1),
        "fee": _int(),
        "delivery": {"enum": ["counter", "post"]},
        "received_at": _ref("dateTime"),
        "promised_due_at": _ref("dateTime"),
        "current_due_at": _nullable("dateTime"),
        "clock_paused_at": _nullable("dateTime"),
        "finished_at": _nullable("dateTime"),
        "returned_at": _nullable("dateTime"),
        "forwarded_upward": {"type": "boolean"},
        "handler": _text(200),
        "supplement_count": _int(),
        "extension_count": _int(),
        "satisfaction": _text(20),
        "applicant": _nullable("applicant"),
        "rev": _int(1),
    }),
    "exportPayload": _obj({
        "dossiers": {"type": "array", "items": _ref("dossier")},
        "events": {"type": "array", "items": _ref("event")},
    }),
    "exportManifest": _obj({
        "format": {"const": "counter-app-package"},
        "format_version": {"const": 1},
        "kind": {"const": "export"},
        "app_version": _text(40),
        "schema_version": _text(40),
        "sender": _obj({
            "unit_code": _ref("unitCode"),
            "unit_name": _text(200),
            "node_id": _ref("uuid"),
            "stream_id": _ref("uuid"),
            "keys": _ref("publicKeys"),
            "fingerprint": _ref("fingerprint"),
            "rotation_chain": _ref("rotationChain"),
        }),
        "recipient": _obj({"hub_id": _ref("hubId"), "fingerprint": _ref("fingerprint")}),
        "sequence": _int(1),
        "mode": {"enum": ["incremental", "resend", "full"]},
        "created_at": _ref("dateTime"),
        "supersedes": {"type": "array", "maxItems": 100000, "items": _int(1)},
        "counters": {"type": "object", "propertyNames": UUID,
                     "additionalProperties": {"type": "array", "minItems": 2, "maxItems": 2, "items": _int(1)}},
        "counts": _obj({"events": _int(), "dossiers": _int()}),
        "payload": _PAYLOAD_INFO,
    }),
    "catalogRow": {"type": "object", "required": list(CATALOG_COLUMNS), "additionalProperties": False,
                   "properties": {c: {"type": ["string", "integer"], "maxLength": 20000} for c in CATALOG_COLUMNS}},
    "result": _obj({
        "id": _ref("uuid"),
        "dossier_id": _ref("uuid"),
        "dossier_code": _text(60),
        "outcome": {"enum": ["result_ready", "refused"]},
        "note": _text(2000),
        "decided_at": _ref("dateTime"),
    }),
    "returnPayload": _obj({
        "acks": _obj({
            "streams": {"type": "object", "propertyNames": UUID, "additionalProperties": _obj({
                "contiguous": _int(),
                "missing": {"type": "array", "maxItems": 100000, "items": _int(1)},
            })},
            "nodes": {"type": "object", "propertyNames": UUID, "additionalProperties": _int()},
        }),
        "catalog": {"anyOf": [{"type": "null"}, _obj({
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "rows": {"type": "array", "maxItems": 20000, "items": _ref("catalogRow")},
        })]},
        "calendar": {"anyOf": [{"type": "null"}, _obj({
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "csv": _text(1_000_000),
        })]},
        "results": {"type": "array", "maxItems": 100000, "items": _ref("result")},
        "hub_identity": {"type": "object", "description": "The hub identity document (docs/sync-format.md)."},
    }),
    "returnManifest": _obj({
        "format": {"const": "counter-app-package"},
        "format_version": {"const": 1},
        "kind": {"const": "return"},
        "app_version": _text(40),
        "schema_version": _text(40),
        "sender": _obj({"hub_id": _ref("hubId"), "hub_name": _text(200), "keys": _ref("publicKeys"),
                        "fingerprint": _ref("fingerprint"), "rotation_chain": _ref("rotationChain")}),
        "recipient": _obj({"unit_code": _ref("unitCode"), "fingerprint": _ref("fingerprint")}),
        "sequence": _int(1),
        "created_at": _ref("dateTime"),
        "counts": _obj({"results": _int(), "catalog_rows": _int(), "calendar_days": _int()}),
        "payload": _PAYLOAD_INFO,
    }),
}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://counter-app.invalid/sync-payload.schema.json",
    "title": "counter_app sync package: manifests and payloads (format version 1)",
    "description": "Generated from counter_app/sync/schema.py. See docs/sync-format.md.",
    "anyOf": [_ref("exportPayload"), _ref("returnPayload")],
    "$defs": DEFS,
}


# --- the validator -----------------------------------------------------------------------------------

class SchemaViolation(ValueError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path or '/'}: {problem}")
        self.path = path or "/"
        self.problem = problem


Check = Callable[[Any, str], None]
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "integer": (int,), "boolean": (bool,), "null": (type(None),), "array": (list,),
    "object": (dict,),
}
_ANNOTATIONS = {"description", "title", "$schema", "$id"}


def _compile(schema: dict[str, Any], resolve: Callable[[str], Check]) -> Check:
    checks: list[Check] = []
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS or keyword in ("required", "additionalProperties", "minItems", "maxItems",
                                                  "minimum", "maximum", "minLength", "maxLength"):
            continue
        if keyword == "$ref":
            checks.append(resolve(value.removeprefix("#/$defs/")))
        elif keyword == "type":
            names = value if isinstance(value, list) else [value]
            allowed = tuple(py for n in names for py in _PY_TYPES[n])
            no_bool = "boolean" not in names  # bool is an int in Python, not in JSON

            def check_type(v: Any, p: str, allowed: tuple = allowed, no_bool: bool = no_bool,
                           names: list = names) -> None:
                if not isinstance(v, allowed) or (no_bool and v.__class__ is bool):
                    raise SchemaViolation(p, "type " + "|".join(names))
            checks.append(check_type)
        elif keyword in ("enum", "const"):
            allowed = value if keyword == "enum" else [value]

            def check_enum(v: Any, p: str, allowed: list = allowed) -> None:
                if not any(v == a and type(v) is type(a) for a in allowed):
                    raise SchemaViolation(p, f"value {v!r} not allowed")
            checks.append(check_enum)
        elif keyword == "pattern":
            matcher = re.compile(value).search

            def check_pattern(v: Any, p: str, matcher: Callable = matcher) -> None:
                if isinstance(v, str) and not matcher(v):
                    raise SchemaViolation(p, "pattern")
            checks.append(check_pattern)
        elif keyword == "format":
            if value != "date-time":
                raise ValueError(f"unsupported format {value}")
            checks.append(_check_datetime)
        elif keyword == "anyOf" and len(value) == 2 and value[0] == {"type": "null"}:
            other = _compile(value[1], resolve)  # "null or X": no exception raised for the common case

            def check_nullable(v: Any, p: str, other: Check = other) -> None:
                if v is not None:
                    other(v, p)
            checks.append(check_nullable)
        elif keyword == "anyOf":
            options = [_compile(option, resolve) for option in value]

            def check_any(v: Any, p: str, options: list = options) -> None:
                for option in options:
                    try:
                        option(v, p)
                        return
                    except SchemaViolation:
                        continue
                raise SchemaViolation(p, "no alternative matches")
            checks.append(check_any)
        elif keyword == "properties":
            checks.append(_object_check(schema, resolve))
        elif keyword == "items":
            item = _compile(value, resolve)

            def check_items(v: Any, p: str, item: Check = item) -> None:
                if isinstance(v, list):
                    for index, element in enumerate(v):
                        item(element, f"{p}/{index}")
            checks.append(check_items)
        elif keyword == "propertyNames":
            names_check = _compile(value, resolve)
            extra = schema.get("additionalProperties")
            extra_check = _compile(extra, resolve) if isinstance(extra, dict) else None

            def check_map(v: Any, p: str, names_check: Check = names_check, extra_check: Check | None = extra_check
                          ) -> None:
                if isinstance(v, dict):
                    for key, element in v.items():
                        names_check(key, f"{p}/{key}")
                        if extra_check is not None:
                            extra_check(element, f"{p}/{key}")
            checks.append(check_map)
        else:
            raise ValueError(f"unsupported keyword {keyword}")
    checks.append(_bounds_check(schema))
    checks = [c for c in checks if c is not _no_check]
    if len(checks) == 1:
        return checks[0]

    def run(v: Any, p: str) -> None:
        for check in checks:
            check(v, p)
    return run


def _no_check(v: Any, p: str) -> None:
    return None


def _bounds_check(schema: dict[str, Any]) -> Check:
    lo_len, hi_len = schema.get("minLength"), schema.get("maxLength")
    lo, hi = schema.get("minimum"), schema.get("maximum")
    lo_items, hi_items = schema.get("minItems"), schema.get("maxItems")
    if all(x is None for x in (lo_len, hi_len, lo, hi, lo_items, hi_items)):
        return _no_check

    def check(v: Any, p: str) -> None:
        if isinstance(v, str):
            if (lo_len is not None and len(v) < lo_len) or (hi_len is not None and len(v) > hi_len):
                raise SchemaViolation(p, "length")
        elif isinstance(v, int) and not isinstance(v, bool):
            if (lo is not None and v < lo) or (hi is not None and v > hi):
                raise SchemaViolation(p, "range")
        elif isinstance(v, list) and (
            (lo_items is not None and len(v) < lo_items) or (hi_items is not None and len(v) > hi_items)
        ):
            raise SchemaViolation(p, "item count")
    return check


def _object_check(schema: dict[str, Any], resolve: Callable[[str], Check]) -> Check:
    properties = {name: _compile(sub, resolve) for name, sub in schema["properties"].items()}
    required = tuple(schema.get("required", ()))
    closed = schema.get("additionalProperties") is False

    def check(v: Any, p: str) -> None:
        if not isinstance(v, dict):
            return
        for name in required:
            if name not in v:
                raise SchemaViolation(p, f"missing {name!r}")
        for name, element in v.items():
            sub = properties.get(name)
            if sub is None:
                if closed:
                    raise SchemaViolation(p, f"unexpected {name!r}")
                continue
            sub(element, f"{p}/{name}")
    return check


def _check_datetime(v: Any, p: str) -> None:
    if isinstance(v, str):
        try:
            moment = datetime.fromisoformat(v)
        except ValueError:
            raise SchemaViolation(p, "date-time") from None
        if moment.tzinfo is None:
            raise SchemaViolation(p, "date-time without offset")


@cache
def validator(name: str) -> Check:
    """A function(value, path) that raises SchemaViolation unless `value` matches `#/$defs/<name>`."""
    compiled: dict[str, Check] = {}

    def resolve(ref: str) -> Check:
        if ref not in compiled:
            compiled[ref] = _no_check  # placeholder against recursion; replaced just below
            compiled[ref] = _compile(DEFS[ref], resolve)
        return compiled[ref]

    return resolve(name)


def schema_document() -> str:
    return json.dumps(SCHEMA, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(schema_document(), end="")
