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
"""

from __future__ import annotations

import fnmatch
import json
import logging
import os
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

from ..hints import Hints, hints_from

#: File endings the directory walk picks up (each also with ``.gz``).
INPUT_SUFFIXES: tuple[str, ...] = (
    ".html", ".htm", ".xhtml", ".txt", ".md", ".markdown", ".json", ".jsonl", ".ndjson", ".warc",
)
JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson")
WARC_SUFFIXES: tuple[str, ...] = (".warc",)

ItemKind = Literal["path", "page", "jsonl"]

#: HTTP media types whose payload is a page, by the cleaning path they take.
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class InputItem:
    """One page to clean, small enough to pickle to a worker.

    ``kind`` says what ``data`` holds: ``path`` (nothing; the worker reads
    ``source`` itself, so large files never cross the pipe twice), ``page``
    (raw bytes or text, e.g. a WARC payload) or ``jsonl`` (one JSON line,
    parsed in the worker so the reading process stays cheap).

    ``hints`` is what a feed or sitemap said about a fetched page (kept in
    its archive); they fill the record's gaps after cleaning, as they did
    when the page was fetched.
    """

    source: str
    kind: ItemKind = "path"
    data: bytes | str = b""
    url: str | None = None
    fetched_at: str | None = None
    input_format: str | None = None
    hints: Hints | None = None


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """The media type (lower case, ``""`` when absent) and ``charset`` parameter (lower case) of a header.

    One parser for the fetcher and the WARC reader, so a page read back from
    a WARC is typed and decoded exactly as it was when fetched.
    """
    media_type, *params = (value or "").split(";")
    charset = None
    for param in params:
        key, _, raw = param.partition("=")
        if key.strip().lower() == "charset" and raw.strip(" \"'"):
            charset = raw.strip(" \"'").lower()
            break
    return media_type.strip().lower(), charset


def input_format_for(media_type: str) -> str | None:
    """Which cleaning path a page of this media type takes (``None``: let the cleaner sniff)."""
    if media_type in _HTML_TYPES:
        return "html"
    return "text" if media_type in _TEXT_TYPES else None


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
    per walked directory rather than one per file.
    """

    log: bool = True
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def fail(self, path: str, reason: str) -> None:
        self.failed.append((path, reason))
        if self.log:
            logger.warning("%s: %s; nothing there is cleaned", path, reason)

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
) -> Iterator[Path]:
    """Expand files and directories (recursively, sorted) into input files.

    A file named explicitly is always taken, whatever its suffix; inside
    directories only page-like suffixes are, hidden entries are skipped, and
    ``include``/``exclude`` globs (matched against the path below the
    directory or the file name) narrow the walk. ``skip`` holds resolved
    paths a walk must not enter or take: the run's own outputs, which a
    later run over the same directory would otherwise read back as pages.
    A named path that does not exist and a directory that cannot be listed
    go to ``report`` (a logging one by default) instead.
    """
    report = WalkReport() if report is None else report
    skipped = frozenset(skip)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, include, exclude, skipped, report)
        elif not path.exists() and not path.is_symlink():
            report.fail(str(path), "no such file or directory")
        else:
            yield path


def _walk(
    top: Path, include: Sequence[str], exclude: Sequence[str], skip: frozenset[Path], report: WalkReport
) -> Iterator[Path]:
    def unreadable(exc: OSError) -> None:
        report.fail(str(exc.filename or top), f"cannot read directory ({_reason(exc)})")

    for root, dirs, files in os.walk(top, onerror=unreadable):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not (skip and (Path(root) / d).resolve() in skip)
        )
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
            if _selected(candidate.relative_to(top).as_posix(), include, exclude):
                yield candidate
    report.summarise(top)


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    stdin: IO[bytes] | None = None,
    *,
    skip: Collection[Path] = (),
    report: WalkReport | None = None,
) -> Iterator[InputItem]:
    """Every page below ``paths``: single files, WARC records, JSONL lines, stdin (``-``).

    ``skip`` and ``report`` are :func:`iter_paths`'s; a container that cannot
    be opened or read goes to ``report`` too, and the walk goes on.
    """
    report = WalkReport() if report is None else report
    for raw in paths:
        if str(raw) == "-":
            if stdin is not None:
                yield from iter_stdin(stdin)
            continue
        for path in iter_paths([raw], include, exclude, skip=skip, report=report):
            if is_warc_file(path):
                from .warc import iter_warc  # warcio is an optional extra

                yield from _reading(iter_warc(path), path, report)
            elif is_jsonl_file(path):
                yield from _reading(iter_jsonl(path), path, report)
            else:
                yield InputItem(source=str(path))


