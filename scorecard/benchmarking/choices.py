"""Named choices for benchmarking: comparator group kinds and indicator value types."""

from django.db import models


class GroupKind(models.TextChoices):
    ENGLAND = "england", "England"
    REGION = "region", "Region"
    STATISTICAL_NEIGHBOURS = "statistical_neighbours", "Statistical neighbours"
    CIPFA = "cipfa", "CIPFA nearest neighbours"
    CUSTOM = "custom", "Custom group"


class ValueType(models.TextChoices):
    PROPORTION = "proportion", "Proportion"
    CRUDE_RATE = "crude_rate", "Crude rate"
    DSR = "dsr", "Directly standardised rate"
    COUNT = "count", "Count"
    OTHER = "other", "Other"
