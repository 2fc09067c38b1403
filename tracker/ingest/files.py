"""Which files tracker reads, and how: regular files only, symlinks kept inside the folder
given, reads bounded while reading.

A folder of scraped files may hold anything: a named pipe that never ends, a symlink to
``/dev/zero`` or to a file elsewhere on the machine, a symlink loop, a subfolder nobody may
read.  Every input file goes through :func:`read_bounded`, which refuses what is not a
regular file and stops reading at a limit counted in bytes actually read (``st_size`` is 0
for pipes and devices, so it cannot be trusted).  Folders are walked by :func:`walk_folder`,
which reports every entry it leaves out rather than stopping.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Officials said so.")
>>> read_bounded(folder / "a.txt", 1_000)
b'Officials said so.'
>>> read_bounded(folder / "a.txt", 5)
Traceback (most recent call last):
...
tracker.errors.InputError: ...a.txt: is 18 bytes, over the limit of 5 bytes per file; split it into smaller files
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from tracker.errors import InputError

__all__ = ["human_size", "read_bounded", "inside", "walk_folder"]

_CHUNK = 1 << 20


def human_size(n: int) -> str:
    """``n`` bytes for people.

    >>> human_size(50_000_000), human_size(2_500), human_size(12)
    ('50 MB', '2.5 kB', '12 bytes')
    """
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000:
        return f"{n / 1_000:g} kB"
    return f"{n} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "is a symlink loop; remove the link"
    if isinstance(exc, FileNotFoundError):
        return "no such file (or a symlink to a missing file); check the path"
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied); check its permissions"
    return f"cannot be read ({exc.strerror or exc}); check the file"


def read_bounded(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refusing anything over ``limit`` bytes.

    The file is opened without blocking (a named pipe would otherwise wait for a writer
    forever), checked to be a regular file on the open handle, and read in chunks until
    ``limit + 1`` bytes, so a device or a growing file cannot exhaust memory.  Raises
    :class:`InputError` naming the file and the fix.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(path, f"is {_kind(mode)}; tracker reads only regular files")
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(path, _os_problem(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped between the check and the open
            raise InputError(path, f"is {_kind(info.st_mode)}; tracker reads only regular files")
        size = f"is {info.st_size:,} bytes, over" if info.st_size > limit else "grew over"
        over = f"{size} the limit of {human_size(limit)} per file; split it into smaller files"
        if info.st_size > limit:
            raise InputError(path, over)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputError(path, over)
    except OSError as exc:
        raise InputError(path, _os_problem(exc)) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def inside(path: Path, folder: Path) -> bool:
    """True when ``path``, with every symlink followed, lies inside ``folder`` (followed too).

    >>> inside(Path("/tmp"), Path("/"))
    True
    """
    try:
        target = path.resolve(strict=True)
        root = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return target == root or root in target.parents


Skip = Callable[[Path, InputError], None]


def walk_folder(folder: Path, wanted: Callable[[Path], bool], on_skip: Skip) -> Iterator[Path]:
    """Files under ``folder`` that ``wanted`` accepts, depth first in name order.

    Hidden entries are passed over silently.  A symlink is followed only when its target
    lies inside ``folder``; a symlink leading out of it, a broken one, a loop and an
    unreadable subfolder are passed to ``on_skip`` with the reason, and the walk goes on.
    Subfolders reached through a symlink are not entered (they are inside the folder, so
    their files are reached directly).
    """
    root = Path(folder)
    yield from _walk(root, root, wanted, on_skip)


def _walk(
    folder: Path, root: Path, wanted: Callable[[Path], bool], on_skip: Skip
) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        on_skip(folder, InputError(folder, f"folder {_os_problem(exc)}"))
        return
    for entry in entries:
        if entry.name.startswith(".") or not _wanted_name(entry, wanted):
            continue
        if entry.is_symlink():
            if not inside(entry, root):
                on_skip(
                    entry,
                    InputError(
                        entry,
                        "is a symlink to somewhere outside the folder (or a broken link or "
                        "loop); not followed: copy the file into the folder to read it",
                    ),
                )
                continue
            if entry.is_dir():
                continue
            yield entry
        elif entry.is_dir():
            yield from _walk(entry, root, wanted, on_skip)
        else:
            yield entry


def _wanted_name(entry: Path, wanted: Callable[[Path], bool]) -> bool:
    """Folders (and links that may be folders) are always walked; files by ``wanted``."""
    try:
        if entry.is_dir() and not entry.is_symlink():
            return True
    except OSError:
        return True
    return wanted(entry)
