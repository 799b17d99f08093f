"""Figures kept as the council published them: a value is never replaced by what its counts
make, a value its counts do not make is warned about (row and column), and a measure whose
measures file leaves `decimals` blank takes the decimals its figures were written with."""

from decimal import Decimal
from importlib import import_module

import pytest
from django.apps import apps as django_apps

from scorecard.cli.importing import import_files as import_command
from scorecard.interchange.importer import import_files
from scorecard.measures.models import Measure, Observation, ObservationRevision
from scorecard.scoring.figures import figure

pytestmark = pytest.mark.django_db

MEASURES = (
    "measure_id,title,polarity,unit,rate_per,frequency,decimals\n"
    "PC,Pathway plans,higher,percent,,annual,\n"
    "RT,Rate,lower,rate,10000,annual,\n"
    "FX,Fixed,higher,percent,,annual,2\n"
)


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
    assert [figure(measure, v) for v in (Decimal(85), Decimal(67))] == ["85.0%", "67.0%"]
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


def _shown(measure_id: str) -> list[str]:
    measure = Measure.objects.get(measure_id=measure_id)
    return [
        figure(measure, o.value, written=o.written_decimals)
        for o in Observation.objects.filter(measure=measure).order_by("period")
    ]


MIXED = (
    "measure_id,period,value,numerator,denominator\n"
    "PC,2015/16,58,,\n"
    "PC,2016/17,71.4,,\n"
    "PC,2017/18,67.0,71,106\n"
    "PC,2018/19,,45,60\n"  # worked out from its counts: the measure's decimals
    "FX,2016/17,12.5,,\n"
    "FX,2017/18,12,,\n"
)


def test_each_figure_keeps_the_decimals_it_was_written_with(write):
    import_files([write("m.csv", MEASURES), write("o.csv", MIXED)])
    written = Observation.objects.order_by("measure__measure_id", "period")
    assert list(written.values_list("written_decimals", flat=True)) == [1, 0, 0, 1, 1, None]
    # Decimals left blank: each figure as published, never padded to the most decimals.
    assert _shown("PC") == ["58%", "71.4%", "67.0%", "75.0%"]
    # Decimals the council set are its house style.
    assert _shown("FX") == ["12.50%", "12.00%"]
    measure = Measure.objects.get(measure_id="PC")
    assert (measure.decimals, measure.decimals_from_figures) == (1, True)


def test_a_figure_published_again_with_other_decimals_is_a_revision(write):
    import_files([write("m.csv", MEASURES), write("o.csv", MIXED)])
    import_files([write("o2.csv", MIXED)])
    assert not ObservationRevision.objects.exists()  # the same file again changes nothing
    import_files([write("o3.csv", MIXED.replace("PC,2015/16,58,", "PC,2015/16,58.0,"))])
    [revision] = ObservationRevision.objects.all()
    assert (revision.value, revision.written_decimals) == (58, 0)
    assert _shown("PC")[0] == "58.0%"


def test_decimals_not_known_before_are_learnt_without_a_revision(write):
    import_files([write("m.csv", MEASURES), write("o.csv", MIXED)])
    # As a database from before written decimals were kept.
    Observation.objects.update(written_decimals=None)
    import_files([write("o2.csv", MIXED)])
    assert not ObservationRevision.objects.exists()
    assert _shown("PC")[:2] == ["58%", "71.4%"]


def test_decimals_set_in_a_measures_file_are_the_councils_house_style(write):
    import_files([write("m.csv", MEASURES), write("o.csv", MIXED)])
    import_files(
        [
            write(
                "m2.csv",
                MEASURES.replace(
                    "PC,Pathway plans,higher,percent,,annual,",
                    "PC,Pathway plans,higher,percent,,annual,2",
                ),
            )
        ]
    )
    assert _shown("PC") == ["58.00%", "71.40%", "67.00%", "75.00%"]


def test_stored_figures_learn_their_decimals_where_the_stored_value_tells_them(write):
    fill = import_module("scorecard.measures.migrations.0010_observation_written_decimals")
    import_files([write("m.csv", MEASURES), write("o.csv", MIXED)])
    Observation.objects.update(written_decimals=None)
    fill.fill_written_decimals(django_apps, None)
    written = Observation.objects.order_by("measure__measure_id", "period")
    # FX (2 decimals): 12.5 and 12 could have been written 12.50 and 12.00, or not: unknown.
    # PC (1 decimal): 71.4 carries its one; 58, 67 and 75 may have been written "58.0".
    assert list(written.values_list("written_decimals", flat=True)) == [
        None, None, None, 1, None, None,
    ]  # fmt: skip
