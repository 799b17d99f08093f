"""The plan's framework: organisations, boards, plans, outcomes, priorities and programmes."""

from django.db import models
from django.urls import reverse

from scorecard.audit.archive import ArchivableQuerySet
from scorecard.tenancy.models import tenant_field, tenant_manager


class NamedByTheCouncil(models.Model):
    """Something known by a unique name: an organisation or a board."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(NamedByTheCouncil):
    TENANT_PATH = "tenant"
    tenant = tenant_field()
    # The area the organisation serves, as statistics name it (Somerset County Council:
    # E10000027). On the organisation, not the plan: a partnership plan is led by one body but
    # shared by several, each with its own area (a council's county, a CCG's), and a measure
    # reports for its organisation.
    area = models.ForeignKey(
        "benchmarking.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )

    objects = tenant_manager()

    class Meta(NamedByTheCouncil.Meta):
        pass


class Board(NamedByTheCouncil):
    TENANT_PATH = "tenant"
    tenant = tenant_field()
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    # The board this one answers to (a programme's delivery group to the partnership's
    # executive, the executive to the partnership board): the governance diagram draws it. The
    # importer refuses a board that would report to itself, directly or round a loop. Removing
    # the board above leaves the ones under it reporting to none, rather than refusing.
    reports_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reporting_boards"
    )

    objects = tenant_manager()

    class Meta(NamedByTheCouncil.Meta):
        pass


class Plan(models.Model):
    TENANT_PATH = "tenant"
    tenant = tenant_field()
    plan_id = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    vision = models.TextField(blank=True)
    period = models.CharField(max_length=40, blank=True)
    lead = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    board = models.ForeignKey(Board, null=True, blank=True, on_delete=models.PROTECT)
    order = models.PositiveIntegerField(default=0)

    objects = tenant_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Outcome(models.Model):
    TENANT_PATH = "plan__tenant"
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outcomes")
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    lead = models.CharField(max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)

    objects = tenant_manager()

    class Meta:
        ordering = ["plan__order", "plan__name", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="outcome_unique_in_plan")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("outcome", args=[self.pk])


class Priority(models.Model):
    TENANT_PATH = "outcome__plan__tenant"
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="priorities")
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    lead = models.CharField(max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)

    objects = tenant_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["outcome", "name"], name="priority_unique_in_outcome")
        ]

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    TENANT_PATH = "plan__tenant"
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="programmes")
    outcome = models.ForeignKey(Outcome, null=True, blank=True, on_delete=models.SET_NULL)
    priority = models.ForeignKey(Priority, null=True, blank=True, on_delete=models.SET_NULL)
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    lead = models.CharField(max_length=200, blank=True)
    owners = models.ManyToManyField("people.Person", blank=True, related_name="programmes")
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    # The programme's own multi-agency delivery board, where it has one; it still reports to
    # the plan's board every quarter.
    board = models.ForeignKey(
        Board, null=True, blank=True, on_delete=models.PROTECT, related_name="programmes"
    )
    order = models.PositiveIntegerField(default=0)
    # Set when archived: nothing is deleted outright, so history and old papers stay whole.
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = tenant_manager(ArchivableQuerySet)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="programme_unique_in_plan")
        ]

    def __str__(self) -> str:
        return self.name
