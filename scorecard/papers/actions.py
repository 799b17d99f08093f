"""The state changes of a paper, each a small command (check, then execute), used alike by the
pages and anything else: start a paper, publish it, start its next version."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from scorecard.audit.actor import not_recording
from scorecard.audit.capture import record_changed
from scorecard.audit.values import stored_rows
from scorecard.core.periods import Period
from scorecard.framework.models import Plan
from scorecard.papers.choices import RISK_HEADING, PaperKind
from scorecard.papers.models import Paper, PaperSettings
from scorecard.papers.prefill import (
    board_start,
    lead_member_narratives,
    programme_background,
    risk_implications,
    summary_for,
)
from scorecard.people.permissions import audit_name, can_manage, person_of

# A priorities row's parts, copied alike.
PRIORITY_FIELDS = (
    "priority",
    "board_progress",
    "young_peoples_progress",
    "recommendations_to_council",
    "recommendations_to_board",
    "order",
)


class PaperError(Exception):
    """A one-line reason the change cannot be made, said on the page."""


def require_team(user, item: Model | None = None) -> None:
    """The performance team for the item's plan (a paper's, or the plan itself)."""
    if not can_manage(user, item):
        raise PermissionDenied("Only the performance team can do this.")


def author_line(user) -> str:
    """'Jenny Thompson, Performance officer, Somerset County Council': who starts the paper."""
    person = person_of(user)
    if person is None:
        return user.get_full_name() or user.get_username()
    parts = [person.name, person.job_title, str(person.organisation or "")]
    return ", ".join(part for part in parts if part)


def contact_line(user) -> str:
    person = person_of(user)
    return (person.email if person is not None else "") or user.email


class StartPaper:
    """A new paper for a plan, kind, period and meeting, filled in where the data knows."""

    def __init__(self, user, plan: Plan, kind: str, period: Period, committee: str, meeting):
        self.user, self.plan, self.kind, self.period = user, plan, kind, period
        self.committee, self.meeting = committee, meeting

    def check(self) -> None:
        require_team(self.user, self.plan)
        taken = Paper.objects.filter(
            plan=self.plan, kind=self.kind, period=self.period.label, meeting_date=self.meeting
        )
        if taken.exists():
            raise PaperError("There is already a paper for this report and meeting")

    def execute(self) -> Paper:
        self.check()
        with transaction.atomic():
            paper = Paper.objects.create(
                plan=self.plan,
                kind=self.kind,
                period=self.period.label,
                committee=self.committee,
                meeting_date=self.meeting,
                lead_officer=self.plan.lead,
                author=author_line(self.user),
                contact_details=contact_line(self.user),
                summary=summary_for(self.kind, self.plan, self.period),
            )
            risks = risk_implications(self.plan, self.period)
            for order, heading in enumerate(PaperSettings.current().implications):
                paper.implications.create(
                    heading=heading, text=risks if heading == RISK_HEADING else "", order=order
                )
            if self.kind == PaperKind.BOARD:
                self._start_board_sections(paper)
            if self.kind == PaperKind.PROGRAMME:
                paper.background = programme_background(self.plan)
                paper.save(update_fields=["background"])
            if self.kind == PaperKind.LEAD_MEMBER:
                rows = lead_member_narratives(self.plan, self.period)
                for order, (theme, area, text) in enumerate(rows):
                    paper.narratives.create(theme=theme, area=area, text=text, order=order)
        return paper

    def _start_board_sections(self, paper: Paper) -> None:
        start = board_start(self.plan, self.period)
        for name, text in start.sections.items():
            setattr(paper, name, text)
        paper.save(update_fields=list(start.sections))
        for order, (priority, progress) in enumerate(start.priorities):
            paper.priorities.create(priority=priority, board_progress=progress, order=order)


class Publish:
    """Freeze the paper: the moment it is published is kept on it, and the paper made as at
    that moment (`scorecard report … --as-at`) is the published one, byte for byte."""

    def __init__(self, paper: Paper, user) -> None:
        self.paper, self.user = paper, user

    def check(self) -> None:
        require_team(self.user, self.paper)
        if self.paper.published:
            raise PaperError("This paper has been published already")
        if not self.paper.recommendations.strip():
            raise PaperError("Enter the recommendations before publishing the paper")

    def execute(self) -> Paper:
        self.check()
        moment = timezone.now()
        with transaction.atomic():
            stored = Paper.objects.select_for_update().get(pk=self.paper.pk)
            if stored.published:
                raise PaperError("This paper has been published already")
            before = stored_rows(Paper, [stored.pk])[stored.pk]
            stored.published_at = moment
            stored.published_by = audit_name(self.user)
            # One entry, at the publication moment itself: rewound to that moment the paper
            # is published (an entry written a moment later would be undone).
            with not_recording():
                stored.save(update_fields=["published_at", "published_by"])
            record_changed([(before, stored)], when=moment)
        self.paper.published_at, self.paper.published_by = moment, stored.published_by
        return self.paper


class NewVersion:
    """A published paper is never changed: its next version is a draft copy to change."""

    def __init__(self, paper: Paper, user) -> None:
        self.paper, self.user = paper, user

    def check(self) -> None:
        require_team(self.user, self.paper)
        if not self.paper.published:
            raise PaperError("This paper is a draft: change it as it is")
        later = Paper.objects.filter(
            plan=self.paper.plan_id,
            kind=self.paper.kind,
            period=self.paper.period,
            meeting_date=self.paper.meeting_date,
            version__gt=self.paper.version,
        )
        if later.exists():
            raise PaperError("This paper has a later version already")

    def execute(self) -> Paper:
        self.check()
        source = self.paper
        with transaction.atomic():
            copy = Paper.objects.create(
                plan=source.plan,
                kind=source.kind,
                period=source.period,
                committee=source.committee,
                meeting_date=source.meeting_date,
                version=source.version + 1,
                **{name: getattr(source, name) for name in Paper.TYPED_FIELDS},
            )
            for implication in source.implications.all():
                copy.implications.create(
                    heading=implication.heading, text=implication.text, order=implication.order
                )
            for row in source.seen_by.all():
                copy.seen_by.create(
                    role=row.role, name=row.name, seen_on=row.seen_on, order=row.order
                )
            for term in source.glossary.all():
                copy.glossary.create(term=term.term, meaning=term.meaning)
            for priority in source.priorities.all():
                copy.priorities.create(
                    **{name: getattr(priority, name) for name in PRIORITY_FIELDS}
                )
            for said in source.narratives.all():
                copy.narratives.create(
                    theme=said.theme, area=said.area, text=said.text, order=said.order
                )
        return copy
