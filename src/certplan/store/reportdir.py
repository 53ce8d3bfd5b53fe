"""The folder a report is written to: every file written atomically; existing files replaced only with force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    old = os.umask(0o022)
    os.umask(old)
    return old


class ReportDirError(Exception):
    pass


class ReportDir:
    def __init__(self, folder: str | Path, force: bool, ext: str):
        self.folder = Path(folder)
        self.force = force
        self.ext = ext
        if self.folder.exists() and not self.folder.is_dir():
            raise ReportDirError(f"{self.folder}: exists and is not a folder")
        if not force and self.folder.is_dir():
            old = sorted(p.name for p in self.folder.glob(f"*.{ext}"))
            if old:
                raise ReportDirError(
                    f"{self.folder}: already has a report ({old[0]}"
                    + (f" and {len(old) - 1} more" if len(old) > 1 else "")
                    + "); use --force to replace it, or choose another --out folder"
                )
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReportDirError(f"{self.folder}: cannot create the folder: {exc.strerror or exc}") from None
        self.written: list[str] = []

    def write(self, name: str, text: str) -> Path:
        with self.stream(name) as fh:
            fh.write(text)
        return self.folder / name

    def stream(self, name: str) -> AtomicText:
        return AtomicText(self, name)


class AtomicText:
    """A text file written to a temporary name and renamed into place when closed without error."""

    def __init__(self, folder: ReportDir, name: str):
        self.folder = folder
        self.name = name
        self.path = folder.folder / name

    def __enter__(self):
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.name}-", suffix=".tmp", dir=self.folder.folder)
        except OSError as exc:
            raise ReportDirError(f"{self.path}: cannot write: {exc.strerror or exc}") from None
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.fh

    def __exit__(self, kind, exc, tb):
        self.fh.close()
        if kind is None:
            os.chmod(self.tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
            os.replace(self.tmp, self.path)
            self.folder.written.append(self.name)
        else:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
        return False