def _reading(items: Iterator[InputItem], path: Path, report: WalkReport) -> Iterator[InputItem]:
    """A container's items; a container that cannot be read is reported, not raised (the run goes on)."""
    try:
        yield from items
    except OSError as exc:
        report.fail(str(path), f"cannot read ({_reason(exc)})")


def count_inputs(
    paths: Iterable[str | os.PathLike[str]],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    *,
    skip: Collection[Path] = (),
) -> int | None:
    """How many items :func:`iter_inputs` will yield, or ``None`` if only reading would tell.

    Used for the progress bar's ETA; containers are not opened, since counting
    their records would read the corpus twice.
    """
    total = 0
    for raw in paths:
        if str(raw) == "-":
            return None
        for path in iter_paths([raw], include, exclude, skip=skip, report=WalkReport(log=False)):
            if is_warc_file(path) or is_jsonl_file(path):
                return None
            total += 1
    return total


def _open_text_lines(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        import gzip

        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def iter_jsonl(path: Path) -> Iterator[InputItem]:
    """One item per non-blank line; the line is parsed by the worker that cleans it.

    Lines of a raw-page index (written by ``newsclean fetch --raw-dir``) name
    their page by ``path`` instead of carrying ``html`` or ``text``; those
    pages are read here, relative to the index.
    """
    with _open_text_lines(path) as stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                source = f"{path}:{number}"
                page = _raw_index_page(path, line, source) if '"path"' in line else None
                yield page or InputItem(source=source, kind="jsonl", data=line)


def _raw_index_page(index: Path, line: str, source: str) -> InputItem | None:
    """The page a raw-index line points at, or ``None`` for an ordinary record line.

    The page must lie below the index's directory (an index is data, and may
    come from elsewhere). Its bytes are decoded with the index's ``charset``
    when the fetcher recorded one (the HTTP header's, used where the page
    itself left the encoding open), so re-cleaning decodes as fetching did,
    and the line's ``hints`` (feed or sitemap metadata) ride along to fill
    the same gaps.
    """
    try:
        entry = json.loads(line)
    except ValueError:
        return None
    if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) or "html" in entry or "text" in entry:
        return None
    base = index.parent.resolve()
    page = (base / entry["path"]).resolve()
    if not page.is_relative_to(base):
        logger.warning("%s: page path %r leaves the index directory", source, entry["path"])
        return None
    try:
        data: bytes | str = page.read_bytes()
    except OSError as exc:
        logger.warning("%s: cannot read raw page: %s", source, exc)
        return None
    charset = entry.get("charset")
    if isinstance(charset, str) and charset and isinstance(data, bytes):
        try:
            data = data.decode(charset, errors="replace")
        except LookupError:
            logger.warning("%s: unknown charset %r; the page is decoded as usual", source, charset)
    url, crawl_date, fmt = entry.get("url"), entry.get("crawl_date"), entry.get("input_format")
    return InputItem(
        source=source, kind="page", data=data, url=url if isinstance(url, str) else None,
        fetched_at=crawl_date if isinstance(crawl_date, str) else None,
        input_format=fmt if fmt in ("html", "text") else None, hints=hints_from(entry.get("hints")),
    )


def iter_stdin(stream: IO[bytes]) -> Iterator[InputItem]:
    """Standard input: JSON lines when the first line is a record, else one page.

    A dump that happens to start with ``{`` but is not a one-line record with
    ``html`` or ``text`` stays a single page, as before JSONL support.
    """
    first = stream.readline()
    if _is_record_line(first):
        yield InputItem(source="-:1", kind="jsonl", data=first.decode("utf-8", "replace"))
        for number, line in enumerate(stream, start=2):
            if line.strip():
                yield InputItem(source=f"-:{number}", kind="jsonl", data=line.decode("utf-8", "replace"))
        return
    yield InputItem(source="-", kind="page", data=first + stream.read())


def _is_record_line(line: bytes) -> bool:
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        data = json.loads(line)
    except ValueError:
        return False
    return isinstance(data, dict) and (isinstance(data.get("html"), str) or isinstance(data.get("text"), str))
