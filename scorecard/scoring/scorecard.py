"""Rating measures from the database through the core, in a fixed number of queries."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from scorecard.core.gc_pause import collector_paused
from scorecard.core.periods import Period
from scorecard.core.ratings import Rag
from scorecard.core.rollup import Rollup
from scorecard.core.series import Headline, RatedReading, headline, rate_series
from scorecard.core.wording import rated_count_sentence
from scorecard.delivery.positions import project_positions
from scorecard.framework.models import Outcome
from scorecard.measures.audience import APPROVED_ONLY, Audience
from scorecard.measures.choices import Approval
from scorecard.measures.models import (
    RULE_COLUMNS_AS_STORED,
    Measure,
    Observation,
    rules_as_stored,
)
from scorecard.scoring.headlines import headlines_as_at, overview_headlines, targets_of

OTHER_MEASURES = "Measures not linked to an outcome"


@dataclass
class RatedMeasure:
    measure: Measure
    series: list[RatedReading]
    observations: list[Observation]

    @property
    def rows(self) -> list[tuple[Observation, RatedReading]]:
        """Each observation beside its rating, oldest first."""
        return list(zip(self.observations, self.series, strict=True))

    def headline(self, as_at: Period) -> Headline:
        return headline(self.measure.rules(), self.series, as_at)


def rate_measures(
    measures: QuerySet[Measure] | list[Measure], audience: Audience = APPROVED_ONLY
) -> list[RatedMeasure]:
    """Every observation of every measure given that the audience sees (approved ones only,
    unless it is the team's or an owner's page), rated; three queries whatever the count."""
    targets = targets_of(measures)
    readings = defaultdict(list)
    shown = Observation.objects.shown_to(audience).filter(measure__in=measures)
    for observation in shown.order_by("period_last_month", "-period_months", "breakdown"):
        readings[observation.measure_id].append(observation)
    rated = []
    for measure in measures:
        observations = readings[measure.pk]
        series = rate_series(
            measure.rules(), targets[measure.pk], [o.reading() for o in observations]
        )
        rated.append(RatedMeasure(measure, series, observations))
    return rated


# The overview and the measures list name at most this many figures awaiting approval.
AWAITING_SHOWN = 20


def awaiting_approval(
    audience: Audience, plan_id: str | None = None, outcome_pk: int | None = None
) -> list[Observation]:
    """The provisional headline figures this reader may see (the team's, an owner's own) in a
    plan's current measures (of one outcome, when given), which the scorecard leaves out until
    they are approved: one query, none for a reader who sees approved figures only. At most
    AWAITING_SHOWN + 1, so the page can say there are more."""
    if not audience.sees_provisional:
        return []
    measures = measures_for(plan_id)
    if outcome_pk is not None:
        measures = measures.filter(outcome_id=outcome_pk)
    provisional = Observation.objects.shown_to(audience).filter(
        approval=Approval.PROVISIONAL,
        breakdown="",
        measure__in=measures.values("pk"),
    )
    ordered = provisional.select_related("measure").order_by(
        "measure__order", "measure__measure_id", "period_last_month"
    )
    return list(ordered[: AWAITING_SHOWN + 1])


# Long texts a scorecard never shows; leaving them out halves the cost of a thousand measures.
SCORECARD_DEFERRED = ("description", "benchmarking", "notes", "source")


def measures_for(plan_id: str | None = None) -> QuerySet[Measure]:
    """A plan's current measures (all of them without a plan_id), in the order reports list
    them; archived measures are left out everywhere this is used."""
    queryset = Measure.objects.current().select_related("outcome")
    if plan_id:
        queryset = queryset.filter(plan__plan_id=plan_id)
    return queryset.order_by("plan__order", "outcome__order", "outcome_id", "order", "measure_id")


@dataclass
class ScorecardLine:
    measure: Measure
    headline: Headline


@dataclass
class Scorecard:
    as_at: Period
    lines: list[ScorecardLine]
    groups: list[tuple[str, Rollup]]
    total: Rollup
    off_target: int = 0
    # Projects count in the roll-ups beside the measures (DESIGN §3).
    projects: list = field(default_factory=list)

    @property
    def reported_projects(self) -> int:
        return sum(1 for position in self.projects if position.rag is not None)

    @property
    def counted_as(self) -> str:
        return "measures and projects" if self.reported_projects else "measures"

    @property
    def rated_count(self) -> str:
        """'1 of 56 measures rated: 1 on target; 55 not rated (no target or no figure)'."""
        return rated_count(self.total, bool(self.reported_projects))


def rated_count(rollup: Rollup, with_projects: bool = False) -> str:
    """How many of a group's measures (and projects) are rated, and how many are not: a
    headline percentage alone would hide the unrated ones."""
    nouns = ("measure or project", "measures and projects") if with_projects else ("measure",)
    return rated_count_sentence(
        rollup.rag_counts[Rag.GREEN],
        rollup.rated,
        rollup.unrated,
        rollup.rag_counts[Rag.BLUE],
        *nouns,
    )


def _outcome_names(plan_id: str | None) -> dict[int, str]:
    """Outcome names by id, in the plans' order; a name two plans share says its plan."""
    outcomes = Outcome.objects.order_by("plan__order", "plan__pk", "order", "pk")
    if plan_id:
        outcomes = outcomes.filter(plan__plan_id=plan_id)
    rows = list(outcomes.values_list("pk", "name", "plan__name"))
    shared = {name for name, n in Counter(name for _, name, _ in rows).items() if n > 1}
    return {pk: f"{name} ({plan})" if name in shared else name for pk, name, plan in rows}


