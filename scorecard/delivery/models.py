"""Delivery: projects and their milestones, action plans and their actions, highlight reports."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from scorecard.audit.archive import ArchivableQuerySet
from scorecard.core.delivery_status import BlueMeaning
from scorecard.core.ratings import Direction, Rag
from scorecard.delivery.fields import STATUS_CHOICES, RevisedDates
from scorecard.framework.models import Board, Organisation, Outcome, Plan, Priority, Programme
from scorecard.people.models import Person
from scorecard.period_columns import PeriodColumns
from scorecard.tenancy.models import tenant_manager

BLUE_MEANING_CHOICES = [(meaning.value, meaning.label) for meaning in BlueMeaning]
# An officer may say a project has no direction for a period (nothing yet to judge it by):
# not the same as leaving it blank, which lets the milestones decide.
NO_DIRECTION = "none"
DIRECTION_CHOICES = [
    *(
        (way.value, way.value.capitalize())
        for way in (Direction.IMPROVING, Direction.STEADY, Direction.DECLINING)
    ),
    (NO_DIRECTION, "No direction"),
]


class Project(models.Model):
    TENANT_PATH = "plan__tenant"
    # Words after /projects/ that are pages, not projects.
    RESERVED_IDS = frozenset({"new"})

    project_id = models.CharField(max_length=60, unique=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="projects")
    outcome = models.ForeignKey(Outcome, null=True, blank=True, on_delete=models.SET_NULL)
    priority = models.ForeignKey(Priority, null=True, blank=True, on_delete=models.SET_NULL)
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.SET_NULL)
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    order = models.PositiveIntegerField(default=0)
    # Set when archived: nothing is deleted outright, so history and old papers stay whole.
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = tenant_manager(ArchivableQuerySet)

    class Meta:
        ordering = ["plan__order", "order", "project_id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("project", args=[self.project_id])

    @property
    def rollup_outcome(self) -> Outcome | None:
        """The outcome whose roll-up the project counts in: its own, or its priority's or
        programme's (select_related keeps this query-free)."""
        if self.outcome_id:
            return self.outcome
        for parent in (self.priority, self.programme):
            if parent is not None and parent.outcome_id:
                return parent.outcome
        return None

    @property
    def rollup_outcome_id(self) -> int | None:
        outcome = self.rollup_outcome
        return outcome.pk if outcome else None


class ProjectUpdate(PeriodColumns):
    """A project's status and position as reported for one period."""

    TENANT_PATH = "project__plan__tenant"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    # Blank when a report gave the position but no status: the project is then not counted.
    status = models.CharField(max_length=1, blank=True, choices=STATUS_CHOICES)
    # Blank: derived from the milestones. Set: the officer's judgement, shown as such, which
    # may be that there is no direction ("none").
    direction = models.CharField(max_length=10, blank=True, choices=DIRECTION_CHOICES)
    latest_position = models.TextField(blank=True)
    next_steps = models.TextField(blank=True)
    # The highlight report's three headings (seed 003 prints them on project updates too).
    areas_of_success = models.TextField(blank=True)
    areas_of_concern = models.TextField(blank=True)
    focus_next_quarter = models.TextField(blank=True)

    # The highlight-style sections, in the order a paper prints them.
    HIGHLIGHTS = (
        ("areas_of_success", "Areas of success"),
        ("areas_of_concern", "Areas of concern"),
        ("focus_next_quarter", "Focus for next quarter"),
    )

    objects = tenant_manager()

    class Meta:
        ordering = ["project", "period_last_month"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "period"], name="one_project_update_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.period}: {self.status}"

    @property
    def rag(self) -> Rag | None:
        return Rag(self.status) if self.status else None

    @property
    def highlights(self) -> list[tuple[str, str]]:
        """The highlight-style sections given, as (heading, text)."""
        return [
            (label, getattr(self, name)) for name, label in self.HIGHLIGHTS if getattr(self, name)
        ]

    @property
    def no_direction(self) -> bool:
        """The officer said the project has no direction this period."""
        return self.direction == NO_DIRECTION


class Milestone(RevisedDates):
    TENANT_PATH = "project__plan__tenant"
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=300)
    completed = models.DateField(null=True, blank=True)
    at_risk = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)

    objects = tenant_manager()

    class Meta:
        ordering = ["project", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "title"], name="milestone_unique_in_project")
        ]

    def __str__(self) -> str:
        return self.title


