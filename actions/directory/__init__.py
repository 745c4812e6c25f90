"""Signpost's service directory: who to contact, and whether they are open right now.

Plain Python (no Rasa imports) so it can be tested and run on its own:
``python -m actions.directory --at 2026-11-25T14:00 --institution kent --json``.

Data lives in content/services/national.yml and content/institutions/<name>.yml; see
docs/adding-an-institution.md. Environment: SIGNPOST_INSTITUTION picks the institution
(default "generic"), SIGNPOST_NOW pins the clock for demos and tests.
"""

from .hours import LONDON, now_london, parse_when
from .loader import DirectoryError, load_directory
from .model import TAGS, Directory, Service, ServiceStatus
from .text import describe_opening, open_now_summary, status_record

__all__ = [
    "LONDON",
    "TAGS",
    "Directory",
    "DirectoryError",
    "Service",
    "ServiceStatus",
    "describe_opening",
    "load_directory",
    "now_london",
    "open_now_summary",
    "parse_when",
    "status_record",
]
