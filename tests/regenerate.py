"""Rewrite the fixture pages' expected records: ``python -m tests.regenerate [--check] [SET ...]``.

Run from the repository root after a change that is meant to alter records
(and after merging one). Each fixture input (see :mod:`tests.golden`) is
cleaned exactly as its tests clean it and its whole record written to
``tests/fixtures/<set>/expected/``; the command lists the files that changed,
and ``git diff tests/fixtures`` is what to review. ``--check`` writes nothing
and exits 1 when a record differs (what the tests would report). ``SET``
narrows the run to ``html``, ``pages`` or ``markdown``.

The inputs and gold values of the ``html`` set come from the dev data and are
refreshed by ``tests/fixtures/html/regenerate.py``; this command only derives
the expected records from the inputs that are checked in.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tests.golden import cases, record_json


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.regenerate", description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", metavar="SET", help="only these fixture sets: html, pages, markdown")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a record differs")
    args = parser.parse_args(argv)
    unknown = set(args.sets) - {"html", "pages", "markdown"}
    if unknown:
        parser.error(f"no fixture set {sorted(unknown)[0]!r} (html, pages, markdown)")
    changed = []
    selected = [case for case in cases() if not args.sets or case.set in args.sets]
    for case in selected:
        text = record_json(case.clean().to_dict())
        path = case.expected_path
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        changed.append(path)
        if not args.check:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in changed:
        print(path.relative_to(path.parents[4]))
    verb = "differ" if args.check else "rewritten"
    print(f"{len(changed)} of {len(selected)} expected records {verb}", file=sys.stderr)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
