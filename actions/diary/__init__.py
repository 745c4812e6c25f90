"""Signpost's anonymous, encrypted incident diary: plain Python, no Rasa imports.

See docs/privacy-diary.md. Typical use from an action (run slow calls in a worker
thread):

    store = DiaryStore()  # $SIGNPOST_DIARY_URL or var/diary.sqlite3
    code = store.create_diary(Entry(place="outside work", what_happened="..."))
    store.add_entry(code, entry, caller=sender_hash)
    entries = store.open_diary(code, caller=sender_hash)
"""

from .codes import entropy_bits, generate_code, normalise_code
from .crypto import INSECURE_TEST_KDF, PRODUCTION_KDF, KdfParams
from .entries import Entry, Person, Summary, Vehicle, summary
from .errors import (
    DiaryCorrupt,
    DiaryError,
    DiaryNotFound,
    EmptyEntry,
    FieldTooLong,
    TooManyAttempts,
)
from .export import Export, export_csv, export_pdf, export_text
from .limiter import AttemptLimiter
from .store import DiaryStore, upgrade_database
from .when import ParsedWhen, parse_when

__all__ = [
    "INSECURE_TEST_KDF",
    "PRODUCTION_KDF",
    "AttemptLimiter",
    "DiaryCorrupt",
    "DiaryError",
    "DiaryNotFound",
    "DiaryStore",
    "EmptyEntry",
    "Entry",
    "Export",
    "FieldTooLong",
    "KdfParams",
    "ParsedWhen",
    "Person",
    "Summary",
    "TooManyAttempts",
    "Vehicle",
    "entropy_bits",
    "export_csv",
    "export_pdf",
    "export_text",
    "generate_code",
    "normalise_code",
    "parse_when",
    "summary",
    "upgrade_database",
]
