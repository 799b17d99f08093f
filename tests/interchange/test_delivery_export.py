"""Exports of the framework, people, delivery and risks: CSV that imports again unchanged (the
round trip is byte for byte), JSON with what a reader needs worked out."""

import datetime as dt
import json

import pytest

from scorecard import file_kinds
from scorecard.cli.parser import ROUND_TRIP_KINDS
from scorecard.demo.loader import demo_files
from scorecard.interchange.delivery_export import EXPORTS, export_csv, export_json
from scorecard.interchange.importer import import_files
from tests.interchange.test_delivery_import import COUNCIL, row_counts, write_files

pytestmark = pytest.mark.django_db

ROUND_TRIP = ROUND_TRIP_KINDS


@pytest.fixture
def council(tmp_path):
    directory = tmp_path / "council"
    directory.mkdir()
    import_files(write_files(directory, COUNCIL))


def export_all(plan_id: str | None = None) -> dict[str, str]:
    return {what: export_csv(what, plan_id) for what in ROUND_TRIP}


def empty_database() -> None:
    """Delete everything inside the test's transaction (PostgreSQL will not TRUNCATE tables
    with deferred foreign-key checks pending), children before the parents they protect."""
    from scorecard.delivery.models import ActionPlan, HighlightReport, Project
    from scorecard.framework.models import Board, Organisation, Plan
    from scorecard.measures.models import Measure
    from scorecard.people.models import Person
    from scorecard.risks.models import Risk

    for model in (
        Risk,
        ActionPlan,
        Project,
        HighlightReport,
        Measure,
        Person,
        Plan,
        Board,
        Organisation,
    ):
        model.objects.all().delete()


def round_trip(tmp_path, exported: dict[str, str]) -> dict[str, str]:
    """Import the exports into an empty database and export again."""
    directory = tmp_path / "exported"
    directory.mkdir()
    paths = write_files(directory, {f"{what}.csv": text for what, text in exported.items()})
    empty_database()
    import_files(paths)
    return export_all()


def test_every_csv_export_has_exactly_the_columns_of_its_kind(council):
    for what in ROUND_TRIP:
        header = export_csv(what).splitlines()[0].split(",")
        assert header == list(EXPORTS[what].kind.columns)
        assert file_kinds.kind_of(header) is EXPORTS[what].kind


def test_a_round_trip_through_an_empty_database_is_byte_identical(council, tmp_path):
    first = export_all()
    assert round_trip(tmp_path, first) == first


def test_the_round_trip_keeps_every_row(council, tmp_path):
    before = row_counts()
    round_trip(tmp_path, export_all())
    after = row_counts()
    changed = {
        label: (before[label], after[label]) for label in before if before[label] != after[label]
    }
    assert changed == {}


def test_projects_are_written_in_canonical_forms(council):
    assert export_csv("projects").splitlines()[1:] == [
        "P1,Early Help,cypp,Healthy lives,Emotional health,Resilient families,jthompson,"
        "Somerset County Council,Help early,2019/20 Q1,A,,Started,Recruit,,,",
        "P1,Early Help,cypp,Healthy lives,Emotional health,Resilient families,jthompson,"
        "Somerset County Council,Help early,2019/20 Q2,G,improving,"
        "\"'=Going well, +3 staff\",'- more to come,,,",
        "P2,Broadband,cypp,Healthy lives,,,,,,,,,,,,,",
    ]


def test_no_direction_and_the_highlights_of_a_project_update_survive_a_round_trip(
    council, tmp_path
):
    from scorecard.delivery.models import ProjectUpdate

    ProjectUpdate.objects.filter(period="2019/20 Q1").update(
        direction="none",
        areas_of_success="Hub staffed",
        areas_of_concern="Turnover",
        focus_next_quarter="Open the hub",
    )
    first = export_all()
    assert (
        "2019/20 Q1,A,none,Started,Recruit,Hub staffed,Turnover,Open the hub" in first["projects"]
    )
    assert round_trip(tmp_path, first) == first


def test_milestones_write_iso_dates_revision_chains_and_yes_no(council):
    assert export_csv("milestones").splitlines()[1:] == [
        "P1,Recruit staff,2019-06-30,2019-08-31; 2019-09-30,2019-09-15,no",
        "P1,Open hub,2019-10-01,,,yes",
        "P2,Award contract,2020-12-31,,,no",
    ]


def test_actions_write_owners_sorted_and_their_plans_programme_and_board(council):
    assert export_csv("actions").splitlines()[1] == (
        "cypp,Health and Wellbeing,1.1,Health assessments on time,Resilient families,"
        "Children's Trust Executive,complete_or_bau,1. Strengthen health,areece; jthompson,"
        "2018-03-01,2018-06-01; 2018-09-01,A,"
    )


def test_highlight_reports_are_in_period_order_with_canonical_labels(council):
    rows = [line.split(",")[1:4] for line in export_csv("highlights").splitlines()[1:3]]
    assert rows == [
        ["Resilient families", "2017/18 Q3", "A"],
        ["Resilient families", "2017/18 Q4", "G"],
    ]


