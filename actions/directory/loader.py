"""Load and check the service directory's YAML files.

Everything is checked when the directory is first loaded (at start-up), so a typo in a
phone number's file stops the deployment with a message naming the file, the service and
the field, instead of surfacing in a conversation at 2 a.m.
"""

from __future__ import annotations

import functools
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .hours import DAYS, SUBDIVISIONS, parse_hours
from .model import TAGS, Directory, Service

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
DEFAULT_INSTITUTION = "generic"
# Ids the chat relies on; the national file must define them.
REQUIRED_IDS = (
    "police_emergency",
    "police_non_emergency",
    "crimestoppers",
    "national_stalking_helpline",
    "paladin",
    "victim_support",
    "samaritans",
    "domestic_abuse_helpline",
)
CONTACT_KINDS = ("phone", "text", "web", "chat", "email")

_TEXT = {"type": "string", "minLength": 1}
_SERVICE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "id",
        "name",
        "purpose",
        "contact",
        "tags",
        "hours",
        "closed_on_bank_holidays",
        "source",
        "last_checked",
    ],
    "properties": {
        "id": {
            "type": "string",
            "pattern": "^[a-z][a-z0-9_]*$",
            "message": "must be lower_case letters, digits and underscores",
        },
        "name": _TEXT,
        "purpose": _TEXT,
        "contact": {
            "type": "object",
            "minProperties": 1,
            "message": f"needs at least one of {', '.join(CONTACT_KINDS)}",
            "additionalProperties": False,
            "properties": {
                **{kind: _TEXT for kind in CONTACT_KINDS},
                "phone": {
                    "type": "string",
                    "pattern": r"^\+?[0-9][0-9 ]*[0-9]$",
                    "message": 'must be digits and spaces, in quotes: "0808 802 0300"',
                },
            },
        },
        "tags": {"type": "array", "uniqueItems": True, "items": {"enum": list(TAGS)}},
        "hours": {
            "message": "must be always, unknown, or day ranges like mon: [09:30-16:00]",
            "anyOf": [
                {"enum": ["always", "unknown"]},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        day: {"type": "array", "items": {"type": "string"}} for day in DAYS
                    },
                },
            ],
        },
        "closed_on_bank_holidays": {"type": "boolean"},
        "source": _TEXT,
        "last_checked": {
            "type": "string",
            "pattern": r"^\d{4}-\d\d-\d\d$",
            "message": "must be a date written YYYY-MM-DD",
        },
    },
}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "subdivision", "services"],
    "properties": {
        "name": _TEXT,
        "subdivision": {"enum": list(SUBDIVISIONS)},
        "services": {"type": "array", "items": _SERVICE_SCHEMA},
    },
}
_VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


