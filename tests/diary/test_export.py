from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zlib
from datetime import UTC, date, datetime

import pytest

from actions.diary.entries import LONDON, Entry, Person, Vehicle
from actions.diary.export import export_csv, export_pdf, export_text

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
WRITTEN = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)
ENTRIES = [
    Entry(
        occurred_at=datetime(2026, 11, 17, 18, 5, tzinfo=LONDON),
        occurred_text="yesterday about 6pm",
        place="Łódź Café on Market St",
        what_happened="He waited outside — again.",
        person=Person(name="=HYPERLINK(1)", clothing="red coat"),
        vehicle=Vehicle(colour="blue", registration="AB12 CDE"),
        evidence="Photo 0142 on my phone",
        behaviours=("following", "loitering"),
        written_at=WRITTEN,
    ),
    Entry(occurred_at=date(2026, 11, 3), place="Work car park", written_at=WRITTEN),
]


def test_text_export() -> None:
    out = export_text(ENTRIES, NOW)
    assert out.filename == "signpost-diary-2026-11-21.txt"
    assert out.media_type.startswith("text/plain")
    body = out.data.decode()
    for expected in (
        "Tuesday 17 November 2026",
        "Time: 18:05",
        "Place: Łódź Café on Market St",
        "What happened: He waited outside — again.",
        "Evidence: Photo 0142 on my phone",
        "Entry written: 18 November 2026",
        "Vehicle: colour: blue; registration: AB12 CDE",
        "Behaviours: following, loitering",
        "Tuesday 3 November 2026",
        "Time: not recorded",
        "kept with Signpost, an anonymous assistant",
        "Exported on 21 November 2026",
    ):
        assert expected in body, expected
    assert body.index("Entry 1") < body.index("Entry 2")


def test_csv_export() -> None:
    out = export_csv(ENTRIES, NOW)
    assert out.filename.endswith(".csv") and out.media_type == "text/csv"
    assert out.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(out.data.decode("utf-8-sig"))))
    assert "Signpost, an anonymous assistant" in rows[0][0]
    assert "21 November 2026" in rows[0][0]
    header, first, second = (
        rows[1],
        dict(zip(rows[1], rows[2], strict=True)),
        dict(zip(rows[1], rows[3], strict=True)),
    )
    assert header[:5] == ["date", "time", "when_as_written", "place", "what_happened"]
    assert first["date"] == "2026-11-17" and first["time"] == "18:05"
    assert first["place"] == "Łódź Café on Market St"
    assert first["evidence"] == "Photo 0142 on my phone"
    assert first["written_on"] == "2026-11-18"
    assert first["person_name"] == "'=HYPERLINK(1)"  # not run as a formula
    assert second["date"] == "2026-11-03" and second["time"] == ""


def pdf_text(data: bytes, use_pdftotext: bool = True) -> str:
    """The text of a PDF: pdftotext if installed, else the strings shown by the inflated
    content streams (enough for the core-font PDF, whose text is stored as Latin-1)."""
    if use_pdftotext and shutil.which("pdftotext"):
        done = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
        )
        return done.stdout.decode()
    shown = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream).decode("latin-1")
        except zlib.error:
            continue
        for string in re.findall(r"\(((?:\\.|[^\\)])*)\) Tj", content):
            shown.append(re.sub(r"\\(.)", r"\1", string))
    return " ".join(shown)


def check_pdf(data: bytes) -> None:
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert b"/Type /Page" in data


@pytest.mark.parametrize(
    ("unicode_font", "use_pdftotext"), [(True, True), (False, True), (False, False)]
)
def test_pdf_export(unicode_font: bool, use_pdftotext: bool) -> None:
    out = export_pdf(ENTRIES * 20, NOW, unicode_font=unicode_font)  # several pages
    assert out.filename == "signpost-diary-2026-11-21.pdf"
    assert out.media_type == "application/pdf"
    check_pdf(out.data)
    if not unicode_font or shutil.which("pdftotext"):
        text = " ".join(pdf_text(out.data, use_pdftotext).split())
        for expected in (
            "Tuesday 17 November 2026",
            "18:05",
            "Market St",
            "waited outside",
            "Photo 0142 on my phone",
            "Entry written: 18 November 2026",
            "Exported on 21 November 2026",
            "Entry 40",
        ):
            assert expected in text, expected
        if unicode_font:
            assert "Łódź Café" in text and "—" in text
        else:
            assert "?ódz Café" in text and "-" in text


def test_pdf_survives_emoji_and_long_words() -> None:
    odd = Entry(what_happened="😀 " + "x" * 1900, place="☕ " * 40, evidence="€ ‘quotes’")
    for unicode_font in (True, False):
        check_pdf(export_pdf([odd], NOW, unicode_font=unicode_font).data)


def test_exports_of_an_empty_diary() -> None:
    assert b"0 entries" in export_text([], NOW).data
    assert len(list(csv.reader(io.StringIO(export_csv([], NOW).data.decode("utf-8-sig"))))) == 2
    check_pdf(export_pdf([], NOW).data)
