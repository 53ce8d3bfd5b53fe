"""Files read with a limit and written whole.

- :func:`read_limited`: a regular file (or ``-`` for stdin), opened without blocking (a FIFO or a
  device never hangs or streams forever), read up to a byte limit;
- :func:`atomic_write`: a temporary file in the same folder, then a rename, so a reader (or a
  crash) sees the old file or the new one, never half;
- :func:`write_output_file`: what ``--ics``, reports and exports use: ``-`` writes to stdout, an
  existing file is replaced only with ``force``, and the file is replaced atomically.

Errors a user can cause are :class:`FileProblem` with a one-line message that names the file by a
short prefix of its name.  Stdlib only (this runs on every command).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

MB = 1024 * 1024


class FileProblem(Exception):
    """A file certplan was asked to read or write cannot be used (one line, for stderr)."""

    def __init__(self, message: str, errno: int | None = None):
        super().__init__(message)
        self.errno = errno


def short(text: object, limit: int = 120) -> str:
    """At most ``limit`` characters of ``text`` for a message (a bad input is never echoed in full)."""
    s = str(text)
    s = "".join(ch if ch.isprintable() else "?" for ch in s[: limit + 1])
    return s if len(s) <= limit else s[: limit - 3] + "..."


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.EACCES:
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    return exc.strerror or type(exc).__name__


def read_limited(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of ``path`` (``-``: stdin), at most ``limit`` of them, else :class:`FileProblem`.

    Only a regular file is read: a directory, FIFO, socket or device (``/dev/zero``) is refused
    before anything is read.  The file is opened with ``O_NONBLOCK`` so opening a FIFO with no
    writer cannot hang.
    """
    name = short(os.fspath(path))
    if os.fspath(path) == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise FileProblem(f"-: standard input is closed; give a {what} file")
        try:
            data = stream.read(limit + 1)
        except (OSError, ValueError):
            raise FileProblem(f"-: standard input cannot be read; give a {what} file") from None
        if len(data) > limit:
            raise FileProblem(f"-: more than {_size(limit)} on standard input; a {what} may be at most {_size(limit)}")
        return data
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as exc:
        if isinstance(exc, ValueError):  # an embedded NUL byte
            raise FileProblem(f"{name}: not a usable file name") from None
        if exc.errno == errno.ENOENT:
            raise FileProblem(f"{name}: no such file", exc.errno) from None
        raise FileProblem(f"{name}: cannot read: {_reason(exc)}", exc.errno) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileProblem(f"{name}: is a directory, not a {what} file")
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem(f"{name}: not a regular file (a device, FIFO or socket cannot be a {what})")
        if st.st_size > limit:
            raise FileProblem(f"{name}: the file is {_size(st.st_size)}, over the {what} size limit of {_size(limit)}")
        os.set_blocking(fd, True)
        chunks = []
        left = limit + 1
        while left > 0:
            try:
                chunk = os.read(fd, min(left, 1 << 20))
            except OSError as exc:
                raise FileProblem(f"{name}: cannot read: {_reason(exc)}") from None
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:  # the file grew while being read
            raise FileProblem(f"{name}: the file is over the {what} size limit of {_size(limit)}")
        return data
    finally:
        os.close(fd)


def _size(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n} bytes"


def atomic_write(path: Path, write: Callable[[BinaryIO], object], *, fsync: bool = False) -> None:
    """Write ``path`` through ``write(fh)`` so a reader (or a crash) sees the old file or the new one, never half."""
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}-", suffix=".tmp", dir=path.parent)
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


def write_output_file(path: str | os.PathLike[str], data: bytes, *, force: bool = False, option: str = "") -> str:
    """Write ``data`` to ``path`` whole: ``-`` is stdout; an existing file only with ``force``.

    Returns how the destination is named in messages.  Raises :class:`FileProblem` (one line) when
    the file exists without ``force``, is not a regular file, or cannot be written; the old file is
    then left as it was.
    """
    target = os.fspath(path)
    if target == "-":
        out = getattr(sys.stdout, "buffer", None)
        if out is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            sys.stdout.flush()
            out.write(data)
            out.flush()
        return "standard output"
    name = short(target)
    p = Path(target)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise FileProblem(f"{name}: cannot write: {_reason(exc)}") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise FileProblem(f"{name}: is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem(f"{name}: not a regular file; certplan writes only regular files (or - for stdout)")
        if not force:
            hint = f" give {option} FILE --force to replace it," if option else " give --force to replace it,"
            raise FileProblem(f"{name}: the file exists;{hint} or - to write to stdout")
    try:
        atomic_write(p, lambda fh: fh.write(data), fsync=True)
    except OSError as exc:
        raise FileProblem(f"{name}: cannot write: {_reason(exc)}; nothing was changed") from None
    return name


def remove_others(folder: Path, pattern: str, keep: set[str]) -> None:
    """Delete files matching ``pattern`` in ``folder`` except those named in ``keep`` (best effort)."""
    for old in folder.glob(pattern):
        if old.name not in keep:
            try:
                old.unlink()
            except OSError:
                pass
