"""The measure page's "How we compare": the demo's injuries measure against Fingertips 90284."""

import re

import pytest

from scorecard.measures.models import Measure
from scorecard.scoring.how_we_compare import how_we_compare, ordinal

URL = "/measures/CYPP-ADMISSIONS-INJURIES/"


@pytest.mark.parametrize(
    ("number", "words"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (12, "12th"), (23, "23rd")],
)
def test_ordinals(number, words):
    assert ordinal(number) == words


def test_the_comparison_is_of_somerset_ua_for_the_county_council(demo_council):
    comparison = how_we_compare(Measure.objects.get(measure_id="CYPP-ADMISSIONS-INJURIES"))
    assert comparison.period == "2022/23"
    assert comparison.ours.row.area.code == "E06000066"  # Somerset UA, successor of E10000027
    assert comparison.ours.row.value == pytest.approx(87.5483)
    assert comparison.england == pytest.approx(75.30912)
    # Published: Somerset UA "Worse" than England; the 99.8% interval 78.06-97.34 excludes it too.
    assert comparison.compared_in_words == "Worse than England (at the 99.8% level too)"
    ranks = [b.position.rank for b in comparison.ranked]
    assert ranks == sorted(ranks)
    assert comparison.ours in comparison.ranked
    assert comparison.position_in_words.endswith("quartile")
    # The DfE neighbours' average is of those neighbours the extract has a value for.
    assert comparison.neighbours.slug == "statistical-neighbours-933"


def test_the_page_shows_figures_words_chart_and_table(client, demo_council):
    page = client.get(URL).content.decode()
    assert "How we compare" in page
    assert "Worse than England (at the 99.8% level too)" in page
    assert "87.5 (95% interval 81.4 to 93.6)" in page
    assert "75.3" in page
    assert re.search(r"\d+(st|nd|rd|th) of \d+, (first|second|third|fourth) quartile", page)
    assert 'aria-labelledby="position-chart-title"' in page
    assert "Somerset (us)" in page  # the table marks our row in words


def test_a_measure_without_a_comparator_indicator_has_no_section(client, demo_council):
    assert "How we compare" not in client.get("/measures/BP-HV-NBV/").content.decode()
