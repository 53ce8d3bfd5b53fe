"""Atomic file writes: a temporary file in the same folder, then a rename."""

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def atomic_write(path: Path, write: Callable[[BinaryIO], object], *, fsync: bool = False) -> None:
    """Write ``path`` through ``write(fh)`` so a reader (or a crash) sees the old file or the new one, never half."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def remove_others(folder: Path, pattern: str, keep: set[str]) -> None:
    """Delete files matching ``pattern`` in ``folder`` except those named in ``keep`` (best effort)."""
    for old in folder.glob(pattern):
        if old.name not in keep:
            try:
                old.unlink()
            except OSError:
                pass
