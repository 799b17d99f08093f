"""A measures file links a measure to the published statistic it is benchmarked by."""

import pytest

from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files
from scorecard.measures.models import Measure
from tests.benchmarking.conftest import FIXTURES

pytestmark = pytest.mark.django_db

INDICATORS = FIXTURES / "comparator_indicators.csv"
HEADER = "measure_id,title,polarity,unit,rate_per,frequency,comparator_indicator\n"


def test_a_measure_links_to_an_indicator_imported_with_it(write):
    measures = write("m.csv", HEADER + "CIN,Children in need,lower,rate,10000,annual,CIN-RATE\n")
    import_files([measures, INDICATORS])
    assert Measure.objects.get(measure_id="CIN").comparator_indicator.indicator_id == "CIN-RATE"


def test_a_blank_cell_unlinks_and_a_file_without_the_column_leaves_the_link(write):
    import_files(
        [
            write("m.csv", HEADER + "CIN,Children in need,lower,rate,10000,annual,CIN-RATE\n"),
            INDICATORS,
        ]
    )
    without = "measure_id,title,polarity,unit,rate_per,frequency\n"
    import_files([write("m2.csv", without + "CIN,Children in need,lower,rate,10000,annual\n")])
    assert Measure.objects.get(measure_id="CIN").comparator_indicator is not None
    import_files([write("m3.csv", HEADER + "CIN,Children in need,lower,rate,10000,annual,\n")])
    assert Measure.objects.get(measure_id="CIN").comparator_indicator is None


def test_an_unknown_indicator_is_named_and_nothing_is_written(write):
    measures = write("m.csv", HEADER + "CIN,Children in need,lower,rate,10000,annual,90284\n")
    with pytest.raises(ImportRejected) as caught:
        import_files([measures])
    assert [str(e) for e in caught.value.errors] == [
        "m.csv, row 2, column 'comparator_indicator': no comparator indicator '90284': import it "
        "first, or with this file, in a comparator_indicators, comparator_values or Fingertips file"
    ]
    assert not Measure.objects.exists()
