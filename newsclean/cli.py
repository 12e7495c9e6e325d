"""Command line: argument parsing and printing only; ``main(argv) -> int``."""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from collections.abc import Sequence

from . import __version__
from .batch import DEFAULT_NEAR_THRESHOLD, CleanRun, run_local
from .clean_args import bad_arguments, errors_path, own_outputs
from .errors import OptionsError
from .io.readers import INPUT_SUFFIXES
from .io.targets import CannotWrite
from .io.writers import FORMATS
from .logs import configure_logging
from .options import Options
from .runsummary import RunEnd, cannot_start
from .signals import EXIT_TERMINATED, Terminated, sigterm_interrupts

_MAIN_EXAMPLES = """\
examples:
  newsclean clean seeds/ -o seeds.jsonl        clean a directory into JSON lines
  newsclean clean page.html --format json      one page, pretty JSON array on stdout
  cat dump.txt | newsclean clean -             clean standard input
"""

_CLEAN_EXAMPLES_TEMPLATE = """\
examples:
  newsclean clean seeds/ -o seeds.jsonl
  newsclean clean crawl/ -o out.csv --format csv --jobs 4
  newsclean clean crawl/ -o out.jsonl --include '*.html' --exclude 'drafts/*' --resume
  newsclean clean CC-MAIN-*.warc.gz -o cc.parquet --format parquet --dedup near
  newsclean clean pages.jsonl -o corpus/ --format markdown --dedup exact --drop-duplicates
  newsclean clean page.txt.gz --reference-date 2024-03-01T12:00:00
  newsclean clean crawl/ --format txt | less     title, date line and text of each article
  curl -s https://example.org/story | newsclean clean - --input-format html
  newsclean clean crawl/ -o out_parquet/ --engine spark --master spark://host:7077

{inputs}

exit status:
  0    every input was cleaned (some may be empty)
  1    no input could be cleaned (or the Spark job failed; -o is left as it was)
  2    bad arguments, or the output cannot be written
  3    some inputs failed (see the errors file); the others were cleaned
  130  interrupted (Ctrl-C)
  143  stopped by SIGTERM (timeout, docker stop, Slurm), handled like Ctrl-C
  a reader closing the pipe (| head) ends the run quietly with 0
"""

# The suffix list comes from the reader that walks, so the help cannot drift from it.
_INPUTS = (
    f"Inputs: files and directories (walked recursively for {' '.join(INPUT_SUFFIXES)} and their .gz; "
    "-v lists how many other files were passed over), or - for standard input (one page, or JSON lines). "
    "The run's own outputs (OUT, its errors file, OUT.partial, a markdown directory) are never read as "
    "inputs. WARC response records with HTML and JSON lines carrying html or text (plus url, crawl_date, id) "
    "keep their url and crawl time. An input that is missing or cannot be read, and a page that cannot be "
    "cleaned, crashes its worker or runs over --timeout, is reported on stderr and listed in "
    "OUT.errors.jsonl (or --errors FILE); the run goes on. Ctrl-C and SIGTERM keep an existing JSON, CSV, "
    "text or Parquet OUT as it was and leave the records finished so far in OUT.partial (JSON lines stay in "
    "OUT, for --resume); so does a write that fails part-way (a full disk). A second run writing the same "
    "OUT is refused while the first holds its lock (.OUT.lock)."
)
_CLEAN_EXAMPLES = _CLEAN_EXAMPLES_TEMPLATE.format(inputs=textwrap.fill(_INPUTS, width=76))


def _parser() -> argparse.ArgumentParser:
    """The ``newsclean`` parser: one subcommand each for clean, explain and fetch."""
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Turn raw scraped news pages (HTML or text dumps) into clean article records.",
        epilog=_MAIN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_clean_command(sub)
    _add_explain_command(sub)
    _add_fetch_command(sub)
    return parser


