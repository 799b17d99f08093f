"""Rows of a `statistical_neighbours` file: the DfE's list of each local authority's ten
closest neighbours, one row per neighbour, matched to areas by DfE LA number.

Each LA named becomes the owner of a `statistical_neighbours` comparator group whose members are
its neighbours in the file's rank order; an LA's group is replaced whole by a later import."""

from __future__ import annotations

from collections import defaultdict

from scorecard.benchmarking.choices import GroupKind
from scorecard.benchmarking.models import Area, ComparatorGroup
from scorecard.interchange import cells
from scorecard.interchange.area_rows import la_number
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.group_rows import save_groups, set_members
from scorecard.interchange.lookups import Lookups
from scorecard.interchange.rows import whole_file


def group_slug(number: str) -> str:
    """The group's id: one per LA, so importing a newer DfE list replaces the older one."""
    return f"statistical-neighbours-{number}"


def _known(row: RowReader, catalogue: Catalogue, column: str, number: str | None) -> None:
    if number and number not in catalogue.la_numbers:
        row.fail(column, f"no area has LA number {number}: add it in an areas file first")


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        "la_number": row.get("la_number", la_number),
        "rank": row.get("rank", cells.whole_number, minimum=1, maximum=1000),
        "neighbour": row.get("neighbour_la_number", la_number),
    }
    for column, key in (
        ("la_number", "la_number"),
        ("rank", "rank"),
        ("neighbour_la_number", "neighbour"),
    ):
        if parsed[key] is None and not row.failed(column):
            row.fail(column, "this column needs a value")
    number, neighbour = parsed["la_number"], parsed["neighbour"]
    _known(row, catalogue, "la_number", number)
    _known(row, catalogue, "neighbour_la_number", neighbour)
    if number and neighbour == number:
        row.fail("neighbour_la_number", "an LA is not its own neighbour")
    if row.errors:
        return None
    catalogue.first_time(
        row,
        ("neighbour rank", number, parsed["rank"]),
        "rank",
        f"rank {parsed['rank']} of {number}",
    )
    catalogue.first_time(
        row,
        ("neighbour", number, neighbour),
        "neighbour_la_number",
        f"neighbour {neighbour} of {number}",
    )
    return None if row.errors else parsed


def apply_all(rows: list[dict], lookups: Lookups) -> None:
    by_la: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in rows:
        by_la[row["la_number"]].append((row["rank"], row["neighbour"]))
    numbers = set(by_la) | {row["neighbour"] for row in rows}
    areas = {area.la_number: area for area in Area.objects.filter(la_number__in=numbers)}
    known = ComparatorGroup.objects.in_bulk([group_slug(n) for n in by_la], field_name="slug")
    groups = []
    for number in by_la:
        area = areas[number]
        group = known.get(group_slug(number)) or ComparatorGroup(slug=group_slug(number))
        group.name = f"Statistical neighbours of {area.name}"
        group.kind = GroupKind.STATISTICAL_NEIGHBOURS
        group.for_area = area
        groups.append(group)
    save_groups(groups)
    set_members(
        [
            (group, [areas[n] for _, n in sorted(neighbours)])
            for group, neighbours in zip(groups, by_la.values(), strict=True)
        ]
    )


# The kinds of file these rows are read from (interchange/rows.py).
READS = {"statistical_neighbours": whole_file(validate, apply_all)}
