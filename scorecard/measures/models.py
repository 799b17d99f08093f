"""Measures, their targets, their observations (with history) and comparator values."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import TypedDict

from django.db import models
from django.urls import reverse

from scorecard.audit.archive import ArchivableQuerySet
from scorecard.core.period_parser import parse_period
from scorecard.core.ratings import Polarity, Tolerance, ToleranceType
from scorecard.core.scales import Scale, ScaleError, parse_scale
from scorecard.core.series import CompareWith, Frequency, MeasureRules, Reading
from scorecard.core.units import figure_decimals
from scorecard.framework.models import Board, Organisation, Outcome, Plan, Priority, Programme
from scorecard.measures import choices
from scorecard.measures.audience import Audience
from scorecard.period_columns import PeriodColumns
from scorecard.stored_decimals import as_stored, stored_decimal
from scorecard.tenancy.models import tenant_manager


class DecimalSize(TypedDict):
    """The size of every stored figure, named so that the type checker can match the keys to
    DecimalField's arguments."""

    max_digits: int
    decimal_places: int


DECIMAL: DecimalSize = {"max_digits": 24, "decimal_places": 8}


class Measure(models.Model):
    TENANT_PATH = "plan__tenant"
    measure_id = models.CharField(max_length=60, unique=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.PROTECT)
    outcome = models.ForeignKey(Outcome, null=True, blank=True, on_delete=models.SET_NULL)
    priority = models.ForeignKey(Priority, null=True, blank=True, on_delete=models.SET_NULL)
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.SET_NULL)
    polarity = models.CharField(max_length=10, choices=choices.POLARITY_CHOICES)
    unit = models.CharField(max_length=10, choices=choices.UNIT_CHOICES)
    rate_per = models.PositiveIntegerField(null=True, blank=True)
    money_unit = models.CharField(
        max_length=10, choices=choices.MONEY_UNIT_CHOICES, default="pounds"
    )
    frequency = models.CharField(max_length=10, choices=choices.FREQUENCY_CHOICES)
    tolerance = models.DecimalField(default=Decimal(0), **DECIMAL)
    tolerance_type = models.CharField(
        max_length=10, choices=choices.TOLERANCE_TYPE_CHOICES, default="absolute"
    )
    steady_band = models.DecimalField(default=Decimal(0), **DECIMAL)
    compare_with = models.CharField(
        max_length=30, choices=choices.COMPARE_WITH_CHOICES, default="previous"
    )
    discontinued_from = models.CharField(max_length=40, blank=True)
    owner = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    board = models.ForeignKey(Board, null=True, blank=True, on_delete=models.PROTECT)
    source = models.CharField(max_length=300, blank=True)
    benchmarking = models.TextField(blank=True)
    # The figure is a forecast outturn against budget: papers word it as an overspend (above
    # zero), an underspend (below) or balanced (zero), with the amount.
    budget_variance = models.BooleanField(default=False)
    # A labelled scale: the figures are codes for words ("1 = Outstanding; 2 = Good; ..."),
    # printed as the words everywhere (core/scales.py); blank for plain numbers.
    scale = models.TextField(blank=True)
    # The published statistic this measure is benchmarked by (a Fingertips indicator).
    comparator_indicator = models.ForeignKey(
        "benchmarking.Indicator",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures",
    )
    baseline_period = models.CharField(max_length=40, blank=True)
    # The officer's own words on an outcome indicator's progress, in place of the statement
    # worked out from the figures; it stands for the period it was written against, so a newer
    # figure brings back the worked-out statement until the officer writes again.
    progress_statement = models.TextField(blank=True)
    progress_statement_period = models.CharField(max_length=40, blank=True)
    decimals = models.PositiveSmallIntegerField(null=True, blank=True)
    # True when `decimals` was worked out from the figures imported (the measures file left it
    # blank), not set by the council: then each figure shows as it was written, and `decimals`
    # serves the figures worked out from them (averages, differences, chart axes).
    decimals_from_figures = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    # The people who report this measure's figures (`owner` above is the role named in papers).
    owners = models.ManyToManyField("people.Person", blank=True, related_name="measures")
    # Shown on the public scorecard and in the open data.
    published = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)
    # Set when archived: nothing is deleted outright, so history and old papers stay whole.
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = tenant_manager(ArchivableQuerySet)

    class Meta:
        ordering = ["order", "measure_id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("measure", args=[self.measure_id])

    def benchmark_area(self):
        """The area this measure is benchmarked for: its organisation's, else its board's or its
        plan's organisation's (a partnership plan's measures report for the lead body)."""
        for organisation in (
            self.organisation,
            self.board.organisation if self.board else None,
            self.plan.organisation if self.plan else None,
        ):
            if organisation is not None and organisation.area_id:
                return organisation.area
        return None

    def latest_period(self) -> str:
        """The period of the latest headline figure (no breakdown), or "" before any."""
        if self.pk is None:
            return ""
        latest = (
            self.observations.filter(breakdown="", value__isnull=False)
            .order_by("-period_last_month", "period_months")
            .first()
        )
        return latest.period if latest else ""

    def write_progress(self, statement: str) -> None:
        """Set the officer's progress statement, standing for the latest figure's period; blank
        goes back to the statement worked out from the figures."""
        self.progress_statement = statement.strip()
        self.progress_statement_period = self.latest_period() if self.progress_statement else ""

    def set_decimals(self, decimals: int | None) -> None:
        """Decimals the council sets (None: each figure as it is written)."""
        self.decimals = decimals
        self.decimals_from_figures = False

    def decimals_for(self, written: int | None) -> int | None:
        """The decimals a figure written with `written` decimals is shown with (None: not
        known, as for a figure worked out from others)."""
        return figure_decimals(written, self.decimals, from_figures=self.decimals_from_figures)

    @property
    def labelled_scale(self) -> Scale | None:
        """The scale the figures are codes of; None for plain numbers, and for a scale stored
        unchecked that does not read (imports and the API check it), whose codes then show."""
        try:
            return parse_scale(self.scale)
        except ScaleError:
            return None

    @property
    def polarity_label(self) -> str:
        return Polarity(self.polarity).label

    def rules(self) -> MeasureRules:
        return rules_from(*(getattr(self, name) for name in RULE_FIELDS))


# The columns a measure's rating rules are made from, in rules_from's order.
RULE_FIELDS = (
    "polarity",
    "tolerance",
    "tolerance_type",
    "steady_band",
    "frequency",
    "compare_with",
    "discontinued_from",
)


# Room for every distinct set of settings of a large council's measures (a bench of 10,000 has
# some 4,700): with fewer, each overview made most of them again, 6,000 of its 10,000 look-ups.
@lru_cache(maxsize=16384)
def rules_from(
    polarity: str,
    tolerance: Decimal,
    tolerance_type: str,
    steady_band: Decimal,
    frequency: str,
    compare_with: str,
    discontinued_from: str,
) -> MeasureRules:
    """The core's rules from stored columns; measures that share settings share one object."""
    return MeasureRules(
        polarity=Polarity(polarity),
        tolerance=Tolerance(tolerance, ToleranceType(tolerance_type)),
        steady_band=steady_band,
        frequency=Frequency(frequency),
        compare_with=CompareWith(compare_with),
        discontinued_from=parse_period(discontinued_from) if discontinued_from else None,
    )


# RULE_FIELDS as a values_list reads them for rules_as_stored: the two decimals untouched.
RULE_COLUMNS_AS_STORED = tuple(
    as_stored(name) if name in ("tolerance", "steady_band") else name for name in RULE_FIELDS
)


@lru_cache(maxsize=16384)
def rules_as_stored(
    polarity: str,
    tolerance: object,
    tolerance_type: str,
    steady_band: object,
    frequency: str,
    compare_with: str,
    discontinued_from: str,
) -> MeasureRules:
    """rules_from for a row read with RULE_COLUMNS_AS_STORED: the overview reads every
    measure's rules, and its 20,000 decimals at 10,000 measures are a few hundred distinct
    values; each distinct set of columns is converted once."""
    return rules_from(
        polarity,
        stored_decimal(Measure, "tolerance")(tolerance),
        tolerance_type,
        stored_decimal(Measure, "steady_band")(steady_band),
        frequency,
        compare_with,
        discontinued_from,
    )


class Target(models.Model):
    """A target from a period on (blank period: from the start) until the next change."""

    TENANT_PATH = "measure__plan__tenant"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="targets")
    from_period = models.CharField(max_length=40, blank=True)
    from_month = models.IntegerField(default=-1)
    value = models.DecimalField(null=True, blank=True, **DECIMAL)

    objects = tenant_manager()

    class Meta:
        ordering = ["measure", "from_month"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "from_month"], name="one_target_per_start")
        ]

    def __str__(self) -> str:
        return f"{self.measure_id} target {self.value} from {self.from_period or 'the start'}"


