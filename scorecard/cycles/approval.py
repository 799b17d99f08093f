"""The performance team's decision on a submission: approve it, or return it to its owner with
a reason. The one place a decision is written, for the review page's single and bulk actions.
"""

from __future__ import annotations

from django.utils import timezone

from scorecard.cycles.models import Submission


def approve(submission: Submission, by) -> Submission:
    submission.state = Submission.State.APPROVED
    submission.comment = ""
    submission.decided_by = by
    submission.decided_at = timezone.now()
    submission.save()
    return submission


def return_submission(submission: Submission, by, comment: str) -> Submission:
    """Back to its owner, who sees `comment` on their updates page."""
    submission.state = Submission.State.RETURNED
    submission.comment = comment
    submission.decided_by = by
    submission.decided_at = timezone.now()
    submission.save()
    return submission
