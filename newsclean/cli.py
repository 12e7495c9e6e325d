"""Command line: argument parsing and printing only; ``main(argv) -> int``."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from . import __version__
from .errors import OptionsError
from .io.readers import iter_paths
from .io.writers import FORMATS, make_writer, open_output, write_error
from .options import Options
from .pipeline import clean_item, clean_many
from .record import Article

_MAIN_EXAMPLES = """\
examples:
  newsclean clean seeds/ -o seeds.jsonl        clean a directory into JSON lines
  newsclean clean page.html --format json      one page, pretty JSON array on stdout
  cat dump.txt | newsclean clean -             clean standard input
"""

_CLEAN_EXAMPLES = """\
examples:
  newsclean clean seeds/ -o seeds.jsonl
  newsclean clean crawl/ -o out.csv --format csv --jobs 4
  newsclean clean page.txt.gz --reference-date 2024-03-01T12:00:00
  curl -s https://example.org/story | newsclean clean - --input-format html

Inputs: files and directories (walked recursively for .html .htm .txt .json
and their .gz), or - for standard input. A file that cannot be cleaned is
reported on stderr and listed in OUT.errors.jsonl (or --errors FILE); the run
goes on. Exit status: 0 when at least one input was cleaned, 1 when none
could be, 2 for bad arguments.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Turn raw scraped news pages (HTML or text dumps) into clean article records.",
        epilog=_MAIN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    clean = sub.add_parser(
        "clean",
        help="clean files, directories or stdin into article records",
        description="Clean pages into one article record per input.",
        epilog=_CLEAN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clean.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for stdin")
    clean.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    clean.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    clean.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    clean.add_argument("--errors", metavar="FILE", help="errors file (default: OUT.errors.jsonl)")
    clean.add_argument(
        "--input-format", choices=("auto", "html", "text", "json"), default="auto",
        help="force the HTML or text path (default: sniff the content)",
    )
    clean.add_argument("--language", metavar="CODE", help="the pages' language (ISO 639-1), if known")
    clean.add_argument(
        "--reference-date", metavar="ISO",
        help="time relative dates ('3 hours ago') resolve against (default: the input's crawl time)",
    )
    clean.add_argument("--default-timezone", metavar="ZONE", help="IANA zone for times stated without offset")
    clean.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    clean.add_argument("-v", "--verbose", action="store_true", help="log what the cleaner does")
    return parser


def _articles(paths: Sequence[str], options: Options, jobs: int) -> Iterator[Article]:
    files = [p for p in paths if p != "-"]
    if "-" in paths:
        article = clean_item(sys.stdin.buffer.read(), options)
        article.source = "-"
        yield article
    kwargs = {f: getattr(options, f) for f in options.__dataclass_fields__}
    yield from clean_many(iter_paths(files), jobs=jobs, **kwargs)


class _ErrorsFile:
    """The errors file, created on the first error so clean runs leave none."""

    def __init__(self, path: str | None) -> None:
        self._path = Path(path) if path else None
        self._stream: IO[str] | None = None

    def write(self, source: str | None, reason: str) -> None:
        if self._path is None:
            return
        if self._stream is None:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            self._stream = self._path.open("w", encoding="utf-8")
        write_error(self._stream, source, reason)

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()


def _run_clean(args: argparse.Namespace) -> int:
    try:
        options = Options.from_kwargs(
            input_format=args.input_format,
            language=args.language,
            reference_date=args.reference_date,
            default_timezone=args.default_timezone,
        )
    except OptionsError as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return 2
    for path in args.paths:
        if path != "-" and not Path(path).exists():
            print(f"newsclean: error: no such file or directory: {path}", file=sys.stderr)
            return 2
    errors_path = args.errors or (f"{args.output}.errors.jsonl" if args.output and args.output != "-" else None)
    errors = _ErrorsFile(errors_path)
    cleaned = failed = empty = 0
    try:
        with open_output(args.output) as stream:
            writer = make_writer(args.format, stream)
            for article in _articles(args.paths, options, max(1, args.jobs)):
                if article.error:
                    failed += 1
                    print(f"newsclean: {article.source}: {article.error}", file=sys.stderr)
                    errors.write(article.source, article.error)
                    continue
                cleaned += 1
                empty += not article.text
                writer.write(article)
            writer.close()
    finally:
        errors.close()
    if not args.quiet:
        print(
            f"newsclean: {cleaned + failed} inputs, {cleaned} cleaned, {empty} empty, {failed} errors",
            file=sys.stderr,
        )
    return 0 if cleaned else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsclean`` command."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    logging.basicConfig(
        level=logging.DEBUG if getattr(args, "verbose", False) else logging.WARNING,
        format="newsclean: %(levelname)s %(name)s: %(message)s",
    )
    return _run_clean(args)


if __name__ == "__main__":
    sys.exit(main())
