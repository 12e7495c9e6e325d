"""Finding inputs: files and directories, their compressed forms, WARC, JSONL, stdin.

Every input becomes an :class:`InputItem` that carries its provenance: a
``source`` that names it uniquely and stably (a path, ``path:line`` for a
JSONL line, ``path@offset`` for a WARC record), and the url and crawl time a
container knew. The ``source`` is what ``--resume`` matches on, so it must not
depend on anything but the input itself.

Directory walks are sorted so two runs over the same tree emit records in the
same order. Containers (WARC, JSONL) are read lazily, one record at a time, so
memory does not grow with the corpus. What a walk cannot read (a missing
path, a directory without permission) is warned about and kept in a
:class:`WalkReport`, so the caller can list it with the failed pages.

The walk takes regular files only, and no symlink out of the walked tree
unless asked. JSON lines and stdin are read by :mod:`newsclean.io.jsonl`,
WARC files by :mod:`newsclean.io.warc`, both within the size and time
limits of :mod:`newsclean.io.bounded`; a container that breaks part way
keeps what it gave and ends with an error item (see :func:`iter_inputs`).
"""

from __future__ import annotations

import fnmatch
import logging
import os
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .bounded import ReadLimits, is_regular, kind_of
from .inputs import InputItem as InputItem  # re-exported: the readers' item type, imported from here
from .inputs import ItemKind as ItemKind  # re-exported, as above
from .inputs import describe_error, error_item
from .jsonl import iter_jsonl as iter_jsonl  # re-exported, as above
from .jsonl import iter_stdin as iter_stdin  # re-exported, as above
from .media_types import input_format_for as input_format_for  # re-exported, as above
from .media_types import parse_content_type as parse_content_type  # re-exported, as above

#: File endings the directory walk picks up (each also with ``.gz``).
INPUT_SUFFIXES: tuple[str, ...] = (
    ".html", ".htm", ".xhtml", ".txt", ".md", ".markdown", ".json", ".jsonl", ".ndjson", ".warc",
)
JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson")
WARC_SUFFIXES: tuple[str, ...] = (".warc",)

logger = logging.getLogger(__name__)


def _bare_name(path: Path) -> str:
    name = path.name.lower()
    return name[:-3] if name.endswith(".gz") else name


def is_input_file(path: Path) -> bool:
    return _bare_name(path).endswith(INPUT_SUFFIXES)


def is_warc_file(path: Path) -> bool:
    return _bare_name(path).endswith(WARC_SUFFIXES)


def is_jsonl_file(path: Path) -> bool:
    return _bare_name(path).endswith(JSONL_SUFFIXES)


@dataclass
class WalkReport:
    """What walking the inputs could not read, and what it passed over.

    An explicit object per run (no module state). Inputs that could not be
    read lose data, so they are always warned about; files passed over for
    their type are summarised per extension at ``INFO`` (``-v``), one line
    per walked directory rather than one per file. Files a walk declines on
    purpose (a FIFO, a symlink out of the tree) are ``notes``: warned about,
    one line each, but no error (nothing in them was a page of the tree).
    """

    log: bool = True
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def fail(self, path: str, reason: str) -> None:
        self.failed.append((path, reason))
        if self.log:
            logger.warning("%s: %s; nothing there is cleaned", path, reason)

    def note(self, path: str, reason: str) -> None:
        """A file the walk leaves out on purpose, and why."""
        self.notes.append((path, reason))
        if self.log:
            logger.warning("%s: %s", path, reason)

    def pass_over(self, name: str) -> None:
        """Count a file the walk does not read, by its extension (``.pdf``, ``.csv.gz``)."""
        lower = name.lower()
        suffix = os.path.splitext(lower.removesuffix(".gz"))[1] + (".gz" if lower.endswith(".gz") else "")
        self.skipped[suffix or "(no extension)"] += 1

    def summarise(self, root: Path) -> None:
        """Log the files of other types passed over below ``root``, by extension, then forget them."""
        if self.skipped and self.log:
            counts = ", ".join(f"{ext} {n}" for ext, n in sorted(self.skipped.items(), key=lambda e: (-e[1], e[0])))
            logger.info("%s: passed over %d files of other types: %s", root, sum(self.skipped.values()), counts)
        self.skipped.clear()


def _reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)


