"""The formats a paper is made in, for the tests that check each of them."""

import pytest

# A PDF paper is WeasyPrint's rendering of the paper's HTML (reports/render_pdf.py renders what
# render_html gives), which the same tests check on every database. What WeasyPrint makes of that
# HTML does not depend on the database, so the PDF is checked in the SQLite run only: a PDF of
# the demo's long papers takes seconds to make, and the PostgreSQL run made each again.
PDF_FROM_THE_HTML = pytest.mark.database_independent(
    reason="a PDF paper is WeasyPrint's rendering of the HTML paper, which is checked on every "
    "database: what WeasyPrint makes of it does not depend on the database"
)
EVERY_FORMAT = ("html", pytest.param("pdf", marks=PDF_FROM_THE_HTML), "docx", "xlsx")
