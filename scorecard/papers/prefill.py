"""What a new paper starts with where the data knows the answer: the summary sentences from
the scorecard, the risk implications from the register, the author from who starts it. The
recommendations are never written here: only people know what they ask of a meeting."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.core.periods import Period, PeriodKind
from scorecard.core.ratings import Direction, Rag
from scorecard.core.wording import (
    capitalised,
    improving_sentence,
    number_word,
    on_target_sentence,
    plural,
)
from scorecard.delivery.action_plans import ActionRow, AsAt, action_plans_for, summarise
from scorecard.framework.models import Outcome, Plan, Programme
from scorecard.papers.choices import PaperKind
from scorecard.risks.register import Banding, assessment_lines, long_date, risks_as_at
from scorecard.scoring.executive_summary import ExecutiveSummary, executive_summary
from scorecard.scoring.scorecard import build_scorecard
from scorecard.scoring.year_figures import figures_sentence, year_lines
from scorecard.scoring.year_summary import year_summary

PROGRESS_WORDS = {Direction.IMPROVING: "down", Direction.DECLINING: "up"}


def the(name: str) -> str:
    """'the Children and Young People's Plan'; a name that starts with 'The' as it is."""
    return name if name.lower().startswith("the ") else f"the {name}"


def the_programmes(count: int) -> str:
    """'the seven programmes', 'the one programme'."""
    return f"the {number_word(count) if count != 1 else 'one'} {plural(count, 'programme')}"


def summary_sentences(plan: Plan, summary: ExecutiveSummary) -> str:
    """What the quarter's highlight reports say of the plan's programmes, in two or three
    sentences."""
    quarter = summary.quarter
    total = len(summary.lines) + len(summary.not_reported)
    parts = [
        f"This report sets out the progress of {the_programmes(total)} of {the(plan.name)} in "
        f"{quarter.display}, as their highlight reports give it.",
        f"{summary.headline}{'; ' + summary.others if summary.others else ''}.",
    ]
    missing = len(summary.not_reported)
    if missing:
        verb = "has" if missing == 1 else "have"
        parts.append(
            capitalised(
                f"{number_word(missing)} {plural(missing, 'programme')} {verb} not sent a "
                f"highlight report for {quarter.display}."
            )
        )
    return " ".join(parts)


def scorecard_sentences(plan: Plan, period: Period) -> str:
    """'This report sets out … 16 of 26 measures (62%) are on or exceeding target; …'."""
    total = build_scorecard(period, plan.plan_id).total
    on_target = on_target_sentence(total.rag_counts[Rag.GREEN], total.rated)
    improving = improving_sentence(
        total.direction_counts[Direction.IMPROVING], total.with_direction
    )
    return (
        f"This report sets out the performance of {the(plan.name)} in {period.display}. "
        f"{capitalised(on_target)}; {improving}."
    )


def risk_sentences(plan: Plan, period: Period) -> list[str]:
    """'ORG0009 Safeguarding Children: likelihood 3 × impact 5 = score 15 (very high), down
    from 20 at the assessment before.' for each of the plan's risks as at the period."""
    banding = Banding()
    found = []
    for risk in risks_as_at(plan, period):
        lines = assessment_lines(list(risk.assessments.all()), banding)
        name = f"{risk.reference} {risk.title}"
        if not lines:
            found.append(f"{name}: not assessed by {long_date(period.end)}.")
            continue
        latest = lines[-1]
        scored = latest.assessment
        text = (
            f"{name}: likelihood {scored.likelihood} × impact {scored.impact} = "
            f"score {latest.score} ({latest.band.name})"
        )
        if latest.previous_score is not None:
            way = PROGRESS_WORDS.get(latest.trend) if latest.trend else None
            if way:
                text += f", {way} from {latest.previous_score} at the assessment before"
            else:
                text += ", unchanged since the assessment before"
        found.append(text + ".")
    return found


def risk_implications(plan: Plan, period: Period) -> str:
    found = risk_sentences(plan, period)
    return " ".join(found) if found else "No risks are recorded against this plan."


def summary_for(kind: str, plan: Plan, period: Period) -> str:
    if kind == PaperKind.PROGRAMME and period.kind is PeriodKind.FINANCIAL_YEAR:
        # The year's report: each programme as its last report of the year left it.
        return summary_sentences(plan, year_summary(plan, period).at_year_end)
    if kind == PaperKind.PROGRAMME:
        return summary_sentences(plan, executive_summary(plan, period))
    return scorecard_sentences(plan, period)