def _roll_up(
    outcome_names: dict[int, str], rated: list[tuple[int | None, Headline]]
) -> tuple[list[tuple[str, Rollup]], Rollup]:
    """One roll-up per outcome (in the plan's order, empty ones too) and the total."""
    groups: dict[int | None, Rollup] = {pk: Rollup(name) for pk, name in outcome_names.items()}
    for outcome_id, found in rated:
        key = outcome_id if outcome_id in outcome_names else None
        rollup = groups.get(key)
        if rollup is None:  # not setdefault: that would make a Rollup for every measure
            rollup = groups[key] = Rollup(OTHER_MEASURES)
        rollup.add(found.rag, found.direction)
    total = Rollup("Total")
    for rollup in groups.values():
        total = total + rollup
    total.name = "Total"
    return [(rollup.name, rollup) for rollup in groups.values()], total


# Ratings that need a director's attention, worst first.
ATTENTION = (Rag.RED, Rag.AMBER)
# The overview lists this many of them; the measures page lists them all.
OFF_TARGET_SHOWN = 20


def _project_ratings(as_at: Period, plan_id: str | None) -> tuple[list, list]:
    # Projects count in the roll-ups beside the measures (DESIGN §3).
    positions = project_positions(as_at, plan_id)
    return positions, [(p.project.rollup_outcome_id, p) for p in positions if p.rag]


def summarise(as_at: Period, plan_id: str | None = None) -> Scorecard:
    """The roll-ups, and lines only for measures off target: what the overview shows, without
    loading every measure."""
    # The collector paused until every measure's headline has been counted and let go of, not
    # only while they are made: switched on while 10,000 headlines were still held, it took
    # their objects for survivors and soon went through everything the process holds.
    with collector_paused():
        return _summary(as_at, plan_id)


def _summary(as_at: Period, plan_id: str | None) -> Scorecard:
    measures = measures_for(plan_id)
    rows = measures.values_list("pk", "outcome_id", "title", *RULE_COLUMNS_AS_STORED)
    outcome_of = {pk: outcome_id for pk, outcome_id, *_ in rows}
    titles = {pk: title for pk, _, title, *_ in rows}
    rules = {pk: rules_as_stored(*rule) for pk, _, _, *rule in rows}
    headlines = overview_headlines(rules, as_at, measures)
    positions, project_rated = _project_ratings(as_at, plan_id)
    groups, total = _roll_up(
        _outcome_names(plan_id),
        [(outcome_of[pk], found) for pk, found in headlines.items()] + project_rated,
    )
    off_target = [pk for pk, found in headlines.items() if found.rag in ATTENTION]
    off_target.sort(key=lambda pk: (ATTENTION.index(headlines[pk].rag), titles[pk]))
    shown = off_target[:OFF_TARGET_SHOWN]
    lines_of = Measure.objects.select_related("outcome").defer(*SCORECARD_DEFERRED)
    by_pk = {m.pk: m for m in lines_of.filter(pk__in=shown)}
    lines = [ScorecardLine(by_pk[pk], headlines[pk]) for pk in shown]
    return Scorecard(as_at, lines, groups, total, len(off_target), positions)


def build_scorecard(
    as_at: Period, plan_id: str | None = None, rated: list[RatedMeasure] | None = None
) -> Scorecard:
    """Every measure's line as at a period, with the roll-ups. A paper that has rated the
    plan's measures already (`rate_measures(measures_for(plan_id))`, for their series) gives
    them as `rated`: each headline is then picked from its rated series, not rated again."""
    if rated is None:
        selected = measures_for(plan_id).defer(*SCORECARD_DEFERRED)
        with collector_paused():
            measures = list(selected)
            headlines = headlines_as_at({m.pk: m.rules() for m in measures}, as_at, selected)
        lines = [ScorecardLine(measure, headlines[measure.pk]) for measure in measures]
    else:
        lines = [ScorecardLine(found.measure, found.headline(as_at)) for found in rated]
    positions, project_rated = _project_ratings(as_at, plan_id)
    groups, total = _roll_up(
        _outcome_names(plan_id),
        [(line.measure.outcome_id, line.headline) for line in lines] + project_rated,
    )
    return Scorecard(as_at, lines, groups, total, projects=positions)