def _add_clean_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``clean``: its arguments in help order, one function per concern so each reads alone."""
    clean = sub.add_parser(
        "clean",
        help="clean files, directories, WARC, JSONL or stdin into article records",
        description="Clean pages into one article record per input.",
        epilog=_CLEAN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_inputs_and_output(clean)
    _add_pool_arguments(clean)
    _add_walk_arguments(clean)
    _add_resume_arguments(clean)
    _add_dedup_arguments(clean)
    _add_engine_arguments(clean)
    _add_cleaning_arguments(clean)
    _add_reporting_arguments(clean)


def _add_inputs_and_output(clean: argparse.ArgumentParser) -> None:
    """What is read and where the records go."""
    clean.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for stdin")
    clean.add_argument("-o", "--output", metavar="OUT", help="output file (markdown: directory; default: stdout)")
    # Defaults of None here and below tell "not given" from "given as the default", so a flag
    # the chosen mode would ignore can be refused (see clean_args.bad_arguments).
    clean.add_argument("--format", choices=FORMATS, default=None,
                       help="output format (default: jsonl; --engine spark: parquet); txt is title, "
                            "date line and text, for reading")


def _add_pool_arguments(clean: argparse.ArgumentParser) -> None:
    """The local process pool: how many workers, in which order records come out, how long a page may take."""
    clean.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="worker processes (default: all cores)"
    )
    clean.add_argument("--ordered", dest="ordered", action="store_true", default=None,
                       help="records in input order (the default)")
    clean.add_argument("--unordered", dest="ordered", action="store_false",
                       help="records as they finish: no waiting behind a slow page")
    clean.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                       help="per-page time limit; 0 for none (default: 60)")


def _add_walk_arguments(clean: argparse.ArgumentParser) -> None:
    """Which files of a directory walk are inputs."""
    clean.add_argument("--include", action="append", default=[], metavar="GLOB",
                       help="only files in directories matching GLOB (repeatable)")
    clean.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                       help="skip files in directories matching GLOB (repeatable)")
    clean.add_argument("--follow-symlinks", action="store_true",
                       help="in directories, follow symlinks that lead out of the walked tree (default: skip them)")


def _add_resume_arguments(clean: argparse.ArgumentParser) -> None:
    """Continuing a killed run, and the errors file that says what failed."""
    clean.add_argument("--resume", action="store_true",
                       help="continue a killed run: skip inputs already in OUT and its errors file (jsonl)")
    clean.add_argument("--retry-errors", action="store_true",
                       help="with --resume: clean again the inputs listed in the errors file (timeouts, "
                            "crashes), e.g. with a larger --timeout")
    clean.add_argument("--errors", metavar="FILE", help="errors file (default: OUT.errors.jsonl)")


def _add_dedup_arguments(clean: argparse.ArgumentParser) -> None:
    """Marking or dropping duplicate articles."""
    clean.add_argument("--dedup", choices=("exact", "near"), help="mark duplicates with duplicate_of")
    clean.add_argument("--drop-duplicates", action="store_true", help="with --dedup: leave duplicates out")
    clean.add_argument("--near-threshold", type=float, default=None, metavar="J",
                       help=f"--dedup near: Jaccard similarity of a duplicate (default: {DEFAULT_NEAR_THRESHOLD:g})")


def _add_engine_arguments(clean: argparse.ArgumentParser) -> None:
    """Local pool or Spark, and what Spark's executors run with."""
    clean.add_argument("--engine", choices=("local", "spark"), default="local",
                       help="local process pool, or Spark (writes partitioned Parquet to -o DIR)")
    clean.add_argument("--master", metavar="URL", help="Spark master (default: local[*])")
    clean.add_argument("--spark-env", metavar="ARCHIVE", help="--engine spark: a packed environment (venv-pack, "
                       "conda-pack) shipped to the executors with spark.archives")
    clean.add_argument("--spark-python", metavar="PATH", help="--engine spark: the executors' Python, "
                       "installed on every node (default: the cluster's PYSPARK_PYTHON)")


def _add_cleaning_arguments(clean: argparse.ArgumentParser) -> None:
    """What becomes :class:`~newsclean.options.Options`: how each page is read and judged."""
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
    clean.add_argument("--keep", action="append", default=[], metavar="CATEGORY[,CATEGORY]",
                       help="keep these noise categories in the text, e.g. captions,comments (repeatable)")
    clean.add_argument("--max-input-bytes", type=int, default=None, metavar="N",
                       help="bytes of each input cleaned; longer inputs are cut with a warning (default: 4 MiB)")
    clean.add_argument("--max-depth", type=int, default=None, metavar="N",
                       help="HTML nesting kept; deeper markup is flattened with a warning (default: 200)")
    preference = clean.add_mutually_exclusive_group()
    preference.add_argument("--favor-precision", action="store_true",
                            help="prefer leaving out doubtful text (stop at tag lists, share rows, teasers)")
    preference.add_argument("--favor-recall", action="store_true",
                            help="prefer keeping doubtful text at the article's edges")


