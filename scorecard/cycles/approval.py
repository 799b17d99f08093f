"""The performance team's decision on an owner's submission: approve it, or return it.

A measure's figure an owner enters is provisional (hidden from everyone but the team and its
owners) until the team approves the submission for it; approving marks the figure approved,
so it goes out on the scorecard, in papers, on the public pages and in open data. Returning
it leaves it provisional, with a comment saying what needs to change. Both are kept in the
audit trail, and show in the item's history (docs/cycles.md, "Approval").

Pages, the API and scripts use the same two commands:

    Approve(submission, user).execute()
    Return(submission, user, "The figure is for the quarter, not the month").execute()

or the shortcuts `approve(submission, by)` and `return_(submission, by, comment)`; each checks
first (`check()`: the user manages the item's plan; a return says why) and raises
PermissionDenied or DecisionError.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from scorecard.cycles.models import Submission
from scorecard.measures.choices import Approval
from scorecard.measures.models import Observation
from scorecard.people.permissions import can_manage

State = Submission.State


class DecisionError(Exception):
    """The decision cannot be made as asked (a return with no comment)."""


def item_of(submission: Submission):
    """The measure, project, action or programme the submission is for."""
    return submission.measure or submission.project or submission.action or submission.programme


def figures_of(submission: Submission):
    """The observations a measure's submission is for: its period's, every breakdown (none
    for a project, action or highlight report)."""
    if not submission.measure_id:
        return Observation.objects.none()
    return Observation.objects.filter(measure_id=submission.measure_id, period=submission.period)


class _Decision:
    """One decision on one submission: `check()` says whether this user may make it,
    `execute()` makes it (the submission's state, who and when, and its figures' approval)."""

    state = State.APPROVED
    verb = "approve"

    def __init__(self, submission: Submission, user, comment: str = "") -> None:
        self.submission = submission
        self.user = user
        self.comment = comment.strip()

    def check(self) -> None:
        if not can_manage(self.user, item_of(self.submission) or self.submission.cycle.plan):
            raise PermissionDenied(f"Only the performance team can {self.verb} this.")

    def _approval(self) -> Approval | None:
        """What the submission's figures become; None: left as they are."""
        raise NotImplementedError

    def execute(self) -> Submission:
        self.check()
        now = timezone.now()
        submission = self.submission
        with transaction.atomic():
            submission.state = self.state
            submission.comment = self.comment
            submission.decided_by = self.user
            submission.decided_at = now
            submission.save()
            approval = self._approval()
            if approval is not None:
                # One by one, not queryset.update(): the audit trail keeps each change, so an
                # "as at" paper sees each figure's approval as it was then.
                for observation in (
                    figures_of(submission).select_for_update().exclude(approval=approval)
                ):
                    observation.approval = approval
                    observation.save(update_fields=["approval"])
        return submission


class Approve(_Decision):
    state = State.APPROVED
    verb = "approve"

    def _approval(self) -> Approval | None:
        return Approval.APPROVED


class Return(_Decision):
    state = State.RETURNED
    verb = "return"

    def check(self) -> None:
        super().check()
        if not self.comment:
            raise DecisionError("Say what needs to change before returning it")

    def _approval(self) -> Approval | None:
        # Returned figures stay provisional: shown to the team and the owner only. One the
        # team approved earlier and now returns goes back to provisional too.
        return Approval.PROVISIONAL


def approve(submission: Submission, by) -> Submission:
    return Approve(submission, by).execute()


def return_(submission: Submission, by, comment: str) -> Submission:
    return Return(submission, by, comment).execute()


def approve_all(submissions: Iterable[Submission], by) -> list[Submission]:
    """Approve several at once (a selection on the review screen): all or none."""
    with transaction.atomic():
        return [approve(submission, by) for submission in submissions]


def return_all(submissions: Iterable[Submission], by, comment: str) -> list[Submission]:
    """Return several at once with one comment: all or none."""
    with transaction.atomic():
        return [return_(submission, by, comment) for submission in submissions]
