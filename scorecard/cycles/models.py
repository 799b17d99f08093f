"""A reporting cycle: when a period's figures and updates are asked for, chased and signed off,
and each owner's submission of one item in it."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse

from scorecard.framework.models import Plan
from scorecard.period_columns import PeriodColumns
from scorecard.tenancy.models import tenant_manager

NOT_YET_OPEN = "not yet open"
OPEN = "open"
PAST_DEADLINE = "past deadline"
# Signed off by the team (the `closed` field) or past its closing date: shown as "closed".
PAST_CLOSING = "closed"


class ReportingCycleQuerySet(models.QuerySet):
    def taking_entries(self, today: date) -> ReportingCycleQuerySet:
        """Cycles owners can still report in: opened, and not closed by the team. Entries after
        the closing date are still taken (and counted late) until the team closes the cycle."""
        return self.filter(opens__lte=today, closed=False)


class ReportingCycle(PeriodColumns):
    """One plan's round of reporting for one period: it opens, has a data deadline and
    reminder dates, and closes."""

    TENANT_PATH = "plan__tenant"

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reporting_cycles")
    opens = models.DateField()
    deadline = models.DateField()
    closes = models.DateField()
    # Set by the performance team when the period is signed off: no more entries.
    closed = models.BooleanField(default=False)

    objects = tenant_manager(ReportingCycleQuerySet)

    class Meta:
        ordering = ["-period_last_month", "plan__order", "plan__name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "period"], name="one_cycle_per_plan_period")
        ]

    def __str__(self) -> str:
        return f"{self.plan.name}: {self.period_obj.display}"

    def get_absolute_url(self) -> str:
        return reverse("cycle", args=[self.pk])

    def state(self, today: date) -> str:
        if self.closed or today > self.closes:
            return PAST_CLOSING
        if today < self.opens:
            return NOT_YET_OPEN
        if self.past_deadline(today):
            return PAST_DEADLINE
        return OPEN

    def takes_entries(self, today: date) -> bool:
        return not self.closed and today >= self.opens

    def past_deadline(self, today: date) -> bool:
        return today > self.deadline

    def days_left(self, today: date) -> int:
        """Days until the deadline; negative when it has passed."""
        return (self.deadline - today).days


class Reminder(models.Model):
    """A date on which owners with items still due are emailed; sent_at keeps it to once."""

    TENANT_PATH = "cycle__plan__tenant"

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="reminders")
    on = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = tenant_manager()

    class Meta:
        ordering = ["cycle", "on"]
        constraints = [models.UniqueConstraint(fields=["cycle", "on"], name="one_reminder_a_day")]

    def __str__(self) -> str:
        return f"{self.cycle} reminder on {self.on}"


class Submission(models.Model):
    """An owner's report of one item in a cycle, and the performance team's decision on it.
    Exactly one of measure (with its period), project, action and programme (its highlight
    report) is set."""

    TENANT_PATH = "cycle__plan__tenant"

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned"

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="submissions")
    measure = models.ForeignKey(
        "measures.Measure", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(max_length=40, blank=True)
    project = models.ForeignKey(
        "delivery.Project", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    action = models.ForeignKey(
        "delivery.Action", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    programme = models.ForeignKey(
        "framework.Programme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)

    objects = tenant_manager()

    class Meta:
        ordering = ["cycle", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "measure", "period"],
                condition=models.Q(measure__isnull=False),
                name="one_submission_per_reading",
            ),
            models.UniqueConstraint(
                fields=["cycle", "project"],
                condition=models.Q(project__isnull=False),
                name="one_submission_per_project",
            ),
            models.UniqueConstraint(
                fields=["cycle", "action"],
                condition=models.Q(action__isnull=False),
                name="one_submission_per_action",
            ),
            models.UniqueConstraint(
                fields=["cycle", "programme"],
                condition=models.Q(programme__isnull=False),
                name="one_submission_per_highlight_report",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cycle}: {self.state}"

    @property
    def key(self) -> str:
        """The key of the item it is for (cycles.due.DueItem.key)."""
        if self.measure_id:
            return f"measure:{self.measure_id}:{self.period}"
        if self.project_id:
            return f"project:{self.project_id}"
        if self.action_id:
            return f"action:{self.action_id}"
        return f"highlight report:{self.programme_id}"
