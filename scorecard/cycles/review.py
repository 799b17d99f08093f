"""The performance team's review of a reporting cycle: what each item says (value, previous
value, target, rating, commentary, the far-from-history warning), how complete the cycle is by
organisation and by owner, and the team's decisions, one item or a selection at a time.

Reading a cycle costs a fixed number of queries whatever its size: `due.due_items`, then one
or two queries for each kind of item (readings, targets, updates, reports), never one a row.
A decision on a selection is all or nothing: every item is checked first, then every one is
written through `approval` in one transaction.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import transaction
from django.utils import timezone

from scorecard.core.entry_checks import far_from_history
from scorecard.core.periods import Period, PeriodKind
from scorecard.core.ratings import Rag
from scorecard.core.series import RatedReading, Reading, rate_series
from scorecard.core.wording import plural
from scorecard.cycles import approval, due
from scorecard.cycles.models import ReportingCycle, Submission
from scorecard.delivery.models import ActionUpdate, HighlightReport, ProjectUpdate
from scorecard.measures.choices import ObservationStatus
from scorecard.measures.models import Observation
from scorecard.scoring.figures import figure, target_figure
from scorecard.scoring.headlines import targets_of

# What each item may be decided from: only what is in (nothing is approved before its owner has
# sent it). The team may change its mind: approve what it returned, return what it approved.
APPROVABLE = {due.SUBMITTED, due.RETURNED}
RETURNABLE = {due.SUBMITTED, due.APPROVED}

AWAITING = due.SUBMITTED
ALL = "all"
STATE_FILTERS = (
    (AWAITING, "Awaiting decision"),
    (due.RETURNED, "Returned"),
    (due.APPROVED, "Approved"),
    (due.DUE, "Not yet in"),
    (ALL, "All"),
)
NO_ORGANISATION = "none"
ID = re.compile(r"[0-9]{1,18}")

DELIVERY_KINDS = {due.PROJECT: "project", due.ACTION: "action", due.HIGHLIGHT: "programme"}
NOT_APPLICABLE = "Not applicable"


def anchor(key: str) -> str:
    """An HTML id made from an item's key ("measure:12:2019/20 Q3" → "measure-12-2019-20-Q3")."""
    return re.sub(r"[^A-Za-z0-9]+", "-", key).strip("-")


@dataclass
class ReviewRow:
    """One item as the team reviews it; every figure already as its measure shows it."""

    item: due.DueItem
    value: str = "Nothing reported yet"
    previous: str = "No previous value"
    target: str = NOT_APPLICABLE
    # A measure's rating (G, A, R, B, or None with the reason) or a delivery item's status.
    rag: str | None = None
    reason: str | None = None
    status_kind: str = ""
    commentary: str = ""
    warning: str | None = None
    # What a refused decision posted for this row, shown again with its error.
    selected: bool = False
    reason_given: str = ""
    reason_error: str = ""
    select_error: str = ""

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def anchor(self) -> str:
        return anchor(self.item.key)

    @property
    def is_measure(self) -> bool:
        return self.item.kind == due.MEASURE

    @property
    def can_approve(self) -> bool:
        return self.item.state in APPROVABLE

    @property
    def can_return(self) -> bool:
        return self.item.state in RETURNABLE


# --- Reading what each item says -------------------------------------------------------------

_READING_FIELDS = (
    "measure_id",
    "period",
    "period_kind",
    "period_first_month",
    "period_months",
    "value",
    "status",
    "written_decimals",
)


def _status_words(status: str) -> str:
    try:
        return str(ObservationStatus(status).label)
    except ValueError:
        return status


