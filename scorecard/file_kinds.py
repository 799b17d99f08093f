"""The kinds of file `scorecard import` reads, registered by the app that owns each one's rows
(docs/architecture.md, "Extension points"). A building block: it names no app and no model;
each domain app registers its kinds in its `AppConfig.ready()` from its `import_kinds.py`, and
the importer (`interchange/importer.py`) reads them from here with no list of its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def file_columns(fields: tuple[str, ...], leaving_out: tuple[str, ...]) -> tuple[str, ...]:
    """A model's fields (risks/fields.py, delivery/project_fields.py) as a file's columns, in
    their order, but for those left out: a file names its plan by `plan_id`."""
    return tuple("plan_id" if f == "plan" else f for f in fields if f not in leaving_out)


@dataclass(frozen=True)
class FileKind:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    # A header is of this kind when it has every column of `marks`, at least one of
    # `marks_any` (when given) and none of `forbids`. No header is of two kinds.
    marks: tuple[str, ...]
    forbids: tuple[str, ...] = ()
    marks_any: tuple[str, ...] = ()

    @property
    def article(self) -> str:
        return "an" if self.name[0] in "aeiou" else "a"

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column, in the order the docs list them and exports write them."""
        return self.required + self.optional

    def matches(self, header: list[str]) -> bool:
        present = set(header)
        return (
            all(m in present for m in self.marks)
            and (not self.marks_any or any(m in present for m in self.marks_any))
            and not any(f in present for f in self.forbids)
        )


@dataclass(frozen=True)
class ImportKind:
    file: FileKind
    # Files are applied in this order, whatever order they were named in: parents first.
    order: int
    # The kinds whose rows this kind's rows may name: each must come earlier in the order.
    after: tuple[str, ...] = ()
    # How its rows are checked and written (`interchange.rows.Rows`), for a kind that brings
    # its own; None for a kind read by a `<thing>_rows.py` module of the interchange.
    rows: Any = None


class KindsOutOfOrder(Exception):
    """A kind is applied before a kind it names, or names one never registered."""


_REGISTERED: dict[str, ImportKind] = {}


def register(kind: FileKind, *, order: int, after: tuple[str, ...] = (), rows: Any = None) -> None:
    """Add an import kind (again on a second call, as `ready()` may run twice in tests)."""
    _REGISTERED[kind.name] = ImportKind(kind, order, after, rows)


def import_kinds() -> tuple[ImportKind, ...]:
    """Every registered kind in the order files are applied; checked that each comes after
    the kinds it names, so that a wrong order number fails at once rather than mid-import."""
    ordered = tuple(sorted(_REGISTERED.values(), key=lambda k: (k.order, k.file.name)))
    place = {k.file.name: n for n, k in enumerate(ordered)}
    for n, kind in enumerate(ordered):
        for earlier in kind.after:
            if earlier not in place:
                raise KindsOutOfOrder(f"{kind.file.name} comes after {earlier}: no such kind")
            if place[earlier] >= n:
                raise KindsOutOfOrder(f"{kind.file.name} must be applied after {earlier}")
    return ordered


def file_kinds() -> tuple[FileKind, ...]:
    """Every kind of file, in the order files are applied."""
    return tuple(k.file for k in import_kinds())


def apply_order() -> tuple[str, ...]:
    return tuple(k.file.name for k in import_kinds())


def import_kind(name: str) -> ImportKind:
    return _REGISTERED[name]


def kind_of(header: list[str]) -> FileKind | None:
    return next((kind for kind in file_kinds() if kind.matches(header)), None)
