"""Papers made as at a moment are the same bytes whenever they are made, in every format."""

import datetime
import io
import time
import zipfile

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.reports.as_at import build_report, rendered


@pytest.fixture
def moment(demo_at_start, clock):
    return clock.advance(hours=1)


def _paper(moment, format_name: str) -> bytes:
    report = build_report("corporate", parse_period("Q2 2019/20"), "business-plan", moment)
    return rendered(report, format_name, moment)


@pytest.mark.parametrize("format_name", ["docx", "xlsx"])
def test_word_and_excel_files_as_at_a_moment_are_byte_for_byte_the_same(moment, format_name):
    first = _paper(moment, format_name)
    time.sleep(2.1)  # zip files keep times to two seconds
    assert _paper(moment, format_name) == first
    with zipfile.ZipFile(io.BytesIO(first)) as paper:
        assert {member.date_time for member in paper.infolist()} == {(2026, 3, 3, 0, 0, 0)}
        properties = paper.read("docProps/core.xml").decode()
    assert properties.count("2026-03-03T00:00:00Z") == 2


def test_a_paper_made_now_is_not_pinned(moment):
    report = build_report("corporate", parse_period("Q2 2019/20"), "business-plan")
    assert report.produced == datetime.date(2026, 3, 3)
    assert not any("As the figures stood" in line for line in report.cover)
