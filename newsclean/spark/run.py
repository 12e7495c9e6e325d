"""``newsclean clean --engine spark``: the CLI's Spark run, from the inputs to the output moved into place.

The steps, each of which can fail with one line (:class:`SparkRunError`)
rather than a Py4J traceback: start the session with the executors' Python
(:mod:`.environment`), check an executor can run the cleaner, list the
inputs (local paths as the local engine walks them, URLs through Hadoop),
plan tasks (:mod:`.plan`), clean, write the records to a staging directory
and move it into place (:mod:`.output`), write the errors file. The exit
status comes from the counts, so a failed job is never reported as done
(Spark's master marks every application that stops as FINISHED).
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..io.readers import iter_paths
from ..options import Options
from .environment import (
    SparkRunError,
    check_executors,
    environment_conf,
    executor_python,
    failure_line,
    quiet_log_conf,
    ship_package,
)
from .frames import PARTITION_COLUMN, records_dataframe, with_partition_column
from .hadoop import HadoopFs, is_url, local_path
from .output import error_lines, move_into_place, qualified, remote_replaceable, replaceable, staging_url, write_errors
from .partitions import BYTES, ERROR, partition_cleaner
from .plan import plan_units

if TYPE_CHECKING:
    from ..batch import CleanRun
    from ..io.sink import Counts


def _tally(record: dict[str, Any]) -> tuple[int, int, int]:
    error = bool(record.get("error"))
    return 1, int(error), int(not error and not record.get("text"))


def _add(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def _is_error(record: dict[str, Any]) -> bool:
    return bool(record.get("error"))


def _is_record(record: dict[str, Any]) -> bool:
    return not record.get("error")


def _inputs(run: CleanRun, fs: HadoopFs, own: frozenset[Path]) -> tuple[list[str], list[str], list[Any]]:
    """Local files, remote file URLs, and error units for inputs that are not there."""
    local: list[str] = []
    remote: list[str] = []
    missing: list[Any] = []
    for raw in run.paths:
        path = local_path(raw) if is_url(raw) else raw
        if path is not None:
            if not Path(path).exists() and not Path(path).is_symlink():
                local.append(str(Path(path).absolute()))  # the executor's error record says it is missing
                continue
            local.extend(str(p.resolve()) for p in iter_paths(
                [path], run.include, run.exclude, skip=own, follow_symlinks=run.follow_symlinks))
            continue
        listed = fs.list_inputs(raw, run.include, run.exclude)
        if listed:
            remote.extend(listed)
        elif not fs.exists(raw):
            missing.append((ERROR, raw, "no such file or directory"))
    return local, remote, missing


def _session(run: CleanRun, scratch: Path) -> Any:
    """A Spark session on ``run.master`` whose executors run the Python :func:`executor_python` names.

    That Python goes to the context itself (``pythonExec``, which Spark reads
    from ``PYSPARK_PYTHON`` when it starts) instead of through this process's
    environment, which a library must not change: another thread, or the
    caller's next session, would see it.
    """
    from pyspark.sql import SparkSession

    master = run.master or "local[*]"
    if run.spark_env and master.startswith("local"):
        raise SparkRunError("--spark-env ships an environment to cluster executors; a local master runs this Python")
    builder = SparkSession.builder.master(master).appName("newsclean")
    # Record plans have 27 columns: over Spark's default, every plan print warns it was truncated.
    # zstd, as local --format parquet writes.
    settings = {"spark.sql.debug.maxToStringFields": "200", "spark.sql.parquet.compression.codec": "zstd",
                **environment_conf(run.spark_env)}
    if run.quiet:
        settings.update(quiet_log_conf(scratch))
    for key, value in settings.items():
        builder = builder.config(key, value)
    python = executor_python(master, run.spark_env, run.spark_python)
    spark = builder.getOrCreate()
    if python:
        # Every Python task the context builds from here on names this interpreter.
        spark.sparkContext.pythonExec = python
    if run.quiet:
        spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark_clean(run: CleanRun, options: Options) -> Counts:
    """Clean ``run``'s inputs on a Spark master into ``run.output`` (Parquet by ``lang``) and its errors file."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise ImportError("--engine spark needs pyspark: pip install pyspark (the 'spark' extra)") from exc
    from ..io.sink import Counts

    if not run.output:
        raise SparkRunError("--engine spark writes to a directory: give -o DIRECTORY")
    # The output directory is never an input, even when written inside an input directory.
    own = run.own if not is_url(run.output) else frozenset()
    option_values = {f: getattr(options, f) for f in options.__dataclass_fields__}
    if not replaceable(run.output):
        raise SparkRunError(f"{run.output} exists and is not a Spark output of newsclean; not replacing it")
    with tempfile.TemporaryDirectory(prefix="newsclean-spark-") as scratch:
        try:
            spark = _session(run, Path(scratch))
        except SparkRunError:
            raise
        except Exception as exc:
            raise SparkRunError(f"Spark did not start ({failure_line(exc)})") from None
        try:
            pages, failed, empty = _run(spark, run, run.output, option_values, own, Path(scratch))
        finally:
            spark.stop()
    return Counts(pages=pages, cleaned=pages - failed, empty=empty, errors=failed)