def _selected(relative: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Glob filter on the path below the walked directory (and on the bare name)."""
    name = relative.rsplit("/", 1)[-1]

    def hit(patterns: Sequence[str]) -> bool:
        return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)

    return (not include or hit(include)) and not hit(exclude)


def iter_paths(
    paths: Iterable[str | os.PathLike[str]],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    *,
    skip: Collection[Path] = (),
    report: WalkReport | None = None,
    follow_symlinks: bool = False,
) -> Iterator[Path]:
    """Expand files and directories (recursively, sorted) into input files.

    A file named explicitly is always taken, whatever its suffix or kind;
    inside directories only regular files with page-like suffixes are,
    hidden entries are skipped, and ``include``/``exclude`` globs (matched
    against the path below the directory or the file name) narrow the walk.
    A symlink in a directory is followed only when its target stays inside
    the walked tree, unless ``follow_symlinks`` (then linked directories are
    walked too, each once). ``skip`` holds resolved paths a walk must not
    enter or take: the run's own outputs, which a later run over the same
    directory would otherwise read back as pages. A named path that does not
    exist and a directory that cannot be listed go to ``report`` (a logging
    one by default) instead.
    """
    report = WalkReport() if report is None else report
    skipped = frozenset(skip)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, include, exclude, skipped, report, follow_symlinks)
        elif not path.exists() and not path.is_symlink():
            report.fail(str(path), "no such file or directory")
        else:
            yield path


def _walk(
    top: Path, include: Sequence[str], exclude: Sequence[str], skip: frozenset[Path], report: WalkReport,
    follow_symlinks: bool,
) -> Iterator[Path]:
    def unreadable(exc: OSError) -> None:
        report.fail(str(exc.filename or top), f"cannot read directory ({_reason(exc)})")

    tree = top.resolve()
    seen: set[Path] = {tree}  # with --follow-symlinks, a link back up the tree must not loop
    for root, dirs, files in os.walk(top, onerror=unreadable, followlinks=follow_symlinks):
        kept = []
        for d in sorted(dirs):
            resolved = (Path(root) / d).resolve()
            if d.startswith(".") or (skip and resolved in skip) or (follow_symlinks and resolved in seen):
                continue
            seen.add(resolved)
            kept.append(d)
        dirs[:] = kept
        for name in sorted(files):
            candidate = Path(root) / name
            if name.startswith("."):
                continue
            if not is_input_file(candidate):
                report.pass_over(name)
                continue
            if skip and candidate.resolve() in skip:
                logger.debug("%s: this run's own output, not an input", candidate)
                continue
            if _selected(candidate.relative_to(top).as_posix(), include, exclude) and _takes(
                candidate, tree, report, follow_symlinks
            ):
                yield candidate
    report.summarise(top)


def _takes(candidate: Path, tree: Path, report: WalkReport, follow_symlinks: bool) -> bool:
    """Whether a walk reads this file: a regular file, inside the tree unless links are to be followed.

    A symlink to ``/etc/passwd`` named ``a.txt`` would otherwise make a
    system file a record; a FIFO named ``a.jsonl`` would block the walk and
    ``/dev/zero`` would never end. A broken link is a failure (something
    was meant to be there); the others are notes.
    """
    if candidate.is_symlink():
        if not candidate.exists():
            report.fail(str(candidate), "broken symbolic link")
            return False
        if not follow_symlinks and not candidate.resolve().is_relative_to(tree):
            report.note(str(candidate), "symbolic link out of the input tree; not followed (--follow-symlinks)")
            return False
    if not is_regular(candidate):
        report.note(str(candidate), f"a {kind_of(candidate)}, not a regular file; skipped")
        return False
    return True


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    stdin: IO[bytes] | None = None,
    *,
    skip: Collection[Path] = (),
    report: WalkReport | None = None,
    limits: ReadLimits | None = None,
    follow_symlinks: bool = False,
) -> Iterator[InputItem]:
    """Every page below ``paths``: single files, WARC records, JSONL lines, stdin (``-``).

    ``skip``, ``report`` and ``follow_symlinks`` are :func:`iter_paths`'s. A
    container that cannot be opened goes to ``report``; one that fails part
    way (a corrupt gzip member, a broken WARC record, a stalled FIFO) keeps
    the items read before and yields an error item for the rest, and the
    walk goes on. ``limits`` bound what is read here (default: the default
    ``max_input_bytes`` and the default time budget as the read deadline).
    """
    report = WalkReport() if report is None else report
    limits = limits or ReadLimits()
    for raw in paths:
        if str(raw) == "-":
            if stdin is not None:
                yield from _reading(iter_stdin(stdin, limits), "-", report)
            continue
        for path in iter_paths([raw], include, exclude, skip=skip, report=report, follow_symlinks=follow_symlinks):
            if is_warc_file(path):
                from .warc import iter_warc  # warcio is an optional extra

                yield from _reading(iter_warc(path, limits), str(path), report)
            elif is_jsonl_file(path):
                yield from _reading(iter_jsonl(path, limits), str(path), report)
            else:
                yield InputItem(source=str(path))


def _reading(items: Iterator[InputItem], name: str, report: WalkReport) -> Iterator[InputItem]:
    """A container's items; a failure is reported, never raised (the run goes on).

    One that cannot be opened at all goes to ``report``, as a missing path
    does. One that fails part way keeps what was read: the rest becomes an
    error item named by the container, with a one-line reason (warcio's
    messages quote raw bytes; they are escaped).
    """
    count = 0
    try:
        for item in items:
            count += 1
            yield item
    except ImportError:
        raise
    except OSError as exc:
        if count == 0 and not isinstance(exc, TimeoutError) and exc.filename is not None:
            report.fail(name, f"cannot read ({_reason(exc)})")
        else:
            yield _stopped(name, count, exc)
    except Exception as exc:  # a bad container must not stop the batch: warcio, zlib, gzip raise their own
        yield _stopped(name, count, exc)


def _stopped(name: str, count: int, exc: BaseException) -> InputItem:
    reason = f"reading stopped after {count} items ({describe_error(exc)}); the items before were kept"
    logger.debug("%s: %s", name, reason)  # the error item's record is the report
    return error_item(name, reason)


def count_inputs(
    paths: Iterable[str | os.PathLike[str]],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    *,
    skip: Collection[Path] = (),
    follow_symlinks: bool = False,
) -> int | None:
    """How many items :func:`iter_inputs` will yield, or ``None`` if only reading would tell.

    Used for the progress bar's ETA; containers are not opened, since counting
    their records would read the corpus twice.
    """
    total = 0
    for raw in paths:
        if str(raw) == "-":
            return None
        walk = iter_paths([raw], include, exclude, skip=skip, report=WalkReport(log=False),
                          follow_symlinks=follow_symlinks)
        for path in walk:
            if is_warc_file(path) or is_jsonl_file(path):
                return None
            total += 1
    return total
