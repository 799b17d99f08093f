"""What is due in a reporting cycle, from whom, and how far each item has got.

Due from an owner in a cycle (docs/cycles.md): for each owned, current measure in the cycle's
plan, a reading for every period (in the measure's frequency) that ends inside the cycle's
period; a status update for each owned project; an update for each owned open action; and the
highlight report for each owned programme. Items nobody owns are not chased.

An item counts as submitted when its submission says so, or, for projects, actions and
highlight reports (whose forms live with delivery), as soon as its record for the period exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.db.models import Model
from django.urls import reverse

from scorecard.core.periods import Period
from scorecard.core.ratings import Rag
from scorecard.core.series import Frequency
from scorecard.core.wording import plural
from scorecard.cycles.models import ReportingCycle, Submission
from scorecard.delivery.models import Action, ActionUpdate, HighlightReport, Project, ProjectUpdate
from scorecard.framework.models import Programme
from scorecard.measures.models import Measure, Observation

MEASURE = "measure"
PROJECT = "project"
ACTION = "action"
HIGHLIGHT = "highlight report"

DUE = "due"
SUBMITTED = Submission.State.SUBMITTED.value
APPROVED = Submission.State.APPROVED.value
RETURNED = Submission.State.RETURNED.value
IN = {SUBMITTED, APPROVED}

STATE_LABELS = {
    DUE: "Due",
    SUBMITTED: "Submitted",
    APPROVED: "Approved",
    RETURNED: "Returned",
}


def default_period(frequency: str, within: Period) -> Period:
    """A period of the frequency's natural kind that ends inside `within` or just after it."""
    end = within.end
    match Frequency(frequency):
        case Frequency.MONTHLY:
            return Period.month(end.year, end.month)
        case Frequency.QUARTERLY:
            return Period.quarter_containing(end)
        case Frequency.ACADEMIC:
            return Period.academic_year(end.year if end.month >= 9 else end.year - 1)
        case Frequency.CALENDAR:
            return Period.calendar_year(end.year)
        case _:
            return Period.financial_year_containing(end)


def reading_periods(template: Period, step: int, within: Period) -> list[Period]:
    """The periods like `template` (same kind and length, `step` months apart) that end inside
    `within`, earliest first."""
    shift = (within.last_month - template.last_month) // step * step
    period = template.shifted(shift)
    found = []
    while period.last_month >= within.first_month:
        found.append(period)
        period = period.shifted(-step)
    return found[::-1]


def due_periods(measure: Measure, within: Period, latest: Period | None) -> list[Period]:
    """The readings a measure owes for a cycle's period, shaped like its latest reading."""
    template = latest or default_period(measure.frequency, within)
    return reading_periods(template, Frequency(measure.frequency).step_months, within)


@dataclass
class DueItem:
    kind: str
    item: Model
    cycle: ReportingCycle
    period: Period
    owners: list = field(default_factory=list)
    reported: bool = False
    submission: Submission | None = None

    @property
    def key(self) -> str:
        """What a form posts to name this item."""
        if self.kind == MEASURE:
            return f"{MEASURE}:{self.item.pk}:{self.period.label}"
        return f"{self.kind}:{self.item.pk}"

    @property
    def state(self) -> str:
        if self.submission is not None and self.submission.state != Submission.State.DRAFT:
            return self.submission.state
        return SUBMITTED if self.reported else DUE

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def is_in(self) -> bool:
        return self.state in IN

    @property
    def title(self) -> str:
        if self.kind == MEASURE:
            return f"{self.item.title} ({self.item.measure_id}), {self.period.display}"
        if self.kind == PROJECT:
            return f"Status of project {self.item.title}"
        if self.kind == ACTION:
            return f"Update on action {self.item.reference}: {self.item.description[:80]}"
        return f"Highlight report for {self.item.name}, {self.period.display}"

    @property
    def kind_label(self) -> str:
        return {MEASURE: "Measure value", PROJECT: "Project status", ACTION: "Action update"}.get(
            self.kind, "Highlight report"
        )

    @property
    def organisation(self):
        return self.item.organisation

    @property
    def organisation_name(self) -> str:
        organisation = self.organisation
        return organisation.name if organisation is not None else "No organisation given"

    @property
    def owner_names(self) -> str:
        return ", ".join(person.name for person in self.owners) or "Nobody"

    @property
    def form_url(self) -> str:
        if self.kind == MEASURE:
            query = urlencode({"cycle": self.cycle.pk, "period": self.period.label})
            return f"{reverse('measure_value', args=[self.item.measure_id])}?{query}"
        if self.kind == PROJECT:
            return reverse("project_update_create", args=[self.item.project_id])
        if self.kind == ACTION:
            return reverse("action_update_create", args=[self.item.pk])
        if self.reported:
            return reverse("highlight_report_edit", args=[self.item.pk, self.period.label])
        return reverse("highlight_report_create", args=[self.item.pk])

    def submission_fields(self) -> dict:
        """The fields that find this item's submission."""
        if self.kind == MEASURE:
            return {"cycle": self.cycle, "measure": self.item, "period": self.period.label}
        name = {PROJECT: "project", ACTION: "action", HIGHLIGHT: "programme"}[self.kind]
        return {"cycle": self.cycle, name: self.item}


