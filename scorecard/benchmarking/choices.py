"""Named choices for benchmarking: comparator group kinds, indicator value types, polarity."""

from django.db import models

from scorecard.core.ratings import Polarity

# An indicator's polarity, in the words a measure's uses (the core's labels). Built here from
# the core, not taken from measures: benchmarking sits below measures (docs/architecture.md).
POLARITY_CHOICES = [(polarity.value, polarity.label) for polarity in Polarity]


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
