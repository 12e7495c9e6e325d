"""Rewrite the tables shipped to spare each process a cold start: ``python -m tests.regenerate_tables [--check]``.

Two derived files live in the package: the lexicon patterns' gate facts
(``newsclean/text/data/gate_table.json``, :mod:`newsclean.text.gate_table`)
and langdetect's profiles packed as arrays
(``newsclean/normalize/data/langdetect_profiles.npz``,
:mod:`newsclean.normalize.profile_pack`). Run this after editing a lexicon
or the gate code, or after langdetect's profiles change; both files are
deterministic, so an unchanged input rewrites the same bytes. ``--check``
writes nothing and exits 1 when a file would change.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from langdetect.detector_factory import PROFILES_DIRECTORY

from newsclean.normalize.profile_pack import default_pack, write_pack
from newsclean.text.gate_table import default_table, lexicon_sources, write_table
from newsclean.text.gates import new_case_fold


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.regenerate_tables", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a table would change")
    args = parser.parse_args(argv)
    fold = new_case_fold()
    if fold is None:
        print("this Python has no re internals: gates are off, no table to write", file=sys.stderr)
        return 1
    changed = 0
    with tempfile.TemporaryDirectory() as scratch:
        for target, write in (
            (default_table(), lambda path: write_table(lexicon_sources(), fold, path)),
            (default_pack(), lambda path: write_pack(PROFILES_DIRECTORY, path)),
        ):
            fresh = Path(scratch, target.name)
            write(fresh)
            if target.is_file() and target.read_bytes() == fresh.read_bytes():
                continue
            changed += 1
            print(target)
            if not args.check:
                target.write_bytes(fresh.read_bytes())
    print(f"{changed} of 2 tables {'differ' if args.check else 'rewritten'}", file=sys.stderr)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