def _measure_rows(rows: list[ReviewRow]) -> None:
    """Fill in the measure rows: two queries for readings, one for targets."""
    if not rows:
        return
    measures = {row.item.item.pk: row.item.item for row in rows}
    ids = list(measures)
    readings: defaultdict[int, list[Reading]] = defaultdict(list)
    periods: dict[tuple[str, int, int], Period] = {}
    history = Observation.objects.filter(measure_id__in=ids, breakdown="").order_by(
        "period_last_month", "-period_months"
    )
    fields = history.values_list(*_READING_FIELDS)
    for measure_id, _, kind, first, months, value, status, written in fields:
        period = periods.get((kind, first, months))
        if period is None:
            period = periods[kind, first, months] = Period(PeriodKind(kind), first, months)
        readings[measure_id].append(Reading(period, value, "", status or None, written))
    labels = {row.item.period.label for row in rows}
    commentary = {
        (measure_id, label): text
        for measure_id, label, text in Observation.objects.filter(
            measure_id__in=ids, period__in=labels, breakdown=""
        ).values_list("measure_id", "period", "commentary")
    }
    targets = targets_of(ids)
    rated: dict[tuple[int, str], RatedReading] = {}
    for measure_id, series in readings.items():
        for found in rate_series(measures[measure_id].rules(), targets[measure_id], series):
            rated[measure_id, found.reading.period.label] = found
    for row in rows:
        measure, period = row.item.item, row.item.period
        row.commentary = commentary.get((measure.pk, period.label), "")
        target = targets[measure.pk].target_for(period)
        row.target = target_figure(measure, target)
        this = rated.get((measure.pk, period.label))
        if this is None:
            row.reason = "no value"
            continue
        row.target = target_figure(measure, this.target)
        row.rag, row.reason = this.rating.rag, this.rating.reason
        value = this.reading.value
        if value is None:
            status = this.reading.status
            row.value = _status_words(status) if status else "No value"
        else:
            row.value = figure(measure, value, written=this.reading.decimals)
            past = (
                r.value
                for r in readings[measure.pk]
                if r.period.label != period.label and r.value is not None
            )
            row.warning = far_from_history(value, past)
        before = this.previous
        if before is not None:
            shown = figure(measure, before.value, written=before.decimals)
            row.previous = f"{shown} ({before.period.display})"


def _rag_words(status: str) -> str:
    return f"{Rag(status).label} ({status})" if status else "No status"


def _latest_two(rows, within: Period, owner_of) -> dict[int, tuple]:
    """For each item: its record in the cycle's period (or None) and the one before it."""
    found: dict[int, list] = defaultdict(list)
    for record in rows:
        found[owner_of(record)].append(record)
    pairs = {}
    for pk, records in found.items():
        current = records[-1] if records[-1].period_last_month >= within.first_month else None
        earlier = records[:-1] if current is not None else records
        pairs[pk] = (current, earlier[-1] if earlier else None)
    return pairs


def _project_rows(rows: list[ReviewRow], within: Period) -> None:
    _reported_rows(rows, within, ProjectUpdate, "project_id", "Update", "latest_position")


def _action_rows(rows: list[ReviewRow], cycle: ReportingCycle) -> None:
    if not rows:
        return
    within = cycle.period_obj
    updates = ActionUpdate.objects.filter(
        action_id__in=[row.item.item.pk for row in rows], dated__lte=cycle.closes
    ).order_by("action_id", "dated", "pk")
    latest: dict[int, ActionUpdate] = {}
    earlier: dict[int, ActionUpdate] = {}
    for update in updates:
        if update.action_id in latest:
            earlier[update.action_id] = latest[update.action_id]
        latest[update.action_id] = update
    for row in rows:
        action = row.item.item
        row.rag = action.status or None
        current = latest.get(action.pk)
        if current is not None and current.dated < within.start:
            earlier[action.pk], current = current, None
        if current is not None:
            row.value = f"Update of {current.dated:%-d %B %Y}"
            row.commentary = current.text
        before = earlier.get(action.pk)
        if before is not None:
            row.previous = f"Update of {before.dated:%-d %B %Y}"


def _highlight_rows(rows: list[ReviewRow], within: Period) -> None:
    _reported_rows(rows, within, HighlightReport, "programme_id", "Report", "reason_for_status")


def _reported_rows(
    rows: list[ReviewRow], within: Period, model, item_field: str, noun: str, says: str
) -> None:
    """Project updates and highlight reports: each row's latest record within the period and
    the one before it, by the period each is for."""
    if not rows:
        return
    records = model.objects.filter(
        **{f"{item_field}__in": [row.item.item.pk for row in rows]},
        period_last_month__lte=within.last_month,
    ).order_by(item_field, "period_last_month", "pk")
    pairs = _latest_two(records, within, lambda record: getattr(record, item_field))
    for row in rows:
        current, before = pairs.get(row.item.item.pk, (None, None))
        if before is not None:
            row.previous = f"{_rag_words(before.status)} ({before.period_obj.display})"
        if current is not None:
            row.value = f"{noun} for {current.period_obj.display}"
            row.rag = current.status or None
            row.commentary = getattr(current, says)


def review_rows(cycle: ReportingCycle, items: Iterable[due.DueItem]) -> list[ReviewRow]:
    """A row for each item, in the order given."""
    rows = [ReviewRow(item, status_kind=DELIVERY_KINDS.get(item.kind, "")) for item in items]
    by_kind: defaultdict[str, list[ReviewRow]] = defaultdict(list)
    for row in rows:
        by_kind[row.item.kind].append(row)
    within = cycle.period_obj
    _measure_rows(by_kind[due.MEASURE])
    _project_rows(by_kind[due.PROJECT], within)
    _action_rows(by_kind[due.ACTION], cycle)
    _highlight_rows(by_kind[due.HIGHLIGHT], within)
    return rows


