"""Reading through the API: every endpoint's list and items, signed in and as the public."""

import pytest

from scorecard.api.views import ENDPOINTS
from scorecard.measures.models import Measure, Observation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_a_viewer_lists_and_reads_every_kind_of_item(api_as, prefix):
    client = api_as("viewer")
    listed = client.get(f"/api/{prefix}/")
    assert listed.status_code == 200, listed.content
    body = listed.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["results"], f"the demo has {prefix}"
    viewset = ENDPOINTS[prefix]
    key = body["results"][0][viewset.lookup_field if viewset.lookup_field != "pk" else "id"]
    item = client.get(f"/api/{prefix}/{key}/")
    assert item.status_code == 200, item.content
    assert item.json() == body["results"][0]


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_the_public_reads_only_published_measures_and_their_figures(public_api, prefix):
    response = public_api.get(f"/api/{prefix}/")
    if prefix not in ("measures", "observations", "targets"):
        assert response.status_code == 401
        return
    assert response.status_code == 200
    published = set(Measure.objects.filter(published=True).values_list("measure_id", flat=True))
    assert published
    results = response.json()["results"]
    assert results
    for item in results:
        measure_id = item["measure_id"] if prefix == "measures" else item["measure"]
        assert measure_id in published


def test_the_public_cannot_read_an_unpublished_measure_or_its_figures(public_api, api_as):
    hidden = Measure.objects.filter(published=False).first()
    observation = Observation.objects.filter(measure=hidden).first()
    assert public_api.get(f"/api/measures/{hidden.measure_id}/").status_code == 404
    assert public_api.get(f"/api/observations/{observation.pk}/").status_code == 404
    assert api_as("viewer").get(f"/api/measures/{hidden.measure_id}/").status_code == 200
    count = public_api.get("/api/measures/", {"page_size": 500}).json()["count"]
    assert count == Measure.objects.filter(published=True, archived_at=None).count()


def test_the_public_sees_published_measures_with_their_observations(public_api):
    measure = Measure.objects.filter(published=True, observations__isnull=False).first()
    response = public_api.get("/api/observations/", {"measure": measure.measure_id})
    assert response.status_code == 200
    assert response.json()["count"] == measure.observations.count()


def test_an_archived_measure_leaves_the_public_api(public_api):
    from django.utils import timezone

    measure = Measure.objects.filter(published=True).first()
    measure.archived_at = timezone.now()
    measure.save()
    assert public_api.get(f"/api/measures/{measure.measure_id}/").status_code == 404


def test_periods_read_as_labels(api_as):
    observation = Observation.objects.first()
    body = api_as("viewer").get(f"/api/observations/{observation.pk}/").json()
    assert body["period"] == observation.period
    assert body["measure"] == observation.measure.measure_id


def test_nothing_is_deleted_through_the_api(api_as):
    measure = Measure.objects.first()
    response = api_as("admin").delete(f"/api/measures/{measure.measure_id}/")
    assert response.status_code == 405
    assert Measure.objects.filter(pk=measure.pk).exists()


NOT_PUBLIC = {"owners", "owner", "notes", "entered_by", "revisions", "archived_at"}


def test_the_public_reads_measures_without_who_owns_them_or_the_teams_notes(public_api, api_as):
    measure = Measure.objects.filter(published=True, archived_at=None).first()
    for body in (
        public_api.get(f"/api/measures/{measure.measure_id}/").json(),
        public_api.get("/api/measures/").json()["results"][0],
    ):
        assert "measure_id" in body
        assert set(body) & NOT_PUBLIC == set()
    signed_in = api_as("viewer").get(f"/api/measures/{measure.measure_id}/").json()
    assert {"owners", "owner", "notes", "archived_at"} <= set(signed_in)


def test_the_public_reads_figures_without_who_entered_them_or_their_revisions(public_api, api_as):
    observation = Observation.objects.filter(
        measure__published=True, measure__archived_at=None
    ).first()
    for body in (
        public_api.get(f"/api/observations/{observation.pk}/").json(),
        public_api.get("/api/observations/").json()["results"][0],
    ):
        assert "value" in body
        assert set(body) & NOT_PUBLIC == set()
    signed_in = api_as("viewer").get(f"/api/observations/{observation.pk}/").json()
    assert {"entered_by", "revisions"} <= set(signed_in)


@pytest.mark.parametrize("prefix", ["measures", "observations", "targets"])
def test_the_public_cannot_ask_who_owns_what(public_api, api_as, prefix):
    everything = public_api.get(f"/api/{prefix}/", {"page_size": 500}).json()["count"]
    # The owner filter is not offered to the public: it is ignored, as unknown parameters are.
    for owner in ("jthompson", "nobody-at-all"):
        response = public_api.get(f"/api/{prefix}/", {"page_size": 500, "owner": owner})
        assert response.status_code == 200
        assert response.json()["count"] == everything
    # Signed in, it filters.
    viewer = api_as("viewer")
    assert viewer.get(f"/api/{prefix}/", {"owner": "nobody-at-all"}).json()["count"] == 0


def test_the_public_reads_what_the_public_scorecard_publishes(public_api):
    from scorecard.publishing.published import published_measures

    listed = public_api.get("/api/measures/", {"page_size": 500}).json()["results"]
    assert {m["measure_id"] for m in listed} == set(
        published_measures().values_list("measure_id", flat=True)
    )
    figures = public_api.get("/api/observations/", {"page_size": 500}).json()
    assert figures["count"] == Observation.objects.filter(measure__in=published_measures()).count()
