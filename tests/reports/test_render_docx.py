"""The Word renderer, read back with python-docx: outline, tables, charts, page furniture."""

import io
from datetime import date

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm

from scorecard.reports.document import (
    Cell,
    Chart,
    Column,
    Facts,
    Paragraph,
    Report,
    Section,
    Table,
)
from scorecard.reports.render_docx import render_docx
from tests.reports.samples import HOSTILE, sample_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture(scope="module")
def report():
    return sample_report()


@pytest.fixture(scope="module")
def word(report):
    return docx.Document(io.BytesIO(render_docx(report)))


def small_report(*blocks, sections=()) -> Report:
    return Report(
        kind="dashboard",
        title="Dashboard",
        period="",
        organisation="Council",
        sections=[Section("Only", list(blocks), list(sections))],
        produced=date(2020, 1, 31),
    )


def read(report: Report):
    return docx.Document(io.BytesIO(render_docx(report)))


def blocks(report: Report):
    return [block for _, section in report.walk() for block in section.blocks]


def charts(report: Report) -> list[Chart]:
    return [block for block in blocks(report) if isinstance(block, Chart)]


def instructions(element) -> str:
    return " ".join(text.text for text in element.iter(f"{W}instrText"))


def cell_text(document, text: str):
    """The first table cell reading exactly `text`."""
    return next(
        cell
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        if cell.text == text
    )


def style_id(paragraph) -> str | None:
    style = paragraph._p.find(f"{W}pPr/{W}pStyle")
    return None if style is None else style.get(qn("w:val"))


def facts_table(document):
    return next(t for t in document.tables if t.rows[0].cells[0].text == "Rating")


def luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


# Outline


