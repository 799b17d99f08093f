"""A labelled scale: codes a measure holds, words every output prints (core/scales.py)."""

from decimal import Decimal

import pytest

from scorecard.core.entry_checks import reading_problems
from scorecard.core.scales import EXAMPLE, ScaleError, off_scale, parse_scale


def test_each_code_has_its_words_as_written():
    scale = parse_scale(
        " 1=Outstanding;2 =  Good ; 3 = Requires Improvement to be Good;4= Inadequate"
    )
    assert scale is not None
    assert scale.label(Decimal(1)) == "Outstanding"
    assert scale.label(Decimal("3.00000000")) == "Requires Improvement to be Good"
    assert scale.label(Decimal(5)) is None and scale.label(None) is None
    assert Decimal(2) in scale and Decimal("2.5") not in scale


def test_written_as_a_measures_file_writes_it_and_reads_back_the_same():
    scale = parse_scale("1=Outstanding;2=Good;10=Off the scale;0.5=Half")
    assert scale is not None
    written = scale.written()
    assert written == "1 = Outstanding; 2 = Good; 10 = Off the scale; 0.5 = Half"
    assert parse_scale(written).written() == written
    assert parse_scale(EXAMPLE).written() == EXAMPLE


def test_a_blank_scale_is_none():
    assert parse_scale("") is None and parse_scale("  ") is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Outstanding; Good", "'Outstanding' is not a code and its words"),
        ("1 = ; 2 = Good", "'1 =' is not a code and its words"),
        ("one = Outstanding; 2 = Good", "'one' is not a number"),
        ("NaN = Outstanding; 2 = Good", "'NaN' is not a number"),
        ("1 = Good; 1.0 = Outstanding", "the code 1 is given twice"),
        ("1 = Good; 2 = good", "'good' is given to two codes"),
        ("1 = Good", "a scale needs at least two codes"),
    ],
)
def test_a_scale_written_wrongly_is_refused_saying_why(text, reason):
    with pytest.raises(ScaleError) as refused:
        parse_scale(text)
    assert str(refused.value).startswith(reason)


def test_a_reading_on_a_scale_is_one_of_its_codes_with_no_counts():
    scale = parse_scale(EXAMPLE)
    assert reading_problems("score", None, Decimal(2), None, None, scale=scale) == []
    (problem,) = reading_problems("score", None, Decimal(5), None, None, scale=scale)
    assert problem.field == "value"
    assert problem.message == f"The value {off_scale(Decimal(5), scale)}"
    assert "5 is not a code of the measure's scale (1 = Outstanding;" in problem.message
    counted = reading_problems("score", None, None, Decimal(1), Decimal(2), scale=scale)
    assert [p.field for p in counted] == ["numerator", "denominator"]
    # A status alone still says why there is no figure.
    assert reading_problems("score", None, None, None, None, status="TBC", scale=scale) == []
