"""Serializer fields the API shares: periods as labels, ids that appear in addresses, dates."""

from __future__ import annotations

import datetime
import re

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodError, PeriodKind

# As the importer (scorecard.interchange.cells): ids appear in web addresses.
IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
PERIOD_HELP = "A period label, for example 2019/20 Q2, 2019-09, Sep-19, 2019/20 or 2019."


@extend_schema_field({"type": "string", "example": "2019/20 Q2", "description": PERIOD_HELP})
class PeriodField(serializers.Field):
    """A period written as a label in any form councils use; read back as the canonical label.

    Internally a `Period`, or with `as_label` its canonical label (for models that keep only
    the label); `kinds` limits what is accepted (highlight reports are for quarters);
    `blank` lets an empty label through (a target from the start, a risk with no period)."""

    default_error_messages = {"invalid": "{message}"}

    def __init__(
        self,
        *,
        as_label: bool = False,
        blank: bool = False,
        kinds: tuple[PeriodKind, ...] = (),
        **kwargs,
    ):
        self.as_label = as_label or blank
        self.blank = blank
        self.kinds = kinds
        super().__init__(**kwargs)

    def to_internal_value(self, data) -> Period | str:
        if not isinstance(data, str):
            self.fail("invalid", message="Enter the period as text, for example 2019/20 Q2")
        if self.blank and not data.strip():
            return ""
        try:
            period = parse_period(data)
        except PeriodError as exc:
            self.fail("invalid", message=f"Enter a period such as 2019/20 Q2: {exc}")
        if self.kinds and period.kind not in self.kinds:
            wanted = " or ".join(kind.value.replace("_", " ") for kind in self.kinds)
            self.fail("invalid", message=f"Enter a {wanted}, not {period.display}")
        return period.label if self.as_label else period

    def to_representation(self, value) -> str:
        return value.label if isinstance(value, Period) else str(value)


class IdentifierField(serializers.CharField):
    """An id that appears in web addresses: letters, digits, dots, hyphens and underscores."""

    def __init__(self, *, reserved: frozenset[str] = frozenset(), **kwargs):
        self.reserved = reserved
        kwargs.setdefault("max_length", 60)
        super().__init__(**kwargs)

    def to_internal_value(self, data) -> str:
        value = super().to_internal_value(data)
        if value.lower() in self.reserved:
            raise serializers.ValidationError(
                f"'{value}' names a page of the site and cannot be an id: choose another"
            )
        if not IDENTIFIER.fullmatch(value):
            raise serializers.ValidationError(
                "Use only letters, digits, dots, hyphens and underscores, "
                "starting with a letter or digit"
            )
        return value


class CouncilDateField(serializers.DateField):
    """A date between 1900 and 2100, as the importer accepts (pages print these dates)."""

    def to_internal_value(self, value) -> datetime.date:
        day = super().to_internal_value(value)
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            raise serializers.ValidationError(
                f"Enter a date from {EARLIEST_YEAR} to {LATEST_YEAR}, such as 2019-03-31"
            )
        return day


@extend_schema_field({"type": "array", "items": {"type": "string", "format": "date"}})
class RevisedDatesField(serializers.ListField):
    """A date's revisions, oldest first, stored as ISO dates."""

    child = CouncilDateField()

    def to_internal_value(self, data) -> list[str]:
        return [day.isoformat() for day in super().to_internal_value(data)]

    def to_representation(self, data) -> list[str]:
        return list(data or [])
