"""langdetect's language profiles, packed once into arrays shipped with the package.

Reading langdetect's 55 JSON profiles means parsing 2.2 MB of JSON and
hashing 184,000 n-gram strings in Python, about 0.15 s of CPU that every
process paid before its first dump (a batch's workers each pay it again).
The pack (``data/langdetect_profiles.npz``) holds the same table, built by
:func:`~newsclean.normalize.language_trials.load_profiles` from the
profiles and written by :func:`write_pack`: the n-grams in one string, the
non-zero cells as arrays, the exact doubles. It is used only when the
installed profiles are the ones it was built from (a SHA-256 over each
file's name and bytes, a few milliseconds to check); otherwise, or when the
pack is missing or unreadable, the profiles are parsed as before. Nothing is
written at run time.

Languages come in ``os.listdir`` order, as langdetect takes them, and that
order differs between file systems: the pack records which file each
column came from and its columns are put in this machine's order on
loading, so the table equals the parsed one cell for cell
(``tests/unit/test_profile_pack.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from .language_trials import ProfileTable, load_profiles

#: The pack's file, inside the package.
PACK_NAME = "langdetect_profiles.npz"
#: Separates the n-grams in the pack's one string (no profile n-gram holds it).
_SEPARATOR = "\0"


def profile_files(directory: str) -> list[str]:
    """The profile files of ``directory`` in ``os.listdir`` order, as langdetect (and the parser) takes them."""
    return [
        name for name in os.listdir(directory)
        if not name.startswith(".") and os.path.isfile(os.path.join(directory, name))
    ]


def profiles_digest(directory: str) -> str:
    """SHA-256 over the profile files' names and bytes, in name order (the pack's key)."""
    digest = hashlib.sha256()
    for name in sorted(profile_files(directory)):
        data = Path(directory, name).read_bytes()
        digest.update(f"{name}\n{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


def _lengths(ngrams: Iterable[str]) -> npt.NDArray[np.intp]:
    """The character count of each n-gram."""
    return np.fromiter(map(len, ngrams), dtype=np.intp)


def default_pack() -> Path:
    """Where the shipped pack lives."""
    return Path(str(resources.files(__package__).joinpath("data").joinpath(PACK_NAME)))


def write_pack(directory: str, path: Path) -> None:
    """Pack the profiles of ``directory`` into ``path`` (deterministic: the same profiles, the same bytes)."""
    languages, table = load_profiles(directory)
    files = profile_files(directory)
    profiles = [json.loads(Path(directory, name).read_text("utf-8")) for name in files]
    totals = [[int(total) for total in profile["n_words"][:3]] for profile in profiles]
    cells = table.cells()
    # The integer counts the parser divided (they pack ten times smaller than the quotients).
    words = list(table.index)
    pairs = zip(cells[0].tolist(), cells[1].tolist(), strict=True)
    counts = np.array([profiles[column]["freq"][words[row]] for row, column in pairs], dtype=np.int64)
    # Columns in file-name order, so the pack does not depend on the writing machine's listdir order.
    order = sorted(range(len(files)), key=files.__getitem__)
    if len(files) > 255:
        raise ValueError("more languages than the pack's byte-wide columns hold")
    position = np.empty(len(files), dtype=np.intp)
    position[order] = np.arange(len(files))
    with path.open("wb") as handle:
        np.savez_compressed(
            handle,
            digest=np.array(profiles_digest(directory)),
            files=np.array([files[i] for i in order]),
            languages=np.array([languages[i] for i in order]),
            ngrams=np.frombuffer(_SEPARATOR.join(table.index).encode("utf-8"), dtype=np.uint8),
            rows=cells[0].astype(np.int32),
            columns=position[cells[1]].astype(np.uint8),
            counts=counts.astype(np.int32),
            totals=np.array([totals[i] for i in order], dtype=np.int64),
        )


def read_pack(directory: str, path: Path) -> tuple[list[str], ProfileTable] | None:
    """The languages and table the pack holds for ``directory``'s profiles, or ``None`` when it cannot serve.

    ``None`` when the pack is missing, unreadable or built from other
    profiles (its digest differs) or names other files.
    """
    try:
        with np.load(path, allow_pickle=False) as pack:
            if str(pack["digest"]) != profiles_digest(directory):
                return None
            packed_files = pack["files"].tolist()
            packed_languages = pack["languages"].tolist()
            ngrams = pack["ngrams"].tobytes().decode("utf-8").split(_SEPARATOR)
            rows, columns, counts, totals = pack["rows"], pack["columns"], pack["counts"], pack["totals"]
    except (OSError, ValueError, KeyError, UnicodeDecodeError):
        return None
    files = profile_files(directory)
    if sorted(files) != packed_files:
        return None
    # The pack's column of each file -> this machine's column (its listdir position).
    column_of = {name: column for column, name in enumerate(files)}
    moved = np.array([column_of[name] for name in packed_files], dtype=np.intp)
    languages = [packed_languages[packed_files.index(name)] for name in files]
    index = dict(zip(ngrams, range(len(ngrams)), strict=True))
    rows, columns = rows.astype(np.intp), columns.astype(np.intp)
    # count / total of the n-gram's length, as the parser divides them (the same two doubles, the same quotient).
    values = counts.astype(np.float64) / totals.astype(np.float64)[columns, _lengths(ngrams)[rows] - 1]
    table = ProfileTable.from_cells(index, rows, moved[columns], values, len(languages))
    return languages, table


def load_table(directory: str, pack: Path | None = None) -> tuple[list[str], ProfileTable]:
    """The profiles of ``directory``: from the pack when it was built from them, else parsed."""
    found = read_pack(directory, pack if pack is not None else default_pack())
    return found if found is not None else load_profiles(directory)
