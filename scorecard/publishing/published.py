"""What the public may see: published, non-archived measures, and the scorecard made of them.

Every public page and download starts from `published_measures`, so nothing else can leak."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Max, QuerySet

from scorecard.core.periods import Period, PeriodKind
from scorecard.core.rollup import Rollup
from scorecard.framework.models import Plan
from scorecard.measures.models import Measure, Observation
from scorecard.reports.plans import organisation_name
from scorecard.scoring.headlines import headlines_as_at
from scorecard.scoring.scorecard import (
    OTHER_MEASURES,
    SCORECARD_DEFERRED,
    Scorecard,
    ScorecardLine,
    measures_for,
)


def published_measures(plan_id: str | None = None) -> QuerySet[Measure]:
    """The measures the public may see, in the order the scorecard lists them."""
    return measures_for(plan_id).filter(published=True, archived_at__isnull=True)


def public_measure(measure_id: str) -> Measure | None:
    """One published measure, or None: an unpublished one is as good as absent."""
    return (
        published_measures()
        .select_related("plan", "outcome", "organisation")
        .filter(measure_id=measure_id)
        .first()
    )


def public_plans() -> QuerySet[Plan]:
    """Plans with at least one published measure (the others say nothing to the public)."""
    return Plan.objects.filter(pk__in=published_measures().values("plan_id")).order_by(
        "order", "pk"
    )


def public_periods(plan_id: str | None) -> list[Period]:
    """Periods with an approved observation of a published measure, newest (and longest)
    first."""
    rows = Observation.objects.approved().filter(
        measure__in=published_measures(plan_id).values("pk")
    )
    distinct = (
        rows.order_by().values_list("period_kind", "period_first_month", "period_months").distinct()
    )
    periods = {Period(PeriodKind(k), f, m) for k, f, m in distinct}
    return sorted(periods, key=lambda p: (-p.last_month, -p.months, p.kind.value))


def public_scorecard(as_at: Period, plan_id: str | None) -> Scorecard:
    """Every published measure's headline as at a period, grouped by outcome. Only outcomes
    with a published measure appear; projects are not published, so they are not counted."""
    selected = published_measures(plan_id).defer(*SCORECARD_DEFERRED)
    measures = list(selected)
    headlines = headlines_as_at({m.pk: m.rules() for m in measures}, as_at, selected)
    lines = [ScorecardLine(measure, headlines[measure.pk]) for measure in measures]
    groups: dict[int | None, Rollup] = {}
    for line in lines:
        name = line.measure.outcome.name if line.measure.outcome else OTHER_MEASURES
        groups.setdefault(line.measure.outcome_id, Rollup(name)).add(
            line.headline.rag, line.headline.direction
        )
    total = Rollup("Total")
    for rollup in groups.values():
        total = total + rollup
    total.name = "Total"
    return Scorecard(as_at, lines, [(r.name, r) for r in groups.values()], total)


def last_updated() -> datetime | None:
    """When a published figure was last entered: the open data's "last updated"."""
    published = Observation.objects.approved().filter(measure__in=published_measures().values("pk"))
    found = published.aggregate(latest=Max("entered_at"))
    return found["latest"]


# --- Licence and publisher -------------------------------------------------------------------


@dataclass(frozen=True)
class Licence:
    name: str
    url: str


OPEN_GOVERNMENT_LICENCE = Licence(
    "Open Government Licence v3.0",
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
)


def licence() -> Licence:
    """The open data's licence: settings.SCORECARD_OPEN_DATA_LICENCE ({"name", "url"}), else
    the Open Government Licence, which UK public bodies use for data they publish."""
    configured = getattr(settings, "SCORECARD_OPEN_DATA_LICENCE", None) or {}
    return Licence(
        configured.get("name") or OPEN_GOVERNMENT_LICENCE.name,
        configured.get("url") or OPEN_GOVERNMENT_LICENCE.url,
    )


def publisher() -> str:
    """Who publishes the data: settings.SCORECARD_OPEN_DATA_PUBLISHER, else the organisations
    the published plans belong to."""
    configured = getattr(settings, "SCORECARD_OPEN_DATA_PUBLISHER", "")
    if configured:
        return configured
    names = []
    for plan in public_plans().select_related("organisation"):
        name = organisation_name(plan)
        if name and name not in names:
            names.append(name)
    return " and ".join(names)
