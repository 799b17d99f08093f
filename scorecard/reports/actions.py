"""The action plans report (the task group work plans of seed 004, Appendix B): each action plan
with its actions by objective, as at the end of the period asked for.

"As at" is the action plan pages' (`action_plans.AsAt`): the updates printed are those dated in
the period (the dated trail, as seed 004's Appendix B prints it), each status is the one given by
the period's end, an action is overdue when its current date is before that day and it is
neither complete nor business as usual, and "no update this quarter" looks at the quarter that
contains that day. The rows, counts and flags are the pages' own (`summarise`, `action_row`);
only the wording is made here.
"""

from __future__ import annotations

from django.utils import timezone

from scorecard.core.periods import Period
from scorecard.core.ratings import Rag
from scorecard.core.wording import capitalised, number_word, plural
from scorecard.delivery.action_plans import (
    FLAG_COUNT_WORDS,
    FLAG_LABELS,
    FLAG_NAMES,
    ActionPlanSummary,
    ActionRow,
    AsAt,
    action_periods,
    action_plans_for,
    key,
    summarise,
)
from scorecard.framework.models import Plan
from scorecard.reports import cells
from scorecard.reports.document import (
    Cell,
    Column,
    Facts,
    Paragraph,
    Report,
    ReportUnavailable,
    Section,
    Table,
)
from scorecard.reports.plans import known_plan, organisation_name
from scorecard.risks.register import long_date

KIND = "actions"
NO_OBJECTIVE = "Actions without an objective"


# --- which plan -----------------------------------------------------------------------------


def first_quarter(plan: Plan) -> Period:
    """The earliest quarter the action plan pages offer for the plan: the one with its first
    date (original or revised) or update."""
    return action_periods(plan, timezone.localdate()).offered[-1]


def plans_with_actions():
    return (
        Plan.objects.select_related("organisation", "board")
        .filter(action_plans__actions__isnull=False)
        .distinct()
        .order_by("order", "name")
    )


def choose_plan(period: Period, plan_id: str | None) -> Plan:
    """The plan asked for, else the first (in plan order) with actions that can be shown as at
    `period`: one whose actions have a date or an update by the end of its quarter. (The pages
    offer quarters up to the last date in the actions; a report may be as at a later one.)"""
    cycle = AsAt(period).cycle
    if plan_id:
        plan = known_plan(plan_id)
        if not plans_with_actions().filter(pk=plan.pk).exists():
            raise ReportUnavailable(f"plan '{plan.plan_id}' has no action plans with actions")
        first = first_quarter(plan)
        if cycle < first:
            raise ReportUnavailable(
                f"plan '{plan.plan_id}' has no actions to show as at {period.display}: "
                f"its action plans start in {first.display}"
            )
        return plan
    candidates = list(plans_with_actions())
    if not candidates:
        raise ReportUnavailable("no plan has action plans with actions yet")
    starts = []
    for plan in candidates:
        first = first_quarter(plan)
        if first <= cycle:
            return plan
        starts.append(f"plan '{plan.plan_id}' starts in {first.display}")
    raise ReportUnavailable(
        f"no action plans can be shown as at {period.display}: {'; '.join(starts)}"
    )


# --- wording --------------------------------------------------------------------------------


def status_words(rag: Rag | None, blue: str) -> str:
    """'Green'; 'Blue (complete or business as usual)' as B is meant; 'with no status'."""
    if rag is None:
        return "with no status"
    if rag is Rag.BLUE:
        return f"Blue ({blue})"
    return rag.label


def blue_words(rows: list[ActionRow]) -> str:
    """What B means on these actions, in words; just 'B' where their action plans differ."""
    meanings = {row.action.action_plan.blue_meaning for row in rows}
    return next(iter(meanings)).label.lower() if len(meanings) == 1 else "B"


