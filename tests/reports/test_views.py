"""The Reports page: the same reports as the command, to download; bad choices explained."""

import io

import docx
import openpyxl
import pytest

from scorecard.cli.parser import REPORT_KINDS
from scorecard.reports.kinds import FORMATS, KINDS
from tests.formats import PDF_FROM_THE_HTML

CORPORATE = {"kind": "corporate", "period": "Q2 2019/20", "plan": "", "format": "pdf"}


def test_the_command_offers_every_kind_there_is():
    assert list(KINDS) == REPORT_KINDS


def test_the_page_offers_every_kind_and_the_latest_quarter(client, demo_council):
    page = client.get("/reports/")
    assert page.status_code == 200
    text = page.content.decode()
    for kind in KINDS.values():
        assert kind.title in text
    assert 'value="Q2 2019/20"' in text  # the quarter of the demo's latest figure
    report_form = text[text.index('method="get"') :]
    report_form = report_form[: report_form.index("</form>")]
    assert "csrfmiddlewaretoken" not in report_form


@pytest.mark.parametrize(
    "format_name", [pytest.param(f, marks=PDF_FROM_THE_HTML) if f == "pdf" else f for f in FORMATS]
)
def test_each_format_downloads_with_its_type_and_name(client, demo_council, format_name):
    response = client.get("/reports/", {**CORPORATE, "format": format_name})
    assert response.status_code == 200
    assert response["Content-Type"] == FORMATS[format_name][1]
    disposition = "inline" if format_name == "html" else "attachment"
    assert response["Content-Disposition"] == (
        f'{disposition}; filename="corporate-Q2-2019-20.{format_name}"'
    )
    if format_name == "docx":
        assert docx.Document(io.BytesIO(response.content)).tables
    if format_name == "xlsx":
        assert "Summary by outcome" in openpyxl.load_workbook(io.BytesIO(response.content))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"period": "Q9"}, "Enter a period we recognise"),
        ({"period": ""}, "This field is required"),
        ({"plan": "nope"}, "Select a valid choice"),
        ({"kind": "<script>"}, "Select a valid choice"),
        ({"format": "exe"}, "Select a valid choice"),
        ({"layout": "sideways"}, "Select a valid choice"),
        ({"kind": "programme", "period": "Q3 2017/18"}, "There is no plan progress report"),
    ],
)
def test_bad_choices_are_explained_on_the_page(client, demo_council, changes, message):
    response = client.get("/reports/", {**CORPORATE, **changes})
    assert response.status_code == 400
    text = response.content.decode()
    assert "govuk-error-summary" in text and message in text
    assert "<script>" not in text.split("<main", 1)[1]


@pytest.mark.parametrize(("layout", "cards"), [("", True), ("cards", True), ("long", False)])
def test_the_corporate_reports_layout_is_chosen_on_the_page(client, demo_council, layout, cards):
    response = client.get("/reports/", {**CORPORATE, "format": "html", "layout": layout})
    assert response.status_code == 200
    assert ('<div class="card">' in response.content.decode()) is cards


def test_the_layout_is_offered_with_cards_first_and_ignored_by_other_reports(client, demo_council):
    page = client.get("/reports/")
    assert page.context["form"]["layout"].value() == "cards"
    text = page.content.decode()
    assert 'value="cards"' in text and 'value="long"' in text
    response = client.get(
        "/reports/",
        {**CORPORATE, "kind": "programme", "period": "Q4 2017/18", "layout": "long"},
    )
    assert response.status_code == 200


def test_a_nul_character_in_the_address_is_a_bad_request_not_an_error(client, demo_council):
    response = client.get("/reports/", {**CORPORATE, "period": "Q2 2019/20\x00"})
    assert response.status_code == 400