def _submissions(cycle: ReportingCycle) -> dict[str, Submission]:
    return {submission.key: submission for submission in cycle.submissions.all()}


def _owned(queryset, path: str, person):
    queryset = queryset.filter(**{f"{path}__isnull": False})
    if person is not None:
        queryset = queryset.filter(**{path: person})
    return queryset.distinct()


def _measure_items(cycle: ReportingCycle, person) -> list[DueItem]:
    within = cycle.period_obj
    measures = list(
        _owned(Measure.objects.current().filter(plan=cycle.plan), "owners", person)
        .select_related("organisation")
        .prefetch_related("owners")
    )
    readings = Observation.objects.filter(measure__in=measures, breakdown="").order_by(
        "period_last_month", "-period_months"
    )
    latest: dict[int, Period] = {}
    reported: set[tuple[int, str]] = set()
    for reading in readings.only(*READING_COLUMNS):
        if reading.period_last_month <= within.last_month:
            latest[reading.measure_id] = reading.period_obj
        if reading.value is not None or reading.status:
            reported.add((reading.measure_id, reading.period))
    return [
        DueItem(
            MEASURE,
            measure,
            cycle,
            period,
            list(measure.owners.all()),
            (measure.pk, period.label) in reported,
        )
        for measure in measures
        for period in due_periods(measure, within, latest.get(measure.pk))
    ]


READING_COLUMNS = (
    "measure_id",
    "period",
    "period_kind",
    "period_first_month",
    "period_months",
    "period_last_month",
    "value",
    "status",
)


def _in_period(queryset, within: Period):
    return queryset.filter(
        period_last_month__gte=within.first_month, period_last_month__lte=within.last_month
    )


def _delivery_items(cycle: ReportingCycle, person) -> list[DueItem]:
    within = cycle.period_obj
    items = []
    projects = _owned(Project.objects.current().filter(plan=cycle.plan), "owner", person)
    updated = set(
        _in_period(ProjectUpdate.objects.filter(project__in=projects), within).values_list(
            "project_id", flat=True
        )
    )
    for project in projects.select_related("owner", "organisation"):
        items.append(
            DueItem(PROJECT, project, cycle, within, [project.owner], project.pk in updated)
        )
    actions = _owned(
        Action.objects.current().filter(action_plan__plan=cycle.plan), "owners", person
    ).exclude(status=Rag.BLUE.value)  # blue: complete, nothing more to report
    noted = set(
        ActionUpdate.objects.filter(
            action__in=actions, dated__gte=within.start, dated__lte=cycle.closes
        ).values_list("action_id", flat=True)
    )
    for action in actions.select_related("organisation").prefetch_related("owners"):
        items.append(
            DueItem(ACTION, action, cycle, within, list(action.owners.all()), action.pk in noted)
        )
    programmes = _owned(Programme.objects.current().filter(plan=cycle.plan), "owners", person)
    reports = set(
        _in_period(HighlightReport.objects.filter(programme__in=programmes), within).values_list(
            "programme_id", flat=True
        )
    )
    for programme in programmes.select_related("organisation").prefetch_related("owners"):
        items.append(
            DueItem(
                HIGHLIGHT,
                programme,
                cycle,
                within,
                list(programme.owners.all()),
                programme.pk in reports,
            )
        )
    return items


def due_items(cycle: ReportingCycle, person=None) -> list[DueItem]:
    """Everything due in a cycle; only what `person` owns when one is given."""
    items = _measure_items(cycle, person) + _delivery_items(cycle, person)
    submissions = _submissions(cycle)
    for item in items:
        item.submission = submissions.get(item.key)
    return items


def measure_periods(cycle: ReportingCycle, measure: Measure) -> list[Period]:
    """The readings one measure owes in a cycle (whether or not anyone owns it)."""
    within = cycle.period_obj
    latest = (
        Observation.objects.filter(
            measure=measure, breakdown="", period_last_month__lte=within.last_month
        )
        .order_by("-period_last_month", "period_months")
        .first()
    )
    return due_periods(measure, within, latest.period_obj if latest else None)


def find_item(cycle: ReportingCycle, key: str) -> DueItem | None:
    return next((item for item in due_items(cycle) if item.key == key), None)


@dataclass
class Completeness:
    organisation: str
    items: list[DueItem]

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def done(self) -> int:
        return sum(item.is_in for item in self.items)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100

    def late(self, cycle: ReportingCycle, today: date) -> list[DueItem]:
        if not cycle.past_deadline(today):
            return []
        return [item for item in self.items if not item.is_in]


def completeness(items: list[DueItem]) -> list[Completeness]:
    """Items grouped by the organisation that delivers them, in name order."""
    groups: dict[str, list[DueItem]] = {}
    for item in items:
        groups.setdefault(item.organisation_name, []).append(item)
    return [Completeness(name, groups[name]) for name in sorted(groups)]


def days_phrase(cycle: ReportingCycle, today: date) -> str:
    """'3 days left', 'due today' or '5 days overdue', for the deadline."""
    days = cycle.days_left(today)
    if days == 0:
        return "due today"
    if days > 0:
        return f"{days} {plural(days, 'day')} left"
    return f"{-days} {plural(-days, 'day')} overdue"
