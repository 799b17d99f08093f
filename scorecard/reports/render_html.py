"""A report as one self-contained HTML file (styles inline, charts as inline SVG): read in a
browser, published on a council's site, and the source WeasyPrint turns into the PDF."""

from __future__ import annotations

from django.template.loader import render_to_string

from scorecard.reports.document import Report

# A contents list longer than this lists only the top-level sections: past a page or two, the
# outcomes are the useful way in (and every listed entry costs the PDF a page-number lookup).
CONTENTS_ENTRIES = 40


def render_html(report: Report) -> str:
    report.assign_anchors()
    subsections = sum(len(section.sections) for section in report.sections)
    depth = 2 if subsections <= CONTENTS_ENTRIES else 1
    return render_to_string("reports/document.html", {"report": report, "contents_depth": depth})
