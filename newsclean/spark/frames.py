"""Records as a Spark DataFrame, and Parquet written the way the local engine writes it.

The Spark schema is derived from the Arrow schema of :mod:`newsclean.io.parquet`
instead of being written out a second time: a field added to the record
reaches both engines at once, and a part file Spark writes has the columns
and types of a local ``--format parquet`` file.

Parquet is partitioned by a ``lang`` column (the record's ``language``, or
``und`` when none was detected) rather than by ``language`` itself: Spark
drops a partition column from the part files, and a record read from one
part file must still have its ``language``. ``und`` is ISO 639's
"undetermined", so no directory is ever Hive's ``__HIVE_DEFAULT_PARTITION__``,
which readers type differently from one another.
"""

from __future__ import annotations

from typing import Any

from ..io.parquet import arrow_schema

#: The partition column Spark's Parquet is written under (a copy of ``language``).
PARTITION_COLUMN = "lang"
#: The partition value of records without a language (ISO 639-2 "undetermined").
UNKNOWN_LANGUAGE = "und"


def spark_schema() -> Any:
    """The record as a Spark ``StructType``, field for field the Arrow schema of local Parquet output."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow_schema())


def record_names() -> list[str]:
    """The record's fields, in schema order."""
    return list(arrow_schema().names)


def records_dataframe(spark: Any, records: Any) -> Any:
    """An RDD of record dicts as a DataFrame with the record's schema (other keys are left out)."""
    names = record_names()

    def to_row(record: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(record.get(name) for name in names)

    return spark.createDataFrame(records.map(to_row), schema=spark_schema())


def with_partition_column(frame: Any) -> Any:
    """``frame`` with the ``lang`` column it is partitioned by."""
    from pyspark.sql import functions as F

    return frame.withColumn(PARTITION_COLUMN, F.coalesce(F.col("language"), F.lit(UNKNOWN_LANGUAGE)))


def write_parquet(spark: Any, records: Any, path: str, *, mode: str = "errorifexists") -> None:
    """Write an RDD of records as Parquet under ``path``, one ``lang=CODE`` directory per language.

    Every record given is written, error records too (the CLI engine sends
    those to its errors file instead, as the local engine does). The default
    ``mode`` refuses an existing output: pass ``"overwrite"`` to replace it.
    """
    frame = with_partition_column(records_dataframe(spark, records))
    frame.write.mode(mode).partitionBy(PARTITION_COLUMN).parquet(path)
