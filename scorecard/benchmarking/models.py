"""Areas, comparator groups, comparator indicators and their published values for each area.

Values are floats, not Decimals: they are published statistical estimates (Fingertips writes up
to 15 significant digits), compared at 4 significant figures and computed by the core's
interval methods, which work in floats.
"""

from __future__ import annotations

from typing import cast

from django.db import models
from django.db.models import Q

from scorecard.benchmarking.choices import POLARITY_CHOICES, GroupKind, ValueType
from scorecard.core.ratings import Polarity
from scorecard.period_columns import PeriodColumns

# ONS GSS code of England: its value is the benchmark every area is compared with.
ENGLAND_CODE = "E92000001"


class Area(models.Model):
    """A place statistics are published for: England, a region, a county or unitary council."""

    code = models.CharField("GSS code", max_length=20, unique=True)
    # The DfE's three-digit local authority number (Somerset: 933); areas the DfE does not
    # number (England, regions, districts) have none.
    # Null, not blank, when missing: unique only among the areas that have one.
    la_number = models.CharField("LA number", max_length=3, null=True, blank=True)  # noqa: DJ001
    name = models.CharField(max_length=200)
    # As the source names it ("Counties & UAs (from Apr 2023)", "Region"): ranks are among areas
    # of the same type, and sources differ in how they name and date their types.
    area_type = models.CharField(max_length=100, blank=True)
    region = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="areas"
    )
    # The area that took this one's place in a reorganisation (Somerset County, E10000027, became
    # Somerset UA, E06000066, on 1 April 2023): sources publish later figures under the new code,
    # and a council keeps its area and neighbours (the DfE's LA number did not change).
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaces"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["la_number"], condition=Q(la_number__isnull=False), name="one_la_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def with_successors(self) -> list[Area]:
        """This area and the ones that replaced it, newest last (at most a few)."""
        found, seen = [self], {self.pk}
        while found[-1].replaced_by_id and found[-1].replaced_by_id not in seen:
            found.append(cast(Area, found[-1].replaced_by))
            seen.add(found[-1].pk)
        return found


class ComparatorGroupQuerySet(models.QuerySet["ComparatorGroup"]):
    def statistical_neighbours_of(self, area: Area) -> ComparatorGroup | None:
        """The area's own statistical-neighbour group (the DfE's list), if loaded."""
        return self.filter(kind=GroupKind.STATISTICAL_NEIGHBOURS, for_area=area).first()


class ComparatorGroup(models.Model):
    """Areas a council compares itself with: England, its region, its statistical neighbours."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=GroupKind.choices)
    # Whose group it is: the statistical neighbours of Somerset are Somerset's, not anyone's.
    for_area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="own_groups"
    )
    members = models.ManyToManyField(Area, through="GroupMember", related_name="comparator_groups")

    objects = ComparatorGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def member_codes(self) -> list[str]:
        """GSS codes of the members, in the group's order (the DfE lists closest first)."""
        return list(self.memberships.order_by("order").values_list("area__code", flat=True))


class GroupMember(models.Model):
    group = models.ForeignKey(ComparatorGroup, on_delete=models.CASCADE, related_name="memberships")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="memberships")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["group", "order"]
        constraints = [models.UniqueConstraint(fields=["group", "area"], name="area_once_in_group")]

    def __str__(self) -> str:
        return f"{self.group.slug} {self.order}: {self.area_id}"


class Indicator(models.Model):
    """A comparator indicator: a statistic published for every area, such as Fingertips'
    90631, "Smoking status at time of delivery"."""

    indicator_id = models.CharField(max_length=60, unique=True)
    name = models.CharField(max_length=500)
    # Blank until known: the Fingertips data download does not carry it (see `infer_polarity`).
    polarity = models.CharField(max_length=10, choices=POLARITY_CHOICES, blank=True)
    value_type = models.CharField(max_length=20, choices=ValueType.choices, default=ValueType.OTHER)
    # Per 100 for a percentage, 100,000 for most rates; 1 for a count or a plain proportion.
    multiplier = models.FloatField(default=1)

    class Meta:
        ordering = ["indicator_id"]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.name}"

    @property
    def polarity_or_neutral(self) -> Polarity:
        """Without a known polarity nothing is better or worse: only higher or lower."""
        return Polarity(self.polarity) if self.polarity else Polarity.NEUTRAL


class AreaValueQuerySet(models.QuerySet):
    def of(self, indicator: Indicator, period: str | None = None) -> AreaValueQuerySet:
        found = self.filter(indicator=indicator)
        return found.filter(period=period) if period else found


class AreaValue(PeriodColumns):
    """An indicator's published value for an area and period, with its limits when given."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="values")
    # The area's type in this row's source: a unitary council is both a "County & UA" and a
    # "District & UA", and ranks are among areas of one type.
    area_type = models.CharField(max_length=100, blank=True)
    # Breakdowns as Fingertips gives them ("Persons", "All ages", deprivation deciles).
    sex = models.CharField(max_length=60, blank=True)
    age = models.CharField(max_length=60, blank=True)
    category_type = models.CharField(max_length=200, blank=True)
    category = models.CharField(max_length=200, blank=True)
    value = models.FloatField(null=True, blank=True)
    count = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    lower_95 = models.FloatField(null=True, blank=True)
    upper_95 = models.FloatField(null=True, blank=True)
    lower_998 = models.FloatField(null=True, blank=True)
    upper_998 = models.FloatField(null=True, blank=True)
    value_note = models.TextField(blank=True)
    # The source's own comparison ("Better", "Similar"...), kept to check ours against.
    compared_to_england = models.CharField(max_length=100, blank=True)

    objects = AreaValueQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "period_last_month", "area"]
        indexes = [
            models.Index(fields=["indicator", "period"], name="areavalue_indicator_period"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period", "sex", "age", "category_type", "category"],
                name="one_area_value_per_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_id} {self.period}: {self.value}"

    @property
    def breakdown(self) -> tuple[str, str, str, str]:
        return (self.sex, self.age, self.category_type, self.category)