def _run(
    spark: Any, run: CleanRun, output: str, option_values: dict[str, Any], own: frozenset[Path], scratch: Path
) -> tuple[int, int, int]:
    """Clean, write, move into place; return the pages, errors and empty records counted."""
    fs = HadoopFs(spark)
    if is_url(output) and local_path(output) is None and not remote_replaceable(fs, output):
        raise SparkRunError(f"{output} exists and is not a Spark output of newsclean; not replacing it")
    ship_package(spark, scratch)
    check_executors(spark)
    cleaned = _cleaned(spark, run, fs, option_values, own)
    try:
        errors, (pages, failed, empty) = _write_staged(spark, fs, cleaned, output)
    finally:
        cleaned.unpersist()
    target = run.errors or f"{output}.errors.jsonl"
    write_errors(fs, qualified(target) if is_url(target) else target, errors)
    return pages, failed, empty


def _cleaned(spark: Any, run: CleanRun, fs: HadoopFs, option_values: dict[str, Any], own: frozenset[Path]) -> Any:
    """The cleaned records and error lines, kept (memory, then disk) for the three passes that read them.

    Local inputs are planned into units of about equal work; inputs at
    Hadoop URLs are read by Spark itself, one partition each.
    """
    from pyspark import StorageLevel

    sc = spark.sparkContext
    local, remote, missing = _inputs(run, fs, own)
    tasks = plan_units(local, sc.defaultParallelism) if local or not (remote or missing) else []
    if missing:
        tasks.append(missing)
    units = sc.parallelize(tasks, max(1, len(tasks)))  # one task (a list of units) per partition
    if remote:
        fetched = sc.binaryFiles(",".join(remote), max(1, len(remote))).map(lambda pair: (BYTES, pair[0], pair[1]))
        units = units.union(fetched)
    cleaner = partition_cleaner(run.timeout, follow_symlinks=run.follow_symlinks, **option_values)
    return units.mapPartitions(cleaner).persist(StorageLevel.MEMORY_AND_DISK)


def _write_staged(spark: Any, fs: HadoopFs, cleaned: Any, output: str) -> tuple[str, tuple[int, int, int]]:
    """Write the records beside ``output`` and move them into place; the error lines and the counts.

    Whatever stops the job, the previous output stays as it was and the
    staging directory is removed (if the JVM still answers).
    """
    staging = staging_url(output)
    try:
        frame = with_partition_column(records_dataframe(spark, cleaned.filter(_is_record)))
        frame.write.mode("errorifexists").partitionBy(PARTITION_COLUMN).parquet(staging)
        errors = error_lines(cleaned.filter(_is_error).collect())
        pages, failed, empty = cleaned.map(_tally).fold((0, 0, 0), _add)
        move_into_place(fs, staging, output)
    except SparkRunError:
        fs.delete(staging)
        raise
    except Exception as exc:
        fs.delete(staging)
        raise SparkRunError(f"the Spark job failed, {output} is left as it was ({failure_line(exc)})") from None
    except BaseException:  # Ctrl-C, SIGTERM: the previous output stays; the staging directory goes if it can
        with contextlib.suppress(Exception):  # the JVM may be going down with the interrupt
            fs.delete(staging)
        raise
    return errors, (pages, failed, empty)
