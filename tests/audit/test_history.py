"""The History section of an item's page: every change, in words."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.audit.history import history_for
from scorecard.delivery.models import Project, ProjectUpdate
from scorecard.measures.models import Measure, Target
from tests.audit.conftest import observation


def test_the_measure_page_says_who_revised_what_from_what_to_what(
    demo_at_start, clock, as_owner, client
):
    reading = observation("BP-HV-NBV", "2018/19 Q2")
    reading.value = Decimal("49.7")
    reading.save()
    with as_owner():
        reading.value = Decimal("49.9")
        reading.save()
    page = client.get(reverse("measure", args=["BP-HV-NBV"])).content.decode()
    assert 'id="history"' in page
    assert (
        "Value for Q2 2018/19 revised from 49.7% to 49.9% by Jenny Thompson (owner) "
        'on <time datetime="2026-03-03T10:02:00+00:00">3 March 2026 at 10:02</time>'
    ) in page


def test_a_measures_history_holds_its_observations_targets_and_its_own_changes(
    demo_at_start, clock
):
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    clock.advance(days=1)
    measure.title = "Health visitor new birth visits"
    measure.save()
    target = Target.objects.get(measure=measure, from_period="")
    target.value = Decimal("92")
    target.save()
    reading = observation("BP-HV-NBV", "2019/20 Q1")
    reading.commentary = "New words."
    reading.save()
    said = [line.sentence for line in history_for(measure)][:3]
    assert said == [
        "Commentary for Q1 2019/20 changed by system on 4 March 2026 at 10:02",
        "Target from the start changed from 90% to 92% by system on 4 March 2026 at 10:02",
        "Title changed from ‘Health Visitor mandated contacts’ to ‘Health visitor new birth "
        "visits’ by system on 4 March 2026 at 10:02",
    ]
    whole = [line.sentence for line in history_for(measure, 500)]
    assert "Value for Q1 2019/20 entered as 85.1% by demo loader on 3 March 2026 at 10:02" in whole


def test_the_project_page_tells_of_a_status_change_in_words(demo_at_start, clock, client):
    update = ProjectUpdate.objects.get(project__project_id="BP-PRJ-02", period="2019/20 Q2")
    update.status = "G"
    update.save()
    project = Project.objects.get(project_id="BP-PRJ-02")
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Status changed from Amber (A) to Green (G) by system" in page


def test_the_risk_and_action_pages_have_a_history_section(demo_at_start, client):
    from scorecard.delivery.models import Action
    from scorecard.risks.models import Risk

    for item in (Risk.objects.first(), Action.objects.first()):
        page = client.get(item.get_absolute_url()).content.decode()
        assert 'id="history"' in page
        assert "added by demo loader on <time" in page
        assert ">3 March 2026 at 10:02</time>" in page


def test_how_a_model_s_history_is_told_is_registered_by_its_app(demo_at_start, monkeypatch):
    """audit/history.py names no model: an app tells it which of its models are figures,
    targets, decisions or kept for the record only (audit.registry.tell_history_as)."""
    from scorecard.audit import registry

    update = ProjectUpdate.objects.get(project__project_id="BP-PRJ-02", period="2019/20 Q2")
    update.status = "G"
    update.save()
    project = Project.objects.get(project_id="BP-PRJ-02")
    said = [line.what for line in history_for(project)]
    assert "Status changed from Amber (A) to Green (G)" in " ".join(said)

    monkeypatch.setattr(registry, "_TOLD_AS", dict(registry._TOLD_AS))
    registry.tell_history_as("delivery.ProjectUpdate", registry.NOT_SHOWN)
    said = [line.what for line in history_for(project)]
    assert "Status changed" not in " ".join(said)
    with pytest.raises(ValueError, match="no way of telling history called 'poem'"):
        registry.tell_history_as("delivery.ProjectUpdate", "poem")
