"""Decimals read as stored and converted once (scorecard/stored_decimals.py) are the very
Decimals Django reads, to the same places, on SQLite and PostgreSQL alike."""

from decimal import Decimal

import pytest

from scorecard.framework.models import Plan
from scorecard.measures.models import (
    RULE_COLUMNS_AS_STORED,
    Measure,
    Target,
    rules_as_stored,
)
from scorecard.scoring.scorecard import summarise
from scorecard.stored_decimals import StoredDecimal, as_stored, stored_decimal
from tests.measures.councils import LAST, PLAN_ID, made_up_council

pytestmark = pytest.mark.django_db

# Whole numbers, a figure written with a trailing nought, fractions a float cannot hold
# exactly, the most places a figure keeps, negatives, a negative nought, large figures.
AWKWARD = [
    "0",
    "-0",
    "58",
    "71.4",
    "67.0",
    "0.1",
    "0.3",
    "2.675",
    "0.00000001",
    "-3.25",
    "1E+3",
    "12345.67891234",
    "9999999.99999999",
    "-41234567.5",
]


def test_a_stored_decimal_is_the_decimal_django_reads():
    plan = Plan.objects.create(plan_id="stored", name="Stored figures")
    measure = Measure.objects.create(measure_id="STORED-1", title="Stored", plan=plan)
    Target.objects.bulk_create(
        Target(measure=measure, from_month=month, value=None if text is None else Decimal(text))
        for month, text in enumerate([*AWKWARD, None])
    )
    targets = Target.objects.filter(measure=measure).order_by("from_month")
    by_django = list(targets.values_list("from_month", "value"))
    convert = StoredDecimal(Target, "value")
    as_read = [(m, convert(v)) for m, v in targets.values_list("from_month", as_stored("value"))]
    assert as_read == by_django
    # Equal is not enough: the places show when a figure is written out.
    assert [str(value) for _, value in as_read] == [str(value) for _, value in by_django]


def test_rules_read_as_stored_are_each_measures_own_rules():
    made_up_council(30)
    plan = Plan.objects.get(plan_id=PLAN_ID)
    for number, (tolerance, band) in enumerate(
        [("2.5", "0.05"), ("0.00000001", "1234.5678"), ("15", "0"), ("7.10", "0.10")]
    ):
        Measure.objects.create(
            measure_id=f"AWKWARD-{number}",
            title="Awkward settings",
            plan=plan,
            polarity=("higher", "lower")[number % 2],
            frequency="monthly",
            tolerance=Decimal(tolerance),
            tolerance_type=("relative", "absolute")[number % 2],
            steady_band=Decimal(band),
        )
    measures = Measure.objects.filter(plan=plan).order_by("pk")
    stored = measures.values_list("pk", *RULE_COLUMNS_AS_STORED)
    by_stored = {pk: rules_as_stored(*columns) for pk, *columns in stored}
    own = {measure.pk: measure.rules() for measure in measures}
    assert by_stored == own
    assert {pk: repr(rules) for pk, rules in by_stored.items()} == {
        pk: repr(rules) for pk, rules in own.items()
    }


def test_the_overview_converts_each_distinct_set_of_rules_once(monkeypatch):
    made_up_council(60)
    made = []
    convert = StoredDecimal.__call__

    def counted(self, value):
        # The rules' conversions only: the overview converts each headline reading's value,
        # target and the value it compares with too, one of each a measure.
        if self.column.target.model is Measure:
            made.append(value)
        return convert(self, value)

    monkeypatch.setattr(StoredDecimal, "__call__", counted)
    rules_as_stored.cache_clear()
    summarise(LAST, PLAN_ID)
    measures = Measure.objects.filter(plan__plan_id=PLAN_ID)
    distinct = set(measures.values_list(*RULE_COLUMNS_AS_STORED))
    # Two decimals a set: the tolerance and the steady band. 60 measures share far fewer.
    assert len(made) == 2 * len(distinct) < 60
    assert stored_decimal(Measure, "tolerance") is stored_decimal(Measure, "tolerance")
