"""A report as one self-contained HTML file (styles inline, charts as inline SVG): read in a
browser, published on a council's site, and the source WeasyPrint turns into the PDF."""

from __future__ import annotations

from django.template.loader import render_to_string

from scorecard.reports.document import Report


def render_html(report: Report) -> str:
    report.assign_anchors()
    return render_to_string("reports/document.html", {"report": report})