class DirectoryError(Exception):
    """A directory file is missing or wrong. The message names the file, the service id
    and the field, so whoever edits the data can fix it without reading code."""

    def __init__(self, file: Path | str, problem: str, service: str | None = None, field: str = ""):
        self.file = str(file)
        self.service, self.field, self.problem = service, field, problem
        where = [self.file]
        if service is not None:
            where.append(f"service {service!r}")
        if field:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {problem}")


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text (the schema checks them) and refuses duplicate
    keys, which plain YAML silently resolves by keeping the last one."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen = set()
        for key, _ in node.value:
            if key.tag == "tag:yaml.org,2002:merge":
                continue
            problem = "a key must be text (put it in quotes)"
            if key.tag == "tag:yaml.org,2002:str":
                problem = f"duplicate key {key.value!r}" if key.value in seen else ""
                seen.add(key.value)
            if problem:
                raise yaml.constructor.ConstructorError(None, None, problem, key.start_mark)
        return super().construct_mapping(node, deep=deep)


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _field(path: list[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f"{'.' if text else ''}{part}"
    return text


def _schema_error(file: Path, data: Any, error: jsonschema.ValidationError) -> DirectoryError:
    path = list(error.absolute_path)
    service = None
    if len(path) >= 2 and path[0] == "services":
        item = data["services"][path[1]]
        given = item.get("id") if isinstance(item, dict) else None
        service = given if isinstance(given, str) and given else f"#{path[1] + 1}"
        path = path[2:]
    # Our wording where the schema has one ("message" is not a JSON Schema keyword).
    problem = error.message
    if "message" in error.schema:
        problem = f"{error.instance!r} {error.schema['message']}"
    if error.validator == "required":
        missing = next(name for name in error.validator_value if name not in error.instance)
        path, problem = [*path, missing], "is missing"
    elif error.validator == "additionalProperties":
        known = error.schema.get("properties", {})
        extra = sorted(str(key) for key in error.instance if key not in known)
        path = [*path, extra[0]]
        problem = f"is not a known field (known: {', '.join(known)})"
    return DirectoryError(file, problem, service, _field(path) or "(top level)")


def _service(file: Path, raw: dict[str, Any], subdivision: str) -> Service:
    sid = raw["id"]
    try:
        hours = parse_hours(raw["hours"])
    except ValueError as exc:
        field, _, problem = str(exc).partition(": ")
        raise DirectoryError(file, problem, sid, f"hours.{field}") from None
    try:
        last_checked = date.fromisoformat(raw["last_checked"])
    except ValueError:
        raise DirectoryError(file, "is not a real date", sid, "last_checked") from None
    if "always_open" in raw["tags"] and hours.kind != "always":
        raise DirectoryError(file, "'always_open' needs hours: always", sid, "tags")
    if hours.kind == "always" and raw["closed_on_bank_holidays"]:
        raise DirectoryError(
            file,
            "a service open 24/7 cannot close on bank holidays",
            sid,
            "closed_on_bank_holidays",
        )
    return Service(
        id=sid,
        name=raw["name"],
        purpose=raw["purpose"],
        contact=dict(raw["contact"]),
        tags=tuple(raw["tags"]),
        hours=hours,
        closed_on_bank_holidays=raw["closed_on_bank_holidays"],
        source=raw["source"],
        last_checked=last_checked,
        subdivision=subdivision,
    )


def load_file(file: Path) -> tuple[str, str, list[Service]]:
    """(name, subdivision, services) of one directory file, or DirectoryError."""
    try:
        data = yaml.load(file.read_bytes(), Loader=_StrictLoader)
        error = jsonschema.exceptions.best_match(_VALIDATOR.iter_errors(data))
        if error:
            raise _schema_error(file, data, error)
    except OSError as exc:
        raise DirectoryError(file, f"cannot be read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or " ".join(str(exc).split())
        raise DirectoryError(file, f"is not valid YAML{where}: {problem}") from None
    except RecursionError:
        raise DirectoryError(file, "is nested too deeply to be a directory file") from None
    services, seen = [], set()
    for raw in data["services"]:
        if raw["id"] in seen:
            raise DirectoryError(file, "this id is used twice in the file", raw["id"], "id")
        seen.add(raw["id"])
        services.append(_service(file, raw, data["subdivision"]))
    return data["name"], data["subdivision"], services


def load_directory(institution: str | None = None, content_dir: Path | None = None) -> Directory:
    """The national services plus one institution's, checked and cached.

    ``institution`` defaults to $SIGNPOST_INSTITUTION, then "generic" (national only).
    An institution service with a national service's id replaces it; others follow the
    national ones. Raises DirectoryError for an unknown institution or any bad file.
    """
    name = institution or os.environ.get("SIGNPOST_INSTITUTION") or DEFAULT_INSTITUTION
    return _load(name, (content_dir or CONTENT_DIR).resolve())


@functools.cache
def _load(institution: str, content_dir: Path) -> Directory:
    folder = content_dir / "institutions"
    file = folder / f"{institution}.yml"
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", institution) or not file.is_file():
        known = sorted(p.stem for p in folder.glob("*.yml") if not p.name.startswith("_"))
        listed = ", ".join(known) or "none"
        raise DirectoryError(file, f"unknown institution {institution!r} (known: {listed})")
    national_file = content_dir / "services" / "national.yml"
    _, _, national = load_file(national_file)
    missing = [sid for sid in REQUIRED_IDS if sid not in {s.id for s in national}]
    if missing:
        raise DirectoryError(national_file, "required service is missing", missing[0], "id")
    title, subdivision, own = load_file(file)
    replaced = {s.id: s for s in own}
    services = [replaced.pop(s.id, s) for s in national] + list(replaced.values())
    return Directory(institution, title, subdivision, tuple(services))
