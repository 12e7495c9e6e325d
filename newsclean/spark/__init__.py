"""Spark: the same cleaning code on a cluster, for corpora one machine cannot clean in time.

Common Crawl tooling (cc-pyspark and its kin) runs on Spark, one task per
WARC file. This package gives that shape:

* :func:`partition_cleaner` is a ``mapPartitions`` function over input
  *paths* (WARC files, JSONL files, pages; see :mod:`.partitions` for the
  other work units), read on the executor with the same readers the CLI
  uses, so a record from Spark equals the record ``newsclean clean`` writes
  for that input; with ``lines=True`` it cleans JSON lines already in an RDD;
* :func:`write_parquet` writes records as Parquet with the columns and types
  of local ``--format parquet``, partitioned by language (:mod:`.frames`);
* :func:`run_spark_clean` is ``newsclean clean --engine spark`` (:mod:`.run`):
  the executors' environment (:mod:`.environment`), inputs through Hadoop
  (:mod:`.hadoop`), task planning (:mod:`.plan`) and output staged and
  moved into place (:mod:`.output`).

Pages are cleaned in child processes of the Python worker (the pool of
:mod:`newsclean.pipeline`), so a page over its time budget or one that
crashes the interpreter becomes an error record while the task goes on. No
signals are involved: ``SIGALRM`` is neither safe nor available in Spark's
Python workers. ``pyspark`` is an optional extra, imported only by the
functions that need a session.
"""

from __future__ import annotations

from .environment import SparkRunError as SparkRunError
from .frames import records_dataframe as records_dataframe
from .frames import spark_schema as spark_schema
from .frames import write_parquet as write_parquet
from .partitions import clean_lines_partition as clean_lines_partition
from .partitions import clean_partition as clean_partition
from .partitions import partition_cleaner as partition_cleaner
from .plan import PAGES_PER_TASK as PAGES_PER_TASK
from .plan import plan_tasks as plan_tasks
from .plan import plan_units as plan_units
from .run import run_spark_clean as run_spark_clean