def _add_reporting_arguments(clean: argparse.ArgumentParser) -> None:
    """What the run shows on the terminal."""
    clean.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    clean.add_argument("-v", "--verbose", action="count", default=0,
                       help="tell each page's story (path, fallbacks, fields' sources); -vv: other libraries' too")


def _add_explain_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``explain``: its arguments live with its command (imported here, so ``clean`` never loads them)."""
    from .explain.command import EPILOG as EXPLAIN_EPILOG
    from .explain.command import add_explain_arguments

    explain = sub.add_parser(
        "explain",
        help="show what clean kept and removed from one page, and why",
        description="Show one text dump line by line, or one HTML page block by block, "
        "as kept, partly kept (removed spans marked) or dropped, each removal with its reason.",
        epilog=EXPLAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_explain_arguments(explain)


def _add_fetch_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``fetch``: its arguments live with the fetcher's command."""
    from .fetch.command import EPILOG as FETCH_EPILOG
    from .fetch.command import add_fetch_arguments

    fetch = sub.add_parser(
        "fetch",
        help="fetch article pages, feeds or sitemaps politely and clean them (keeping the raw pages)",
        description="Fetch pages (given, or linked from RSS/Atom/JSON feeds and sitemaps) and clean them.",
        epilog=FETCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_fetch_arguments(fetch)


def _clean_run(args: argparse.Namespace) -> CleanRun:
    """The run the ``clean`` arguments describe, as the typed object the engines take."""
    return CleanRun(
        paths=tuple(args.paths), output=args.output, errors=errors_path(args), own=own_outputs(args),
        format=args.format or "jsonl", include=tuple(args.include), exclude=tuple(args.exclude),
        follow_symlinks=args.follow_symlinks, timeout=args.timeout or None, quiet=args.quiet, jobs=args.jobs,
        ordered=args.ordered is not False, resume=args.resume, retry_errors=args.retry_errors, dedup=args.dedup,
        near_threshold=args.near_threshold or DEFAULT_NEAR_THRESHOLD, drop_duplicates=args.drop_duplicates,
        master=args.master, spark_env=args.spark_env, spark_python=args.spark_python,
    )


def _run_clean(args: argparse.Namespace) -> int:
    try:
        options = Options.from_kwargs(
            input_format=args.input_format,
            language=args.language,
            reference_date=args.reference_date,
            default_timezone=args.default_timezone,
            keep=tuple(name.strip() for value in args.keep for name in value.split(",") if name.strip()),
            favor_precision=args.favor_precision,
            favor_recall=args.favor_recall,
            **{
                name: value
                for name, value in (("max_input_bytes", args.max_input_bytes), ("max_depth", args.max_depth))
                if value is not None
            },
        )
    except OptionsError as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return 2
    problem = bad_arguments(args)
    if problem:
        print(f"newsclean: error: {problem}", file=sys.stderr)
        return 2
    run = _clean_run(args)
    started = time.monotonic()
    try:
        with sigterm_interrupts():
            if args.engine == "spark":
                from .spark import SparkRunError, run_spark_clean

                try:
                    end = RunEnd(run_spark_clean(run, options), run.output)
                except SparkRunError as exc:  # one line, never a Py4J traceback; the output is untouched
                    print(f"newsclean: error: {exc}", file=sys.stderr)
                    return 1
            else:
                end = run_local(run, options)
    except KeyboardInterrupt as exc:  # outside the batch loop (reading what a resumed run wrote; Spark)
        print("newsclean: interrupted", file=sys.stderr)
        return EXIT_TERMINATED if isinstance(exc, Terminated) else 130
    except (ImportError, CannotWrite) as exc:
        return cannot_start(exc)
    return end.report(time.monotonic() - started, quiet=args.quiet)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsclean`` command."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    configure_logging(getattr(args, "verbose", 0) or 0)
    if args.command == "explain":
        from .explain.command import run_explain

        return run_explain(args)
    if args.command == "fetch":
        from .fetch.command import run_fetch_command

        return run_fetch_command(args)
    return _run_clean(args)


if __name__ == "__main__":
    sys.exit(main())
