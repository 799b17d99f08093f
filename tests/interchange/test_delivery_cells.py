"""Reading the cells of delivery and risk files: dates in the forms councils type, date lists,
yes/no, statuses and lists of ids."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.ratings import Rag
from scorecard.interchange import cells
from scorecard.interchange.readers import undefused

FORMS = {
    "iso": lambda d: d.isoformat(),
    "dotted": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "slashed": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "slashed short": lambda d: f"{d.day}/{d.month}/{d.year}",
    "month name": lambda d: f"{d.day} {d:%B} {d.year}",
    "month abbreviation": lambda d: f"{d.day} {d:%b} {d.year}",
    "spreadsheet cell": lambda d: cells.SpreadsheetDate(d),
}


@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    form=st.sampled_from(sorted(FORMS)),
)
def test_any_date_from_1900_to_2100_in_each_accepted_form_reads_back_as_itself(day, form):
    assert cells.date(FORMS[form](day)) == day


@pytest.mark.parametrize(
    "written",
    ["2018-03-01", "01.03.2018", "01/03/2018", "1 March 2018", "1 Mar 2018", " 1 march 2018 "],
)
def test_the_forms_in_the_docs_are_read(written):
    assert cells.date(written) == dt.date(2018, 3, 1)


@pytest.mark.parametrize("written", ["1st March 2018", "1 Sept 2018", "1 Sep 2018"])
def test_ordinals_and_the_september_councils_write_are_read(written):
    assert cells.date(written).day == 1


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("31/02/2018", "'31/02/2018' is not a real date: February 2018 has no day 31"),
        ("2018-13-01", "'2018-13-01' is not a date: there is no month 13"),
        (
            "1899-12-31",
            "'1899-12-31' is not a date we can use: years run from 1900 to 2100",
        ),
        ("01/01/2101", "'01/01/2101' is not a date we can use: years run from 1900 to 2100"),
        (
            "March 2018",
            "'March 2018' is not a date: write it as 2018-03-01, 01/03/2018, 01.03.2018 "
            "or 1 March 2018",
        ),
        (
            "1 Smarch 2018",
            "'1 Smarch 2018' is not a date: write it as 2018-03-01, 01/03/2018, 01.03.2018 "
            "or 1 March 2018",
        ),
        ("01/03/18", "'01/03/18' is not a date: write it as 2018-03-01"),
    ],
)
def test_a_bad_date_says_why(written, reason):
    with pytest.raises(cells.CellError) as caught:
        cells.date(written)
    assert str(caught.value).startswith(reason)


def test_a_required_date_must_be_given():
    with pytest.raises(cells.CellError, match="a date is needed here"):
        cells.date(" ", required=True)


def test_a_spreadsheet_date_before_1900_is_refused():
    with pytest.raises(cells.CellError, match="years run from 1900 to 2100"):
        cells.date(cells.SpreadsheetDate(dt.date(1899, 12, 30)))


def test_a_spreadsheet_date_cell_in_a_period_column_is_its_month():
    assert cells.period(cells.SpreadsheetDate(dt.date(2019, 9, 1))).label == "2019-09"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("", ()),
        ("2018-06-01", (dt.date(2018, 6, 1),)),
        ("2018-06-01; 01/09/2018", (dt.date(2018, 6, 1), dt.date(2018, 9, 1))),
        ("2018-06-01;2018-09-01;", (dt.date(2018, 6, 1), dt.date(2018, 9, 1))),
    ],
)
def test_date_lists_are_separated_by_semicolons_oldest_first(written, read):
    assert cells.dates(written) == read


def test_dates_separated_by_commas_are_refused_with_a_hint():
    with pytest.raises(cells.CellError, match="separate dates with semicolons"):
        cells.dates("2018-06-01, 2018-09-01")


@given(st.lists(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))))
def test_a_date_list_written_as_exports_write_it_reads_back(days):
    assert cells.dates("; ".join(d.isoformat() for d in days)) == tuple(days)


@pytest.mark.parametrize(
    ("written", "read"), [("yes", True), ("Y", True), ("TRUE", True), ("no", False), ("", False)]
)
def test_yes_no(written, read):
    assert cells.yes_no(written) is read


def test_yes_no_refuses_maybe():
    with pytest.raises(cells.CellError, match="'maybe' is not yes or no"):
        cells.yes_no("maybe")


@pytest.mark.parametrize(
    ("written", "read"),
    [("G", Rag.GREEN), ("a", Rag.AMBER), ("Red", Rag.RED), ("BLUE", Rag.BLUE), ("", None)],
)
def test_statuses_are_letters_or_colour_words(written, read):
    assert cells.status(written) is read


@pytest.mark.parametrize(
    ("written", "required", "reason"),
    [
        ("Purple", False, "'Purple' is not a status: use G, A, R or B"),
        ("", True, "a status is needed here: G, A, R or B"),
    ],
)
def test_a_bad_status_says_why(written, required, reason):
    with pytest.raises(cells.CellError) as caught:
        cells.status(written, required=required)
    assert str(caught.value) == reason


def test_id_lists_are_trimmed_and_each_given_once():
    assert cells.identifiers(" jthompson ;areece; jthompson;") == ("jthompson", "areece")


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("jthompson, areece", "separate ids with semicolons"),
        ("j thompson", "can only have letters, digits"),
    ],
)
def test_a_bad_id_list_says_why(written, reason):
    with pytest.raises(cells.CellError, match=reason):
        cells.identifiers(written)


def test_name_lists_keep_commas_inside_names():
    assert cells.names("Children, families and communities; Safe children") == (
        "Children, families and communities",
        "Safe children",
    )


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("'=SUM(A1)", "=SUM(A1)"),
        ("'-", "-"),
        ("'+44", "+44"),
        ("'@home", "@home"),
        ("''quoted'", "'quoted'"),
        ("'til then", "'til then"),
        ("plain", "plain"),
    ],
)
def test_a_cell_an_export_defused_reads_back_as_it_was(cell, read):
    assert undefused(cell) == read


@given(st.text(max_size=30).map(str.strip))
def test_what_an_export_defuses_the_importer_reads_back(text):
    from scorecard.interchange.exporter import _safe_cell

    assert undefused(_safe_cell(text)) == text
