"""The HTML renderer and the PDF made from it, on the sample report (no database)."""

import io
import re
from decimal import Decimal
from pathlib import Path

import pypdf
from django.template import Context, Engine
from django.utils.safestring import SafeString

import scorecard
from scorecard.reports.document import Bullets, Cell, Column, Facts, Paragraph, Section, Table
from scorecard.reports.render_html import CONTENTS_ENTRIES, render_html
from scorecard.reports.render_pdf import render_pdf
from tests.reports.samples import HOSTILE, sample_report

# The report's sections as the templates in this folder wrote them, before render_html wrote them
# itself: the markup is held to theirs byte for byte (escaping, line breaks, blank lines and all).
TEMPLATES_BEFORE = Path(__file__).parent / "templates_before"
TEMPLATES = Path(scorecard.__file__).parent / "templates"
SAFE = SafeString("<b>bold</b>\nnext")


def test_headings_follow_the_sections_and_the_contents_links_to_them():
    report = sample_report()
    html = render_html(report)
    assert html.count("<h1>") == 1
    for level, section in report.walk():
        assert f'<section id="{section.anchor}"' in html
        assert f"<h{level}>{section.title}</h{level}>" in html
        assert f'<a href="#{section.anchor}">' in html


def test_user_text_is_escaped_everywhere():
    html = render_html(sample_report())
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_tables_have_captions_scoped_headers_widths_and_ratings_in_words():
    html = render_html(sample_report())
    assert "<caption>High level summary by outcome</caption>" in html
    assert '<th scope="col" class="numeric">Green</th>' in html
    assert re.search(r'<th scope="row" class="strong">Q3 2018/19</th>', html)
    assert re.search(r'<td class="rag rag-R ">Red \(R\)</td>', html)
    assert 'class=""' not in html
    assert '<col style="width: ' in html


def test_charts_are_inline_svg_with_a_caption_and_then_their_table():
    html = render_html(sample_report())
    figure = html.index('<figure class="chart">')
    assert html.index('<svg xmlns="http://www.w3.org/2000/svg"', figure) > figure
    assert html.index("<caption>Breastfeeding at 6-8 weeks: the last four quarters") > figure


def test_the_document_says_its_language_title_and_author():
    html = render_html(sample_report())
    assert '<html lang="en-GB">' in html
    assert (
        "<title>Corporate Performance Report: Q2 2019/20 – Somerset County Council</title>" in html
    )
    assert '<meta name="author" content="Somerset County Council">' in html


def test_the_pdf_is_tagged_a4_with_running_header_and_page_numbers():
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(sample_report())))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog
    assert reader.metadata.title.startswith("Corporate Performance Report: Q2 2019/20")
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in text
    assert "Corporate Performance Report Q2 2019/20" in pages[1]
    assert HOSTILE.split(">")[0] in " ".join(pages)


def test_a_new_page_section_starts_a_page():
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(sample_report())))
    starts = [
        n for n, page in enumerate(reader.pages) if "Outcome 1: a county" in page.extract_text()
    ]
    # The contents list names it too; the section itself begins at the top of its own page.
    body = reader.pages[starts[-1]].extract_text()
    assert body.index("Outcome 1: a county") < 120


def test_a_long_contents_list_keeps_to_the_top_level_sections():
    report = sample_report()
    report.sections[1].sections = [Section(f"Measure {n}") for n in range(CONTENTS_ENTRIES + 1)]
    contents = render_html(report).split("<main>")[0]
    assert "Measure 1<" not in contents and "Outcome 1: a county" in contents
    report.sections[1].sections = report.sections[1].sections[:CONTENTS_ENTRIES]
    assert "Measure 1<" in render_html(report).split("<main>")[0]


def test_page_references_are_built_once_per_page_count():
    import pydyf

    import scorecard.reports.render_pdf  # noqa: F401 -- installs the memoised property

    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert first is pdf.page_references
    assert first == pydyf.PDF.unmemoised_page_references(pdf)
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(pdf.page_references) == 4
    assert pdf.page_references == pydyf.PDF.unmemoised_page_references(pdf)


def _as_the_templates_wrote_it(report) -> str:
    document = (TEMPLATES / "reports" / "document.html").read_text(encoding="utf-8")
    document = document.replace(
        "{{ contents|safe }}",
        '{% include "reports/_contents.html" with sections=report.sections depth=1 %}',
    ).replace(
        "{{ main|safe }}",
        '{% for section in report.sections %}{% include "reports/_section.html" with level=2 %}'
        "{% endfor %}",
    )
    engine = Engine(
        loaders=[
            ("django.template.loaders.locmem.Loader", {"reports/document.html": document}),
            ("django.template.loaders.filesystem.Loader", [TEMPLATES_BEFORE, TEMPLATES]),
        ]
    )
    subsections = sum(len(section.sections) for section in report.sections)
    depth = 2 if subsections <= CONTENTS_ENTRIES else 1
    context = Context({"report": report, "contents_depth": depth})
    return engine.get_template("reports/document.html").render(context)


def _awkward_section(depth: int) -> Section:
    """Text a template escapes or breaks into lines, a wide table, headings deeper than h6."""
    cells = [
        Cell("a\r\nb\rc\nd & <e>", header=True),
        Cell("12.5%", number=Decimal("12.5"), percent=True, rag="G"),
        Cell("", rag="R"),
        Cell("7", number=7, header=True),
        Cell("'quoted'"),
        Cell("plain"),
    ]
    table = Table(
        f"Wide <{depth}>", [Column(f"C{n}", numeric=n % 2 == 1) for n in range(6)], [cells]
    )
    blocks = [
        Paragraph("line one\nline two", "lead & <b>"),
        Bullets(["x\ny", HOSTILE]),
        # Not plain text: a number, and text already marked safe, as a template shows them.
        Facts([("Label & <l>", "value\r\nnext"), ("Empty", ""), (7, 1.5), ("Safe", SAFE)]),
        table,
        Table("No row headers", [Column("Only", width=3)], [[Cell("1", number=1)]]),
    ]
    children = [_awkward_section(depth + 1)] if depth < 7 else []
    return Section(f"Level {depth} & <deep>", blocks, children, new_page=depth % 2 == 0)


def test_the_markup_is_what_the_templates_wrote():
    report = sample_report()
    assert render_html(report) == _as_the_templates_wrote_it(report)
    report.sections.append(_awkward_section(1))
    assert render_html(report) == _as_the_templates_wrote_it(report)
    report.sections[1].sections = [Section(f"Measure {n}") for n in range(CONTENTS_ENTRIES + 1)]
    assert render_html(report) == _as_the_templates_wrote_it(report)


def test_a_paper_that_numbers_its_sections_shows_its_numbers_in_headings_and_contents():
    report = sample_report()
    report.sections[1].number = "2"
    report.sections[1].sections[0].number = "2.1"
    html = render_html(report)
    assert "<h2>2 Outcome 1: a county infrastructure</h2>" in html
    assert "<h3>2.1 Breastfeeding at 6-8 weeks</h3>" in html
    # The list's own numbers give way to the paper's, in the list with numbered sections.
    assert '<ol class="own-numbers">' in html and "ol.own-numbers { list-style: none" in html
    assert '">2.1 Breastfeeding at 6-8 weeks</a>' in html


def test_a_report_without_numbered_sections_keeps_the_lists_numbers():
    html = render_html(sample_report())
    assert "own-numbers" not in html
