"""A measure on a labelled scale (measure_rows, observation_rows): the measures file's `scale`
column, its figures refused with row and column when they are not one of its codes, and the
scale read back as it was written."""

from decimal import Decimal

import pytest

from scorecard.core.scales import EXAMPLE
from scorecard.interchange.exporter import rating_records
from scorecard.interchange.importer import import_files
from scorecard.measures.models import Measure, Observation
from scorecard.scoring.figures import figure
from tests.interchange.importing import rejected_messages

pytestmark = pytest.mark.django_db

MEASURES = (
    "measure_id,title,polarity,unit,frequency,scale\n"
    f'LODGE,The Lodge: Ofsted grade,lower,score,annual,"{EXAMPLE}"\n'
    "CLA,Children Looked After,neutral,count,monthly,\n"
)


def test_the_scale_is_kept_as_written_and_its_codes_print_as_words(write):
    import_files([write("m.csv", MEASURES.replace(EXAMPLE, EXAMPLE.replace(" = ", "=")))])
    lodge = Measure.objects.get(measure_id="LODGE")
    assert lodge.scale == EXAMPLE
    assert lodge.labelled_scale.label(Decimal(2)) == "Good"
    assert Measure.objects.get(measure_id="CLA").labelled_scale is None


def test_a_code_outside_the_scale_is_refused_with_its_row_and_column(write):
    # Many plain rows first: the fast path leaves a scale's figures to the full check.
    plain = "".join(f"CLA,{year}-01,{year}\n" for year in range(2000, 2019))
    observations = (
        "measure_id,period,value,target\n"
        f"{plain}"
        "LODGE,2017/18,2,\n"
        "LODGE,2018/19,5,\n"
        "LODGE,2019/20,1,7\n"
        "LODGE,2020/21,2.5,\n"
    )
    messages = rejected_messages([write("m.csv", MEASURES), write("o.csv", observations)])
    scale = "(1 = Outstanding; 2 = Good; 3 = Requires Improvement to be Good; 4 = Inadequate)"
    assert messages == [
        f"o.csv, row 22, column 'value': The value 5 is not a code of the measure's scale {scale}",
        f"o.csv, row 23, column 'target': 7 is not a code of the measure's scale {scale}",
        f"o.csv, row 24, column 'value': The value 2.5 is not a code of the measure's scale "
        f"{scale}",
    ]
    assert not Observation.objects.exists()


def test_a_code_of_the_scale_is_imported_and_rated_by_the_measures_polarity(write):
    observations = "measure_id,period,value,target\nLODGE,2017/18,3,2\nLODGE,2018/19,2,\n"
    import_files([write("m.csv", MEASURES), write("o.csv", observations)])
    records = [r for r in rating_records() if r["measure_id"] == "LODGE"]
    # Ratings and directions compare the codes: lower is better, so 3 to 2 is improving,
    # and Good (2) meets a target of Good.
    assert [(r["value"], r["target"], r["rag"]) for r in records] == [(3, 2, "R"), (2, 2, "G")]
    assert records[1]["direction"] == "improving"


def test_counts_are_refused_on_a_scale(write):
    observations = "measure_id,period,numerator,denominator\nLODGE,2018/19,1,2\n"
    assert rejected_messages([write("m.csv", MEASURES), write("o.csv", observations)]) == [
        "o.csv, row 2, column 'numerator': A figure on a labelled scale is a code: it has no "
        "counts",
        "o.csv, row 2, column 'denominator': A figure on a labelled scale is a code: it has no "
        "counts",
    ]


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        ('X,Grade,lower,score,annual,"Good; Bad",', "scale", "'Good' is not a code and its words"),
        ('X,Grade,lower,score,annual,"1 = Good; 1 = Bad",', "scale", "the code 1 is given twice"),
        (
            f'X,Grade,lower,percent,annual,"{EXAMPLE}",',
            "scale",
            "the figures of a labelled scale are codes: the unit is score",
        ),
        (
            f'X,Grade,lower,score,annual,"{EXAMPLE}",9',
            "target",
            "9 is not a code of the measure's scale (1 = Outstanding;",
        ),
    ],
)
def test_a_scale_a_measure_cannot_have_is_refused_with_row_and_column(write, row, column, reason):
    text = f"measure_id,title,polarity,unit,frequency,scale,target\n{row}\n"
    (message,) = rejected_messages([write("m.csv", text)])
    assert message.startswith(f"m.csv, row 2, column '{column}': {reason}")


def test_the_scale_exported_reads_back_as_the_same_scale(write, admin_client):
    import_files(
        [write("m.csv", MEASURES), write("o.csv", "measure_id,period,value\nLODGE,2018/19,2\n")]
    )
    exported = admin_client.get("/api/measures/LODGE/").json()
    assert exported["scale"] == EXAMPLE
    # The measure's row and its figures written back from what was exported: nothing changes.
    again = (
        "measure_id,title,polarity,unit,frequency,scale\n"
        f"LODGE,{exported['title']},{exported['polarity']},{exported['unit']},"
        f'{exported["frequency"]},"{exported["scale"]}"\n'
    )
    (record,) = [r for r in rating_records() if r["measure_id"] == "LODGE"]
    figures = f"measure_id,period,value\nLODGE,{record['period']},{record['value']}\n"
    import_files([write("again.csv", again), write("o2.csv", figures)])
    lodge = Measure.objects.get(measure_id="LODGE")
    assert lodge.scale == EXAMPLE
    assert lodge.observations.get().value == 2
    assert not lodge.observations.get().revisions.exists()


def test_the_api_refuses_a_scale_written_wrongly_and_keeps_one_written_well(write, admin_client):
    import_files([write("m.csv", MEASURES)])
    refused = admin_client.patch(
        "/api/measures/CLA/", {"scale": "Good; Bad"}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert "'Good' is not a code and its words" in refused.json()["scale"][0]
    counted = admin_client.patch(
        "/api/measures/CLA/", {"scale": "1=Yes;0=No"}, content_type="application/json"
    )
    assert counted.status_code == 400
    assert counted.json()["scale"] == [
        "the figures of a labelled scale are codes: the unit is score"
    ]
    kept = admin_client.patch(
        "/api/measures/CLA/",
        {"scale": "1=Yes;0=No", "unit": "score"},
        content_type="application/json",
    )
    assert kept.status_code == 200, kept.content
    assert Measure.objects.get(measure_id="CLA").scale == "1 = Yes; 0 = No"


def test_a_scale_stored_unchecked_that_does_not_read_shows_the_codes(write):
    """Imports and the API check a scale; one written straight into the database is ignored."""
    import_files([write("m.csv", MEASURES)])
    Measure.objects.filter(measure_id="LODGE").update(scale="Good; Bad")
    lodge = Measure.objects.get(measure_id="LODGE")
    assert lodge.labelled_scale is None
    assert figure(lodge, Decimal(2)) == "2"
