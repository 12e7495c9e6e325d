"""``newsclean clean``'s arguments judged before any work: impossible values, ignored flags, own outputs.

Kept apart from :mod:`newsclean.cli` (which parses and prints) because the
rules are the product's promises: a flag the chosen mode would accept and
then ignore is refused, and the files a run writes are never read back as
its inputs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .io.atomic import partial_path
from .io.lock import lock_path
from .spark.hadoop import is_url


def bad_arguments(args: argparse.Namespace) -> str | None:
    """Why the arguments cannot make a run, or ``None``.

    Besides impossible values, this refuses every flag the chosen mode would
    accept and then ignore (``--master`` on the local engine, ``--near-threshold``
    without near de-duplication...): a flag that silently does nothing is a
    wrong result nobody notices.
    """
    spark = args.engine == "spark"
    # Spark reads URLs (hdfs://, s3a://, file:) through Hadoop; a missing one is an error record there.
    named = [path for path in args.paths if path != "-" and not (spark and is_url(path))]
    missing = [path for path in named if not Path(path).exists()]
    if missing and len(missing) == len(args.paths):
        return f"no such file or directory: {missing[0]}"
    to_stdout = args.output in (None, "-")
    if spark:
        return _bad_spark_arguments(args, to_stdout)
    fmt = args.format or "jsonl"
    return (
        _spark_only_flag(args)
        or _bad_local_output(args, fmt, to_stdout)
        or _bad_pool_values(args)
        or _bad_dedup(args, fmt)
        or _bad_walk_filters(args, named)
        or _bad_output_paths(args, to_stdout)
    )


def _spark_only_flag(args: argparse.Namespace) -> str | None:
    """A Spark flag on the local engine, which would ignore it."""
    for flag, value in (("--master", args.master), ("--spark-env", args.spark_env),
                        ("--spark-python", args.spark_python)):
        if value:
            return f"{flag} needs --engine spark"
    return None


def _bad_local_output(args: argparse.Namespace, fmt: str, to_stdout: bool) -> str | None:
    """Formats that need a file or directory, and resuming, which reads back what a JSON-lines file holds."""
    if fmt in ("parquet", "markdown") and to_stdout:
        return f"--format {fmt} needs -o"
    if args.resume and (fmt != "jsonl" or to_stdout):
        return "--resume needs JSON-lines output to a file (-o OUT.jsonl)"
    if args.retry_errors and not args.resume:
        return "--retry-errors needs --resume (it retries the failures a resumed run would skip)"
    return None


def _bad_pool_values(args: argparse.Namespace) -> str | None:
    """Worker counts and time limits that cannot be."""
    if args.jobs is not None and args.jobs < 1:
        return "--jobs must be at least 1"
    if args.timeout < 0:
        return "--timeout must be 0 (none) or positive"
    return None


def _bad_dedup(args: argparse.Namespace, fmt: str) -> str | None:
    """De-duplication flags without the mode they tune, and a format that cannot show a duplicate's mark."""
    if args.drop_duplicates and not args.dedup:
        return "--drop-duplicates needs --dedup"
    if args.near_threshold is not None and args.dedup != "near":
        return "--near-threshold needs --dedup near"
    if args.near_threshold is not None and not 0 < args.near_threshold <= 1:
        return "--near-threshold must be in (0, 1]"
    if fmt == "txt" and args.dedup and not args.drop_duplicates:
        return "--format txt cannot show duplicate_of: add --drop-duplicates, or choose another format"
    return None


def _bad_walk_filters(args: argparse.Namespace, named: list[str]) -> str | None:
    """``--include``/``--exclude`` with no directory to walk would filter nothing."""
    if (args.include or args.exclude) and not any(Path(path).is_dir() for path in named):
        return "--include and --exclude filter directory walks, and no PATH is a directory"
    return None


def _bad_spark_arguments(args: argparse.Namespace, to_stdout: bool) -> str | None:
    """What ``--engine spark`` cannot honour: it writes partitioned Parquet and schedules its own tasks."""
    if args.format not in (None, "parquet"):
        return f"--engine spark writes Parquet (a directory partitioned by language), not --format {args.format}"
    if to_stdout or "-" in args.paths:
        return "--engine spark needs input files and -o DIRECTORY"
    if args.dedup or args.resume or args.retry_errors or args.drop_duplicates or args.near_threshold is not None:
        return "--dedup and --resume are local-engine options (Spark reruns failed tasks itself)"
    if args.spark_env and args.spark_python:
        return "--spark-env and --spark-python both name the executors' Python: give one"
    if args.spark_env and not is_url(args.spark_env) and not Path(args.spark_env).is_file():
        return f"--spark-env: no such file: {args.spark_env}"
    if args.jobs is not None:
        return "--jobs sets local worker processes; with --engine spark the cluster (--master) sets parallelism"
    if args.ordered is not None:
        return "--ordered and --unordered are local-engine options (Spark writes partitions, not a sequence)"
    if args.timeout < 0:
        return "--timeout must be 0 (none) or positive"
    if (args.include or args.exclude) and not any(Path(path).is_dir() or is_url(path) for path in args.paths):
        return "--include and --exclude filter directory walks, and no PATH is a directory"
    return _bad_output_paths(args, to_stdout)


def _bad_output_paths(args: argparse.Namespace, to_stdout: bool) -> str | None:
    """An output that would overwrite an input, or the errors file overwriting the output."""
    errors = errors_path(args)
    if errors is not None and not to_stdout and Path(errors).resolve() == Path(args.output).resolve():
        return "--errors must differ from -o"
    own = own_outputs(args)
    for path in args.paths:
        if path != "-" and Path(path).resolve() in own:
            return f"{path} is this run's own output (-o or --errors), not an input"
    return None


def errors_path(args: argparse.Namespace) -> str | None:
    if args.errors:
        return str(args.errors)
    return f"{args.output}.errors.jsonl" if args.output not in (None, "-") else None


def own_outputs(args: argparse.Namespace) -> frozenset[Path]:
    """The resolved paths this run writes (output, errors file, ``OUT.partial``), which are never inputs.

    Resolved, so ``./out.jsonl``, ``../wt/out.jsonl`` and a symlinked
    directory all name the same file; a markdown or Spark output is a
    directory, and the walk does not enter it.
    """
    paths = [errors_path(args)]
    if args.output not in (None, "-"):
        paths += [args.output, str(partial_path(args.output)), str(lock_path(args.output))]
    return frozenset(Path(path).resolve() for path in paths if path)
