"""Problems found in an import, each saying where (file, row, column) and why."""

from __future__ import annotations

import errno
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RowError:
    file: str
    row: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.reason}"


class ImportRejected(Exception):
    """Nothing was written because at least one row is bad."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__(f"{len(errors)} problem(s) found; nothing was imported")


class ImportNotSaved(Exception):
    """The import could not be written (a full disk): nothing of it was kept."""


# SQLite's result codes for a write the disk refused: SQLITE_FULL, and the write, sync and
# truncate kinds of SQLITE_IOERR (SQLite reports a write refused for any reason but ENOSPC,
# such as a file-size or quota limit, as an I/O error on writing).
_SQLITE_REFUSED_WRITES = {13, 10 | 3 << 8, 10 | 4 << 8, 10 | 5 << 8, 10 | 6 << 8}
# PostgreSQL's SQLSTATE disk_full.
_POSTGRES_DISK_FULL = "53100"
_OUT_OF_ROOM = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


def storage_failure(problem: BaseException | None) -> str | None:
    """Why a write failed, when it failed for want of room on a disk (or for a disk that cannot
    be written): None for anything else. Looks through the exceptions it was raised from, as
    Django's database errors wrap the driver's."""
    seen: set[int] = set()
    while problem is not None and id(problem) not in seen:
        seen.add(id(problem))
        if isinstance(problem, OSError) and problem.errno in _OUT_OF_ROOM:
            return problem.strerror or str(problem)
        code = getattr(problem, "sqlite_errorcode", None)
        if code in _SQLITE_REFUSED_WRITES:
            return str(problem)
        state = getattr(problem, "sqlstate", None) or getattr(problem, "pgcode", None)
        if state == _POSTGRES_DISK_FULL:
            return str(problem).strip().splitlines()[0]
        problem = problem.__cause__ or problem.__context__
    return None


def not_saved(reason: str) -> ImportNotSaved:
    return ImportNotSaved(
        f"the import was not saved, as the disk could not be written ({reason}): nothing of it "
        "was kept; make room on the disk (or ask whoever runs the server) and import again"
    )
