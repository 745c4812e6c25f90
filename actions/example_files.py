"""Reading the example files the learned models are fitted on.

Both learned models are fitted when a server starts, from about 30,000 written examples. PyYAML's
pure-Python parser took 9 s to read them, and the Rasa server read them twice (the safety and the
behaviour model); libyaml's C parser, which PyYAML ships with, reads the same data in under a
second and gives the same result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # pure Python if built without libyaml


def read_example_file(path: Path) -> Any:
    """The parsed YAML of one example file ({} for an empty one)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
