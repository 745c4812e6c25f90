"""Fitted learned models kept on disk, keyed by exactly what they were fitted from.

Every process that reads messages (the Rasa server, the action server, `rasa test`) fits the
learned safety and behaviour models from about 30,000 examples: 20-30 s on two cores, at each
start. CI starts a dozen servers, so a fit is done once per change of the examples or the code
and loaded (about a second) after that. A missing, stale or unreadable file only means fitting
again, and a cache that cannot be written (a read-only deployment) only means fitting each time:
the model must never stop a server from starting.

The files are written and read only by Signpost itself, in the same directory as the trained
Rasa model (``models/``, set ``SIGNPOST_MODEL_CACHE`` to move it; ``none`` turns it off).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import platform
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / "models" / "fitted"
# Files each fit depends on besides its own module: the features and the text normaliser.
FEATURE_CODE = (
    ROOT / "actions" / "safety" / "ngrams.py",
    ROOT / "actions" / "safety" / "text.py",
    ROOT / "actions" / "safety" / "real_words.txt",
)
# Older fits of the same model are removed beyond this many (one per branch someone switches to).
KEEP_PER_MODEL = 3
_LIBRARIES = ("scikit-learn", "scipy", "numpy")

T = TypeVar("T")


def cache_dir() -> Path | None:
    chosen = os.environ.get("SIGNPOST_MODEL_CACHE", "").strip()
    if chosen.lower() == "none":
        return None
    return Path(chosen) if chosen else DEFAULT_DIR


def fingerprint(examples: Any, code: Iterable[Path]) -> str:
    """A hash of the examples, the code that fits them and the library versions."""
    digest = hashlib.sha256()
    digest.update(repr(examples).encode("utf-8"))
    for path in code:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    versions = [platform.python_version()] + [metadata.version(name) for name in _LIBRARIES]
    digest.update(" ".join(versions).encode("utf-8"))
    return digest.hexdigest()[:24]


def fitted(name: str, examples: Any, code: Iterable[Path], fit: Callable[[], T]) -> T:
    """The model ``fit`` returns, from the cache when these examples and code were fitted before."""
    directory = cache_dir()
    if directory is None:
        return fit()
    try:
        path = directory / f"{name}-{fingerprint(examples, code)}.pickle"
    except (OSError, metadata.PackageNotFoundError) as error:  # a file or a version unreadable
        logger.warning("fitted %s model not cached (%s)", name, type(error).__name__)
        return fit()
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except FileNotFoundError:
        pass
    except Exception as error:  # a truncated or foreign file: fit again, and replace it
        logger.warning("fitted %s model not reused (%s)", name, type(error).__name__)
    model = fit()
    _store(directory, name, path, model)
    return model


def _store(directory: Path, name: str, path: Path, model: Any) -> None:
    """Written to a temporary file and renamed, so a server starting at the same moment never
    reads half a file; older fits of the same model beyond KEEP_PER_MODEL are removed."""
    temporary: Path | None = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=directory, delete=False) as file:
            temporary = Path(file.name)
            pickle.dump(model, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        older = sorted(
            (p for p in directory.glob(f"{name}-*.pickle") if p != path),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for stale in older[KEEP_PER_MODEL - 1 :]:
            stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError) as error:
        logger.warning("fitted %s model not cached (%s)", name, type(error).__name__)
        if temporary is not None:
            temporary.unlink(missing_ok=True)
