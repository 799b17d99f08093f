"""A report as an A4 PDF, by WeasyPrint from the same HTML: tagged (PDF/UA), with the
document's title and language, a running header, page numbers and a contents list."""

from __future__ import annotations

import logging

from scorecard.reports.document import Report
from scorecard.reports.render_html import render_html

# WeasyPrint warns about every CSS property it does not know (the screen-only ones); the
# report does not need a reader of the command's output to see them.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def render_pdf(report: Report) -> bytes:
    from weasyprint import HTML

    document = HTML(string=render_html(report), base_url=None)
    return document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
