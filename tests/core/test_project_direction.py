"""A project's direction: improving = achieved a milestone since the last report, steady =
progressing, declining = missed or at risk of missing a milestone."""

from datetime import date

from scorecard.core.project_direction import Milestone, project_direction
from scorecard.core.ratings import Direction

LAST_REPORT, THIS_REPORT = date(2019, 6, 30), date(2019, 9, 30)


def direction_of(*milestones):
    return project_direction(milestones, since=LAST_REPORT, on=THIS_REPORT)


def test_a_milestone_achieved_since_the_last_report_is_improving():
    assert (
        direction_of(Milestone("Build starts", date(2019, 8, 1), completed=date(2019, 7, 20)))
        is Direction.IMPROVING
    )


def test_on_track_with_nothing_achieved_is_steady():
    assert direction_of(Milestone("Contract let", date(2019, 12, 1))) is Direction.STEADY


def test_a_milestone_achieved_before_the_last_report_does_not_count_again():
    assert (
        direction_of(Milestone("Bid in", date(2019, 3, 22), completed=date(2019, 3, 22)))
        is Direction.STEADY
    )


def test_a_missed_milestone_is_declining():
    assert direction_of(Milestone("ITT issued", date(2019, 6, 1))) is Direction.DECLINING


def test_a_milestone_at_risk_is_declining():
    assert (
        direction_of(Milestone("Open centre", date(2020, 6, 1), at_risk=True))
        is Direction.DECLINING
    )


def test_missed_outweighs_achieved():
    assert (
        direction_of(
            Milestone("Lease agreed", date(2019, 7, 1), completed=date(2019, 7, 1)),
            Milestone("Funding agreement", date(2019, 8, 1)),
        )
        is Direction.DECLINING
    )


def test_a_late_milestone_once_achieved_counts_as_achieved():
    assert (
        direction_of(Milestone("ITT issued", date(2019, 6, 1), completed=date(2019, 9, 1)))
        is Direction.IMPROVING
    )
