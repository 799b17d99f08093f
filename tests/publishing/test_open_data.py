"""The open data files: published measures only, the licence stated, formulas defused."""

import csv
import io
import json

import pytest
from django.test import override_settings

from scorecard.measures.models import Observation
from scorecard.publishing.open_data import COLUMN_NAMES
from tests.publishing.conftest import SECRET_ID, SECRET_TITLE

pytestmark = pytest.mark.django_db

OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def _rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_csv_holds_every_published_observation(anonymous_client, published_council):
    response = anonymous_client.get("/public/data.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="scorecard-open-data.csv"'
    assert response["Link"] == f'<{OGL_URL}>; rel="license"'
    text = response.content.decode()
    assert text.splitlines()[0] == ",".join(COLUMN_NAMES)
    rows = _rows(response)
    expected = Observation.objects.filter(
        measure__published=True, measure__archived_at__isnull=True
    ).count()
    assert len(rows) == expected
    ids = {row["measure_id"] for row in rows}
    assert {m.measure_id for m in published_council} <= ids
    assert SECRET_ID not in text and SECRET_TITLE not in text
    assert "ARCHIVED-ONE" not in text
    assert {row["plan"] for row in rows} == {published_council[0].plan.name}
    rated = [row for row in rows if row["rating"]]
    assert rated and {row["rating"] for row in rated} <= {"Green", "Amber", "Red", "Blue"}


def test_a_formula_in_the_csv_is_defused(anonymous_client, published_council):
    rows = _rows(anonymous_client.get("/public/data.csv"))
    hostile = [row for row in rows if row["measure_id"] == "HOSTILE"]
    assert hostile
    assert hostile[0]["title"].startswith("<script>")
    text = anonymous_client.get("/public/data.csv").content.decode()
    assert "\n=" not in text and ",=" not in text


def test_a_title_starting_with_a_formula_gets_an_apostrophe(anonymous_client, published_council):
    from scorecard.measures.models import Measure

    Measure.objects.filter(measure_id="HOSTILE").update(title="=1+1")
    rows = _rows(anonymous_client.get("/public/data.csv"))
    assert [row["title"] for row in rows if row["measure_id"] == "HOSTILE"] == ["'=1+1"]


def test_the_json_states_the_licence_and_holds_the_same_rows(anonymous_client, published_council):
    response = anonymous_client.get("/public/data.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="scorecard-open-data.json"'
    assert response["Link"] == f'<{OGL_URL}>; rel="license"'
    document = json.loads(response.content)
    metadata = document["metadata"]
    assert metadata["licence"] == {"name": "Open Government Licence v3.0", "url": OGL_URL}
    assert metadata["publisher"] == published_council[0].plan.organisation.name
    assert metadata["last_updated"]
    assert list(metadata["columns"]) == COLUMN_NAMES
    observations = document["observations"]
    assert len(observations) == len(_rows(anonymous_client.get("/public/data.csv")))
    assert all(list(o) == COLUMN_NAMES for o in observations)
    assert SECRET_ID not in response.content.decode()
    numbers = [o["value"] for o in observations if o["value"] is not None]
    assert numbers and all(isinstance(n, int | float) for n in numbers)


@override_settings(
    SCORECARD_OPEN_DATA_LICENCE={"name": "Our own licence", "url": "https://example.org/l"},
    SCORECARD_OPEN_DATA_PUBLISHER="Example Council",
)
def test_the_licence_and_publisher_are_configurable(anonymous_client, published_council):
    response = anonymous_client.get("/public/data.json")
    metadata = json.loads(response.content)["metadata"]
    assert metadata["licence"] == {"name": "Our own licence", "url": "https://example.org/l"}
    assert metadata["publisher"] == "Example Council"
    assert response["Link"] == '<https://example.org/l>; rel="license"'
    page = anonymous_client.get("/public/data/").content.decode()
    assert "Our own licence" in page and "Example Council" in page


def test_the_data_page_describes_files_columns_licence_and_update_time(
    anonymous_client, published_council
):
    response = anonymous_client.get("/public/data/")
    assert response.status_code == 200
    page = response.content.decode()
    for column in COLUMN_NAMES:
        assert f"<code>{column}</code>" in page
    assert 'href="/public/data.csv"' in page and 'href="/public/data.json"' in page
    assert "Open Government Licence v3.0" in page and OGL_URL in page
    assert "Last updated" in page and "<time datetime=" in page


def test_nothing_published_gives_empty_files(anonymous_client, demo_council):
    assert (
        anonymous_client.get("/public/data.csv").content.decode() == ",".join(COLUMN_NAMES) + "\n"
    )
    document = json.loads(anonymous_client.get("/public/data.json").content)
    assert document["observations"] == []
    assert document["metadata"]["last_updated"] is None
    assert anonymous_client.get("/public/data/").status_code == 200


def test_the_files_answer_head_requests(anonymous_client, published_council):
    for url in ["/public/data.csv", "/public/data.json", "/public/", "/public/data/"]:
        assert anonymous_client.head(url).status_code == 200, url


def test_open_data_figures_are_as_published_each_with_its_own_decimals(
    anonymous_client, published_council
):
    """Every figure as the council's files write it ("67.0", "85", "2.18" beside "3.158"):
    never a float's artefact nor storage's padding to the measure's most decimals, in the CSV;
    the same numbers in the JSON."""
    import re
    from decimal import Decimal
    from pathlib import Path

    from scorecard.measures.models import Measure

    decimals = dict(Measure.objects.values_list("measure_id", "decimals"))
    data = Path(__file__).parents[2] / "scorecard/demo/data/021-business-plan-observations.csv"
    written = {
        (row["measure_id"], row["period"], row["breakdown"]): row["value"]
        for row in csv.DictReader(io.StringIO(data.read_text(encoding="utf-8")))
        if row["value"]
    }
    rows = _rows(anonymous_client.get("/public/data.csv"))
    checked = 0
    for row in rows:
        if not row["value"]:
            continue
        text = written.get((row["measure_id"], row["period"], row["breakdown"]))
        if text is not None:
            # A mixed series (revenue outturn 2.18, 11.4, 3.158) keeps each figure's decimals.
            assert row["value"] == text, (row["measure_id"], row["value"], text)
            checked += 1
            continue
        places = decimals[row["measure_id"]] or 0
        shape = rf"-?\d+\.\d{{{places}}}" if places else r"-?\d+"
        assert re.fullmatch(shape, row["value"]), (row["measure_id"], row["value"])
    assert checked > 20
    records = anonymous_client.get("/public/data.json").json()["observations"]
    assert [r["value"] for r in records] == [
        None if not row["value"] else json.loads(str(Decimal(row["value"]).normalize()))
        for row in rows
    ]


def test_the_licence_and_publisher_are_set_in_the_environment(tmp_path):
    """Production reads settings from the environment only, so these are read there too."""
    import os
    import subprocess
    import sys

    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "scorecard.settings.local",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "SCORECARD_OPEN_DATA_PUBLISHER": "Example Council",
        "SCORECARD_OPEN_DATA_LICENCE_NAME": "Our own licence",
        "SCORECARD_OPEN_DATA_LICENCE_URL": "https://example.org/l",
        "SCORECARD_DEFAULT_TENANT_NAME": "Example Council",
    }
    read = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SCORECARD_OPEN_DATA_PUBLISHER, s.SCORECARD_OPEN_DATA_LICENCE, "
        "s.SCORECARD_DEFAULT_TENANT_NAME, sep='|')"
    )
    shown = subprocess.run(
        [sys.executable, "-c", read], env=environment, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert shown == (
        "Example Council|{'name': 'Our own licence', 'url': 'https://example.org/l'}"
        "|Example Council"
    )
