"""Index generations: each build is written complete into its own folder, then published by
atomically replacing the `CURRENT` pointer; a crash at any point leaves the previous one in use."""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_log = logging.getLogger(__name__)
_warned: set[Path] = set()  # index folders whose broken pointer was reported

CURRENT_FILE = "CURRENT"
LOCK_FILE = ".lock"
SNAPSHOT_DIR = "sources"  # extracted web pages, shared by the generations
_GEN_RE = re.compile(r"^gen-(\d{6})$")
_BUILD_PREFIX = ".building-"


def current_dir(index_dir: Path, legacy_file: str = "manifest.json") -> Path | None:
    """The folder of the published generation, or the index folder itself for an index written
    before generations existed (its files at the top), or None when there is neither."""
    index_dir = Path(index_dir)
    try:
        name = (index_dir / CURRENT_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        name = ""
    if _GEN_RE.match(name) and (index_dir / name).is_dir():
        return index_dir / name
    if (index_dir / legacy_file).exists():
        return index_dir
    # A pointer that is garbled, names a generation that is gone, or was deleted: the newest generation
    # written complete (a build writes its manifest last) is the index, not "no index at all".
    complete = sorted(p.name for p in index_dir.glob("gen-*") if _GEN_RE.match(p.name) and (p / legacy_file).is_file())
    if complete:
        if index_dir not in _warned:  # once a process: every reader of the index asks
            _warned.add(index_dir)
            _log.warning("index %s: its %s pointer names no generation (%r); using the newest complete one, %s",
                         index_dir, CURRENT_FILE, name[:40], complete[-1])
        return index_dir / complete[-1]
    return None


@contextlib.contextmanager
def locked(index_dir: Path) -> Iterator[None]:
    """Hold the index folder's writer lock (one writer at a time; the kernel frees it if we die).
    A folder this call created is removed again when the build under it left nothing but the lock
    (a failed first build), so a later `--index-dir` sees no folder rather than an empty one."""
    index_dir = Path(index_dir)
    created = not index_dir.exists()
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / LOCK_FILE, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if created and [p.name for p in index_dir.iterdir()] == [LOCK_FILE]:
                (index_dir / LOCK_FILE).unlink()
                index_dir.rmdir()
            fcntl.flock(handle, fcntl.LOCK_UN)


def new_build_dir(index_dir: Path) -> Path:
    """An empty folder inside the index folder to write a generation into."""
    folder = Path(tempfile.mkdtemp(prefix=_BUILD_PREFIX, dir=index_dir))
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    return folder


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(index_dir: Path, build_dir: Path) -> Path:
    """Make a fully written build folder the current generation; returns its final folder.
    Files are flushed to disk before the pointer moves, and the pointer moves with `os.replace`."""
    index_dir = Path(index_dir)
    for f in build_dir.iterdir():
        _fsync(f)
    numbers = [int(m.group(1)) for p in index_dir.iterdir() if (m := _GEN_RE.match(p.name))]
    final = index_dir / f"gen-{max(numbers, default=0) + 1:06d}"
    os.rename(build_dir, final)
    pointer = index_dir / (CURRENT_FILE + ".tmp")
    with open(pointer, "w", encoding="utf-8") as handle:
        handle.write(final.name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(pointer, index_dir / CURRENT_FILE)
    _fsync(index_dir)
    return final


def clean_up(index_dir: Path, keep: Path, legacy_files: tuple[str, ...], snapshots: set[str]) -> None:
    """Remove unfinished builds, generations older than the one before `keep` (readers may still be
    opening that one), files of a pre-generation index, and web snapshots no generation kept uses."""
    index_dir = Path(index_dir)
    gens = sorted((p for p in index_dir.iterdir() if _GEN_RE.match(p.name)), key=lambda p: p.name)
    older = [p for p in gens if p.name < keep.name]
    for path in older[:-1]:
        shutil.rmtree(path, ignore_errors=True)
    for path in index_dir.glob(_BUILD_PREFIX + "*"):
        shutil.rmtree(path, ignore_errors=True)
    for name in legacy_files:
        with contextlib.suppress(OSError):
            (index_dir / name).unlink()
    snapshot_dir = index_dir / SNAPSHOT_DIR
    if snapshot_dir.is_dir():
        for path in snapshot_dir.iterdir():
            if path.stem not in snapshots:
                with contextlib.suppress(OSError):
                    path.unlink()
