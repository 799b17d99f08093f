"""The command line's shared error handling: a command that cannot do its job says why in one
line and exits 1; a full disk is said as such, wherever it happens."""

from __future__ import annotations


class CommandFailed(Exception):
    """A one-line reason the command could not do its job."""


def disk_full(reason: str) -> str:
    return (
        f"nothing was saved, as the disk could not be written ({reason}); "
        "make room on the disk and try again"
    )


def unopened(exc: Exception) -> CommandFailed:
    """Why the database could not be opened or its schema made: a full disk said as such."""
    return _database_error(exc, "cannot open the database")


def database_failure(exc: Exception) -> CommandFailed:
    """Why a command's work on the database failed: a full disk said as such."""
    return _database_error(exc, "database error")


def _database_error(exc: Exception, what: str) -> CommandFailed:
    from scorecard.interchange.errors import storage_failure

    if (reason := storage_failure(exc)) is not None:
        return CommandFailed(disk_full(reason))
    return CommandFailed(f"{what}: {str(exc).strip().splitlines()[0]}")
