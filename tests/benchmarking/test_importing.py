"""Importing areas, groups, indicators and their values: all or nothing, every bad row named,
the same file twice changes nothing."""

import pytest

from scorecard.audit.actor import acting_as
from scorecard.audit.models import AuditEntry
from scorecard.benchmarking.models import Area, AreaValue, ComparatorGroup, Indicator
from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files
from tests.benchmarking.conftest import FILES, FIXTURES

pytestmark = pytest.mark.django_db

FINGERTIPS = FIXTURES / "fingertips_smoking.csv"


def _rejected(paths) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        import_files(paths)
    return [str(error) for error in caught.value.errors]


def test_a_fingertips_download_is_imported_with_its_areas_and_indicator():
    result = import_files([FINGERTIPS])
    assert str(result) == "Imported 7 fingertips row(s)"
    somerset = AreaValue.objects.get(area__code="E10000027")
    assert (somerset.period, somerset.period_kind) == ("2019/20", "financial_year")
    assert (somerset.value, somerset.count, somerset.denominator) == (7.5, 300, 4000)
    assert (somerset.lower_95, somerset.upper_998) == (6.72391, 8.89062)
    assert (somerset.sex, somerset.age, somerset.compared_to_england) == (
        "Female",
        "All ages",
        "Better",
    )
    assert somerset.area.region.code == "E12000009"
    assert somerset.area.area_type == "Counties & UAs"
    suppressed = AreaValue.objects.get(area__code="E06000024")
    assert suppressed.value is None
    assert suppressed.value_note.startswith("Value suppressed")


def test_polarity_and_value_type_are_learnt_from_the_download():
    import_files([FINGERTIPS])
    indicator = Indicator.objects.get(indicator_id="92196")
    assert indicator.name == "Smoking status at time of delivery"
    assert (indicator.polarity, indicator.value_type, indicator.multiplier) == (
        "lower",
        "proportion",
        100,
    )


def test_an_officers_polarity_is_not_overwritten(write):
    indicators = write(
        "indicators.csv", "indicator_id,name,polarity\n92196,Smoking at delivery,higher\n"
    )
    import_files([indicators, FINGERTIPS])
    indicator = Indicator.objects.get(indicator_id="92196")
    assert indicator.polarity == "higher"
    assert indicator.name == "Smoking status at time of delivery"


def test_importing_the_same_file_again_updates_rather_than_duplicates(write):
    import_files([FINGERTIPS])
    changed = write("again.csv", FINGERTIPS.read_text().replace(",7.5,", ",7.6,"))
    import_files([changed])
    import_files([changed])
    assert AreaValue.objects.count() == 7
    assert Area.objects.count() == 7
    assert AreaValue.objects.get(area__code="E10000027").value == 7.6


def test_our_own_form_with_indicators_areas_and_groups(south_west):
    rate = AreaValue.objects.get(indicator__indicator_id="CIN-RATE", area__code="E10000027")
    assert (rate.period, rate.period_kind) == ("2016-2018", "pooled_calendar")
    assert rate.lower_95 is None
    indicator = rate.indicator
    assert (indicator.polarity, indicator.value_type, indicator.multiplier) == (
        "lower",
        "crude_rate",
        10000,
    )
    somerset = Area.objects.get(code="E10000027")
    assert (somerset.la_number, somerset.region.name) == ("933", "South West")
    neighbours = ComparatorGroup.objects.get(slug="somerset-neighbours")
    assert neighbours.for_area == somerset
    assert neighbours.member_codes() == ["E10000008", "E06000022", "E06000023"]


def test_group_members_are_replaced_in_the_order_given(south_west, write):
    groups = write(
        "groups.csv",
        "group_slug,name,kind,for_area,members\n"
        "somerset-neighbours,Neighbours,statistical_neighbours,E10000027,E06000023; E10000008\n",
    )
    import_files([groups])
    group = ComparatorGroup.objects.get(slug="somerset-neighbours")
    assert group.member_codes() == ["E06000023", "E10000008"]
    assert group.name == "Neighbours"


