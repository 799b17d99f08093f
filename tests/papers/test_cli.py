"""`scorecard report … --meeting`: the paper record of that meeting's; refused in one line."""

import datetime

import pytest

from scorecard.cli.entry import run
from scorecard.cli.errors import CommandFailed
from scorecard.cli.parser import build_parser

pytestmark = pytest.mark.django_db

COMMON = ("report", "programme", "--period", "Q4 2017/18", "--plan", "cypp", "--format", "html")


def scorecard(*argv: str) -> int:
    return run(build_parser().parse_args(argv))


def test_meeting_picks_the_record(paper, tmp_path):
    paper.title = "The July paper"
    paper.save()
    later = paper.plan.papers.create(
        kind="programme",
        period=paper.period,
        committee="Scrutiny",
        meeting_date=datetime.date(2018, 9, 5),
        title="The September paper",
    )
    july, latest = tmp_path / "july.html", tmp_path / "latest.html"
    assert scorecard(*COMMON, "--meeting", "2018-07-09", "-o", str(july)) == 0
    assert scorecard(*COMMON, "-o", str(latest)) == 0
    assert "The July paper" in july.read_text(encoding="utf-8")
    assert later.title in latest.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            (*COMMON, "--meeting", "9 July"),
            "--meeting: '9 July' is not a date: use YYYY-MM-DD",
        ),
        (
            ("report", "risks", "--period", "Q4 2017/18", "--meeting", "2018-07-09"),
            "report risks: a meeting's paper record is for the programme, corporate, board "
            "and lead-member reports only",
        ),
    ],
)
def test_a_meeting_that_does_not_work_is_refused_in_one_line(demo, tmp_path, argv, message):
    with pytest.raises(CommandFailed) as refused:
        scorecard(*argv, "-o", str(tmp_path / "paper.html"))
    assert str(refused.value) == message
