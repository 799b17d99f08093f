"""The risk forms keep to the permission rules: a risk's owner changes its text but not who
owns it, its plan or its programmes; a team member looking after some plans adds and moves
risks in those plans only; an archived risk changes for no one until it is restored."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from scorecard.framework.models import Plan, Programme
from scorecard.people.models import Person
from scorecard.risks.forms import RiskForm
from scorecard.risks.models import Risk
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db


def posted(form) -> dict:
    """What the browser sends back for an unchanged form, disabled fields included (as a
    tampered post would send them)."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, "", False):
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(getattr(v, "pk", v)) for v in value]
        else:
            data[name] = str(getattr(value, "pk", value))
    return data


def jennys_risk() -> Risk:
    risk = Risk.objects.exclude(plan=None).order_by("pk").first()
    Risk.objects.filter(pk=risk.pk).update(owner=Person.objects.get(person_id="jthompson"))
    return Risk.objects.get(pk=risk.pk)


def test_an_owner_cannot_hand_over_move_or_relink_their_risk(demo):
    risk = jennys_risk()
    programmes_before = set(risk.programmes.values_list("pk", flat=True))
    user = User.objects.get(username="owner")
    form = RiskForm(instance=risk, user=user)
    for name in ("owner", "plan", "organisation", "programmes"):
        assert form.fields[name].disabled, name
    other = Plan.objects.exclude(pk=risk.plan_id).order_by("pk").first()
    data = posted(form)
    data.update(
        description="Described by its owner",
        owner=str(Person.objects.get(person_id="tjohnson").pk),
        plan=str(other.pk),
        programmes=[str(p.pk) for p in Programme.objects.filter(plan=risk.plan_id)],
    )
    response = signed_in("owner").post(f"/risks/{risk.reference}/edit/", data)
    assert response.status_code == 302, response.content[:3000]
    stored = Risk.objects.get(pk=risk.pk)
    assert stored.description == "Described by its owner"
    assert stored.owner.person_id == "jthompson"
    assert stored.plan_id == risk.plan_id
    assert set(stored.programmes.values_list("pk", flat=True)) == programmes_before


def test_a_team_member_for_one_plan_adds_and_moves_risks_there_only(demo):
    business = Plan.objects.get(plan_id="business-plan")
    Person.objects.get(user__username="performance").plans.set([business])
    other = Plan.objects.exclude(pk=business.pk).order_by("pk").first()
    user = User.objects.get(username="performance")
    assert set(RiskForm(user=user).fields["plan"].queryset) == {business}
    client = signed_in("performance")
    new = {"reference": "NEW-RISK-1", "title": "A new risk", "plan": str(other.pk)}
    response = client.post("/risks/new/", new)
    assert response.status_code in (200, 403)
    assert not Risk.objects.filter(reference="NEW-RISK-1").exists()
    response = client.post("/risks/new/", {**new, "plan": ""})
    assert response.status_code in (200, 403)
    assert not Risk.objects.filter(reference="NEW-RISK-1").exists()
    response = client.post("/risks/new/", {**new, "plan": str(business.pk)})
    assert response.status_code == 302, response.content[:3000]
    risk = Risk.objects.get(reference="NEW-RISK-1")
    data = posted(RiskForm(instance=risk, user=user))
    data["plan"] = str(other.pk)
    response = client.post(f"/risks/{risk.reference}/edit/", data)
    assert response.status_code in (200, 403)
    assert Risk.objects.get(pk=risk.pk).plan == business


def test_an_archived_risk_and_its_assessments_refuse_changes(demo):
    risk = jennys_risk()
    Risk.objects.filter(pk=risk.pk).update(archived_at=timezone.now())
    risk.refresh_from_db()
    for username in ("owner", "performance", "admin"):
        client = signed_in(username)
        data = posted(RiskForm(instance=risk, user=User.objects.get(username=username)))
        data["description"] = "Changed while archived"
        response = client.post(f"/risks/{risk.reference}/edit/", data)
        assert response.status_code == 403
        assert "archived" in str(response.context["exception"])
        response = client.post(
            f"/risks/{risk.reference}/assessments/new/",
            {"likelihood": "3", "impact": "3", "assessed_on_day": "1"},
        )
        assert response.status_code == 403
    assert Risk.objects.get(pk=risk.pk).description != "Changed while archived"