def test_the_framework_is_written_parents_first_with_canonical_periods(council):
    assert export_csv("framework").splitlines()[1:] == [
        "organisation,Somerset County Council,,,,,,,,",
        "organisation,Somerset Partnership,,,,,,,,",
        "board,Children's Trust Executive,,,Partners,Somerset County Council,,,,",
        "plan,Children and Young People's Plan,cypp,,Every child a good start,"
        "Somerset County Council,Children's Trust Executive,Julian Wooster,2016/17-2018/19,",
        "outcome,Healthy lives,cypp,,,,,,,",
        "priority,Emotional health,cypp,Healthy lives,,,,,,",
        "programme,Resilient families,cypp,Emotional health,,,,Fiona Phur,,",
        'programme,"Children, families and communities",cypp,Healthy lives,,,,,,',
        "action_plan,Health and Wellbeing,cypp,Resilient families,,,Children's Trust Executive,,,",
        'action_plan,Leaving Care,cypp,"Children, families and communities",,,,,,',
    ]


def test_an_export_for_one_plan_leaves_other_plans_out(council, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    import_files(
        write_files(
            other,
            {
                "f.csv": "level,name,plan_id\nplan,Other plan,other\nprogramme,Roads,other\n",
                "p.csv": "person_id,name\nroads,Roads Lead\n",
                "r.csv": (
                    "reference,title,plan_id,programmes,owner\nR1,Potholes,other,Roads,roads\n"
                ),
            },
        )
    )
    assert [line.split(",")[0] for line in export_csv("risks", "other").splitlines()] == [
        "reference",
        "R1",
    ]
    assert [line.split(",")[0] for line in export_csv("people", "other").splitlines()] == [
        "person_id",
        "roads",
    ]
    assert "Other plan" not in export_csv("framework", "cypp")


def test_exports_of_an_empty_database_are_headers_only():
    for what in ROUND_TRIP:
        assert export_csv(what) == ",".join(EXPORTS[what].kind.columns) + "\n"


# --- JSON ----------------------------------------------------------------------------------


def test_json_risks_carry_the_latest_score_band_and_trend(council):
    risk = json.loads(export_json("risks"))["risks"][0]
    assert {
        k: risk[k] for k in ("reference", "programmes", "latest_score", "latest_band", "trend")
    } == {
        "reference": "ORG0009",
        "programmes": ["Children, families and communities", "Resilient families"],
        "latest_score": 15,
        "latest_band": "very high",
        "trend": "improving",
    }


def test_json_actions_say_when_they_are_due_and_whether_they_slipped(council):
    document = json.loads(export_json("actions"))
    action = document["actions"][0]
    assert (document["as_at"], action["revised_due"], action["current_due"], action["slipped"]) == (
        dt.date.today().isoformat(),
        ["2018-06-01", "2018-09-01"],
        "2018-09-01",
        True,
    )
    assert (action["overdue"], document["actions"][1]["overdue"]) == (True, False)


def test_json_projects_carry_the_latest_status(council):
    projects = json.loads(export_json("projects"))["projects"]
    assert [(p["period"], p["status"], p["latest_status"]) for p in projects] == [
        ("2019/20 Q1", "A", "G"),
        ("2019/20 Q2", "G", "G"),
        ("", None, None),
    ]


def test_json_milestones_have_typed_values(council):
    milestone = json.loads(export_json("milestones"))["milestones"][0]
    assert (milestone["at_risk"], milestone["completed"], milestone["current_due"]) == (
        False,
        "2019-09-15",
        "2019-09-30",
    )


def test_json_risk_assessments_carry_score_and_band(council):
    assessments = json.loads(export_json("risk_assessments"))["risk_assessments"]
    assert [(a["score"], a["band"]) for a in assessments] == [
        (20, "very high"),
        (15, "very high"),
        (4, "low"),
    ]


def test_json_highlights_are_listed_under_highlight_reports(council):
    document = json.loads(export_json("highlights", "cypp"))
    assert (document["plan_id"], len(document["highlight_reports"])) == ("cypp", 3)


# --- the demo ------------------------------------------------------------------------------


def test_the_demo_round_trips_byte_for_byte(tmp_path):
    import_files(demo_files())
    first = export_all()
    assert all(len(text.splitlines()) > 1 for text in first.values())
    assert round_trip(tmp_path, first) == first


def test_an_action_plan_with_no_actions_yet_survives_the_round_trip(council, tmp_path):
    from scorecard.delivery.models import ActionPlan
    from scorecard.framework.models import Plan, Programme

    plan = Plan.objects.get(plan_id="cypp")
    programme = Programme.objects.filter(plan=plan).first()
    ActionPlan.objects.create(plan=plan, name="Not started", programme=programme, order=99)
    first = export_all()
    assert "action_plan,Not started,cypp," in first["framework"]
    assert round_trip(tmp_path, first) == first
    kept = ActionPlan.objects.get(name="Not started")
    assert kept.programme.name == programme.name and not kept.actions.exists()


def test_a_partial_import_puts_new_risks_after_the_register(council, tmp_path):
    from scorecard.risks.models import Risk

    before = list(Risk.objects.values_list("reference", flat=True))
    extra = tmp_path / "one-risk.csv"
    extra.write_text("reference,title\nNEW001,A new risk\n")
    import_files([extra])
    assert list(Risk.objects.values_list("reference", flat=True)) == [*before, "NEW001"]
