"""A period stored in columns: the abstract model of every table with a period (observations,
comparator values, area values, project updates, highlight reports, reporting cycles). It sits
below the apps that use it so that none of them imports another's models for it."""

from __future__ import annotations

from django.db import models

from scorecard.core.periods import Period, PeriodKind

PERIOD_KINDS = [(k.value, k.value) for k in PeriodKind]


class PeriodColumns(models.Model):
    """A period stored as its canonical label plus the numbers that sort and rebuild it."""

    period = models.CharField(max_length=40)
    period_kind = models.CharField(max_length=20, choices=PERIOD_KINDS)
    period_first_month = models.IntegerField()
    period_months = models.PositiveSmallIntegerField()
    period_last_month = models.IntegerField(db_index=True)

    class Meta:
        abstract = True

    def set_period(self, period: Period) -> None:
        self.period = period.label
        self.period_kind = period.kind.value
        self.period_first_month = period.first_month
        self.period_months = period.months
        self.period_last_month = period.last_month

    @property
    def period_obj(self) -> Period:
        return Period(PeriodKind(self.period_kind), self.period_first_month, self.period_months)
