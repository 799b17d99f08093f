"""Rows of a `comparator_groups` file: a group and its member areas in order, one row each."""

from __future__ import annotations

from scorecard.audit import capture as audit
from scorecard.audit.values import snapshot
from scorecard.benchmarking.choices import GroupKind
from scorecard.benchmarking.models import Area, ComparatorGroup, GroupMember
from scorecard.interchange import cells
from scorecard.interchange.area_rows import area_code
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.lookups import Lookups
from scorecard.interchange.rows import whole_file


def kind(raw: str) -> str:
    return cells.choice(raw, GroupKind).value


def member_codes(raw: str) -> tuple[str, ...]:
    """GSS codes separated by semicolons, closest neighbour first."""
    found = cells.names(raw, max_length=20)
    for code in found:
        if "," in code:
            raise cells.CellError(f"'{code}': separate area codes with semicolons (;)")
    return tuple(area_code(code) for code in found)


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        "slug": row.get("group_slug", cells.identifier, required=True, max_length=100),
        "name": row.get("name", required=True, max_length=200),
        "kind": row.get("kind", kind),
        "for_area": row.get("for_area", area_code),
        "members": row.get("members", member_codes) or (),
    }
    if parsed["slug"]:
        catalogue.first_time(row, ("group", parsed["slug"]), "group_slug", "this group")
    if parsed["for_area"] and parsed["for_area"] not in catalogue.areas:
        row.fail("for_area", f"no area '{parsed['for_area']}': add it in an areas file first")
    unknown = [code for code in parsed["members"] if code not in catalogue.areas]
    if unknown:
        row.fail("members", f"no area {', '.join(unknown)}: add them in an areas file first")
    return None if row.errors else parsed


def apply_all(rows: list[dict], lookups: Lookups) -> None:
    codes = {c for row in rows for c in row["members"]} | {r["for_area"] for r in rows}
    areas = Area.objects.in_bulk([c for c in codes if c], field_name="code")
    known = ComparatorGroup.objects.in_bulk([r["slug"] for r in rows], field_name="slug")
    groups = []
    for row in rows:
        group = known.get(row["slug"]) or ComparatorGroup(slug=row["slug"])
        group.name, group.kind = row["name"], row["kind"]
        group.for_area = areas.get(row["for_area"]) if row["for_area"] else None
        groups.append(group)
    save_groups(groups)
    set_members(
        [
            (group, [areas[code] for code in row["members"]])
            for group, row in zip(groups, rows, strict=True)
        ]
    )


def save_groups(groups: list[ComparatorGroup]) -> None:
    """New groups in one insert (the DfE's list makes 152 at once); changed ones one by one."""
    new = [group for group in groups if group.pk is None]
    changed = [group for group in groups if group.pk is not None]
    ComparatorGroup.objects.bulk_create(new)
    audit.record_created(new)
    for group in changed:
        group.save()


def set_members(changes: list[tuple[ComparatorGroup, list[Area]]]) -> None:
    """Each group's members become these, in this order, in a few queries for all the groups;
    unchanged memberships are left alone, so the audit trail shows only what changed."""
    held: dict[int, list[GroupMember]] = {group.pk: [] for group, _ in changes}
    for membership in GroupMember.objects.filter(group__in=held):
        held[membership.group_id].append(membership)
    added: list[GroupMember] = []
    reordered: list[tuple[dict, GroupMember]] = []
    for group, members in changes:
        wanted = {area.pk: order for order, area in enumerate(members, start=1)}
        for membership in held[group.pk]:
            order = wanted.pop(membership.area_id, None)
            if order is None:
                membership.delete()
            elif membership.order != order:
                reordered.append((snapshot(membership), membership))
                membership.order = order
        added += [GroupMember(group=group, area_id=pk, order=o) for pk, o in wanted.items()]
    GroupMember.objects.bulk_update([m for _, m in reordered], ["order"])
    audit.record_changed(reordered)
    GroupMember.objects.bulk_create(added)
    audit.record_created(added)


# The kinds of file these rows are read from (interchange/rows.py).
READS = {"comparator_groups": whole_file(validate, apply_all)}