def test_the_audit_trail_keeps_each_membership_added_moved_or_dropped(db, write):
    names = (*FILES, "comparator_values.csv", "comparator_groups.csv")
    with acting_as("an importer"):
        import_files([FIXTURES / name for name in names], entered_by="test")
        group = ComparatorGroup.objects.get(slug="somerset-neighbours")
        added = AuditEntry.objects.filter(model="benchmarking.groupmember", action="created")
        assert added.count() == 3 + 5
        assert AuditEntry.objects.filter(model="benchmarking.comparatorgroup").count() == 2
        # Was E10000008; E06000022; E06000023: one dropped, one moved, one kept where it was.
        reordered = write(
            "groups.csv",
            "group_slug,name,kind,for_area,members\n"
            "somerset-neighbours,Neighbours,statistical_neighbours,E10000027,"
            "E10000008; E06000023\n",
        )
        import_files([reordered])
    entries = AuditEntry.objects.filter(model="benchmarking.groupmember").exclude(action="created")
    assert sorted(
        (e.action, e.before.get("order"), e.after and e.after.get("order")) for e in entries
    ) == [
        ("changed", 3, 2),
        ("deleted", 2, None),
    ]
    assert group.member_codes() == ["E10000008", "E06000023"]


def test_every_bad_fingertips_row_is_named_and_nothing_is_written(write):
    text = FINGERTIPS.read_text().splitlines()
    bad = [
        text[0],
        text[1],
        text[2].replace(",2019/20,", ",2019 Q5,"),
        text[3].replace(",6.72391,", ",six,"),
        text[4].replace(",E10000008,", ",Devon,"),
        text[5].replace(",11.7064,15.1476,", ",15.1476,11.7064,"),
        text[1],
    ]
    errors = _rejected([write("fingertips.csv", "\n".join(bad) + "\n")])
    assert errors == [
        "fingertips.csv, row 3, column 'time period': '2019 Q5' is not a period we recognise: "
        "use a form such as 2019-09, Sep-19, 2019/20 Q2, 2019/20, 2019/20 AY, 2019, "
        "2014/15 - 2016/17 or R12M 2018-03; Fingertips forms such as 2016 - 18 are read too",
        "fingertips.csv, row 4, column 'lower ci 95.0 limit': 'six' is not a number",
        "fingertips.csv, row 5, column 'area code': 'Devon' is not a GSS code: "
        "a letter and eight digits, such as E10000027",
        "fingertips.csv, row 6, column 'lower ci 95.0 limit': "
        "the lower limit 15.1476 is above the upper 11.7064",
        "fingertips.csv, row 7, column 'time period': 92196 for E92000001 in 2019/20 "
        "(Female, All ages) appears twice in this import (first on row 2)",
    ]
    assert AreaValue.objects.count() == 0
    assert Area.objects.count() == 0


def test_a_bad_row_in_one_file_keeps_every_other_file_out(write):
    values = write("values.csv", "indicator_id,area_code,period,value\nNEW,E10000027,2019,1\n")
    errors = _rejected([FINGERTIPS, values])
    # Somerset is known from the Fingertips file, read first; the indicator is not.
    assert errors == [
        "values.csv, row 2, column 'indicator_id': no indicator 'NEW': give its name in "
        "indicator_name or add it in a comparator_indicators file first",
    ]
    assert AreaValue.objects.count() == 0


def test_areas_and_groups_rows_are_checked(write):
    areas = write(
        "areas.csv",
        "gss_code,la_number,name,area_type,region_code\n"
        "E10000027,933,Somerset,County,E12000009\n"
        "E10000008,933,Devon,County,\n"
        "E1000002,93,Nowhere,County,\n",
    )
    groups = write(
        "groups.csv",
        "group_slug,name,kind,for_area,members\n"
        "sn,Neighbours,neighbours,E10000099,E10000008; E10000098\n",
    )
    assert _rejected([areas, groups]) == [
        "areas.csv, row 2, column 'region_code': no area 'E12000009': "
        "give the region on an earlier row or in an areas file first",
        "areas.csv, row 3, column 'la_number': LA number 933 is already the number of E10000027",
        "areas.csv, row 4, column 'gss_code': 'E1000002' is not a GSS code: "
        "a letter and eight digits, such as E10000027",
        "areas.csv, row 4, column 'la_number': '93' is not a DfE LA number: "
        "three digits, such as 933",
        "groups.csv, row 2, column 'kind': 'neighbours' is not one of england, region, "
        "statistical_neighbours, cipfa, custom",
        "groups.csv, row 2, column 'for_area': no area 'E10000099': add it in an areas file first",
        "groups.csv, row 2, column 'members': no area E10000098: add them in an areas file first",
    ]


def test_an_unknown_column_in_a_fingertips_download_is_named(write):
    header = FINGERTIPS.read_text().splitlines()[0] + ",Mystery"
    errors = _rejected([write("f.csv", header + "\n")])
    assert errors == [
        "f.csv, row 1, column 'mystery': 'mystery' is not a column of a fingertips file"
    ]
