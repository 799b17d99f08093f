"""Claims to check: the changes stated in a plan's commentary and highlight reports for a
period that their own figures do not bear out (the rule is scorecard.core.claims)."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from scorecard.core.claims import WrongClaim, wrong_claims
from scorecard.core.periods import Period
from scorecard.delivery.models import HighlightReport
from scorecard.framework.models import Plan
from scorecard.measures.models import Observation


@dataclass(frozen=True)
class ClaimToCheck:
    item: str
    url: str
    field: str
    wrong: WrongClaim


def _within(period: Period) -> dict[str, int]:
    """Rows for any period inside `period`: a quarter's months and the quarter itself."""
    return {
        "period_first_month__gte": period.first_month,
        "period_last_month__lte": period.last_month,
    }


def claims_to_check(plan: Plan, period: Period) -> list[ClaimToCheck]:
    """Every wrong claim in the plan's commentary and highlight reports for the period, in the
    order the pages list measures and programmes."""
    found: list[ClaimToCheck] = []
    observations = (
        Observation.objects.filter(measure__plan=plan, **_within(period))
        .exclude(commentary="")
        .select_related("measure")
        .order_by("measure__order", "measure__measure_id", "period_last_month", "breakdown")
    )
    for observation in observations:
        measure = observation.measure
        field = f"Commentary, {observation.period_obj.display}"
        if observation.breakdown:
            field += f" ({observation.breakdown})"
        for wrong in wrong_claims(observation.commentary):
            found.append(
                ClaimToCheck(
                    f"{measure.measure_id}: {measure.title}",
                    measure.get_absolute_url(),
                    field,
                    wrong,
                )
            )
    reports = (
        HighlightReport.objects.filter(programme__plan=plan, **_within(period))
        .select_related("programme")
        .order_by("programme__order", "programme__pk", "period_last_month")
    )
    for report in reports:
        item = f"{report.programme.name}: highlight report, {report.period_obj.display}"
        for name, label in HighlightReport.SECTIONS:
            for wrong in wrong_claims(getattr(report, name)):
                found.append(ClaimToCheck(item, report.get_absolute_url(), label, wrong))
    return found


class _Text(HTMLParser):
    """A page's words, each block on its own line, so that a sentence is never joined to the
    next table cell."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.parts.append("\n")

    def handle_endtag(self, tag) -> None:
        self.parts.append("\n")

    def handle_data(self, data) -> None:
        self.parts.append(data)


def claims_in_paper(html: str) -> list[WrongClaim]:
    """The wrong claims a rendered paper carries."""
    reader = _Text()
    reader.feed(html)
    # A paper may quote the same text twice (a summary and the report it summarises).
    once: dict[tuple[str, str], WrongClaim] = {}
    for wrong in wrong_claims("".join(reader.parts)):
        once.setdefault((wrong.claim.says, wrong.reason), wrong)
    return list(once.values())
