"""The public scorecard and a published measure's page: only published measures, no way in."""

import re

import pytest

from scorecard.measures.models import Measure
from tests.publishing.conftest import HOSTILE_TITLE, SECRET_ID, SECRET_TITLE

pytestmark = pytest.mark.django_db

INTERNAL = re.compile(
    r'href="/(?!public/|accounts/login/|static/|assets/)[^"#]*"'  # links to internal pages
)


def _public_urls(published) -> list[str]:
    urls = ["/public/", "/public/?plan=business-plan", "/public/data/"]
    urls += [f"/public/measures/{m.measure_id}/" for m in published]
    return urls


def test_the_public_scorecard_lists_published_measures_in_words(
    anonymous_client, published_council
):
    response = anonymous_client.get("/public/")
    assert response.status_code == 200
    page = response.content.decode()
    published = published_council
    assert published
    for measure in published[:10]:
        assert f"/public/measures/{measure.measure_id}/" in page
    # Ratings in words as well as colour; directions in words.
    assert re.search(r"(Green|Amber|Red|Blue) \([GARB]\)", page)
    assert re.search(r"Improving|Steady|Declining", page)
    assert "Open Government Licence v3.0" in page


def test_unpublished_and_archived_measures_never_show(anonymous_client, published_council):
    urls = _public_urls(published_council) + ["/public/?plan=cypp", "/public/?plan=business-plan"]
    for url in urls:
        page = anonymous_client.get(url).content.decode()
        assert SECRET_ID not in page, url
        assert SECRET_TITLE not in page, url
        assert "ARCHIVED-ONE" not in page, url
        assert "An archived measure" not in page, url


@pytest.mark.parametrize("measure_id", [SECRET_ID, "ARCHIVED-ONE", "NO-SUCH", "CPB-CLA-RATE"])
def test_an_unpublished_measure_page_is_not_found_and_names_nothing(
    anonymous_client, published_council, measure_id
):
    response = anonymous_client.get(f"/public/measures/{measure_id}/")
    assert response.status_code == 404
    page = response.content.decode()
    assert SECRET_TITLE not in page
    title = Measure.objects.filter(measure_id=measure_id).values_list("title", flat=True).first()
    if title:
        assert title not in page


def test_a_plan_with_nothing_published_is_not_found(anonymous_client, published_council):
    response = anonymous_client.get("/public/?plan=corporate-parenting")
    assert response.status_code == 404
    assert anonymous_client.get("/public/?plan=no-such-plan").status_code == 404
    assert anonymous_client.get("/public/?period=not-a-period").status_code == 404
    assert anonymous_client.get("/public/?period=2040/41").status_code == 404


def test_a_published_measure_page_shows_its_figures_chart_and_commentary(
    anonymous_client, published_council
):
    measure = published_council[0]
    response = anonymous_client.get(f"/public/measures/{measure.measure_id}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert measure.title in page
    assert "<svg" in page
    assert "Values by period" in page
    assert "Open Government Licence v3.0" in page


def test_public_pages_link_to_nothing_internal(anonymous_client, published_council):
    for url in _public_urls(published_council[:5]):
        page = anonymous_client.get(url).content.decode()
        assert INTERNAL.findall(page) == [], url
        assert 'href="/accounts/login/"' in page, url


def test_hostile_text_is_escaped(anonymous_client, published_council):
    for url in ["/public/", "/public/measures/HOSTILE/"]:
        page = anonymous_client.get(url).content.decode()
        assert "<script>alert" not in page, url
        assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in page, url
    assert "&lt;script&gt;alert(&quot;commentary&quot;)" in page
    assert HOSTILE_TITLE not in page


def test_nothing_published_says_so(anonymous_client, demo_council):
    response = anonymous_client.get("/public/")
    assert response.status_code == 200
    assert "No measures have been published yet" in response.content.decode()


def test_signed_in_people_see_the_public_pages_too(client, published_council):
    assert client.get("/public/").status_code == 200
    assert client.get("/public/measures/HOSTILE/").status_code == 200
    assert client.get(f"/public/measures/{SECRET_ID}/").status_code == 404


def test_public_pages_refuse_posts(anonymous_client, published_council):
    for url in ["/public/", "/public/data.csv", "/public/data/"]:
        assert anonymous_client.post(url).status_code in (403, 405)
