"""Figures kept as the council published them: a value is never replaced by what its counts
make, a value its counts do not make is warned about (row and column), and a measure whose
measures file leaves `decimals` blank takes the decimals its figures were written with."""

from decimal import Decimal

import pytest

from scorecard.cli.importing import import_files as import_command
from scorecard.interchange.importer import import_files
from scorecard.measures.models import Measure, Observation

pytestmark = pytest.mark.django_db

MEASURES = (
    "measure_id,title,polarity,unit,rate_per,frequency,decimals\n"
    "PC,Pathway plans,higher,percent,,annual,\n"
    "RT,Rate,lower,rate,10000,annual,\n"
    "FX,Fixed,higher,percent,,annual,2\n"
)


@pytest.fixture
def write(tmp_path):
    def write(name: str, text: str):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_a_value_with_counts_is_kept_as_published(write):
    text = (
        "measure_id,period,value,numerator,denominator\n"
        "PC,2016/17,67.0,71,106\n"  # 66.98: 67.0 is that rounded, no warning
        "PC,2017/18,80.6,240,298\n"  # 80.54: not 80.6 rounded
    )
    result = import_files([write("m.csv", MEASURES), write("o.csv", text)])
    assert list(Observation.objects.order_by("period").values_list("value", flat=True)) == [
        Decimal("67.0"),
        Decimal("80.6"),
    ]
    assert [(w.file, w.row, w.column) for w in result.warnings] == [("o.csv", 3, "value")]
    assert result.warnings[0].reason.startswith(
        "The value does not match 240/298 (which makes 80.54); the value 80.6 is kept"
    )


@pytest.mark.parametrize(
    ("value", "numerator", "denominator", "warned"),
    [
        ("14.9", "31", "207", True),  # 14.98 rounds to 15.0
        ("15.0", "31", "207", False),
        ("15", "31", "207", False),  # written whole: within half a unit
        ("14.98", "31", "207", False),
        ("14.97", "31", "207", True),
        ("100", "94", "94", False),
    ],
)
def test_the_warning_follows_the_decimals_as_written(write, value, numerator, denominator, warned):
    text = (
        "measure_id,period,value,numerator,denominator\n"
        f"PC,2016/17,{value},{numerator},{denominator}\n"
    )
    result = import_files([write("m.csv", MEASURES), write("o.csv", text)])
    assert bool(result.warnings) is warned
    assert Observation.objects.get().value == Decimal(value)


def test_a_rate_is_checked_against_its_base(write):
    text = (
        "measure_id,period,value,numerator,denominator\n"
        "RT,2016/17,38.2,382,100000\n"
        "RT,2017/18,4.0,41,100000\n"
    )
    result = import_files([write("m.csv", MEASURES), write("o.csv", text)])
    # 382/100000 × 10,000 = 38.2; 41/100000 × 10,000 = 4.1, not 4.0.
    assert [w.row for w in result.warnings] == [3]


def test_blank_decimals_are_worked_out_from_the_values_as_written(write):
    text = (
        "measure_id,period,value,numerator,denominator\n"
        "PC,2015/16,85,,\n"
        "PC,2016/17,67.0,71,106\n"
        "RT,2016/17,38,,\n"
        "FX,2016/17,12.5,,\n"
    )
    import_files([write("m.csv", MEASURES), write("o.csv", text)])
    decimals = dict(Measure.objects.values_list("measure_id", "decimals"))
    # The most decimals written; a measure that names its decimals keeps them.
    assert decimals == {"PC": 1, "RT": 0, "FX": 2}
    measure = Measure.objects.get(measure_id="PC")
    assert [measure.shown(v) for v in (Decimal(85), Decimal(67))] == ["85.0%", "67.0%"]
    # Loading the measures file again (decimals still blank) keeps what was worked out.
    import_files([write("m2.csv", MEASURES)])
    assert Measure.objects.get(measure_id="PC").decimals == 1


def test_the_command_prints_each_warning_and_still_imports(write, capsys):
    text = "measure_id,period,value,numerator,denominator\nPC,2016/17,14.9,31,207\n"
    assert import_command([write("m.csv", MEASURES), write("o.csv", text)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith(
        "Warning: o.csv, row 2, column 'value': The value does not match 31/207 (which makes 14.98)"
    )
    assert Observation.objects.get().value == Decimal("14.9")
