"""Every page that takes `?period=` gives the same page for every form of the same period
(DESIGN §4), and a period it cannot read is a not-found page, never an empty one."""

import re

import pytest

from scorecard.measures.models import Measure

pytestmark = pytest.mark.django_db

# Pages as at a period, and the forms of a period each offers.
QUARTER = ["2019/20 Q2", "Q2 2019/20", "Q2 19/20", "2019/20 q2", "Q2 2019/2020"]
MONTH = ["2019-09", "Sep-19", "Sep 2019", "September 2019"]
ACTIONS = ["2017/18 Q4", "Q4 2017/18", "Q4 17/18"]
PAGES = {
    "/?plan=business-plan&period={}": QUARTER + MONTH,
    "/measures/?plan=business-plan&period={}": QUARTER,
    "/public/?plan=business-plan&period={}": QUARTER,
    "/action-plans/?plan=corporate-parenting&period={}": ACTIONS,
    "/highlight-reports/?plan=cypp&period={}": ACTIONS,
}
# A fresh CSRF token on every page is the only difference allowed.
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _page(client, address: str) -> tuple[int, str]:
    response = client.get(address)
    return response.status_code, _TOKEN.sub("", response.content.decode())


def test_every_form_of_a_period_gives_the_same_page(client, demo_council):
    Measure.objects.filter(plan__plan_id="business-plan").update(published=True)
    for address, forms in PAGES.items():
        groups = [QUARTER, MONTH] if forms == QUARTER + MONTH else [forms]
        for group in groups:
            first = _page(client, address.format(group[0]))
            assert first[0] == 200, address.format(group[0])
            for form in group[1:]:
                assert _page(client, address.format(form)) == first, address.format(form)


@pytest.mark.parametrize("address", list(PAGES))
def test_an_unreadable_period_is_not_found(client, db, address):
    assert client.get(address.format("Q5 2019/20")).status_code == 404