# --- Completeness by organisation and by owner -----------------------------------------------


@dataclass
class Counts:
    """How far one organisation's or one owner's items have got."""

    name: str
    query: str = ""
    by_state: dict[str, int] = field(default_factory=dict)

    def add(self, state: str) -> None:
        self.by_state[state] = self.by_state.get(state, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.by_state.values())

    @property
    def not_in(self) -> int:
        return self.by_state.get(due.DUE, 0)

    @property
    def submitted(self) -> int:
        return self.by_state.get(due.SUBMITTED, 0)

    @property
    def approved(self) -> int:
        return self.by_state.get(due.APPROVED, 0)

    @property
    def returned(self) -> int:
        return self.by_state.get(due.RETURNED, 0)

    @property
    def percent_in(self) -> int:
        done = self.submitted + self.approved
        return round(100 * done / self.total) if self.total else 100


def organisation_value(item: due.DueItem) -> str:
    organisation = item.organisation
    return str(organisation.pk) if organisation is not None else NO_ORGANISATION


def completeness(items: list[due.DueItem]) -> tuple[list[Counts], list[Counts]]:
    """Counts by organisation and by owner, each in name order. An item with two owners counts
    for both of them."""
    organisations: dict[str, Counts] = {}
    owners: dict[int, Counts] = {}
    for item in items:
        value = organisation_value(item)
        counts = organisations.get(value)
        if counts is None:
            counts = organisations[value] = Counts(
                item.organisation_name, urlencode({"organisation": value, "state": ALL})
            )
        counts.add(item.state)
        for person in item.owners:
            counts = owners.get(person.pk)
            if counts is None:
                counts = owners[person.pk] = Counts(
                    person.name, urlencode({"owner": person.pk, "state": ALL})
                )
            counts.add(item.state)
    by_name = lambda counts: counts.name.casefold()  # noqa: E731
    return sorted(organisations.values(), key=by_name), sorted(owners.values(), key=by_name)


# --- Filters ---------------------------------------------------------------------------------


@dataclass
class Filters:
    """What the table shows: an organisation, an owner, a state (awaiting decision unless
    asked). A value that names nothing in the cycle filters nothing."""

    organisation: str = ""
    owner: str = ""
    state: str = AWAITING
    organisations: list[tuple[str, str]] = field(default_factory=list)
    owners: list[tuple[str, str]] = field(default_factory=list)
    states: tuple = STATE_FILTERS

    @classmethod
    def read(cls, query: Mapping[str, str], items: list[due.DueItem]) -> Filters:
        organisations = {organisation_value(item): item.organisation_name for item in items}
        owners = {str(p.pk): p.name for item in items for p in item.owners}
        chosen = cls(
            organisations=sorted(organisations.items(), key=lambda pair: pair[1].casefold()),
            owners=sorted(owners.items(), key=lambda pair: pair[1].casefold()),
        )
        organisation = str(query.get("organisation", ""))
        if organisation in organisations:
            chosen.organisation = organisation
        owner = str(query.get("owner", ""))
        if ID.fullmatch(owner) and owner in owners:
            chosen.owner = owner
        state = str(query.get("state", ""))
        if state in dict(STATE_FILTERS):
            chosen.state = state
        return chosen

    def keep(self, item: due.DueItem) -> bool:
        if self.organisation and organisation_value(item) != self.organisation:
            return False
        if self.owner and all(str(p.pk) != self.owner for p in item.owners):
            return False
        return self.state == ALL or item.state == self.state

    @property
    def query(self) -> str:
        """The filters as a query string, for the page to come back to after a decision."""
        chosen = {"organisation": self.organisation, "owner": self.owner, "state": self.state}
        return urlencode({name: value for name, value in chosen.items() if value})

    @property
    def state_label(self) -> str:
        return dict(STATE_FILTERS)[self.state]


# --- Decisions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """An error for the error summary, linking to the field to put right."""

    message: str
    field_id: str


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    done: str = ""
    # Posted values to show again with the errors.
    selected: set[str] = field(default_factory=set)
    reasons: dict[str, str] = field(default_factory=dict)
    comment: str = ""

    def problem_for(self, field_id: str) -> str:
        return next((p.message for p in self.problems if p.field_id == field_id), "")

    @property
    def comment_error(self) -> str:
        return self.problem_for(COMMENT_ID)

    def show_on(self, rows: list[ReviewRow]) -> None:
        """Put what was posted, and each row's error, back on the rows."""
        for row in rows:
            row.selected = row.key in self.selected
            row.reason_given = self.reasons.get(row.key, "")
            row.reason_error = self.problem_for(f"reason-{row.anchor}")
            row.select_error = self.problem_for(f"select-{row.anchor}")


