"""Completion dates, what B means and the status given with each update, in actions and
action updates files: read, checked, and written back as read."""

import datetime as dt

import pytest

from scorecard.delivery.models import Action, ActionPlan, ActionUpdate
from scorecard.interchange.delivery_export import export_csv
from scorecard.interchange.importer import import_files
from tests.interchange.test_delivery_import import council, rejected, write  # noqa: F401

pytestmark = pytest.mark.django_db

ACTIONS = (
    "plan_id,action_plan,reference,description,board,blue_means,status,completed\n"
    "cypp,Health and Wellbeing,1.1,Health assessments on time,,on track,G,09.02.2018\n"
    "cypp,Health and Wellbeing,1.2,Dental checks,,,B,\n"
)
UPDATES = (
    "plan_id,action_plan,reference,date,update,status\n"
    "cypp,Health and Wellbeing,1.1,2018-04-01,Half of assessments on time,Amber\n"
    "cypp,Health and Wellbeing,1.1,2018-07-01,Most assessments on time,\n"
)


def test_completion_what_b_means_and_update_statuses_are_read(council, write):  # noqa: F811
    import_files([write("actions.csv", ACTIONS), write("action_updates.csv", UPDATES)])
    action = Action.objects.get(reference="1.1")
    assert action.completed == dt.date(2018, 2, 9)
    assert ActionPlan.objects.get(name="Health and Wellbeing").blue_means == "on_track"
    assert list(action.updates.values_list("dated", "status")) == [
        (dt.date(2018, 4, 1), "A"),
        (dt.date(2018, 7, 1), ""),
    ]
    # Columns left out change nothing: the other action plan keeps the usual meaning.
    assert ActionPlan.objects.get(name="Leaving Care").blue_means == "complete_or_bau"


def test_they_are_written_back_as_read(council, write):  # noqa: F811
    import_files([write("actions.csv", ACTIONS), write("action_updates.csv", UPDATES)])
    actions = export_csv("actions", "cypp").splitlines()
    assert actions[0].split(",")[6:8] == ["blue_means", "objective"]
    assert actions[0].endswith(",status,completed")
    assert actions[1].endswith(",G,2018-02-09")
    assert ",on_track," in actions[1]
    updates = export_csv("action_updates", "cypp").splitlines()
    assert updates[0] == "plan_id,action_plan,reference,date,update,status"
    assert updates[1] == "cypp,Health and Wellbeing,1.1,2018-04-01,Half of assessments on time,A"
    before = export_csv("actions", "cypp"), export_csv("action_updates", "cypp")
    import_files([write("again-actions.csv", before[0]), write("again-updates.csv", before[1])])
    assert (export_csv("actions", "cypp"), export_csv("action_updates", "cypp")) == before


def test_bad_values_are_refused_with_the_row_and_column(council, write):  # noqa: F811
    bad_actions = ACTIONS.replace("on track,G,09.02.2018", "sometimes,G,31.02.2018")
    errors = rejected([write("actions.csv", bad_actions)])
    text = "\n".join(errors)
    assert "blue_means" in text and "'sometimes' is not one of" in text
    assert "completed" in text
    bad_updates = UPDATES.replace(",Amber", ",Purple")
    assert any("'Purple' is not a status" in e for e in rejected([write("u.csv", bad_updates)]))
    assert ActionUpdate.objects.filter(status="A").count() == 0


def test_two_rows_of_one_action_plan_may_not_disagree_on_what_b_means(council, write):  # noqa: F811
    clash = ACTIONS.replace(",,,B,", ",,complete or bau,B,")
    errors = rejected([write("actions.csv", clash)])
    assert any("blue_means" in e and "differs from row" in e for e in errors)
