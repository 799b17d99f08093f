"""A report as one self-contained HTML file (styles inline, charts as inline SVG): read in a
browser, published on a council's site, and the source WeasyPrint turns into the PDF.

The cover and head come from the template reports/document.html. The contents list and the
sections are written here, as the template language would write them (its escaping, its
`linebreaksbr`, numbers as it shows them): a paper of every measure has tens of thousands of
table cells, and looking up each cell's parts through the template language took most of the
time of making it. tests/reports/test_render_html.py holds the markup to what the templates
wrote."""

from __future__ import annotations

from functools import lru_cache
from html import escape

from django.template import Context
from django.template.base import render_value_in_context
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string

from scorecard.core.gc_pause import collector_paused
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

# A contents list longer than this lists only the top-level sections: past a page or two, the
# outcomes are the useful way in (and every listed entry costs the PDF a page-number lookup).
CONTENTS_ENTRIES = 40

# Headings stop at h6: deeper sections keep that level.
DEEPEST = 6

# Only a wide table may need scrolling on a narrow screen, and so a keyboard stop: five
# columns of words (a programme, its lead, status, direction and reason) overflow a phone.
SCROLLED_COLUMNS = 4

NUMERIC = ' class="numeric"'

_TEMPLATE_CONTEXT = Context()


def render_html(report: Report) -> str:
    report.assign_anchors()
    subsections = sum(len(section.sections) for section in report.sections)
    depth = 2 if subsections <= CONTENTS_ENTRIES else 1
    main: list[str] = []
    with collector_paused():
        for section in report.sections:
            _section(section, 2, main)
    return render_to_string(
        "reports/document.html",
        {
            "report": report,
            "contents": _contents(report.sections, 1, depth),
            "main": "".join(main),
        },
    )


def _text(value: object) -> str:
    """`{{ value }}`: escaped; anything but plain text as the template language shows it."""
    if type(value) is str:
        return escape(value)
    return str(render_value_in_context(value, _TEMPLATE_CONTEXT))


@lru_cache(maxsize=1024)
def _width(share: float) -> str:
    """A column's share of the width (at most 1,001 of them: tenths of a percent)."""
    return _text(share)


