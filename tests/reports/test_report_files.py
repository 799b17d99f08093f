"""`scorecard report` as users run it: a separate process on the demo council, every kind in
every format, the files read back with their own libraries and checked against
`scorecard export scorecard` for the same period."""

import csv
import io
import json
import os
from decimal import Decimal

import docx
import openpyxl
import pypdf
import pytest

from scorecard.core.period_parser import parse_period
from scorecard.core.scales import Scale, parse_scale
from scorecard.demo.loader import DEMO_DATA_DIR
from tests.databases import run_scorecard, run_scorecard_each

PERIOD = "Q2 2019/20"
FORMATS = ["html", "pdf", "docx", "xlsx"]
# Each kind at a period the demo has something for (seeds 003, 000 and 004).
REPORTS = {
    "corporate": PERIOD,
    "programme": "Q4 2017/18",
    "actions": "Q4 2017/18",
    "dashboard": "Mar-18",
    "risks": "2018/19",
    "lead-member": "2018/19",
    "board": "2017/18",
}
# The plan a kind is asked for where the first plan with something to report is not the seed's.
PLANS = {"lead-member": "children-families", "board": "corporate-parenting"}


def _environment(folder) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
    }


def _scorecard(folder, *arguments):
    return run_scorecard(folder, _environment(folder), *arguments, timeout=600)


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    """The demo loaded once, every report written once, and the scorecard export beside them."""
    folder = tmp_path_factory.mktemp("papers")
    loaded = _scorecard(folder, "demo", "--no-serve")
    assert loaded.returncode == 0, loaded.stderr
    reports = {
        (kind, format_name): [
            "report",
            kind,
            "--period",
            period,
            "--format",
            format_name,
            "-o",
            str(folder / f"{kind}.{format_name}"),
            *(["--plan", PLANS[kind]] if kind in PLANS else []),
        ]
        for kind, period in REPORTS.items()
        for format_name in FORMATS
    }
    results, errors = run_scorecard_each(folder, _environment(folder), list(reports.values()))
    written = {}
    for (kind, format_name), (code, _) in zip(reports, results, strict=True):
        assert code == 0, (kind, format_name, errors)
        written[kind, format_name] = (folder / f"{kind}.{format_name}").read_bytes()
    exported = _export(folder, PERIOD, "business-plan")
    return written, exported, folder


def _export(folder, period: str, plan_id: str) -> dict:
    exported = _scorecard(folder, "export", "scorecard", "--period", period, "--plan", plan_id)
    assert exported.returncode == 0, exported.stderr
    return json.loads(exported.stdout)


def _stored(cell) -> Decimal:
    """A workbook number as the export writes it: percent cells hold a fraction."""
    value = Decimal(str(cell.value))
    return value * 100 if cell.number_format.endswith("%") else value


def _figure(value) -> str:
    return f"{Decimal(str(value)):f}"


@pytest.mark.parametrize("kind", REPORTS)
def test_every_kind_is_written_in_every_format(papers, kind):
    written, _, _ = papers
    html = written[kind, "html"].decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in html
    assert written[kind, "pdf"].startswith(b"%PDF-")
    assert docx.Document(io.BytesIO(written[kind, "docx"])).paragraphs
    workbook = openpyxl.load_workbook(io.BytesIO(written[kind, "xlsx"]))
    assert workbook.sheetnames[0] == "Contents" and len(workbook.sheetnames) > 1


def test_the_pdf_is_tagged_titled_and_numbered(papers):
    written, exported, _ = papers
    reader = pypdf.PdfReader(io.BytesIO(written["corporate", "pdf"]))
    assert reader.metadata.title.startswith("Corporate Performance Report: Q2 2019/20")
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    pages = [page.extract_text() for page in reader.pages]
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert all("Corporate Performance Report Q2 2019/20" in page for page in pages[1:])
    assert "Contents" in pages[1]
    text = "\n".join(pages)
    for measure in exported["measures"]:
        assert measure["title"][:40] in text.replace("\n", " ")


def test_the_pdf_summary_figures_equal_the_export(papers):
    written, exported, _ = papers
    reader = pypdf.PdfReader(io.BytesIO(written["corporate", "pdf"]))
    text = " ".join(page.extract_text() for page in reader.pages)
    total = exported["summary"][-1]
    rated = total["G"] + total["A"] + total["R"]
    assert f"{total['G']} of {rated} measures and projects ({total['pct_on_target']}%)" in text