def test_headings_follow_the_report_outline(word, report):
    headings = [
        (p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")
    ]
    expected = [("Heading 1", report.title)] + [
        (f"Heading {level}", section.title) for level, section in report.walk()
    ]
    assert headings == expected


def test_the_title_style_is_not_used_as_it_is_outside_the_outline(word):
    assert all(p.style.name != "Title" for p in word.paragraphs)


def test_deep_sections_stop_at_heading_6():
    deep = Section("Level 8")
    for title in ("Level 7", "Level 6", "Level 5", "Level 4", "Level 3"):
        deep = Section(title, sections=[deep])
    document = read(small_report(sections=[deep]))
    styles = [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert styles == [f"Heading {n}" for n in (1, 2, 3, 4, 5, 6, 6, 6)]


def test_the_cover_lists_organisation_period_cover_lines_and_date(word, report):
    texts = [p.text for p in word.paragraphs]
    start = texts.index(report.title)
    assert texts[start + 1 : start + 6] == [
        report.organisation,
        report.period,
        *report.cover,
        "Produced on 06.11.2019",
    ]


def test_contents_is_a_toc_field_that_word_fills(word):
    heading = next(p for p in word.paragraphs if p.text == "Contents")
    assert heading.style.name == "TOC Heading"
    field = next(p for p in word.paragraphs if "TOC" in instructions(p._p))
    assert r'TOC \o "1-3" \h \z \u' in instructions(field._p)
    kinds = [c.get(qn("w:fldCharType")) for c in field._p.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"]
    assert "Update Field" in field.text


def test_a_new_page_section_starts_on_a_new_page(word, report):
    def breaks_before(paragraph) -> bool:
        if paragraph.paragraph_format.page_break_before:
            return True
        previous = paragraph._p.getprevious()
        return previous is not None and any(
            br.get(qn("w:type")) == "page" for br in previous.iter(f"{W}br")
        )

    headings = {p.text: p for p in word.paragraphs if p.style.name.startswith("Heading")}
    for number, (_, section) in enumerate(report.walk()):
        if section.new_page:
            assert breaks_before(headings[section.title]), section.title
        elif number:
            assert not breaks_before(headings[section.title]), section.title
    assert any(section.new_page for _, section in report.walk())


# Paragraphs and lists


def test_paragraph_styles_lead_body_and_small(word):
    styles = {p.text: p.style for p in word.paragraphs}
    lead = styles["21 of 37 measures (57%) are on or exceeding target."]
    small = styles["Performance@somerset.gov.uk"]
    assert lead.font.bold and lead.font.size > word.styles["Normal"].font.size
    assert styles["Measures and projects of the first outcome."].name == "Normal"
    assert small.font.size < word.styles["Normal"].font.size
    contrast = 1.05 / (luminance(str(small.font.color.rgb)) + 0.05)
    assert contrast >= 4.5


def test_bullets_use_the_list_bullet_style(word):
    items = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    assert items == ["First point", HOSTILE]


def test_hostile_text_is_written_literally(word):
    assert HOSTILE in [p.text for p in word.paragraphs]
    assert cell_text(word, HOSTILE)
    facts = facts_table(word)
    assert facts.rows[2].cells[1].text == HOSTILE


def test_characters_xml_cannot_hold_are_dropped_not_fatal():
    document = read(small_report(Paragraph("before\x0b\x00after")))
    assert "beforeafter" in [p.text for p in document.paragraphs]


# Tables


def test_one_word_table_per_facts_table_and_chart(word, report):
    expected = sum(isinstance(b, Facts | Table | Chart) for b in blocks(report))
    assert len(word.tables) == expected == 4


def test_each_table_has_its_caption_above_it(word, report):
    def caption_above(table) -> str | None:
        above = docx.text.paragraph.Paragraph(table._tbl.getprevious(), None)
        return above.text if style_id(above) == "Caption" else None

    tables = [b.table if isinstance(b, Chart) else b for b in blocks(report)]
    expected = [
        t.caption if isinstance(t, Table) else None for t in tables if isinstance(t, Table | Facts)
    ]
    assert [caption_above(t) for t in word.tables] == expected


def test_header_rows_repeat_and_no_row_splits(word):
    facts = facts_table(word)
    for table in word.tables:
        for row in table.rows:
            assert row._tr.trPr.find(f"{W}cantSplit") is not None
        header = table.rows[0]._tr.trPr.find(f"{W}tblHeader")
        assert (header is None) == (table._tbl is facts._tbl)


def test_header_cells_are_bold_and_shaded(word):
    header = word.tables[0].rows[0]
    assert [c.text for c in header.cells] == ["Outcome", "Green", "Amber", "Red", "% on target"]
    for cell in header.cells:
        assert cell.paragraphs[0].runs[0].bold
        assert cell._tc.tcPr.find(f"{W}shd").get(qn("w:fill")) == "F3F2F1"


def test_numeric_columns_are_right_aligned(word):
    summary = word.tables[0]
    for row in summary.rows:
        assert row.cells[0].paragraphs[0].alignment is None
        for cell in row.cells[1:]:
            assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_row_header_cells_are_bold(word):
    assert cell_text(word, "Outcome 1: a county infrastructure").paragraphs[0].runs[0].bold
    assert not cell_text(word, "1,234").paragraphs[0].runs[0].bold


def test_facts_are_two_columns_with_bold_shaded_labels(word):
    facts = facts_table(word)
    assert [[c.text for c in row.cells] for row in facts.rows] == [
        ["Rating", "Red (R)"],
        ["Polarity", "Higher is better"],
        ["Commentary", HOSTILE],
    ]
    label = facts.rows[0].cells[0]
    assert label.paragraphs[0].runs[0].bold
    assert label._tc.tcPr.find(f"{W}shd").get(qn("w:fill")) == "F3F2F1"


@pytest.mark.parametrize(
    ("rag", "text", "fill", "colour"),
    [
        ("G", "Green (G)", "CCE2D8", "005A30"),
        ("A", "Amber (A)", "FFF7BF", "594D00"),
        ("R", "Red (R)", "F4CDC6", "2A0B06"),
        ("B", "Blue (B): Closed", "BBD4EA", "0C2D4A"),
    ],
)
def test_rating_cells_are_tinted_and_say_the_rating(rag, text, fill, colour):
    table = Table("Ratings", [Column("Name"), Column("Rating")], [[Cell("X"), Cell(text, rag=rag)]])
    cell = read(small_report(table)).tables[0].rows[1].cells[1]
    assert cell.text == text
    assert cell._tc.tcPr.find(f"{W}shd").get(qn("w:fill")) == fill
    assert str(cell.paragraphs[0].runs[0].font.color.rgb) == colour
    assert luminance(colour) < 0.2  # dark text on a light tint


def test_a_sample_rating_cell(word):
    values = word.tables[-1]
    cell = values.rows[3].cells[3]
    assert cell.text == "Red (R)"
    assert cell._tc.tcPr.find(f"{W}shd").get(qn("w:fill")) == "F4CDC6"


def test_column_shares_set_the_widths():
    columns = [Column("Wide", width=3), Column("Narrow", width=1)]
    table = read(small_report(Table("T", columns, [[Cell("a"), Cell("b")]]))).tables[0]
    wide, narrow = (column.width for column in table.columns)
    assert wide == pytest.approx(3 * narrow, rel=0.01)
    assert wide + narrow == pytest.approx(Cm(16), rel=0.01)


# Charts


def test_each_chart_is_an_inline_picture_with_alt_text(word, report):
    assert len(word.inline_shapes) == len(charts(report)) == 2
    properties = [shape._inline.docPr for shape in word.inline_shapes]
    assert [p.get("descr") for p in properties] == [c.alt for c in charts(report)]
    assert [p.get("title") for p in properties] == [c.title for c in charts(report)]
    for shape in word.inline_shapes:
        assert shape.width == pytest.approx(Cm(16), rel=0.01)


def test_a_chart_is_followed_by_its_caption_then_its_table(word, report):
    pictures = [p for p in word.paragraphs if p._p.find(f".//{WP}inline") is not None]
    for picture, chart in zip(pictures, charts(report), strict=True):
        caption = docx.text.paragraph.Paragraph(picture._p.getnext(), None)
        assert style_id(caption) == "Caption"
        assert caption.text == chart.title
        assert caption._p.getnext().getnext().tag == f"{W}tbl"


def test_a_chart_with_nothing_to_draw_keeps_its_table():
    table = Table("Values", [Column("Period")], [[Cell("Q1")]])
    document = read(small_report(Chart("Nothing yet", "", "No values", table)))
    assert len(document.inline_shapes) == 0
    assert len(document.tables) == 1


# The document


def test_page_is_a4_portrait(word):
    section = word.sections[0]
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297


def test_running_header_and_page_numbers(word, report):
    section = word.sections[0]
    assert report.full_title in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]
    assert instructions(footer._p).split() == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Page ") and " of " in footer.text


def test_core_properties(word, report):
    properties = word.core_properties
    assert properties.title == report.full_title
    assert properties.author == report.organisation
    assert properties.language == "en-GB"
    assert properties.subject and report.kind in properties.keywords


def test_default_font_and_language_are_set_for_the_whole_document(word):
    defaults = word.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}lang").get(qn("w:val")) == "en-GB"
    assert defaults.find(f"{W}rFonts").get(qn("w:ascii")) == "Arial"
    assert defaults.find(f"{W}sz").get(qn("w:val")) == "22"
    # A theme font anywhere would beat Arial.
    assert not [f for f in word.styles.element.iter(f"{W}rFonts") if f.get(qn("w:asciiTheme"))]


def test_a_numbered_section_is_headed_with_its_number():
    report = sample_report()
    report.sections[1].number = "2"
    document = read(report)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "2 Outcome 1: a county infrastructure" in headings
