"""The paper record's rules: the council's implications and order, one version per meeting."""

import datetime

import pytest
from django.db import IntegrityError

from scorecard.papers.choices import DEFAULT_IMPLICATIONS, DEFAULT_ORDER
from scorecard.papers.models import PaperSettings, lines_of

pytestmark = pytest.mark.django_db


def test_a_council_with_no_settings_has_the_seeds_implications_and_order(demo):
    settings = PaperSettings.current()
    assert settings.pk is None
    assert settings.implications == DEFAULT_IMPLICATIONS
    assert settings.order == DEFAULT_ORDER


def test_the_councils_order_first_then_the_rest_in_the_seeds_order(demo):
    PaperSettings.objects.create(section_order="glossary\n\n  summary \nno such section")
    order = PaperSettings.current().order
    assert order[:3] == ("glossary", "summary", "cabinet_member")
    assert sorted(order) == sorted(DEFAULT_ORDER)


def test_lines_of_a_text_box():
    assert lines_of(" Financial \n\n Equalities\n") == ["Financial", "Equalities"]


def test_one_version_per_meeting(paper):
    duplicate = dict(
        kind=paper.kind,
        period=paper.period,
        committee="Cabinet",
        meeting_date=paper.meeting_date,
    )
    paper.plan.papers.create(**duplicate, version=2)
    with pytest.raises(IntegrityError):
        paper.plan.papers.create(**duplicate, version=2)


def test_a_paper_names_its_report_and_meeting(paper):
    assert str(paper) == "Plan progress report, Cabinet 09/07/2018"
    assert paper.period_obj.display == "Q4 2017/18"
    assert paper.meeting_date == datetime.date(2018, 7, 9)


def test_every_text_the_team_types_is_one_of_the_typed_fields():
    """`Paper.TYPED_FIELDS` is the paper form's fields and what a next version copies: a new
    section added to the model without it would be neither editable nor carried over."""
    from django.db import models

    from scorecard.papers.models import Paper

    # Set when the paper is started or published, never typed as a section.
    bookkeeping = {"kind", "period", "committee", "published_by"}
    texts = {
        field.name
        for field in Paper._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    }
    assert texts - bookkeeping == set(Paper.TYPED_FIELDS)
    assert len(Paper.TYPED_FIELDS) == len(set(Paper.TYPED_FIELDS))