class ObservationValues(models.Model):
    value = models.DecimalField(null=True, blank=True, **DECIMAL)
    numerator = models.DecimalField(null=True, blank=True, **DECIMAL)
    denominator = models.DecimalField(null=True, blank=True, **DECIMAL)
    status = models.CharField(max_length=30, blank=True, choices=choices.ObservationStatus.choices)
    commentary = models.TextField(blank=True)
    entered_by = models.CharField(max_length=200, blank=True)
    entered_at = models.DateTimeField()
    # Imports and the team's own entries are approved as they are written; an owner's entry
    # is provisional until the team approves it (scorecard.cycles.approval).
    approval = models.CharField(
        max_length=12, choices=choices.Approval.choices, default=choices.Approval.APPROVED
    )
    # The decimals the value was written with ("58": 0, "71.4": 1, "67.0": 1), which the stored
    # Decimal loses; None when not known (worked out from its counts, or stored before this
    # was kept). The figure is shown that way unless the council set the measure's decimals.
    written_decimals = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        abstract = True

    HISTORY_FIELDS = (
        "value",
        "numerator",
        "denominator",
        "status",
        "commentary",
        "written_decimals",
    )


# The figures that may go out: approved ones (an owner's provisional entry waits for the team).
APPROVED = models.Q(approval=choices.Approval.APPROVED)


