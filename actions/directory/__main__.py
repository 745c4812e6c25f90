"""python -m actions.directory: each service and whether it is open at a given time."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .hours import now_london, parse_when
from .loader import DirectoryError, load_directory
from .text import status_record


def main(argv: list[str] | None = None) -> int:
    """Print every service of an institution (national ones included) and its status."""
    parser = argparse.ArgumentParser(prog="python -m actions.directory", description=main.__doc__)
    parser.add_argument(
        "--at", help="ISO 8601; no offset means London time (default: now, or SIGNPOST_NOW)"
    )
    parser.add_argument(
        "--institution", help="institution profile (default: SIGNPOST_INSTITUTION or generic)"
    )
    parser.add_argument(
        "--content-dir", type=Path, help="folder holding services/ and institutions/"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    args = parser.parse_args(argv)
    try:
        when = parse_when(args.at) if args.at else now_london()
        directory = load_directory(args.institution, args.content_dir)
    except (DirectoryError, ValueError) as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return 2
    records = [status_record(status, when) for status in directory.status_at(when)]
    if args.json:
        print(json.dumps(records, indent=2, ensure_ascii=False))
        return 0
    print(f"{directory.name} at {when:%A %Y-%m-%d %H:%M %Z}")
    rows = [("ID", "NAME", "STATUS", "CONTACT")]
    rows += [
        (r["id"], r["name"], r["description"], next(iter(r["contact"].values()))) for r in records
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)]
        print("  ".join([*cells, row[3]]).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