class ActionPlan(models.Model):
    """A programme's action plan, or a board's sub-group (task group) work plan."""

    TENANT_PATH = "plan__tenant"

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="action_plans")
    name = models.CharField(max_length=300)
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.SET_NULL)
    board = models.ForeignKey(Board, null=True, blank=True, on_delete=models.SET_NULL)
    # What B says on this plan's actions: it decides whether a B action can be overdue.
    blue_means = models.CharField(
        max_length=30, choices=BLUE_MEANING_CHOICES, default=BlueMeaning.COMPLETE_OR_BAU.value
    )
    order = models.PositiveIntegerField(default=0)
    # Set when archived: nothing is deleted outright, so history and old papers stay whole.
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = tenant_manager(ArchivableQuerySet)

    class Meta:
        ordering = ["plan__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="action_plan_unique_in_plan")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("action_plan", args=[self.pk])

    @property
    def blue_meaning(self) -> BlueMeaning:
        return BlueMeaning(self.blue_means)


class Action(RevisedDates):
    TENANT_PATH = "action_plan__plan__tenant"
    action_plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    reference = models.CharField(max_length=20)
    objective = models.TextField(blank=True)
    description = models.TextField()
    owners = models.ManyToManyField(Person, blank=True, related_name="actions")
    status = models.CharField(max_length=1, blank=True, choices=STATUS_CHOICES)
    # The day the action was finished: from then on it is complete, whatever its dates.
    completed = models.DateField(null=True, blank=True)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    order = models.PositiveIntegerField(default=0)
    # Set when archived: nothing is deleted outright, so history and old papers stay whole.
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = tenant_manager(ArchivableQuerySet)

    class Meta:
        ordering = ["action_plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["action_plan", "reference"], name="action_reference_unique_in_plan"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.description[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("action", args=[self.pk])

    @property
    def rag(self) -> Rag | None:
        return Rag(self.status) if self.status else None


class ActionUpdate(models.Model):
    TENANT_PATH = "action__action_plan__plan__tenant"
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    dated = models.DateField()
    text = models.TextField()
    # The status the owner gave with this update, so a paper as at an earlier quarter shows
    # the status then. Blank when none was given with it.
    status = models.CharField(max_length=1, blank=True, choices=STATUS_CHOICES)

    objects = tenant_manager()

    class Meta:
        ordering = ["action", "dated"]
        constraints = [
            models.UniqueConstraint(fields=["action", "dated"], name="one_action_update_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.action.reference} {self.dated}"

    @property
    def rag(self) -> Rag | None:
        return Rag(self.status) if self.status else None


class HighlightReport(PeriodColumns):
    """A programme's quarterly report to its board."""

    TENANT_PATH = "programme__plan__tenant"

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="highlight_reports"
    )
    status = models.CharField(max_length=1, choices=STATUS_CHOICES)
    reason_for_status = models.TextField(blank=True)
    areas_of_success = models.TextField(blank=True)
    areas_of_concern = models.TextField(blank=True)
    focus_next_quarter = models.TextField(blank=True)
    slippage = models.TextField(blank=True)
    issues = models.TextField(blank=True)
    risks = models.TextField(blank=True)
    emerging_work = models.TextField(blank=True)
    decisions_required = models.TextField(blank=True)
    author = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT)

    # The text sections, in the order a highlight report prints them.
    SECTIONS = (
        ("reason_for_status", "Reason for status"),
        ("areas_of_success", "Areas of success"),
        ("areas_of_concern", "Areas of concern"),
        ("focus_next_quarter", "Focus for next quarter"),
        ("slippage", "Slippage"),
        ("issues", "Issues"),
        ("risks", "Risks"),
        ("emerging_work", "Emerging work"),
        ("decisions_required", "Decisions required"),
    )

    objects = tenant_manager()

    class Meta:
        ordering = ["programme", "period_last_month"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "period"], name="one_highlight_report_per_quarter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.period}"

    @property
    def rag(self) -> Rag:
        return Rag(self.status)

    def get_absolute_url(self) -> str:
        return reverse("highlight_report", args=[self.programme_id, self.period_obj.label])
