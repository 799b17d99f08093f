"""A script in every free-text field of every item comes out as text: escaped on every page,
and plain text (never markup or script) in the PDF and Word papers."""

from __future__ import annotations

import io
import re
import zipfile

import pypdf
import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import models
from django.db.models.functions import Cast, Concat
from django.test import Client

from scorecard.core.period_parser import parse_period
from scorecard.reports.kinds import KINDS, render
from tests.formats import PDF_FROM_THE_HTML
from tests.security.matrix import ALLOWED, address, routes, rule_for

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'
BREAKER = '"><img src=x onerror=alert(1)>'
PAYLOAD = SCRIPT + BREAKER
RAW = ("<script>alert(", "<img src=x onerror")
ESCAPED = re.compile(
    r"&lt;script&gt;alert\((?:&quot;|&#x27;|&#34;)x(?:&quot;|&#x27;|&#34;)\)&lt;/script&gt;"
    r"(?:&quot;|&#34;)&gt;&lt;img src=x onerror=alert\(1\)&gt; (\w+\.\w+)"
)

APPS = {"framework", "measures", "people", "delivery", "risks", "cycles"}
# Not free text: identifiers (in addresses and imports), periods (parsed), the breakdown (which
# figure is the headline), emails (validated) and every field with a fixed set of choices.
NOT_FREE_TEXT = {
    "plan_id",
    "measure_id",
    "person_id",
    "project_id",
    "reference",
    "period",
    "from_period",
    "baseline_period",
    "progress_statement_period",
    "discontinued_from",
    "breakdown",
    "email",
}

# Fields every reader sees somewhere: each must be found escaped on some page.
SHOWN = {
    "Measure.title",
    "Organisation.name",
    "Plan.name",
    "Outcome.name",
    "Programme.name",
    "Project.title",
    "Project.description",
    "Milestone.title",
    "ProjectUpdate.latest_position",
    "Action.description",
    "ActionUpdate.text",
    "HighlightReport.reason_for_status",
    "HighlightReport.areas_of_success",
    "Risk.title",
    "Risk.description",
    "Person.name",
}


def free_text_fields() -> list[tuple[type[models.Model], str]]:
    found = []
    for model in apps.get_models():
        if model._meta.app_label not in APPS:
            continue
        for field in model._meta.get_fields():
            if (
                isinstance(field, (models.CharField, models.TextField))
                and not isinstance(field, (models.EmailField, models.SlugField))
                and not field.choices
                and field.name not in NOT_FREE_TEXT
                and field.concrete
            ):
                found.append((model, field.name))
    return found


def inject() -> int:
    """Every free-text field of every row becomes the payload and its own label (and the row's
    id, so names that must be unique stay so). One UPDATE per field: no signals, no audit."""
    fields = 0
    for model, name in free_text_fields():
        label = f"{model.__name__}.{name}"
        value = Concat(
            models.Value(f"{PAYLOAD} {label} "),
            Cast("pk", models.CharField()),
            output_field=models.TextField(),
        )
        model._default_manager.update(**{name: value})
        fields += 1
    return fields


@pytest.fixture(scope="module")
def injected(loaded_council, django_db_blocker):
    with django_db_blocker.unblock():
        count = inject()
    return loaded_council, count


def test_every_kind_of_item_has_its_text_fields_covered():
    labels = {f"{model.__name__}.{name}" for model, name in free_text_fields()}
    assert labels >= SHOWN
    assert len(labels) >= 40


def pages() -> list[str]:
    """Every route an admin may read, with the demo's sample arguments."""
    return sorted(r for r in routes() if (rule := rule_for(r)) and "admin" in ALLOWED[rule.read])


def check_page(response, url: str) -> set[str]:
    """No raw markup from the payload; the labels of the fields shown escaped."""
    content_type = response.headers.get("Content-Type", "")
    body = response.content.decode("utf-8", "replace")
    if "html" not in content_type:
        # JSON, CSV and spreadsheets are data, not markup: but never served as a page.
        assert not content_type.startswith("text/html"), url
        return set()
    for raw in RAW:
        assert raw not in body, f"{url} shows the script unescaped"
    return set(ESCAPED.findall(body))


def test_every_page_shows_the_script_as_text(injected):
    samples, _ = injected
    admin = Client()
    admin.force_login(User.objects.get(username="admin"))
    public = Client()
    seen: set[str] = set()
    for route in pages():
        url = address(route, samples)
        response = admin.get(url)
        assert response.status_code < 500, f"GET {url}: {response.status_code}"
        if response.status_code == 200:
            seen |= check_page(response, url)
        if "anonymous" in ALLOWED[rule_for(route).read]:
            seen |= check_page(public.get(url), url)
    missing = SHOWN - seen
    assert not missing, f"never seen escaped (or never shown): {sorted(missing)}"


# Each report at a period the demo has something for (as tests/reports/test_report_files.py).
REPORTS = {
    "corporate": "Q2 2019/20",
    "programme": "Q4 2017/18",
    "actions": "Q4 2017/18",
    "dashboard": "Mar-18",
    "risks": "2018/19",
    "lead-member": "2018/19",
    "board": "2017/18",
}


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_the_html_paper_shows_the_script_as_text(injected, kind):
    report = KINDS[kind].build(parse_period(REPORTS[kind]), None)
    body = render(report, "html").decode()
    for raw in RAW:
        assert raw not in body
    assert ESCAPED.search(body)


def _javascript_in(reader: pypdf.PdfReader) -> list[str]:
    """Every JavaScript action anywhere in the PDF's objects."""
    found, seen = [], set()
    stack = [reader.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, pypdf.generic.IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        if isinstance(item, dict):
            if "/JS" in item or item.get("/S") == "/JavaScript" or "/JavaScript" in item:
                found.append(repr(item)[:200])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


@PDF_FROM_THE_HTML
@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_the_pdf_paper_has_the_script_as_text_and_no_javascript(injected, kind):
    report = KINDS[kind].build(parse_period(REPORTS[kind]), None)
    reader = pypdf.PdfReader(io.BytesIO(render(report, "pdf")))
    assert not _javascript_in(reader)
    assert "/OpenAction" not in reader.trailer["/Root"]
    assert "/AA" not in reader.trailer["/Root"]
    # The literal words are there as text: what the officer typed, shown, not run. (Reading the
    # pages' text stops at the first that has them: a long paper's every page took 20 seconds.)
    assert any("alert" in page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_the_word_paper_escapes_the_script(injected, kind):
    report = KINDS[kind].build(parse_period(REPORTS[kind]), None)
    with zipfile.ZipFile(io.BytesIO(render(report, "docx"))) as package:
        parts = {n: package.read(n).decode() for n in package.namelist() if n.endswith(".xml")}
    document = parts["word/document.xml"]
    for name, xml in parts.items():
        for raw in RAW:
            assert raw not in xml, f"{name} holds the script as markup"
    assert "&lt;script&gt;alert(" in document
    assert not any("vbaProject" in n or n.endswith(".bin") for n in parts)
