"""A report as a Word document, for committee papers the clerk edits and publishes.

Everything leans on Word's own styles (Heading 1-6, List Bullet, Caption, Table Grid) rather
than direct formatting, so the navigation pane, the contents field and a council's house style
all work on it; only table cells carry their own shading.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime, time
from itertools import count
from weakref import WeakKeyDictionary

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.shared import Cm, Emu, Mm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from scorecard.charts.png import svg_to_png
from scorecard.reports.document import (
    Block,
    Bullets,
    Cell,
    Chart,
    Facts,
    MeasureCard,
    Paragraph,
    Report,
    Section,
    Table,
)

FONT = "Arial"
TEXT = "0B0C0C"  # GOV.UK text colour
SECONDARY = "505A5F"  # GOV.UK secondary text: 7:1 on white
LIGHT_GREY = "F3F2F1"
# GOV.UK tag tints: (cell fill, text of the same hue), each well over 4.5:1.
RAG_SHADES = {
    "G": ("CCE2D8", "005A30"),
    "A": ("FFF7BF", "594D00"),
    "R": ("F4CDC6", "2A0B06"),
    "B": ("BBD4EA", "0C2D4A"),
}
HEADING_SIZES = {1: 24, 2: 18, 3: 14, 4: 12, 5: 11, 6: 11}
PARAGRAPH_STYLES = {"lead": "Lead", "small": "Small"}
MARGIN = Cm(2.5)
# Portrait A4 less both margins: a chart fills it (and fits across a landscape page too).
TEXT_WIDTH = Mm(210) - 2 * MARGIN
TOC_PLACEHOLDER = "Right-click here and choose Update Field to show the contents."
# Elements that follow w:shd inside w:tcPr (the schema fixes the order).
_AFTER_SHADING = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
)
# XML 1.0 cannot hold these (they come with text pasted from elsewhere) and lxml refuses them.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render_docx(report: Report) -> bytes:
    document = Document()
    _page(document, report.landscape)
    _styles(document, report.language)
    _properties(document, report)
    _running_header(document, report)
    _cover(document, report)
    _contents(document)
    for number, (level, section) in enumerate(report.walk()):
        _section(document, level, section, first=number == 0)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# Styles set by their ids: python-docx looks a style up by name, and checks whether it is the
# default, on every paragraph and table, which costs more than the paragraph itself.
STYLE_IDS = {
    "Caption": "Caption",
    "List Bullet": "ListBullet",
    "TOC Heading": "TOCHeading",
    "Lead": "Lead",
    "Small": "Small",
    **{f"Heading {level}": f"Heading{level}" for level in HEADING_SIZES},
}
TABLE_STYLE_ID = "TableGrid"
# Each picture needs an id unique in its document; python-docx finds the next one by searching
# the whole document, once per picture.
_shape_ids: WeakKeyDictionary[object, Iterator[int]] = WeakKeyDictionary()


def _add_paragraph(document: WordDocument, text: str = "", style: str | None = None):
    paragraph = document.add_paragraph(text)
    if style:
        paragraph._p.style = STYLE_IDS[style]
    return paragraph


def _add_picture(document: WordDocument, paragraph: WordParagraph, png: bytes, width: int):
    """The picture inline in a new run of `paragraph`; returns its wp:inline element."""
    relationship, image = document.part.get_or_add_image(io.BytesIO(png))
    across, down = image.scaled_dimensions(width, None)
    shape_id = next(_shape_ids.setdefault(document.part, count(1)))
    inline = CT_Inline.new_pic_inline(shape_id, relationship, image.filename, across, down)
    paragraph.add_run()._r.add_drawing(inline)
    return inline


def _text_width(document: WordDocument) -> int:
    page = document.element.body.sectPr
    return page.page_width - page.left_margin - page.right_margin


def _plain(text: str) -> str:
    return _NOT_XML.sub("", text.replace("\r\n", "\n"))


# The document as a whole


def _page(document: WordDocument, landscape: bool) -> None:
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN


def _styles(document: WordDocument, language: str) -> None:
    root = document.styles.element
    # Theme fonts win over named ones, so Arial only takes hold once they are all gone.
    for fonts in list(root.iter(qn("w:rFonts"))):
        fonts.getparent().remove(fonts)
    defaults = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = OxmlElement("w:rFonts")
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)
    defaults.insert(0, fonts)
    defaults.find(qn("w:lang")).set(qn("w:val"), language)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    _heading_styles(document)
    _text_styles(document)


def _heading_styles(document: WordDocument) -> None:
    for level, size in HEADING_SIZES.items():
        style = document.styles[f"Heading {level}"]
        style.font.size, style.font.bold, style.font.italic = Pt(size), True, False
        style.font.color.rgb = RGBColor.from_string(TEXT)
        style.paragraph_format.space_before = Pt(18 if level <= 2 else 12)
        style.paragraph_format.space_after = Pt(6)
    contents = document.styles["TOC Heading"]
    contents.font.size = Pt(HEADING_SIZES[2])


def _text_styles(document: WordDocument) -> None:
    styles = document.styles
    lead = styles.add_style("Lead", WD_STYLE_TYPE.PARAGRAPH)
    lead.base_style, lead.font.bold, lead.font.size = styles["Normal"], True, Pt(13)
    small = styles.add_style("Small", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style, small.font.size = styles["Normal"], Pt(9)
    small.font.color.rgb = RGBColor.from_string(SECONDARY)
    caption = styles["Caption"]
    caption.font.size, caption.font.bold = Pt(11), True
    caption.font.color.rgb = RGBColor.from_string(TEXT)
    # A caption belongs with the table below it, never alone at the foot of a page.
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(4)
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(9)
        styles[name].font.color.rgb = RGBColor.from_string(SECONDARY)


def _properties(document: WordDocument, report: Report) -> None:
    properties = document.core_properties
    properties.title = _plain(report.full_title)
    properties.subject = _plain(
        f"Performance report: {report.period}" if report.period else "Performance report"
    )
    properties.keywords = _plain(
        ", ".join(w for w in ("performance", report.kind, report.period, report.organisation) if w)
    )
    properties.author = properties.last_modified_by = _plain(report.organisation)
    properties.comments = "Produced by Civic Scorecard"
    properties.language = report.language
    properties.created = properties.modified = datetime.combine(report.produced, time())
    properties.revision = 1


def _running_header(document: WordDocument, report: Report) -> None:
    section = document.sections[0]
    section.header.paragraphs[0].add_run(_plain(report.full_title))
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")


def _field(paragraph: WordParagraph, instruction: str, shown: str) -> None:
    """A field Word computes (page numbers, contents); `shown` stands until it does."""

    def mark(kind: str) -> None:
        character = OxmlElement("w:fldChar")
        character.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(character)

    mark("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    mark("separate")
    paragraph.add_run(shown)
    mark("end")


def _cover(document: WordDocument, report: Report) -> None:
    _add_paragraph(document, _plain(report.title), "Heading 1")
    _add_paragraph(document, _plain(report.organisation), "Lead")
    if report.period:
        _add_paragraph(document, _plain(report.period), "Lead")
    for line in report.cover:
        document.add_paragraph(_plain(line))
    document.add_paragraph(f"Produced on {report.produced.strftime('%d.%m.%Y')}")


def _contents(document: WordDocument) -> None:
    # "TOC Heading" looks like a heading but sits outside the outline, so the contents do not
    # list themselves.
    heading = _add_paragraph(document, "Contents", "TOC Heading")
    heading.paragraph_format.page_break_before = True
    _field(document.add_paragraph(), r'TOC \o "1-3" \h \z \u', TOC_PLACEHOLDER)


def _section(document: WordDocument, level: int, section: Section, *, first: bool) -> None:
    heading = _add_paragraph(document, _plain(section.heading), f"Heading {min(level, 6)}")
    # The body starts on a page of its own after the contents.
    if section.new_page or first:
        heading.paragraph_format.page_break_before = True
    for block in section.blocks:
        _block(document, block)


# Blocks


def _block(document: WordDocument, block: Block) -> None:
    match block:
        case Paragraph():
            _paragraph(document, block)
        case Bullets():
            _bullets(document, block)
        case Facts():
            _facts(document, block)
        case Table():
            _table(document, block)
        case Chart():
            _chart(document, block)
        case MeasureCard():
            _card(document, block)


def _paragraph(document: WordDocument, block: Paragraph) -> None:
    _add_paragraph(document, _plain(block.text), PARAGRAPH_STYLES.get(block.style))


def _bullets(document: WordDocument, block: Bullets) -> None:
    for item in block.items:
        _add_paragraph(document, _plain(item), "List Bullet")


def _facts(document: WordDocument, block: Facts) -> None:
    if not block.items:
        return
    table = _new_table(document, len(block.items), [1, 2])
    for row, (label, value) in zip(table.rows, block.items, strict=True):
        label_cell, value_cell = row.cells
        _write(label_cell, label, bold=True, fill=LIGHT_GREY)
        _write(value_cell, value)


def _table(document: WordDocument, block: Table) -> None:
    _add_paragraph(document, _plain(block.caption), "Caption")
    if not block.columns:
        return
    table = _new_table(document, 1 + len(block.rows), block.widths())
    _describe(table, block.caption)
    header, *body = table.rows
    # Repeats at the top of every page the table runs onto.
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for word_cell, column in zip(header.cells, block.columns, strict=True):
        _write(word_cell, column.heading, bold=True, fill=LIGHT_GREY, right=column.numeric)
    for row, cells in zip(body, block.rows, strict=True):
        for word_cell, cell, column in zip(row.cells, cells, block.columns, strict=True):
            _cell(word_cell, cell, right=column.numeric)


def _chart(document: WordDocument, block: Chart) -> None:
    # An empty SVG means nothing to draw: the data table still says so.
    if block.svg.strip():
        picture = document.add_paragraph()
        picture.paragraph_format.keep_with_next = True
        inline = _add_picture(document, picture, svg_to_png(block.svg), TEXT_WIDTH)
        # Word's alt text (and what screen readers announce) lives on wp:docPr.
        inline.docPr.set("descr", _plain(block.alt))
        inline.docPr.set("title", _plain(block.title))
        _add_paragraph(document, _plain(block.title), "Caption")
    _table(document, block.table)


# Where a card puts its facts (as the HTML card does): these above the periods, these in the
# benchmarking rows; the rest (owner, source) at its foot.
CARD_HEAD = ("Rating", "Direction", "Latest value", "Description", "Polarity", "Target")
CARD_COMPARISON = ("How we compare", "Benchmarking")
CARD_ROWS = ("Value", "Rating", "Direction", "Target")
# A chart on a card is narrower than the page: two cards may share a page.
CARD_CHART_SHARE = 0.6


def _card(document: WordDocument, card: MeasureCard) -> None:
    """A measure card as one compact table: the facts, then a column per period with its
    figure, rating and direction, then the chart, the commentary and how we compare, each
    across the table."""
    periods = card.periods
    across = len(periods) + 1
    targets_vary = len({p.target.text for p in periods}) > 1
    rows = [label for label in CARD_ROWS if label != "Target" or targets_vary]
    head = [(label, card.fact(label)) for label in CARD_HEAD if card.fact(label)]
    after = [
        (label, value)
        for label, value in card.facts
        if value and label not in CARD_HEAD and label not in CARD_COMPARISON
    ]
    compared = [(label, card.fact(label)) for label in CARD_COMPARISON if card.fact(label)]
    wide = list(head)
    if card.chart is not None:
        wide.append(("Chart", card.chart.title))
    if card.commentary:
        wide.append((card.commentary_heading, card.commentary))
    wide += compared + after
    table = _new_table(document, len(wide) + 1 + len(rows), [2] + [1.5] * len(periods))
    _describe(table, card.table.caption)
    word_rows = iter(table.rows)
    for label, value in wide[: len(head)]:
        shade = card.rating.rag if label == "Rating" else None
        _card_wide_row(next(word_rows), label, value, across, shade)
    header = next(word_rows)
    _write(header.cells[0], "Period", bold=True, fill=LIGHT_GREY)
    for word_cell, period in zip(header.cells[1:], periods, strict=True):
        _write(word_cell, period.period, bold=True, fill=LIGHT_GREY)
    for label in rows:
        row = next(word_rows)
        _write(row.cells[0], label, bold=True, fill=LIGHT_GREY)
        found = [getattr(period, label.lower()) for period in periods]
        for word_cell, cell in zip(row.cells[1:], found, strict=True):
            _cell(word_cell, cell, right=cell.number is not None)
    for label, value in wide[len(head) :]:
        row = next(word_rows)
        if label == "Chart" and card.chart is not None:
            _card_chart(document, row, card.chart, across)
        else:
            _card_wide_row(row, label, value, across)


def _card_wide_row(row, label: str, value: str, across: int, rag: str | None = None) -> None:
    _write(row.cells[0], label, bold=True, fill=LIGHT_GREY)
    merged = row.cells[1].merge(row.cells[across - 1]) if across > 2 else row.cells[1]
    fill, colour = RAG_SHADES.get(rag or "", (None, None))
    _write(merged, value, bold=rag is not None, fill=fill, colour=colour)


def _card_chart(document: WordDocument, row, chart: Chart, across: int) -> None:
    merged = row.cells[0].merge(row.cells[across - 1])
    if chart.svg.strip():
        width = int(_text_width(document) * CARD_CHART_SHARE)
        inline = _add_picture(document, merged.paragraphs[0], svg_to_png(chart.svg), width)
        inline.docPr.set("descr", _plain(chart.alt))
        inline.docPr.set("title", _plain(chart.title))
    merged.add_paragraph(_plain(chart.alt))


# Table helpers


def _new_table(document: WordDocument, rows: int, shares: list[float]) -> WordTable:
    table = document.add_table(rows=rows, cols=len(shares))
    table._tbl.tblPr.style = TABLE_STYLE_ID
    for row in table.rows:
        # A row split over two pages reads as two rows.
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _widths(table, shares, _text_width(document))
    return table


def _widths(table: WordTable, shares: list[float], text_width: int) -> None:
    widths = [Emu(int(text_width * share / sum(shares))) for share in shares]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _describe(table: WordTable, caption: str) -> None:
    """The caption as the table's alt text title too, for the accessibility checker."""
    title = OxmlElement("w:tblCaption")
    title.set(qn("w:val"), _plain(caption))
    table._tbl.tblPr.append(title)


def _cell(word_cell: _Cell, cell: Cell, *, right: bool) -> None:
    fill, colour = RAG_SHADES.get(cell.rag or "", (None, None))
    # The text already names the rating ("Green (G)"): colour is never the only signal.
    _write(word_cell, cell.text, bold=cell.header, fill=fill, colour=colour, right=right)


def _write(
    word_cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    fill: str | None = None,
    colour: str | None = None,
    right: bool = False,
) -> None:
    paragraph = word_cell.paragraphs[0]
    run = paragraph.add_run(_plain(text))
    if bold:
        run.bold = True
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if fill:
        _shade(word_cell, fill)


def _shade(word_cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    word_cell._tc.get_or_add_tcPr().insert_element_before(shading, *_AFTER_SHADING)
