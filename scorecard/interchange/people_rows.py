"""Rows of a `people` file: who owns projects, actions and risks."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from scorecard.interchange import cells
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.lookups import Lookups, save_changed
from scorecard.interchange.rows import whole_file
from scorecard.people.models import Person


def email(raw: str) -> str:
    value = cells.text(raw, max_length=254)
    if value:
        try:
            validate_email(value)
        except ValidationError:
            raise cells.CellError(f"'{raw}' is not an email address") from None
    return value


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        "person_id": row.get("person_id", cells.identifier, required=True),
        "name": row.get("name", required=True, max_length=200),
        "job_title": row.get("job_title", max_length=300),
        "organisation": row.get("organisation", max_length=200),
        "email": row.get("email", email),
        "columns": set(row.cells),
    }
    person_id = parsed["person_id"]
    if person_id:
        # Known from here on even if this row is bad, so other rows are not blamed for it.
        catalogue.people.add(person_id)
    if row.errors:
        return None
    if not catalogue.first_time(row, ("person", person_id), "person_id", f"'{person_id}'"):
        return None
    return parsed


FIELDS = ("name", "job_title", "email")


def apply_all(rows: list[dict], lookups: Lookups) -> None:
    people = lookups.people()
    for parsed in rows:
        person = people.get(parsed["person_id"]) or Person(person_id=parsed["person_id"])
        given = parsed["columns"]
        values = {field: parsed[field] for field in FIELDS if field in given}
        if "organisation" in given:
            values["organisation"] = lookups.organisation(parsed["organisation"])
        save_changed(person, values)
        people[person.person_id] = person


# The kinds of file these rows are read from (interchange/rows.py).
READS = {"people": whole_file(validate, apply_all)}