def counts_sentence(rows: list[ActionRow]) -> str:
    """'20 actions: 15 Green, 2 Amber, 1 Red, 2 Blue (complete or business as usual);
    5 completed; 3 overdue, 2 slipped, 4 with no update this quarter.'"""
    if not rows:
        return "No actions."
    blue = blue_words(rows)
    statuses = [
        f"{count} {status_words(rag, blue)}"
        for rag in [*Rag, None]
        if (count := sum(1 for row in rows if row.status is rag))
    ]
    completed = sum(1 for row in rows if row.completed)
    if completed:
        statuses[-1] += f"; {completed} completed"
    flags = [
        f"{count} {FLAG_COUNT_WORDS[name]}"
        for name in FLAG_NAMES
        if (count := sum(1 for row in rows if getattr(row.flags, name)))
    ]
    if flags and any(row.flags.stale for row in rows):
        flags[-1] += " this quarter"
    flagged = (
        ", ".join(flags) if flags else "none overdue, slipped or without an update this quarter"
    )
    return f"{len(rows)} {plural(len(rows), 'action')}: {', '.join(statuses)}; {flagged}."


def owners_text(row: ActionRow) -> str:
    return "; ".join(person.described for person in row.owners) or "No owner"


def update_text(row: ActionRow) -> str:
    """Every update dated in the period, oldest first, each with its date (and the status
    given with it, where one was)."""
    if not row.trail:
        return "No update yet"
    return "\n\n".join(
        f"{cells.day(update.dated).text}: {update.text.strip()}"
        + (f" ({update.rag.label})" if update.rag else "")
        for update in row.trail
    )


def timescale_text(row: ActionRow) -> str:
    """'01.03.2018 → 01.06.2018', then 'Completed 09.02.2018' once it is."""
    dates = row.timescale_text or "No date set"
    return f"{dates}\nCompleted {row.completed}" if row.completed else dates


def status_cell(row: ActionRow) -> Cell:
    """'Amber (A)'; 'Blue (B): On track, complete or business as usual' as the plan has B mean."""
    if row.status is Rag.BLUE:
        return Cell(f"{row.status_label}: {row.status_meaning}", rag=row.status.value)
    return cells.status(row.status)


def flags_text(row: ActionRow) -> str:
    return ", ".join(FLAG_LABELS[name] for name in row.flag_names) or "None"


# --- tables ---------------------------------------------------------------------------------

ACTION_COLUMNS = [
    Column("Ref", width=5),
    Column("Action", width=22),
    Column("Owners", width=17),
    Column("Timescale", width=10),
    Column("Progress updates", width=27),
    Column("Status", width=9),
    Column("Flags", width=10),
]


def action_cells(row: ActionRow) -> list[Cell]:
    return [
        Cell(row.action.reference, header=True),
        cells.text(row.action.description.strip()),
        cells.text(owners_text(row)),
        cells.text(timescale_text(row)),
        cells.text(update_text(row)),
        status_cell(row),
        cells.text(flags_text(row)),
    ]


def objective_sections(summary: ActionPlanSummary, as_at: AsAt) -> list[Section]:
    name = summary.action_plan.name
    sections = []
    for index, group in enumerate(summary.groups(), start=1):
        heading = group.objective or NO_OBJECTIVE
        caption = (
            f"{name}: actions for {group.objective}, as at {as_at.period.display}"
            if group.objective
            else f"{name}: actions without an objective, as at {as_at.period.display}"
        )
        table = Table(
            caption,
            ACTION_COLUMNS,
            [action_cells(row) for row in group.rows],
            sheet=f"{name} {index}",
            row_headers=True,
        )
        sections.append(Section(heading, [table]))
    return sections


def _count_cells(rows: list[ActionRow]) -> list[Cell]:
    statuses = [cells.count(sum(1 for row in rows if row.status is rag)) for rag in [*Rag, None]]
    flags = [cells.count(sum(1 for row in rows if getattr(row.flags, n))) for n in FLAG_NAMES]
    return [cells.count(len(rows)), *statuses, *flags]


