"""The people file (docs/formats-delivery.md)."""

from __future__ import annotations

from scorecard.file_kinds import FileKind, register

PEOPLE = FileKind(
    "people",
    required=("person_id", "name"),
    optional=("job_title", "organisation", "email"),
    marks=("person_id",),
)


def register_kinds() -> None:
    """Called by the app's `ready()`: the order numbers are the importer's order (areas 10 ...
    risk assessments 180, scorecard/file_kinds.py), `after` the kinds a row may name."""
    register(PEOPLE, order=30)
