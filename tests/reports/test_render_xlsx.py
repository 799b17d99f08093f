"""The Excel rendering: a contents sheet, one sheet per table, numbers as numbers, text as text."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from scorecard.reports.document import Cell, Chart, Column, Paragraph, Report, Section, Table
from scorecard.reports.render_xlsx import render_xlsx, sheet_names
from tests.reports.samples import HOSTILE, sample_report

FORBIDDEN = set("[]:*?/\\")


def read(report: Report) -> Workbook:
    return load_workbook(io.BytesIO(render_xlsx(report)))


def report_of(*tables: Table, title: str = "Test report") -> Report:
    return Report(
        kind="test",
        title=title,
        period="Q1 2020/21",
        organisation="Example Council",
        produced=date(2020, 7, 1),
        sections=[Section("Tables", list(tables))],
    )


def table(caption: str, rows: list[list[Cell]] | None = None, *, sheet: str = "") -> Table:
    rows = rows if rows is not None else [[Cell("x"), Cell("1", number=1, decimals=0)]]
    return Table(caption, [Column("Name"), Column("Count", numeric=True)], rows, sheet=sheet)


@pytest.fixture(scope="module")
def sample() -> Workbook:
    return read(sample_report())


def test_contents_first_then_one_sheet_per_table_even_when_a_chart_shares_it(sample):
    # The report's words come second, before the tables: a report with none has no Text sheet.
    assert sample.sheetnames == ["Contents", "Text", "Summary", "Breastfeeding"]


def test_contents_gives_title_organisation_period_and_date(sample):
    contents = sample["Contents"]
    assert contents["A1"].value == "Corporate Performance Report: Q2 2019/20"
    assert contents["A1"].font.b
    assert contents["A1"].font.sz > contents["A2"].font.sz
    assert contents["A2"].value == "Somerset County Council"
    assert contents["A3"].value == "Q2 2019/20"
    assert contents["A4"].value == "Produced on 06.11.2019"


def test_contents_links_every_table_sheet_with_its_caption(sample):
    contents = sample["Contents"]
    assert [c.value for c in contents[6]] == ["Sheet", "What it holds"]
    assert all(c.font.b for c in contents[6])
    rows = [[c.value for c in row] for row in contents.iter_rows(min_row=7)]
    assert rows == [
        ["Text", "Every section's heading and words, in the report's order"],
        ["Summary", "High level summary by outcome"],
        ["Breastfeeding", "Breastfeeding at 6-8 weeks: the last four quarters"],
    ]
    assert contents["A7"].hyperlink.location == "'Text'!A1"
    assert contents["A8"].hyperlink.location == "'Summary'!A1"
    assert contents["A9"].hyperlink.location == "'Breastfeeding'!A1"


def test_the_text_sheet_holds_every_sections_words_in_the_reports_order(sample):
    sheet = sample["Text"]
    assert [c.value for c in sheet[3]] == ["Section", "Text"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert rows == [
        ["Summary", "21 of 37 measures (57%) are on or exceeding target."],
        ["Summary", "Registrations rose by 112% (Q3: 203 → Q4: 430)."],
        ["Summary", "• First point"],
        ["Summary", f"• {HOSTILE}"],
        ["Summary", "Table: High level summary by outcome (on the sheet 'Summary')"],
        ["Summary", "Stacked bars: outcome 1 has 8 Green, 5 Amber, 1 Red."],
        ["Summary", "Table: High level summary by outcome (on the sheet 'Summary')"],
        ["Outcome 1: a county infrastructure", "Measures and projects of the first outcome."],
        ["Breastfeeding at 6-8 weeks", "Rating: Red (R)"],
        ["Breastfeeding at 6-8 weeks", "Polarity: Higher is better"],
        ["Breastfeeding at 6-8 weeks", f"Commentary: {HOSTILE}"],
        ["Breastfeeding at 6-8 weeks", "Line chart: 49.7% (Amber), 51.2% (Green), 44.0% (Red)."],
        [
            "Breastfeeding at 6-8 weeks",
            "Table: Breastfeeding at 6-8 weeks: the last four quarters (on the sheet "
            "'Breastfeeding')",
        ],
        ["Contact details", "Performance@somerset.gov.uk"],
    ]
    assert sheet["B8"].hyperlink.location == "'Summary'!A1"
    # Text, never a formula, whatever it begins with.
    assert all(c.data_type == "s" for row in sheet.iter_rows(min_row=4) for c in row)


def test_a_numbered_section_keeps_its_number_and_an_empty_one_its_heading():
    report = report_of(table("Plain"))
    report.sections += [
        Section("Children's Social Care", [Paragraph("2.1 The year's work.")], number="2"),
        Section("Edge of Care", number="2.2"),
    ]
    sheet = read(report)["Text"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert rows == [
        ["Tables", "Table: Plain (on the sheet 'Plain')"],
        ["2 Children's Social Care", "2.1 The year's work."],
        ["2.2 Edge of Care", None],
    ]


def test_table_sheet_has_caption_then_header_on_row_three(sample):
    sheet = sample["Breastfeeding"]
    assert sheet["A1"].value == "Breastfeeding at 6-8 weeks: the last four quarters"
    assert sheet["A1"].font.b
    assert all(c.value is None for c in sheet[2])
    header = sheet[3]
    assert [c.value for c in header] == ["Period", "Value", "Target", "Rating", "Direction"]
    for cell in header:
        assert cell.font.b
        assert cell.fill.fill_type == "solid"
        assert cell.alignment.wrap_text
    assert sheet["A4"].value == "Q3 2018/19"
    assert sheet.max_row == 7


def test_header_stays_in_view_and_filters_cover_the_data(sample):
    assert sample["Summary"].freeze_panes == "A4"
    assert sample["Summary"].auto_filter.ref == "A3:E5"
    assert sample["Breastfeeding"].freeze_panes == "A4"
    assert sample["Breastfeeding"].auto_filter.ref == "A3:E7"


def test_table_sheets_print_landscape_one_page_wide_repeating_the_header(sample):
    sheet = sample["Summary"]
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_counts_are_whole_numbers_with_thousands_separators(sample):
    sheet = sample["Summary"]
    assert sheet["B5"].value == 1234
    assert isinstance(sheet["B5"].value, int)
    assert sheet["B5"].number_format == "#,##0"
    assert sheet["B5"].data_type == "n"


def test_percentages_are_fractions_with_a_percent_format(sample):
    summary, values = sample["Summary"], sample["Breastfeeding"]
    assert summary["E4"].value == pytest.approx(0.57)
    assert summary["E4"].number_format == "0%"
    assert summary["E5"].value == 1
    assert values["B4"].value == pytest.approx(0.497)
    assert isinstance(values["B4"].value, float)
    assert values["B4"].number_format == "0.0%"
    # No decimals given: as many places as the figure has (50 has none).
    assert values["C4"].value == pytest.approx(0.5)
    assert values["C4"].number_format == "0%"


def test_cells_without_a_number_stay_text(sample):
    sheet = sample["Breastfeeding"]
    assert sheet["B7"].value == "TBC"
    assert sheet["B7"].data_type == "s"
    assert sheet["D7"].value == "Not rated (no value reported by this period)"


@pytest.mark.parametrize(
    ("number", "percent", "decimals", "value", "number_format"),
    [
        (Decimal("1234.5"), False, None, 1234.5, "#,##0.0"),
        (Decimal("12.340"), False, None, 12.34, "#,##0.00"),
        (Decimal("3"), False, 2, 3, "#,##0.00"),
        (Decimal("-7.25"), False, 2, -7.25, "#,##0.00"),
        (Decimal("12.5"), True, None, 0.125, "0.0%"),
        (Decimal("33.333"), True, 2, 0.33333, "0.00%"),
        (Decimal("1E+3"), False, None, 1000, "#,##0"),
    ],
)
def test_number_formats_follow_the_places_asked_for(
    number, percent, decimals, value, number_format
):
    cell = Cell(str(number), number=number, percent=percent, decimals=decimals)
    sheet = read(report_of(table("Numbers", [[Cell("x"), cell]])))["Numbers"]
    assert sheet["B4"].value == pytest.approx(value)
    assert sheet["B4"].data_type == "n"
    assert sheet["B4"].number_format == number_format


def test_decimals_are_written_exactly():
    cell = Cell("0.1%", number=Decimal("0.1"), percent=True, decimals=1)
    data = render_xlsx(report_of(table("Exact", [[Cell("x"), cell]])))
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        xml = book.read("xl/worksheets/sheet2.xml").decode()
    assert "<v>0.001</v>" in xml


def test_rag_cells_are_shaded_with_dark_text(sample):
    sheet = sample["Breastfeeding"]
    expected = {"D4": ("fff7bf", "594d00"), "D5": ("cce2d8", "005a30"), "D6": ("f4cdc6", "2a0b06")}
    for coordinate, (fill, text) in expected.items():
        cell = sheet[coordinate]
        assert cell.fill.fill_type == "solid"
        assert cell.fill.fgColor.rgb.lower().endswith(fill)
        assert cell.font.color.rgb.lower().endswith(text)
    assert sheet["D7"].fill.fill_type is None


def test_blue_rating_is_shaded():
    report = report_of(table("Blue", [[Cell("Blue (B): Closed", rag="B"), Cell("–")]]))
    cell = read(report)["Blue"]["A4"]
    assert cell.fill.fgColor.rgb.lower().endswith("bbd4ea")
    assert cell.font.color.rgb.lower().endswith("0c2d4a")


FORMULA_LIKE = [
    '=HYPERLINK("http://evil.example","Click me")',
    "=1+1",
    "+44 1823 355455",
    "-5 days late",
    "@SUM(A1:A2)",
    "\tindented",
    "\rreturn",
    "'quoted",
    HOSTILE,
]


def test_formula_like_text_is_stored_as_text_unchanged():
    rows = [[Cell(text), Cell(text)] for text in FORMULA_LIKE]
    hostile = Table(
        '=HYPERLINK("http://evil.example","caption")',
        [Column("=cmd|' /C calc'!A0"), Column("@heading")],
        rows,
        sheet="Hostile",
    )
    data = render_xlsx(report_of(hostile))
    sheet = load_workbook(io.BytesIO(data))["Hostile"]
    for row, text in enumerate(FORMULA_LIKE, start=4):
        for cell in sheet[row]:
            assert cell.value == text
            assert cell.data_type == "s"
    assert sheet["A1"].value == '=HYPERLINK("http://evil.example","caption")'
    assert sheet["A1"].data_type == "s"
    assert [c.value for c in sheet[3]] == ["=cmd|' /C calc'!A0", "@heading"]
    assert all(c.data_type == "s" for c in sheet[3])
    # Excel's own mark for text typed after an apostrophe: it stays text when edited.
    assert sheet["A4"].quotePrefix
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in book.read(name).decode()


def test_characters_excel_cannot_hold_are_dropped_not_fatal():
    report = report_of(table("Pasted\x0b text", [[Cell("from\x0bWord\x00"), Cell("–")]]))
    book = read(report)
    assert book.sheetnames == ["Contents", "Pasted text"]
    assert book["Pasted text"]["A4"].value == "fromWord"


def test_duplicate_and_long_captions_give_unique_legal_sheet_names():
    long = "Percentage of children in care with an up to date health assessment"
    tables = [
        table(long),
        table(long),
        table(long.upper()),
        table("Summary"),
        table("summary"),
        table("Contents"),
        table("History"),
        table("Q1/Q2 [draft]: what? *all* \\ of it"),
        table("???"),
        table("Named", sheet="Own sheet name"),
    ]
    names = read(report_of(*tables)).sheetnames
    assert names[0] == "Contents"
    assert len(names) == len(tables) + 1
    assert len({name.casefold() for name in names}) == len(names)
    for name in names:
        assert 0 < len(name) <= 31
        assert not FORBIDDEN & set(name)
        assert name == name.strip() and not name.startswith("'") and not name.endswith("'")
    assert names[1] == long[:31].strip()
    assert names[2].endswith(" (2)") and names[3].endswith(" (3)")
    assert names[4:7] == ["Summary", "summary (2)", "Contents (2)"]
    assert names[7] == "History (2)"
    assert names[8] == "Q1Q2 draft what all of it"
    assert names[9] == "Table 9"
    assert names[10] == "Own sheet name"


def test_each_contents_link_points_at_its_own_sheet():
    tables = [table("Same caption"), table("Same caption"), table("Children's services")]
    book = read(report_of(*tables))
    contents = book["Contents"]
    links = [contents.cell(row, 1) for row in range(7, 10)]
    assert [c.value for c in links] == book.sheetnames[1:]
    assert [c.hyperlink.location for c in links] == [
        "'Same caption'!A1",
        "'Same caption (2)'!A1",
        "'Children''s services'!A1",
    ]


def test_sheet_names_count_emoji_as_excel_does():
    (name,) = sheet_names([table("🙂" * 20)])
    assert len(name.encode("utf-16-le")) // 2 <= 31


def test_numeric_columns_are_right_aligned(sample):
    sheet = sample["Breastfeeding"]
    assert sheet["B4"].alignment.horizontal == "right"
    assert sheet["B7"].alignment.horizontal == "right"  # "TBC" in a numeric column
    assert sheet["B3"].alignment.horizontal == "right"
    assert sheet["A4"].alignment.horizontal is None
    assert sheet["D4"].alignment.horizontal is None


def test_columns_fit_their_content_up_to_a_limit():
    long = "A very long commentary " * 10
    sheet = read(report_of(table("Widths", [[Cell(long), Cell("12", number=12)]])))["Widths"]
    assert sheet.column_dimensions["A"].width == 60
    assert sheet["A4"].alignment.wrap_text
    assert 8 <= sheet.column_dimensions["B"].width < 20
    assert not sheet["B4"].alignment.wrap_text


def test_row_headers_are_bold(sample):
    assert sample["Summary"]["A4"].font.b
    assert not sample["Summary"]["B4"].font.b


def test_workbook_properties(sample):
    assert sample.properties.title == "Corporate Performance Report: Q2 2019/20"
    assert sample.properties.creator == "Somerset County Council"
    assert sample.properties.language == "en-GB"


def test_chart_tables_get_their_own_sheet():
    chart_table = table("Chart data", sheet="Chart data")
    report = report_of(table("Plain"))
    report.sections[0].add(Chart("A chart", "<svg/>", "A chart of nothing.", chart_table))
    assert read(report).sheetnames == ["Contents", "Plain", "Chart data"]


def test_a_report_without_tables_still_has_its_contents_sheet():
    book = read(report_of())
    assert book.sheetnames == ["Contents"]
    assert book["Contents"]["A7"].value == "This report has no tables."


def test_a_table_without_rows_filters_its_header_only():
    sheet = read(report_of(table("Empty", [])))["Empty"]
    assert sheet.auto_filter.ref == "A3:B3"
    assert [c.value for c in sheet[3]] == ["Name", "Count"]