def _lines(value: object) -> str:
    """`{{ value|linebreaksbr }}`: escaped, each line break a <br>."""
    if type(value) is str:
        return escape(value.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", "<br>")
    return str(linebreaksbr(str(value), autoescape=True))


def _contents(sections: list[Section], depth: int, contents_depth: int) -> str:
    # Where the paper numbers its sections itself, the list shows those numbers, not its own.
    parts = ['<ol class="own-numbers">' if any(s.number for s in sections) else "<ol>"]
    for section in sections:
        parts.append(f'\n  <li><a href="#{_text(section.anchor)}">{_text(section.heading)}</a>')
        if depth < contents_depth and section.sections:
            parts.append("\n    " + _contents(section.sections, 2, contents_depth))
        parts.append("</li>")
    parts.append("\n</ol>\n")
    return "".join(parts)


def _section(section: Section, level: int, out: list[str]) -> None:
    new_page = " new-page" if section.new_page else ""
    if section.keep_together:
        new_page += " keep-together"
    out.append(
        f'<section id="{_text(section.anchor)}" class="level-{level}{new_page}">\n'
        f"<h{level}>{_text(section.heading)}</h{level}>\n"
    )
    for block in section.blocks:
        _block(block, out)
    out.append("\n")
    for child in section.sections:
        _section(child, min(level + 1, DEEPEST), out)
    out.append("\n</section>\n")


def _block(block: Block, out: list[str]) -> None:
    if isinstance(block, Paragraph):
        out.append(f'<p class="{_text(block.style)}">{_lines(block.text)}</p>\n')
    elif isinstance(block, Bullets):
        items = "".join(f"<li>{_lines(item)}</li>" for item in block.items)
        out.append(f"<ul>{items}</ul>\n")
    elif isinstance(block, Facts):
        items = "".join(
            f"<div><dt>{_text(label)}</dt><dd>{_lines(value)}</dd></div>"
            for label, value in block.items
        )
        out.append(f'<dl class="facts">{items}</dl>\n')
    elif isinstance(block, Table):
        _table(block, out)
        out.append("\n")
    elif isinstance(block, Chart):
        out.append(
            '<figure class="chart">\n'
            f'  <div class="chart-drawing">{block.svg}</div>\n'
            f"  <figcaption>{_text(block.alt)} {_text(block.note)}</figcaption>\n"
            "</figure>\n"
        )
        _table(block.table, out)
        out.append("\n")
    elif isinstance(block, MeasureCard):
        _card(block, out)
    out.append("\n")


# Where a card puts its facts: these at its head, these in the benchmarking box; the rest
# (owner, source) at its foot.
CARD_HEAD = ("Description", "Polarity", "Target")
CARD_COMPARISON = ("How we compare", "Benchmarking")
CARD_ELSEWHERE = ("Rating", "Direction", "Latest value", *CARD_HEAD, *CARD_COMPARISON)


def _card(card: MeasureCard, out: list[str]) -> None:
    """A measure card: the latest rating and direction, the facts, the periods across, then
    the chart beside the commentary and how we compare."""
    out.append(
        '<div class="card">\n<p class="card-status">'
        f'<span class="card-badge{_shade(card.rating)}">Rating: {_text(card.rating.text)}</span> '
        f'<span class="card-badge">Direction: {_arrowed(card.direction.text)}</span>'
    )
    latest = card.fact("Latest value")
    if latest:
        out.append(f' <span class="card-latest">Latest: {_text(latest)}</span>')
    out.append("</p>\n")
    _card_facts([(label, card.fact(label)) for label in CARD_HEAD], "card-facts", out)
    _periods_across(card, out)
    body = " with-chart" if card.chart is not None else ""
    out.append(f'<div class="card-body{body}">\n')
    if card.chart is not None:
        out.append(
            '<figure class="chart card-chart">\n'
            f'  <div class="chart-drawing">{card.chart.svg}</div>\n'
            f"  <figcaption>{_text(card.chart.alt)} The figures are in the table above."
            "</figcaption>\n</figure>\n"
        )
    out.append('<div class="card-text">\n')
    if card.commentary:
        out.append(
            f'<p class="card-label">{_text(card.commentary_heading)}</p>\n'
            f'<p class="card-commentary">{_lines(card.commentary)}</p>\n'
        )
    compared = [(label, card.fact(label)) for label in CARD_COMPARISON]
    if any(value for _, value in compared):
        out.append('<div class="card-compare">\n<p class="card-label">How we compare</p>\n')
        _card_facts(compared, "card-facts", out)
        out.append("</div>\n")
    out.append("</div>\n</div>\n")
    rest = [(label, value) for label, value in card.facts if label not in CARD_ELSEWHERE]
    _card_facts(rest, "card-facts card-foot", out)
    out.append("</div>\n")


def _card_facts(items: list[tuple[str, str]], style: str, out: list[str]) -> None:
    shown = "".join(
        f"<div><dt>{_text(label)}</dt><dd>{_lines(value)}</dd></div>"
        for label, value in items
        if value
    )
    if shown:
        out.append(f'<dl class="{style}">{shown}</dl>\n')


def _periods_across(card: MeasureCard, out: list[str]) -> None:
    """Periods across, the figure, rating and direction of each down; the target too where
    it changed over the periods shown."""
    caption = _text(card.table.caption)
    periods = card.periods
    rows: list[tuple[str, list[Cell]]] = [
        ("Value", [p.value for p in periods]),
        ("Rating", [p.rating for p in periods]),
        ("Direction", [p.direction for p in periods]),
    ]
    if len({p.target.text for p in periods}) > 1:
        rows.append(("Target", [p.target for p in periods]))
    headings = "".join(f'<th scope="col">{_text(p.period)}</th>' for p in periods)
    out.append(
        f'<div class="table-wrap" role="region" aria-label="{caption}" tabindex="0">\n'
        f'<table class="card-periods">\n  <caption>{caption}</caption>\n'
        f'  <thead><tr><th scope="col">Period</th>{headings}</tr></thead>\n  <tbody>'
    )
    for label, found in rows:
        body = "".join(
            f"<td{_classes(cell)}>"
            f"{_arrowed(cell.text) if label == 'Direction' else _lines(cell.text)}</td>"
            for cell in found
        )
        out.append(f'\n    <tr><th scope="row">{label}</th>{body}</tr>')
    out.append("\n  </tbody>\n</table>\n</div>\n")


def _classes(cell: Cell) -> str:
    names = " ".join(
        name
        for name in ("numeric" if cell.number is not None else "", _shade(cell).strip())
        if name
    )
    return f' class="{names}"' if names else ""


def _shade(cell: Cell) -> str:
    return f" rag rag-{_text(cell.rag)}" if cell.rag else ""


ARROWS = ("↑", "→", "↓")


def _arrowed(text: str) -> str:
    """'↑ Improving' with the arrow hidden from screen readers: the word says it."""
    if text[:1] in ARROWS:
        return f'<span aria-hidden="true">{text[:1]}</span>{_text(text[1:])}'
    return _text(text)


def _table(table: Table, out: list[str]) -> None:
    caption = _text(table.caption)
    scrolled = (
        f' role="region" aria-label="{caption}" tabindex="0"'
        if len(table.columns) > SCROLLED_COLUMNS
        else ""
    )
    widths = "".join(f'<col style="width: {_width(width)}%">' for width in table.widths())
    headings = "".join(
        f'<th scope="col"{NUMERIC if column.numeric else ""}>{_text(column.heading)}</th>'
        for column in table.columns
    )
    out.append(
        f'\n<div class="table-wrap"{scrolled}>\n<table>\n  <caption>{caption}</caption>\n'
        f"  <colgroup>{widths}</colgroup>\n  <thead><tr>{headings}</tr></thead>\n  <tbody>"
    )
    row_headers = table.row_headers
    for row in table.rows:
        cells = []
        for index, cell in enumerate(row):
            header = index == 0 and row_headers
            tag = "th" if header else "td"
            opening = '<th scope="row"' if header else "<td"
            if cell.rag or cell.number is not None or cell.header:
                shading = f"rag rag-{_text(cell.rag)} " if cell.rag else ""
                numeric = "numeric " if cell.number is not None else ""
                strong = "strong" if cell.header else ""
                opening += f' class="{shading}{numeric}{strong}"'
            cells.append(f"{opening}>{_lines(cell.text)}</{tag}>")
        out.append(f"\n    <tr>{''.join(cells)}</tr>")
    out.append("\n  </tbody>\n</table>\n</div>\n")