def test_the_word_file_has_an_outline_and_tables_with_the_export_figures(papers):
    written, exported, _ = papers
    document = docx.Document(io.BytesIO(written["corporate", "docx"]))
    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0].style.name == "Heading 1"
    assert "High level summary" in [p.text for p in headings if p.style.name == "Heading 2"]
    measure_titles = {p.text for p in headings if p.style.name == "Heading 3"}
    assert {m["title"] for m in exported["measures"]} <= measure_titles
    summary = next(t for t in document.tables if t.rows[0].cells[0].text == "Outcome")
    total_row = next(r for r in summary.rows if r.cells[0].text == "Total")
    total = exported["summary"][-1]
    assert [c.text for c in total_row.cells[1:5]] == [str(total[k]) for k in ("G", "A", "R", "B")]


def test_the_workbook_stores_the_export_figures_as_numbers(papers):
    written, exported, _ = papers
    workbook = openpyxl.load_workbook(io.BytesIO(written["corporate", "xlsx"]))
    summary = workbook["Summary by outcome"]
    header = [cell.value for cell in summary[3]]
    assert summary.freeze_panes == "A4" and summary.auto_filter.ref
    rows = {row[0]: row for row in summary.iter_rows(min_row=4, values_only=True)}
    for expected in exported["summary"]:
        row = rows[expected["name"]]
        assert row[header.index("Green (G)")] == expected["G"]
        assert row[header.index("Red (R)")] == expected["R"]
        if expected["pct_on_target"] is not None:
            assert row[header.index("% on target")] == pytest.approx(
                expected["pct_on_target"] / 100
            )
    percent_cell = summary.cell(4, header.index("% on target") + 1)
    assert percent_cell.number_format.endswith("%")
    for measure in exported["measures"]:
        if measure["value"] is None:
            continue
        sheet = workbook[measure["measure_id"][:31]]
        last = [cell for cell in sheet[sheet.max_row]]
        assert last[0].value == parse_period(measure["period"]).display
        assert _stored(last[1]) == Decimal(str(measure["value"]))
        assert isinstance(last[1].value, int | float)


def test_the_long_layout_is_a_choice_of_the_corporate_report_only(papers):
    _, _, folder = papers
    long_form = _scorecard(
        folder,
        "report",
        "corporate",
        "--period",
        PERIOD,
        "--layout",
        "long",
        "--format",
        "html",
        "-o",
        str(folder / "long.html"),
    )
    assert long_form.returncode == 0, long_form.stderr
    html = (folder / "long.html").read_text(encoding="utf-8")
    assert 'class="card"' not in html and "<dt>Polarity</dt>" in html
    refused = _scorecard(
        folder,
        "report",
        "programme",
        "--period",
        "Q4 2017/18",
        "--layout",
        "long",
        "-o",
        str(folder / "refused.pdf"),
    )
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "scorecard: report programme: the plan progress report has no 'long' layout"
    )
    assert not (folder / "refused.pdf").exists()


def test_a_bad_period_or_plan_is_one_line_and_writes_nothing(papers):
    _, _, folder = papers
    bad = _scorecard(folder, "report", "corporate", "--period", "Q9", "-o", "bad.pdf")
    assert bad.returncode == 1 and bad.stderr.startswith("scorecard: --period:")
    assert len(bad.stderr.strip().splitlines()) == 1
    unknown = _scorecard(
        folder, "report", "risks", "--period", PERIOD, "--plan", "nope", "-o", "bad.pdf"
    )
    assert unknown.returncode == 1
    assert "no plan 'nope'" in unknown.stderr
    assert not (folder / "bad.pdf").exists()


def test_the_progress_reports_indicators_equal_the_export(papers):
    written, _, folder = papers
    exported = {m["title"]: m for m in _export(folder, REPORTS["programme"], "cypp")["measures"]}
    workbook = openpyxl.load_workbook(io.BytesIO(written["programme", "xlsx"]))
    compared = 0
    for sheet in workbook.worksheets[1:]:
        header = [cell.value for cell in sheet[3]]
        if "Most recent" not in header:
            continue
        column = header.index("Most recent")
        for row in sheet.iter_rows(min_row=4):
            expected = exported[row[0].value]
            if expected["value"] is None or not isinstance(row[column].value, int | float):
                continue
            assert _stored(row[column]) == Decimal(str(expected["value"])), row[0].value
            compared += 1
    assert compared > 40


