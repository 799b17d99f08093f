"""Named choices for measures, built from the core's enumerations so there is one list."""

from django.db import models

from scorecard.core.ratings import Polarity, ToleranceType
from scorecard.core.series import CompareWith, Frequency
from scorecard.core.units import MoneyUnit, Unit


def _choices(enum, labels: dict[str, str] | None = None) -> list[tuple[str, str]]:
    labels = labels or {}
    return [(m.value, labels.get(m.value, m.value.replace("_", " ").capitalize())) for m in enum]


POLARITY_CHOICES = _choices(Polarity, {p.value: p.label for p in Polarity})
UNIT_CHOICES = _choices(Unit)
MONEY_UNIT_CHOICES = _choices(
    MoneyUnit, {"pounds": "£", "thousands": "£ thousands (£k)", "millions": "£ millions (£m)"}
)
FREQUENCY_CHOICES = _choices(
    Frequency,
    {
        "annual": "Annual (financial year)",
        "academic": "Annual (academic year)",
        "calendar": "Annual (calendar year)",
    },
)
TOLERANCE_TYPE_CHOICES = _choices(ToleranceType)
COMPARE_WITH_CHOICES = _choices(CompareWith)


class ComparatorType(models.TextChoices):
    ENGLAND = "england", "England"
    REGION = "region", "Region"
    STATISTICAL_NEIGHBOURS = "statistical_neighbours", "Statistical neighbours"
    CIPFA_NEIGHBOURS = "cipfa_neighbours", "CIPFA nearest neighbours"
    CUSTOM = "custom", "Custom group"


class ObservationStatus(models.TextChoices):
    REPORTED = "", "Reported"
    TBC = "TBC", "To be confirmed"
    NOT_YET_PUBLISHED = "not yet published", "Not yet published"
    SUPPRESSED = "suppressed", "Suppressed (small numbers)"
    NOT_AVAILABLE = "not available", "Not available"


class Approval(models.TextChoices):
    """Whether the performance team has approved a figure. Only approved figures go out: on the
    scorecard, in papers, on the public pages, in open data and exports, and to anonymous API
    readers. An owner's entry is provisional until the team approves it (docs/cycles.md)."""

    PROVISIONAL = "provisional", "Provisional – awaiting approval"
    APPROVED = "approved", "Approved"
