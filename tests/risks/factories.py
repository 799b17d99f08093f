"""A small risk register built through the ORM, and users with or without the team's role."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import Group, User

from scorecard.framework.models import Organisation, Plan, Programme
from scorecard.people.models import Person
from scorecard.people.permissions import PERFORMANCE_TEAM
from scorecard.risks.models import Risk, RiskAssessment

PASSWORD = "a-long-test-passphrase"


def make_register() -> dict:
    """ORG0009 assessed twice (20 then 15), ORG0010 once (9), ORG0011 never."""
    council = Organisation.objects.create(name="Somerset County Council")
    owner = Person.objects.create(
        person_id="jthompson",
        name="Jenny Thompson",
        job_title="Director of Children's Services",
        organisation=council,
    )
    cypp = Plan.objects.create(plan_id="cypp", name="Children and Young People's Plan", order=1)
    business = Plan.objects.create(plan_id="business-plan", name="Business Plan", order=2)
    programme = Programme.objects.create(plan=cypp, name="Vulnerable children")
    finance = Programme.objects.create(plan=business, name="Finance")
    safeguarding = Risk.objects.create(
        reference="ORG0009",
        title="Safeguarding children",
        description="Failure to secure improvement in children's services.",
        plan=cypp,
        owner=owner,
        organisation=council,
        category="Strategic",
        controls="Monthly scrutiny of the improvement plan.",
        management_actions="Recruit permanent social workers.",
        target_score=10,
        order=1,
    )
    safeguarding.programmes.add(programme)
    RiskAssessment.objects.create(
        risk=safeguarding, assessed_on=date(2017, 3, 31), period="2016/17", likelihood=4, impact=5
    )
    RiskAssessment.objects.create(
        risk=safeguarding,
        assessed_on=date(2018, 3, 31),
        period="2017/18",
        likelihood=3,
        impact=5,
        note="Ofsted judged services to require improvement.",
    )
    budget = Risk.objects.create(
        reference="ORG0010", title="Budget pressures", plan=business, order=2
    )
    budget.programmes.add(finance)
    RiskAssessment.objects.create(
        risk=budget, assessed_on=date(2018, 6, 30), period="Q1 2018/19", likelihood=3, impact=3
    )
    recruitment = Risk.objects.create(
        reference="ORG0011", title="Recruitment of social workers", plan=cypp, order=3
    )
    return {
        "safeguarding": safeguarding,
        "budget": budget,
        "recruitment": recruitment,
        "cypp": cypp,
        "business": business,
        "programme": programme,
        "finance": finance,
        "owner": owner,
        "council": council,
    }


def make_user(username: str, *, team: bool) -> User:
    user = User.objects.create_user(username, password=PASSWORD)
    if team:
        user.groups.add(Group.objects.get_or_create(name=PERFORMANCE_TEAM)[0])
    return user