def test_the_dashboards_latest_figures_equal_the_export(papers):
    written, _, folder = papers
    period = REPORTS["dashboard"]
    exported = _export(folder, period, "corporate-parenting")["measures"]
    workbook = openpyxl.load_workbook(io.BytesIO(written["dashboard", "xlsx"]))
    compared = 0
    for measure in exported:
        if measure["value"] is None or measure["measure_id"] not in workbook.sheetnames:
            continue
        sheet = workbook[measure["measure_id"]]
        header = [cell.value for cell in sheet[3]]
        shown = parse_period(measure["period"]).display
        everything = next(row for row in sheet.iter_rows(min_row=4) if row[0].value == "All")
        assert _stored(everything[header.index(shown)]) == Decimal(str(measure["value"]))
        compared += 1
    assert compared > 10


def test_the_lead_member_reports_latest_figures_equal_the_export(papers):
    written, _, folder = papers
    exported = _export(folder, REPORTS["lead-member"], "children-families")["measures"]
    by_title = {m["title"]: m for m in exported if m["value"] is not None}
    workbook = openpyxl.load_workbook(io.BytesIO(written["lead-member", "xlsx"]))
    compared = 0
    # The sheets of tables, after the contents and the report's words.
    for sheet in workbook.worksheets[2:]:
        header = [cell.value for cell in sheet[3]]
        latest = header.index("Latest")
        for row in sheet.iter_rows(min_row=4):
            expected = Decimal(str(by_title[row[0].value]["value"]))
            scale = _demo_scales().get(row[0].value)
            if scale is None:
                assert _stored(row[latest]) == expected, row[0].value
            else:
                # A grade's code is exported; every paper prints its words ("Good (2018/19)").
                assert row[latest].value.startswith(f"{scale.label(expected)} ("), row[0].value
            compared += 1
    assert compared == len(by_title) == 53
    assert workbook.worksheets[1].title == "Text"


def _demo_scales() -> dict[str, Scale]:
    """The demo's measures on a labelled scale, by title."""
    with open(DEMO_DATA_DIR / "061-lead-member-measures.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    return {row["title"]: parse_scale(row["scale"]) for row in rows if row["scale"]}


def _shown_number(text: str) -> tuple[Decimal, int]:
    """'£2.18m' -> (2.18, 2 places); '67.0% (71/106)' -> (67.0, 1): the figure a cell shows.
    A budget variance is worded: 'Underspend of £1.067m' -> (-1.067, 3); 'Balanced' -> (0, 0)."""
    import re

    if text == "Balanced":
        return Decimal(0), 0
    found = re.search(r"-?[£]?(-?[\d,]+(?:\.(\d+))?)", text)
    assert found, text
    sign = -1 if text.startswith("Underspend of ") else 1
    return sign * Decimal(found.group(1).replace(",", "")), len(found.group(2) or "")


def _latest_in_word(table) -> tuple[str, str, str]:
    """The latest period, its figure and its rating as a measure's Word table shows them: the
    last row of the long form's series, or the last column of a card's periods."""
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    if rows[0][0] == "Period" and rows[0][1] == "Value":
        return rows[-1][0], rows[-1][1], rows[-1][3]
    across = next(i for i, row in enumerate(rows) if row[0] == "Period")
    return rows[across][-1], rows[across + 1][-1], rows[across + 2][-1]


def test_every_measures_latest_figure_in_word_equals_the_export(papers):
    from docx.oxml.ns import qn

    written, exported, _ = papers
    document = docx.Document(io.BytesIO(written["corporate", "docx"]))
    by_caption = {}
    for table in document.tables:
        caption = table._tbl.tblPr.find(qn("w:tblCaption"))
        if caption is not None:
            by_caption[caption.get(qn("w:val"))] = table
    compared = 0
    for measure in exported["measures"]:
        if measure["value"] is None:
            continue
        table = next(
            t for c, t in by_caption.items() if c.startswith(f"{measure['title']}: the last")
        )
        period, figure, rating = _latest_in_word(table)
        assert period == parse_period(measure["period"]).display
        shown, places = _shown_number(figure)
        assert abs(shown - Decimal(str(measure["value"]))) <= Decimal(5) / 10 ** (places + 1)
        rag = measure["rag"]
        assert rating.endswith(f"({rag})") if rag else rating.startswith("Not rated")
        compared += 1
    assert compared == sum(1 for m in exported["measures"] if m["value"] is not None) > 5
