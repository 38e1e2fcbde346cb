"""Reading files a user names on the command line (query lists, evaluation sets).

One place turns every way such a file can fail to be read (missing, a folder, no
permission, not UTF-8) into a :class:`~kb.errors.BadQuery` that names the file and the fix.

Example::

    lines = read_lines("queries.txt", "a text file with one query per line")
"""

from __future__ import annotations

from pathlib import Path

from kb.errors import BadQuery

__all__ = ["read_lines"]


def read_lines(path: str | Path, expected: str) -> list[str]:
    """Every line of a UTF-8 text file, blank ones included.

    :param expected: what the file should be, for the message (``"a JSON Lines file"``).
    :raises BadQuery: the file cannot be read or is not UTF-8.
    """
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise BadQuery(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 ({expected})."
        ) from exc
    except OSError as exc:
        raise BadQuery(f"{path}: cannot be read ({exc.strerror or exc}); give {expected}.") from exc
