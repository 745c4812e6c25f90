"""Exports of a diary: plain text (for the chat), CSV and PDF.

Each lists every entry's date, time, place, what happened and evidence (and any other
details recorded), the date the entry was written, and a note that it was kept with
Signpost and when it was exported. Nothing here logs content. The PDF uses DejaVu Sans
from the system if installed (full Unicode); otherwise the core Helvetica font, with
characters outside Latin-1 replaced.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from .entries import LONDON, Entry, local_date
from .when import describe

DEJAVU_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
)
NOT_RECORDED = "not recorded"


@dataclass(frozen=True)
class Export:
    data: bytes
    filename: str
    media_type: str


def note(exported: date) -> str:
    return (
        "This diary was kept with Signpost, an anonymous assistant. "
        f"Exported on {_day(exported)}."
    )


def entry_lines(entry: Entry) -> list[tuple[str, str]]:
    """Label/value pairs of one entry; the core details always appear, others when
    recorded."""
    at = entry.occurred_at
    lines = [
        (
            "Date",
            describe(at.astimezone(LONDON).date() if isinstance(at, datetime) else at)
            if at
            else NOT_RECORDED,
        ),
        (
            "Time",
            f"{at.astimezone(LONDON):%H:%M}" if isinstance(at, datetime) else NOT_RECORDED,
        ),
    ]
    if entry.occurred_text:
        lines.append(("When, as written", entry.occurred_text))
    lines += [
        ("Place", entry.place or NOT_RECORDED),
        ("What happened", entry.what_happened or NOT_RECORDED),
    ]
    optional = [
        ("Person", entry.person.describe() if entry.person else None),
        ("Vehicle", entry.vehicle.describe() if entry.vehicle else None),
    ]
    lines += [(label, value) for label, value in optional if value]
    lines.append(("Evidence", entry.evidence or NOT_RECORDED))
    for label, value in (
        ("Witnesses", entry.witnesses),
        ("Impact on me", entry.impact),
        ("Behaviours", ", ".join(b.replace("_", " ") for b in entry.behaviours)),
    ):
        if value:
            lines.append((label, value))
    written = _day(local_date(entry.written_at)) if entry.written_at else NOT_RECORDED
    lines.append(("Entry written", written))
    return lines


def export_text(entries: Sequence[Entry], now: datetime | None = None) -> Export:
    today = _today(now)
    out = [f"Incident diary: {_count(entries)}", note(today), ""]
    for number, entry in enumerate(entries, 1):
        out.append(f"Entry {number}")
        out += [f"{label}: {value}" for label, value in entry_lines(entry)]
        out.append("")
    return Export("\n".join(out).encode(), _filename(today, "txt"), "text/plain; charset=utf-8")


CSV_COLUMNS = (
    "date", "time", "when_as_written", "place", "what_happened",
    "person_name", "person_description", "person_clothing",
    "vehicle_make", "vehicle_colour", "vehicle_registration",
    "evidence", "witnesses", "impact", "behaviours", "written_on",
)  # fmt: skip


def export_csv(entries: Sequence[Entry], now: datetime | None = None) -> Export:
    """UTF-8 with a byte-order mark (so Excel reads it right). The note is the first
    line. Cells that a spreadsheet would run as a formula get a leading apostrophe."""
    today = _today(now)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([note(today)])
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        at = e.occurred_at
        person, vehicle = e.person, e.vehicle
        row = [
            local_date(at).isoformat() if at else "",
            f"{at.astimezone(LONDON):%H:%M}" if isinstance(at, datetime) else "",
            e.occurred_text, e.place, e.what_happened,
            person and person.name, person and person.description,
            person and person.clothing, vehicle and vehicle.make,
            vehicle and vehicle.colour, vehicle and vehicle.registration,
            e.evidence, e.witnesses, e.impact, "; ".join(e.behaviours),
            local_date(e.written_at).isoformat() if e.written_at else "",
        ]  # fmt: skip
        writer.writerow([_csv_safe(value or "") for value in row])
    return Export(buffer.getvalue().encode("utf-8-sig"), _filename(today, "csv"), "text/csv")


def export_pdf(
    entries: Sequence[Entry], now: datetime | None = None, *, unicode_font: bool = True
) -> Export:
    """A4 PDF. ``unicode_font=False`` forces the Latin-1 core font (used when DejaVu is
    absent)."""
    from fpdf import FPDF  # imported here: only exports need it

    today = _today(now)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title("Incident diary")
    pdf.set_creator("Signpost")
    font = _dejavu() if unicode_font else None
    if font:
        pdf.add_font("DejaVu", "", str(font[0]))
        pdf.add_font("DejaVu", "B", str(font[1]))
        family, clean = "DejaVu", _glyph_filter(font[0])
    else:
        family, clean = "helvetica", _latin1
    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.write(8, f"Incident diary: {_count(entries)}")
    pdf.ln(10)
    pdf.set_font(family, "", 10)
    pdf.multi_cell(0, 5, clean(note(today)))
    for number, entry in enumerate(entries, 1):
        pdf.ln(4)
        pdf.set_font(family, "B", 12)
        pdf.write(7, f"Entry {number}")
        pdf.ln(8)
        for label, value in entry_lines(entry):
            pdf.set_font(family, "B", 10)
            pdf.write(5, f"{label}: ")
            pdf.set_font(family, "", 10)
            pdf.write(5, clean(value))
            pdf.ln(6)
    return Export(bytes(pdf.output()), _filename(today, "pdf"), "application/pdf")


# -- helpers -------------------------------------------------------------------


def _today(now: datetime | None) -> date:
    return (now or datetime.now(UTC)).astimezone(LONDON).date()


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _count(entries: Sequence[Entry]) -> str:
    return f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}"


def _filename(today: date, extension: str) -> str:
    return f"signpost-diary-{today.isoformat()}.{extension}"


def _csv_safe(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@cache
def _dejavu() -> tuple[Path, Path] | None:
    for folder in DEJAVU_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


@cache
def _glyph_filter(font_path: Path):  # type: ignore[no-untyped-def]
    """Replace characters the font cannot draw (emoji, say) with '?', so nothing goes
    missing silently and fpdf2 does not log the missing characters."""
    from fontTools.ttLib import TTFont

    codepoints = frozenset(TTFont(str(font_path), lazy=True).getBestCmap())

    def clean(text: str) -> str:
        return "".join(c if ord(c) in codepoints or c in "\n\t" else "?" for c in text)

    return clean


_ASCII_PUNCTUATION = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "•": "*"}
)


def _latin1(text: str) -> str:
    text = unicodedata.normalize("NFC", text.translate(_ASCII_PUNCTUATION))
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        out.append(base or "?")
    return "".join(out)
