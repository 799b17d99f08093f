"""A report as an A4 PDF, by WeasyPrint from the same HTML: tagged (PDF/UA), with the
document's title and language, a running header, page numbers and a contents list."""

from __future__ import annotations

import logging

import pydyf

from scorecard.reports.document import Report
from scorecard.reports.render_html import render_html

# WeasyPrint warns about every CSS property it does not know (the screen-only ones); the
# report does not need a reader of the command's output to see them.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf rebuilds the list of every page's reference each time it is asked, and a tagged
    PDF asks once per tagged element: the cost grew with the square of the pages (a 250-page
    report spent most of its time here). The same tuple, built again only when a page has been
    added since."""
    kids = pdf.pages["Kids"]
    cached = pdf.__dict__.get("_page_references_cache")
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), pydyf.PDF.unmemoised_page_references(pdf))
        pdf.__dict__["_page_references_cache"] = cached
    return cached[1]


if not hasattr(pydyf.PDF, "unmemoised_page_references"):
    pydyf.PDF.unmemoised_page_references = pydyf.PDF.page_references.fget
    pydyf.PDF.page_references = property(_page_references)


def _fetch_nothing(url: str, *args, **kwargs):
    """The report's HTML holds everything it needs; it never loads anything from elsewhere."""
    raise ValueError(f"reports load nothing from outside: {url[:80]}")


def render_pdf(report: Report) -> bytes:
    from weasyprint import HTML

    document = HTML(string=render_html(report), base_url=None, url_fetcher=_fetch_nothing)
    return document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
