"""Spark: the same cleaning code on a cluster, for corpora one machine cannot clean in time.

Common Crawl tooling (cc-pyspark and its kin) runs on Spark, one task per
WARC file. This module gives that shape:

* :func:`clean_partition` (via :func:`partition_cleaner`) is a
  ``mapPartitions`` function over input *paths*: WARC files, JSONL files or
  pages, read on the executor with the same readers the CLI uses, so a record
  from Spark equals the record ``newsclean clean`` writes for that input;
* :func:`clean_lines_partition` cleans JSON lines already in an RDD (e.g.
  ``sc.textFile`` over a pre-processing step's output);
* :func:`write_parquet` writes the records as Parquet partitioned by
  language, with an explicit schema.

Per-page time limits use the worker pool of :mod:`newsclean.pipeline` with
one worker process per task: a page over its budget has its process killed
and replaced. No signals are involved, so this works inside Spark's Python
workers, where ``SIGALRM`` is neither safe nor available per thread.
``pyspark`` is an optional extra and is imported only by the functions that
need a session.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .io.readers import InputItem, is_jsonl_file, is_warc_file, iter_inputs, iter_paths
from .io.writers import record_dict
from .options import Options
from .pipeline import Outcome, iter_outcomes

if TYPE_CHECKING:
    from .io.sink import Counts

#: The record as a Spark schema (DDL), in schema field order; see ``io/parquet.py`` for Arrow.
SPARK_SCHEMA = (
    "id string, url string, source string, site_name string, title string, description string, "
    "authors array<string>, published string, modified string, language string, "
    "language_confidence double, section string, tags array<string>, text string, word_count bigint, "
    "top_image string, embeds array<struct<kind:string,text:string,url:string,handle:string,"
    "author:string,date:string>>, removed array<struct<reason:string,text:string>>, "
    "warnings array<string>, input_format string, fetched_at string, paywalled boolean, duplicate_of string, "
    "error string, schema_version string"
)

#: Plain pages per Spark task (a WARC or JSONL file is a task of its own).
PAGES_PER_TASK = 64


def _records(outcomes: Iterable[Outcome]) -> Iterator[dict[str, Any]]:
    for outcome in outcomes:
        yield record_dict(outcome.article)


def clean_partition(
    rows: Iterable[Any], options: dict[str, Any] | None = None, timeout: float | None = 60.0
) -> Iterator[dict[str, Any]]:
    """Clean every input below the paths in ``rows`` (``str`` or a one-column ``Row``).

    Failures are records with ``error`` set, so a partition never fails a
    Spark job for one bad page.
    """
    opts = Options.from_kwargs(**(options or {}))
    paths = (row if isinstance(row, str) else row[0] for row in rows)
    yield from _records(iter_outcomes(iter_inputs(paths), opts, jobs=1, timeout=timeout))


def clean_lines_partition(
    lines: Iterable[str], options: dict[str, Any] | None = None, timeout: float | None = 60.0
) -> Iterator[dict[str, Any]]:
    """Clean JSON lines carrying ``html`` or ``text`` (plus ``url``, ``crawl_date``, ``id``).

    A line's ``source`` is ``jsonl:`` and a hash of the line: an RDD of lines
    has no file name and line number to offer, and the hash names it stably.
    """
    opts = Options.from_kwargs(**(options or {}))
    items = (
        InputItem(source=f"jsonl:{hashlib.sha1(line.encode('utf-8')).hexdigest()[:16]}", kind="jsonl", data=line)
        for line in lines
        if line.strip()
    )
    yield from _records(iter_outcomes(items, opts, jobs=1, timeout=timeout))


def partition_cleaner(
    timeout: float | None = 60.0, *, lines: bool = False, **options: Any
) -> Callable[[Iterable[Any]], Iterator[dict[str, Any]]]:
    """A picklable ``mapPartitions`` function with the options bound (validated here, on the driver)."""
    Options.from_kwargs(**options)
    target = clean_lines_partition if lines else clean_partition
    return functools.partial(target, options=options, timeout=timeout)


def plan_tasks(files: list[str]) -> int:
    """How many Spark tasks: one per WARC or JSONL file, plus one per ``PAGES_PER_TASK`` pages."""
    containers = sum(1 for f in files if is_warc_file(Path(f)) or is_jsonl_file(Path(f)))
    return max(1, containers + math.ceil((len(files) - containers) / PAGES_PER_TASK))


def records_dataframe(spark: Any, records: Any) -> Any:
    """An RDD of record dicts as a DataFrame with the record's schema."""
    from pyspark.sql import Row

    names = [f.strip().split(" ")[0] for f in _top_level_fields()]

    def to_row(record: dict[str, Any]) -> Any:
        return Row(**{name: record.get(name) for name in names})

    return spark.createDataFrame(records.map(to_row), schema=SPARK_SCHEMA)


def _top_level_fields() -> list[str]:
    """Split the DDL on top-level commas (struct fields hold commas of their own)."""
    fields, depth, current = [], 0, ""
    for char in SPARK_SCHEMA:
        depth += char == "<"
        depth -= char == ">"
        if char == "," and depth == 0:
            fields.append(current)
            current = ""
        else:
            current += char
    return [*fields, current]


def write_parquet(
    spark: Any, records: Any, path: str, *, partition_by: tuple[str, ...] = ("language",), mode: str = "overwrite"
) -> None:
    """Write an RDD of records as Parquet under ``path``, one directory per ``partition_by`` value."""
    frame = records_dataframe(spark, records)
    frame.write.mode(mode).partitionBy(*partition_by).parquet(path)


def run_spark_clean(args: Any, options: Options) -> Counts:
    """``newsclean clean --engine spark``: clean the inputs on a Spark master into ``args.output``."""
    try:
        from pyspark.sql import SparkSession
        from pyspark.sql import functions as F
    except ImportError as exc:
        raise ImportError("--engine spark needs pyspark: pip install pyspark (the 'spark' extra)") from exc
    from .io.sink import Counts

    # The output directory is never an input, even when written inside an input directory.
    own = frozenset({Path(args.output).resolve()})
    files = [str(p.resolve()) for p in iter_paths(args.paths, args.include, args.exclude, skip=own)]
    option_values = {f: getattr(options, f) for f in options.__dataclass_fields__}
    master = args.master or "local[*]"
    builder = SparkSession.builder.master(master).appName("newsclean")
    if master.startswith("local"):
        # Local executors must run this interpreter (with newsclean installed), not the PATH's
        # python3; on a cluster, PYSPARK_PYTHON is the cluster's setting.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    try:
        rdd = spark.sparkContext.parallelize(files, plan_tasks(files))
        cleaned = rdd.mapPartitions(partition_cleaner(args.timeout or None, **option_values))
        write_parquet(spark, cleaned, os.fspath(args.output))
        row = spark.read.parquet(os.fspath(args.output)).agg(
            F.count(F.lit(1)).alias("pages"),
            F.count("error").alias("errors"),
            F.sum(F.when(F.col("error").isNull() & (F.col("text") == ""), 1).otherwise(0)).alias("empty"),
        ).first()
    finally:
        spark.stop()
    if row is None:  # pragma: no cover - an aggregate always has one row
        return Counts()
    pages, errors = int(row["pages"]), int(row["errors"])
    return Counts(pages=pages, cleaned=pages - errors, empty=int(row["empty"] or 0), errors=errors)