MAX_COMMENT = 2000
SELECTION = "selection"
COMMENT_ID = "comment"


def _noun(items: list[due.DueItem]) -> str:
    """'figure' for measure readings only, 'item' when the selection mixes kinds."""
    return "figure" if all(item.kind == due.MEASURE for item in items) else "item"


def _submission_for(item: due.DueItem) -> Submission:
    submission, _ = Submission.objects.get_or_create(**item.submission_fields())
    if submission.submitted_at is None and item.reported:
        # A project, action or highlight report counts as in from its record alone.
        submission.submitted_at = timezone.now()
    return submission


def decide(cycle: ReportingCycle, post, user) -> Outcome:
    """Carry out what the review form asked: one row's Approve or Return (buttons named
    `approve` and `return`, their value the item's key, a row's reason in `reason:<key>`), or
    Approve selected / Return selected (`decision`, the ticked `item`s and `comment`).
    Nothing is written when anything asked is refused."""
    items = {item.key: item for item in due.due_items(cycle)}
    reasons = {k[len("reason:") :]: str(v) for k, v in post.items() if k.startswith("reason:")}
    outcome = Outcome(
        selected=set(post.getlist("item")),
        reasons=reasons,
        comment=str(post.get("comment", "")),
    )
    asked = _asked(post, reasons, outcome.comment)
    if asked is None:
        outcome.problems.append(Problem("Choose whether to approve or return", SELECTION))
        return outcome
    keys, approving, comment, comment_id = asked
    chosen = _check(outcome, items, keys, approving)
    comment = comment.strip()
    if not approving and chosen:
        if not comment:
            what = chosen[0].title if comment_id != COMMENT_ID else "the selected items"
            outcome.problems.append(Problem(f"Enter why you are returning {what}", comment_id))
        elif len(comment) > MAX_COMMENT:
            outcome.problems.append(
                Problem(f"Enter a reason of {MAX_COMMENT} characters or fewer", comment_id)
            )
    if outcome.problems:
        return outcome
    try:
        with transaction.atomic():
            submissions = [_submission_for(item) for item in chosen]
            if approving:
                approval.approve_all(submissions, user)
            else:
                approval.return_all(submissions, user, comment)
    except approval.DecisionError as refused:
        outcome.problems.append(Problem(str(refused), comment_id or SELECTION))
        return outcome
    count = len(chosen)
    if count == 1:
        outcome.done = f"{'Approved' if approving else 'Returned'}: {chosen[0].title}"
    elif approving:
        outcome.done = f"Approved {count} {plural(count, _noun(chosen))}"
    else:
        outcome.done = f"Returned {count} {plural(count, _noun(chosen))} to their owners"
    return outcome


def _asked(post, reasons: dict[str, str], comment: str) -> tuple | None:
    """What was asked: the keys, whether to approve, the reason and the id of its box."""
    if post.get("approve"):
        return [post["approve"]], True, "", ""
    if post.get("return"):
        key = post["return"]
        return [key], False, reasons.get(key, ""), f"reason-{anchor(key)}"
    if post.get("decision") in ("approve", "return"):
        return post.getlist("item"), post["decision"] == "approve", comment, COMMENT_ID
    return None


def _check(
    outcome: Outcome, items: dict[str, due.DueItem], keys: list[str], approving: bool
) -> list[due.DueItem]:
    """The items asked for, adding a problem for each that cannot be decided so."""
    verb = "approve" if approving else "return"
    if not keys:
        outcome.problems.append(Problem(f"Select at least one item to {verb}", SELECTION))
        return []
    allowed = APPROVABLE if approving else RETURNABLE
    chosen = []
    for key in dict.fromkeys(keys):
        item = items.get(key)
        if item is None:
            outcome.problems.append(
                Problem(
                    "One of the items chosen is not in this cycle: reload the page and choose "
                    "again",
                    SELECTION,
                )
            )
            continue
        if item.state not in allowed:
            outcome.problems.append(
                Problem(
                    f"{item.title} cannot be {'approved' if approving else 'returned'}: "
                    f"it is {item.state_label.lower()}",
                    f"select-{anchor(key)}",
                )
            )
            continue
        chosen.append(item)
    return chosen
