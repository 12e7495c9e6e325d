"""The executors' Python: which one runs the pages, what it can import, and a check before any work.

On a cluster, an executor's Python is not the driver's. Spark's documented
ways of giving it one are used here:

* ``--spark-env ENV.tar.gz``: an environment packed on the driver (by
  ``venv-pack`` or ``conda-pack``) is shipped with ``spark.archives`` and
  unpacked beside each executor, whose Python is then ``ENV/bin/python``;
* ``--spark-python PATH``: a Python already installed at ``PATH`` on every
  node (with newsclean's dependencies);
* neither: the cluster's own ``PYSPARK_PYTHON`` (a local master runs this
  interpreter).

In every case the driver's own ``newsclean`` package is shipped as a zip
(``addPyFile``), so the executors run exactly the driver's code, also when
the environment holds another version or (editable installs) none.

Before the job, one tiny task asks an executor for its Python version and
whether it can import the cleaner. A mismatch fails the run with one line
naming the fix, instead of four failed task attempts and a Py4J traceback.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from typing import Any

#: The directory name a shipped environment is unpacked under, beside each executor.
ENV_ALIAS = "newsclean_env"


class SparkRunError(Exception):
    """The Spark run could not start or its job failed; the message is one line."""


def executor_python(master: str, env_archive: str | None, python: str | None) -> str | None:
    """The Python executors run (``PYSPARK_PYTHON``), or ``None`` to leave the cluster's setting."""
    if env_archive:
        return f"./{ENV_ALIAS}/bin/python"
    if python:
        return python
    if master.startswith("local"):
        return sys.executable  # local executors must run this interpreter, where newsclean is installed
    return None


def environment_conf(env_archive: str | None) -> dict[str, str]:
    """The Spark settings that ship a packed environment (none without one)."""
    if not env_archive:
        return {}
    return {"spark.archives": f"{env_archive}#{ENV_ALIAS}"}


def package_zip(directory: Path) -> Path:
    """The running ``newsclean`` package (code and data files) as a zip under ``directory``."""
    root = Path(__file__).resolve().parents[1]
    target = directory / "newsclean.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                archive.write(path, Path("newsclean") / path.relative_to(root))
    return target


def ship_package(spark: Any, scratch: Path) -> None:
    """Send the driver's newsclean to every executor (ahead of any installed copy on their path).

    The zip is served from ``scratch`` while the session runs, so ``scratch`` must outlive it.
    """
    spark.sparkContext.addPyFile(str(package_zip(scratch)))


def _make_probe() -> Any:
    """The probe task, defined in a function so cloudpickle ships it by value (not by an import of newsclean)."""

    def probe(_: Any) -> tuple[str, str | None]:
        import sys as executor_sys

        try:
            import newsclean.pipeline  # noqa: F401 - the cleaner and its dependencies
        except Exception as exc:
            version = f"{executor_sys.version_info[0]}.{executor_sys.version_info[1]}"
            return version, f"{type(exc).__name__}: {exc}"
        return f"{executor_sys.version_info[0]}.{executor_sys.version_info[1]}", None

    return probe


def check_executors(spark: Any) -> None:
    """Fail with one line when the executors' Python cannot run the cleaner."""
    driver = f"{sys.version_info[0]}.{sys.version_info[1]}"
    advice = "ship an environment with --spark-env ENV.tar.gz (venv-pack), or name one with --spark-python"
    try:
        answers = spark.sparkContext.parallelize([0], 1).map(_make_probe()).collect()
    except Exception as exc:
        message = str(exc)
        if "PYTHON_VERSION_MISMATCH" in message or "different minor versions" in message:
            raise SparkRunError(f"the executors' Python differs in minor version from the driver's ({driver}): "
                                f"{advice}") from None
        raise SparkRunError(f"the executors cannot run Python tasks ({failure_line(exc)}): {advice}") from None
    for version, problem in answers:
        if version != driver:
            raise SparkRunError(f"the executors run Python {version}, the driver {driver}: {advice}")
        if problem:
            raise SparkRunError(f"the executors cannot import newsclean ({problem}): {advice}")


def failure_line(exc: BaseException) -> str:
    """The one line that says why a Spark job failed, dug out of a Py4J or PySpark message.

    An executor's Python exception ends its traceback with ``Type: message``;
    a JVM failure starts with the exception class. The last such line is the cause.
    """
    lines = [line.strip().lstrip(": ") for line in str(exc).splitlines() if line.strip().lstrip(": ")]
    for line in reversed(lines):
        head = line.split(":", 1)[0]
        if ":" in line and (head.endswith(("Error", "Exception")) and " " not in head):
            return line[:300]
    return (lines[0] if lines else type(exc).__name__)[:300]


def quiet_log_conf(directory: Path) -> dict[str, str]:
    """Settings that silence Spark's console (``-q``): only errors are logged, no progress bar."""
    config = directory / "log4j2.properties"
    config.write_text(
        # The root at WARN, Spark's shell level (else Spark announces "Setting default log level"),
        # and the console passing errors only.
        "rootLogger.level = warn\nrootLogger.appenderRef.stderr.ref = console\n"
        "appender.console.filter.threshold.type = ThresholdFilter\nappender.console.filter.threshold.level = error\n"
        "appender.console.type = Console\nappender.console.name = console\nappender.console.target = SYSTEM_ERR\n"
        "appender.console.layout.type = PatternLayout\nappender.console.layout.pattern = %p %c{1}: %m%n\n",
        encoding="utf-8",
    )
    option = f"-Dlog4j2.configurationFile={config.as_uri()}"
    return {"spark.ui.showConsoleProgress": "false", "spark.driver.extraJavaOptions": option}