class ObservationQuerySet(models.QuerySet):
    def approved(self) -> ObservationQuerySet:
        return self.filter(APPROVED)

    def shown_to(self, audience: Audience) -> ObservationQuerySet:
        """The figures this audience sees: approved ones, and the provisional ones it may see."""
        return self if audience.everything else self.filter(audience.condition())


class Observation(PeriodColumns, ObservationValues):
    TENANT_PATH = "measure__plan__tenant"
    # No index of its own: the unique constraint and observation_latest both start with it,
    # and a third index would only slow every write.
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="observations", db_index=False
    )
    breakdown = models.CharField(max_length=200, blank=True)

    objects = tenant_manager(ObservationQuerySet)

    class Meta:
        ordering = ["measure", "breakdown", "period_last_month", "-period_months"]
        indexes = [
            # A measure's latest approved headline reading up to a month (the scorecard's
            # first query); approval before the month, so the newest approved row is found by
            # walking the index backwards however many provisional ones follow it.
            models.Index(
                fields=["measure", "breakdown", "approval", "period_last_month"],
                name="observation_latest",
            ),
            # The periods the period picker offers, for all measures or one plan's.
            models.Index(
                fields=["period_kind", "period_first_month", "period_months", "measure"],
                name="observation_period",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "period", "breakdown"], name="one_observation_per_period"
            )
        ]

    def __str__(self) -> str:
        breakdown = f" ({self.breakdown})" if self.breakdown else ""
        return f"{self.measure_id} {self.period}{breakdown}: {self.value}"

    def reading(self) -> Reading:
        return Reading(
            self.period_obj, self.value, self.breakdown, self.status or None, self.written_decimals
        )

    @property
    def provisional(self) -> bool:
        return self.approval == choices.Approval.PROVISIONAL

    def revise(self, values: dict, by: str, at) -> ObservationRevision | None:
        """Take these values (of HISTORY_FIELDS), entered by `by` at `at`. Returns the revision
        keeping what a stored observation had when any value changes, else None; nothing is
        saved: the caller saves both (one by one, or in bulk)."""
        revision = None
        if self.pk is not None and self.changed_by(values):
            revision = ObservationRevision.of(self, at)
        for name, value in values.items():
            setattr(self, name, value)
        self.entered_by, self.entered_at = by, at
        return revision

    def changed_by(self, values: dict) -> bool:
        """Whether taking these values (of HISTORY_FIELDS) changes the figure. Learning how a
        stored figure was written (its decimals were not known) changes nothing published."""
        return any(
            getattr(self, name) != value
            and not (name == "written_decimals" and self.written_decimals is None)
            for name, value in values.items()
        )


class ObservationRevision(ObservationValues):
    """An earlier state of an observation, kept when a later import or edit replaced it."""

    TENANT_PATH = "observation__measure__plan__tenant"

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="revisions")
    replaced_at = models.DateTimeField()

    objects = tenant_manager()

    class Meta:
        ordering = ["observation", "-replaced_at"]

    def __str__(self) -> str:
        return f"{self.observation} was {self.value} until {self.replaced_at:%Y-%m-%d %H:%M}"

    @classmethod
    def of(cls, observation: Observation, replaced_at) -> ObservationRevision:
        """What the observation holds now, as a revision replaced at `replaced_at` (unsaved)."""
        return cls(
            observation=observation,
            replaced_at=replaced_at,
            entered_by=observation.entered_by,
            entered_at=observation.entered_at,
            approval=observation.approval,
            **{name: getattr(observation, name) for name in Observation.HISTORY_FIELDS},
        )


class ComparatorValue(PeriodColumns):
    TENANT_PATH = "measure__plan__tenant"
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="comparators")
    comparator = models.CharField(max_length=200)
    comparator_type = models.CharField(max_length=30, choices=choices.ComparatorType.choices)
    value = models.DecimalField(**DECIMAL)
    rank = models.PositiveIntegerField(null=True, blank=True)
    quartile = models.PositiveSmallIntegerField(null=True, blank=True)
    # The decimals the value was published with ("88": 0, "89.7": 1), None when not known:
    # shown so unless the council set the measure's decimals, as the measure's own figures.
    written_decimals = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = tenant_manager()

    class Meta:
        ordering = ["measure", "comparator_type", "comparator", "period_last_month"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "comparator", "period"], name="one_comparator_value_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.comparator} {self.period}: {self.value}"