# --- a plan's progress report --------------------------------------------------------------


def programme_background(plan: Plan) -> str:
    """A progress report's background as the data knows it: the plan's aim, its programmes in
    order, and to whom they report. The team adds what only people know."""
    programmes = [p.name for p in Programme.objects.current().filter(plan=plan)]
    board = the(plan.board.name) if plan.board is not None else "the board"
    parts = [plan.vision.strip()] if plan.vision.strip() else []
    if programmes:
        parts.append(
            f"{capitalised(the(plan.name))} has {number_word(len(programmes))} "
            f"{plural(len(programmes), 'programme')}:\n"
            + "\n".join(f"- {number}. {name}" for number, name in enumerate(programmes, 1))
        )
        parts.append(f"Each programme reports to {board} every quarter in a highlight report.")
    return "\n\n".join(parts)


# --- a board's annual report ----------------------------------------------------------------

# The corporate parenting principles of section 1 of the Children and Social Work Act 2017, in
# short: every board annual report of a corporate parenting board says how it promotes them.
CORPORATE_PARENTING_PRINCIPLES = (
    "The seven corporate parenting principles (Children and Social Work Act 2017, section 1) "
    "that the council has regard to for the children it looks after and its care leavers:\n"
    "- act in their best interests and promote their physical and mental health and wellbeing\n"
    "- encourage them to say what they think, wish and feel\n"
    "- take what they think, wish and feel into account\n"
    "- help them reach and make the best use of the services of the council and its partners\n"
    "- promote high aspirations and seek the best outcomes for them\n"
    "- keep them safe, with stability in their home lives, relationships and education or work\n"
    "- prepare them for adulthood and living independently"
)


@dataclass(frozen=True)
class BoardStart:
    """What a board annual report starts with: its sections where the action plans know the
    answer, and a priorities row for each task group with the year's progress."""

    sections: dict[str, str]
    priorities: list[tuple[str, str]]


def _finished(row: ActionRow) -> bool:
    return row.standing.complete or row.standing.business_as_usual


def board_start(plan: Plan, period: Period) -> BoardStart:
    """From the plan's action plans as at the end of the year: what each task group finished
    (the achievements), what is Red or Amber at the year's end (the areas for development),
    and each task group's progress. The recommendations and the young people's voice are left
    for people to write."""
    summaries = summarise(action_plans_for(plan), AsAt(period))
    end = long_date(period.end)
    achievements, development, priorities = [], [], []
    for summary in summaries:
        name, rows = summary.action_plan.name, summary.rows
        done = sum(1 for row in rows if _finished(row))
        achievements.append(
            f"- {name}: {done} of {len(rows)} {plural(len(rows), 'action')} complete or "
            f"business as usual by {end}"
        )
        development += [
            f"- {name} {row.action.reference}: {row.action.description} ({row.status.label})"
            for row in rows
            if row.status in (Rag.RED, Rag.AMBER) and not _finished(row)
        ]
        priorities.append((name, f"{summary.status_text}; {done} complete or business as usual."))
    return BoardStart(
        sections={
            "background": plan.vision,
            "achievements": "\n".join(achievements),
            "areas_for_development": "\n".join(development),
            "principles": CORPORATE_PARENTING_PRINCIPLES,
        },
        priorities=priorities,
    )


# --- a lead member's annual report ----------------------------------------------------------


def lead_member_narratives(plan: Plan, period: Period) -> list[tuple[str, str, str]]:
    """A row (theme, area, words) for each theme of the plan and each of its areas of work, in
    the plan's order: an area's words start as a sentence of each of its figures by the end of
    the year; a theme's, of its figures under no area. The rest only people can write."""
    by_place: dict[tuple[int | None, int | None], list[str]] = {}
    for line in year_lines(plan, period):
        place = (line.measure.outcome_id, line.measure.priority_id)
        by_place.setdefault(place, []).append(figures_sentence(line))
    rows = []
    outcomes = Outcome.objects.filter(plan=plan).prefetch_related("priorities")
    for outcome in outcomes.order_by("order", "name"):
        rows.append((outcome.name, "", " ".join(by_place.get((outcome.pk, None), []))))
        rows += [
            (outcome.name, priority.name, " ".join(by_place.get((outcome.pk, priority.pk), [])))
            for priority in outcome.priorities.all()
        ]
    return rows
