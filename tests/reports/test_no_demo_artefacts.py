"""No note about how the demo data was read reaches a page or a paper: those notes live in the
data READMEs (scorecard/demo/data/README-*.md). Every report kind is rendered for every demo
plan, and every text the demo stores (what pages print) is read, for the marks such notes leave."""

import re

import pytest
from django.apps import apps
from django.db import models

from scorecard.core.period_parser import parse_period
from scorecard.reports.document import ReportUnavailable
from scorecard.reports.kinds import KINDS, render

pytestmark = pytest.mark.django_db

# The marks a note on reading the seeds leaves: its name, and what it says went wrong.
ARTEFACT = re.compile(
    r"\bseeds?\b|extraction|heading lost|\blost in\b|unlabelled|garbled|wording supplied|"
    r"misread|printed as|kept as printed|\bas published|\bread as\b|README|"
    # a page of the source paper named, as "(the 'CLA Dashboard' page)"
    r"\bthe '[^']+' page\b",
    re.IGNORECASE,
)
PLANS = ("corporate-parenting", "business-plan", "cypp")
PERIODS = ("Q4 2017/18", "2017/18", "Q2 2019/20", "2019/20")


def artefacts(text: str) -> list[str]:
    return sorted({text[max(0, m.start() - 40) : m.end() + 40] for m in ARTEFACT.finditer(text)})


def test_no_paper_of_the_demo_prints_a_note_on_how_its_data_was_read(demo_council):
    found, made = {}, 0
    for kind in KINDS.values():
        for plan in PLANS:
            for label in PERIODS:
                try:
                    report = kind.build(parse_period(label), plan)
                except ReportUnavailable:
                    continue
                made += 1
                html = render(report, "html").decode()
                if hits := artefacts(html):
                    found[kind.name, plan, label] = hits
    assert found == {}
    assert made >= 10  # every kind that the demo can make was made


def test_no_text_the_demo_stores_carries_such_a_note(demo_council):
    found = {}
    for model in apps.get_models():
        if model._meta.app_label in {"audit", "auth", "sessions", "contenttypes", "admin"}:
            continue
        fields = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.CharField | models.TextField) and not f.choices
        ]
        for row in model.objects.values(*fields) if fields else []:
            for name, value in row.items():
                if value and (hits := artefacts(str(value))):
                    found[f"{model._meta.label}.{name}"] = hits
    assert found == {}
