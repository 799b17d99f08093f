"""Rows of an `areas` file: places statistics are published for, by ONS GSS code."""

from __future__ import annotations

import re

from scorecard.benchmarking.models import Area
from scorecard.interchange import cells
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.lookups import Lookups
from scorecard.interchange.rows import whole_file

_GSS_CODE = re.compile(r"[A-Z]\d{8}")
_LA_NUMBER = re.compile(r"\d{3}")


def area_code(raw: str, *, required: bool = False) -> str:
    """An ONS GSS code: a letter and eight digits (E10000027)."""
    value = cells.text(raw, required=required).upper()
    if value and not _GSS_CODE.fullmatch(value):
        raise cells.CellError(
            f"'{raw}' is not a GSS code: a letter and eight digits, such as E10000027"
        )
    return value


def la_number(raw: str) -> str | None:
    value = cells.text(raw)
    if not value:
        return None
    if not _LA_NUMBER.fullmatch(value):
        raise cells.CellError(f"'{raw}' is not a DfE LA number: three digits, such as 933")
    return value


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        "code": row.get("gss_code", area_code, required=True),
        "name": row.get("name", required=True, max_length=200),
        "la_number": row.get("la_number", la_number),
        "area_type": row.get("area_type", max_length=100),
        "region": row.get("region_code", area_code),
        "replaced_by": row.get("replaced_by", area_code),
        "columns": set(row.cells),
    }
    code, number, region = parsed["code"], parsed["la_number"], parsed["region"]
    if code:
        catalogue.first_time(row, ("area", code), "gss_code", f"area {code}")
    if number and code:
        holder = catalogue.la_numbers.setdefault(number, code)
        if holder != code:
            row.fail("la_number", f"LA number {number} is already the number of {holder}")
    if region and region not in catalogue.areas and region != code:
        row.fail(
            "region_code",
            f"no area '{region}': give the region on an earlier row or in an areas file first",
        )
    successor = parsed["replaced_by"]
    if successor == code and code:
        row.fail("replaced_by", "an area cannot replace itself")
    elif successor and successor not in catalogue.areas:
        row.fail(
            "replaced_by",
            f"no area '{successor}': give the new area on an earlier row or in an areas file first",
        )
    if code:
        catalogue.areas.add(code)
    return None if row.errors else parsed


def apply_all(rows: list[dict], lookups: Lookups) -> None:
    """Add new areas, update known ones; the columns a file leaves out stay as they were."""
    codes = {row["code"] for row in rows} | {
        row[k] for row in rows for k in ("region", "replaced_by") if row[k]
    }
    known = Area.objects.in_bulk(codes, field_name="code")
    for row in rows:
        area = known.get(row["code"]) or Area(code=row["code"])
        area.name = row["name"]
        given = row["columns"]
        if "la_number" in given:
            area.la_number = row["la_number"]
        if "area_type" in given:
            area.area_type = row["area_type"]
        if "region_code" in given:
            area.region = known.get(row["region"]) if row["region"] else None
        if "replaced_by" in given:
            area.replaced_by = known.get(row["replaced_by"]) if row["replaced_by"] else None
        area.save()
        known[area.code] = area


# The kinds of file these rows are read from (interchange/rows.py).
READS = {"areas": whole_file(validate, apply_all)}
