"""Every form of a period DESIGN §4 accepts gives the same export, and a period that cannot be
read is refused with a one-line reason whatever is exported: never an export silently empty or
unfiltered."""

import pytest

from scorecard.cli.errors import CommandFailed
from scorecard.cli.export import export_text
from scorecard.cli.options import check_period
from scorecard.cli.parser import build_parser
from scorecard.core.period_parser import parse_period

pytestmark = pytest.mark.django_db

# The same period written every way a person may write it.
FORMS = {
    "2019-09": ["2019-09", "Sep-19", "Sep 2019", "September 2019", "sep-19"],
    "2019/20 Q2": ["2019/20 Q2", "Q2 2019/20", "Q2 19/20", "2019/20 q2", "Q2 2019/2020"],
    "2017/18 Q4": ["2017/18 Q4", "Q4 2017/18", "Q4 17/18"],
    "2019/20": ["2019/20", "2019/2020", "19/20"],
    "2019": ["2019"],
    "2014/15-2016/17": ["2014/15 - 2016/17", "2014/15-2016/17"],
}
KINDS = ["scorecard", "actions", "highlights", "ratings"]


def _export(*arguments: str) -> str:
    parsed = build_parser().parse_args(["export", *arguments])
    check_period(parsed.period)
    return export_text(parsed)


def test_the_forms_are_one_period_each():
    for canonical, forms in FORMS.items():
        assert {parse_period(form).label for form in forms} == {canonical}


def test_every_form_of_a_period_gives_the_same_export(demo_council):
    # One test over every kind: the demo is loaded once.
    for kind in KINDS:
        for canonical, forms in FORMS.items():
            expected = _export(kind, "--period", canonical, "--format", "csv")
            for form in forms:
                assert _export(kind, "--period", form, "--format", "csv") == expected, (kind, form)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("period", ["Smarch-19", "2019/21", "Q5 2019/20", "2019-20"])
def test_an_unreadable_period_is_refused_in_one_line(db, kind, period):
    with pytest.raises(CommandFailed) as refused:
        _export(kind, "--period", period)
    message = str(refused.value)
    assert message.startswith("--period: ") and "\n" not in message