def overview_table(summaries: list[ActionPlanSummary], noun: str, as_at: AsAt) -> Table:
    status_columns = [
        Column(f"Blue ({rag.value})" if rag is Rag.BLUE else rag.label, numeric=True) for rag in Rag
    ]
    flag_columns = [Column(FLAG_LABELS[name], numeric=True) for name in FLAG_NAMES]
    rows = [[Cell(s.action_plan.name, header=True), *_count_cells(s.rows)] for s in summaries]
    if len(summaries) > 1:
        every = [row for s in summaries for row in s.rows]
        rows.append([Cell("Total", header=True), *_count_cells(every)])
    return Table(
        f"Actions by status and flag in each {noun}, as at {as_at.period.display}",
        [
            Column(capitalised(noun)),
            Column("Actions", numeric=True),
            *status_columns,
            Column("No status", numeric=True),
            *flag_columns,
        ],
        rows,
        sheet="Summary",
        row_headers=True,
    )


# --- the report -----------------------------------------------------------------------------


def _is_task_groups(summaries: list[ActionPlanSummary]) -> bool:
    return all(s.action_plan.board_id and not s.action_plan.programme_id for s in summaries)


def plan_facts(summary: ActionPlanSummary) -> list[Facts]:
    """Whom the action plan reports to, and its programme and lead when it belongs to one (an
    action plan has no lead of its own)."""
    action_plan = summary.action_plan
    facts = []
    # A missing board or programme is None without a query (the id is None).
    if action_plan.board is not None:
        facts.append(("Reports to", action_plan.board.name))
    programme = action_plan.programme
    if programme is not None:
        facts.append(("Programme", programme.name))
        if programme.lead:
            facts.append(("Lead", programme.lead))
    return [Facts(facts)] if facts else []


def action_plan_section(summary: ActionPlanSummary, as_at: AsAt) -> Section:
    """An action plan (a task group) follows on from the one before, not on a page of its own:
    a page each left the end of every plan's last page empty, and the key's last paragraph
    alone on a page before the first. Its heading is kept with its first action."""
    section = Section(
        summary.action_plan.name,
        [Paragraph(counts_sentence(summary.rows), "lead"), *plan_facts(summary)],
    )
    if not summary.rows:
        section.add(Paragraph("This action plan has no actions yet."))
    section.sections = objective_sections(summary, as_at)
    return section


def key_section(summaries: list[ActionPlanSummary], as_at: AsAt) -> Section:
    statuses, flags = key([summary.action_plan for summary in summaries])
    return Section(
        "Key to action statuses and flags",
        [
            Facts([*statuses, *flags]),
            Paragraph(
                f"Flags are worked out as at {long_date(as_at.on)}, the end of "
                f"{as_at.period.display}. 'No update this quarter' means no progress update "
                f"is dated from {long_date(as_at.cycle_start)}, when {as_at.cycle.display} "
                "began, to that day. The progress updates printed are those dated in "
                f"{as_at.period.display} (or, with none, the latest before it); updates and "
                "completion dates later than that day are left out. Each status is the one "
                "given with the latest update by that day, or the action's status now where "
                "no later update has been given; revised dates are the latest given.",
                "small",
            ),
        ],
    )


def build(period: Period, plan_id: str | None = None) -> Report:
    plan = choose_plan(period, plan_id)
    as_at = AsAt(period)
    summaries = summarise(action_plans_for(plan), as_at)
    task_groups = _is_task_groups(summaries)
    noun = "task group" if task_groups else "action plan"
    title = f"{plan.name}: {'task group work plans' if task_groups else 'action plans'}"
    every = [row for s in summaries for row in s.rows]
    plans = len(summaries)
    lead = (
        f"{len(every)} {plural(len(every), 'action')} in {number_word(plans)} "
        f"{plural(plans, noun)}, as at {period.display}: "
        + counts_sentence(every).partition(": ")[2]
    )
    board = plan.board.name if plan.board is not None else ""
    return Report(
        kind=KIND,
        title=title,
        period=period.display,
        organisation=organisation_name(plan),
        produced=timezone.localdate(),
        landscape=True,
        cover=[
            line
            for line in (board, f"As at {long_date(as_at.on)}, the end of {period.display}")
            if line
        ],
        sections=[
            Section("Summary", [Paragraph(lead, "lead"), overview_table(summaries, noun, as_at)]),
            key_section(summaries, as_at),
            *(action_plan_section(summary, as_at) for summary in summaries),
        ],
    )
