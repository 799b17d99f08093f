"""Risk score = likelihood × impact; bands 1-4 low, 5-9 medium, 10-14 high, 15-25 very high."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.risk_scoring import RiskBand, RiskScoreError, risk_band, risk_score

one_to_five = st.integers(min_value=1, max_value=5)


@given(likelihood=one_to_five, impact=one_to_five)
def test_score_is_likelihood_times_impact(likelihood, impact):
    assert risk_score(likelihood, impact) == likelihood * impact


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (1, "low"),
        (4, "low"),
        (5, "medium"),
        (9, "medium"),
        (10, "high"),
        (14, "high"),
        (15, "very high"),
        (20, "very high"),
        (25, "very high"),
    ],
)
def test_default_bands(score, band):
    assert risk_band(score) == band


def test_seed_example_twenty_falls_to_fifteen_and_stays_very_high():
    assert (risk_band(risk_score(4, 5)), risk_band(risk_score(3, 5))) == ("very high", "very high")


def test_bands_are_configurable():
    bands = [RiskBand("green", 1), RiskBand("amber", 8), RiskBand("red", 16)]
    assert [risk_band(s, bands) for s in (7, 8, 16)] == ["green", "amber", "red"]


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 3), (6, 1), (3, 0), (3, 6)])
def test_likelihood_and_impact_are_one_to_five(likelihood, impact):
    with pytest.raises(RiskScoreError):
        risk_score(likelihood, impact)


@pytest.mark.parametrize(
    "bands",
    [
        [],
        [RiskBand("a", 2)],
        [RiskBand("a", 1), RiskBand("b", 1)],
        [RiskBand("a", 1), RiskBand("b", 26)],
    ],
)
def test_bands_must_cover_every_score_once(bands):
    with pytest.raises(RiskScoreError):
        risk_band(5, bands)


@given(score=st.integers(min_value=1, max_value=25))
def test_a_higher_score_never_gets_a_lower_band(score):
    order = ["low", "medium", "high", "very high"]
    assert order.index(risk_band(score)) <= order.index(risk_band(min(score + 1, 25)))


def test_a_lower_score_than_last_time_is_an_improving_risk():
    from scorecard.core.ratings import Direction
    from scorecard.core.risk_scoring import risk_trend

    # ORG0009: 4 x 5 = 20 at Year 1, 3 x 5 = 15 at Year 2.
    assert risk_trend(risk_score(4, 5), risk_score(3, 5)) is Direction.IMPROVING
    assert risk_trend(15, 20) is Direction.DECLINING
    assert risk_trend(12, 12) is Direction.STEADY
    assert risk_trend(None, 12) is None


@given(previous=st.integers(1, 25), score=st.integers(1, 25))
def test_risk_trend_mirrors_when_scores_swap(previous, score):
    from scorecard.core.ratings import Direction
    from scorecard.core.risk_scoring import risk_trend

    mirror = {
        Direction.IMPROVING: Direction.DECLINING,
        Direction.DECLINING: Direction.IMPROVING,
        Direction.STEADY: Direction.STEADY,
    }
    assert risk_trend(score, previous) is mirror[risk_trend(previous, score)]


def test_bands_are_configured_as_name_and_lowest_score():
    from scorecard.core.risk_scoring import parse_bands

    bands = parse_bands("green:1, amber:8, red:16")
    assert [risk_band(s, bands) for s in (1, 7, 8, 15, 16, 25)] == [
        "green",
        "green",
        "amber",
        "amber",
        "red",
        "red",
    ]


@pytest.mark.parametrize("text", ["low:2, high:10", "low:1, high:1", "low", "low:x", "low:1, a:30"])
def test_bands_that_do_not_cover_every_score_are_refused(text):
    from scorecard.core.risk_scoring import parse_bands

    with pytest.raises(RiskScoreError):
        parse_bands(text)
