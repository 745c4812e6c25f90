"""Loading the data: the shipped files are valid, and every kind of mistake stops
start-up with a message naming the file, the service and the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actions.directory import DirectoryError, load_directory
from actions.directory.loader import CONTENT_DIR, REQUIRED_IDS, load_file

from .helpers import make_service

INSTITUTIONS = sorted(
    p.stem for p in (CONTENT_DIR / "institutions").glob("*.yml") if not p.name.startswith("_")
)


def test_shipped_institutions() -> None:
    assert INSTITUTIONS == ["city", "generic", "kent", "leicester"]


@pytest.mark.parametrize("institution", INSTITUTIONS)
def test_every_shipped_file_loads_with_the_required_services(institution: str) -> None:
    directory = load_directory(institution)
    ids = [service.id for service in directory.services]
    assert set(REQUIRED_IDS) <= set(ids)
    assert len(ids) == len(set(ids))
    for service in directory.services:
        assert service.source and service.last_checked.year >= 2026


def test_required_numbers() -> None:
    directory = load_directory()
    assert directory.get("police_emergency").contact["phone"] == "999"
    assert directory.get("police_non_emergency").contact["phone"] == "101"
    assert directory.get("crimestoppers").contact["phone"] == "0800 555 111"
    assert directory.get("national_stalking_helpline").contact["phone"] == "0808 802 0300"


def test_institution_services() -> None:
    assert load_directory("kent").get("nightline").hours.kind == "weekly"
    assert load_directory("leicester").get("qwell").hours.kind == "weekly"
    with pytest.raises(KeyError):
        load_directory("generic").get("nightline")


def test_institution_comes_from_the_environment(monkeypatch) -> None:
    assert load_directory().institution == "generic"
    monkeypatch.setenv("SIGNPOST_INSTITUTION", "leicester")
    assert load_directory().get("qwell").name == "Qwell"


def test_loading_is_cached() -> None:
    assert load_directory("kent") is load_directory("kent")


def test_template_is_valid_but_never_offered() -> None:
    name, _, services = load_file(CONTENT_DIR / "institutions" / "_template.yml")
    assert name == "Example University" and services
    with pytest.raises(DirectoryError, match="unknown institution '_template'"):
        load_directory("_template")


def test_unknown_institution_lists_the_known_ones() -> None:
    with pytest.raises(DirectoryError) as caught:
        load_directory("oxford")
    assert "oxford.yml" in str(caught.value)
    assert "known: city, generic, kent, leicester)" in str(caught.value)


def test_institution_service_replaces_national_one_with_same_id(content) -> None:
    own = make_service(
        id="samaritans", name="Samaritans (local)", hours="always", closed_on_bank_holidays=False
    )
    extra = make_service(id="extra")
    root = content({"uni": {"name": "Uni", "subdivision": "ENG", "services": [own, extra]}})
    directory = load_directory("uni", root)
    ids = [service.id for service in directory.services]
    assert ids.count("samaritans") == 1 and ids[-1] == "extra"
    assert directory.get("samaritans").name == "Samaritans (local)"


# --- Malformed files: (file text or data, service, field, words in the problem) -------


def institution(*services: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"name": "Bad", "subdivision": "ENG", "services": list(services), **fields}


def without(field: str) -> dict[str, Any]:
    service = make_service(id="broken")
    del service[field]
    return service


BAD_FILES = {
    "missing field": (institution(without("purpose")), "broken", "purpose", "missing"),
    "missing hours": (institution(without("hours")), "broken", "hours", "missing"),
    "hour 25": (
        institution(make_service(id="broken", hours={"mon": ["25:00-08:00"]})),
        "broken",
        "hours.mon[0]",
        "impossible time",
    ),
    "time without colon": (
        institution(make_service(id="broken", hours={"tue": ["0930-1600"]})),
        "broken",
        "hours.tue[0]",
        "not a time range",
    ),
    "empty range": (
        institution(make_service(id="broken", hours={"wed": ["09:00-09:00"]})),
        "broken",
        "hours.wed[0]",
        "same time",
    ),
    "unknown day": (
        institution(make_service(id="broken", hours={"monday": ["09:00-17:00"]})),
        "broken",
        "hours.monday",
        "not a known field",
    ),
    "hours as free text": (
        institution(make_service(id="broken", hours="24/7")),
        "broken",
        "hours",
        "",
    ),
    "unknown tag": (
        institution(make_service(id="broken", tags=["students", "stalking"])),
        "broken",
        "tags[1]",
        "stalking",
    ),
    "always_open tag on a timetable": (
        institution(make_service(id="broken", tags=["always_open"])),
        "broken",
        "tags",
        "always",
    ),
    "24/7 closing on bank holidays": (
        institution(make_service(id="broken", hours="always")),
        "broken",
        "closed_on_bank_holidays",
        "24/7",
    ),
    "duplicate id": (
        institution(make_service(id="twice"), make_service(id="twice")),
        "twice",
        "id",
        "twice",
    ),
    "bad subdivision": (institution(subdivision="England"), None, "subdivision", "England"),
    "misspelt field": (
        institution(make_service(id="broken", phone="999")),
        "broken",
        "phone",
        "not a known",
    ),
    "bank holidays as text": (
        institution(make_service(id="broken", closed_on_bank_holidays="yes please")),
        "broken",
        "closed_on_bank_holidays",
        "boolean",
    ),
    "phone as a number": (
        institution(make_service(id="broken", contact={"phone": 999})),
        "broken",
        "contact.phone",
        "in quotes",
    ),
    "phone with letters": (
        institution(make_service(id="broken", contact={"phone": "0808 8O2 0300"})),
        "broken",
        "contact.phone",
        "digits and spaces",
    ),
    "no contact": (institution(make_service(id="broken", contact={})), "broken", "contact", ""),
    "impossible date": (
        institution(make_service(id="broken", last_checked="2026-13-01")),
        "broken",
        "last_checked",
        "not a real date",
    ),
    "date in another format": (
        institution(make_service(id="broken", last_checked="21/11/2026")),
        "broken",
        "last_checked",
        "YYYY-MM-DD",
    ),
    "service without id is named by position": (
        institution(make_service(id="fine"), without("id")),
        "#2",
        "id",
        "missing",
    ),
    "services not a list": (institution(services={"a": 1}), None, "services", "array"),
    "not YAML": ("name: Bad\nservices: [unclosed\n", None, "", "not valid YAML"),
    "duplicate YAML key": (
        "name: Bad\nsubdivision: ENG\nsubdivision: SCT\nservices: []\n",
        None,
        "",
        "duplicate key 'subdivision'",
    ),
    "empty file": ("", None, "(top level)", "not of type 'object'"),
    "number as a key": (
        "name: Bad\nsubdivision: ENG\nservices: []\n1: x\n",
        None,
        "",
        "must be text",
    ),
    "nested too deeply": ("[" * 3000, None, "", "too deeply"),
}


@pytest.mark.parametrize(("data", "sid", "field", "words"), BAD_FILES.values(), ids=BAD_FILES)
def test_bad_institution_file(content, data: Any, sid: str | None, field: str, words: str) -> None:
    root = content({"bad": data})
    with pytest.raises(DirectoryError) as caught:
        load_directory("bad", root)
    message = str(caught.value)
    assert message.startswith(str(root / "institutions" / "bad.yml"))
    assert (f"service {sid!r}" in message) == (sid is not None)
    assert caught.value.field == field
    if field:
        assert f"field {field!r}" in message
    assert words in message


def test_national_file_must_keep_the_required_services(content) -> None:
    national = yaml.safe_load((CONTENT_DIR / "services" / "national.yml").read_text())
    national["services"] = [s for s in national["services"] if s["id"] != "paladin"]
    root = content({"generic": institution()}, national=national)
    with pytest.raises(DirectoryError, match=r"national\.yml, service 'paladin', field 'id'"):
        load_directory("generic", root)


# --- Fuzzing: junk in, DirectoryError (or a valid directory) out, nothing else --------

junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10) | st.integers() | st.none(), children, max_size=4),
    max_leaves=12,
)
FIELDS = list(make_service())


@st.composite
def mutated_files(draw: st.DrawFn) -> str:
    """A valid institution file with one part of one service replaced by junk."""
    service = make_service()
    field = draw(st.sampled_from([*FIELDS, "hours.mon", "contact.phone", "new"]))
    value = draw(junk | st.from_regex(r"\d\d:\d\d-\d\d:\d\d", fullmatch=True))
    if field == "hours.mon":
        service["hours"] = {
            "mon": draw(st.lists(st.just(value) | st.text(max_size=12), max_size=3))
        }
    elif field == "contact.phone":
        service["contact"] = {"phone": value}
    elif draw(st.booleans()):
        service[field] = value
    else:
        service.pop(field, None)
    return yaml.safe_dump(institution(service), sort_keys=False)


def assert_only_directory_error(file: Path, data: str | bytes) -> None:
    file.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    try:
        load_file(file)
    except DirectoryError as exc:
        assert str(file) in str(exc)


FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(data=st.text() | st.binary() | junk.map(lambda data: yaml.safe_dump(data, sort_keys=False)))
def test_loader_survives_junk(tmp_path: Path, data: str | bytes) -> None:
    assert_only_directory_error(tmp_path / "junk.yml", data)


@FUZZ
@given(data=mutated_files())
def test_loader_survives_a_mangled_service(tmp_path: Path, data: str) -> None:
    assert_only_directory_error(tmp_path / "mangled.yml", data)
