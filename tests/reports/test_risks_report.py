from scorecard.core.period_parser import parse_period
from scorecard.reports import risks
from tests.reports.test_dashboard import dump


def test_dump(demo_council):
    dump(risks.build(parse_period("Q2 2018/19")))
    dump(risks.build(parse_period("2016/17"), "cypp"))
