"""Importing people, projects, milestones, actions, updates, highlight reports, risks and risk
assessments: every bad cell named with file, row and column; all or nothing; idempotent."""

import csv
import datetime as dt
import io

import pytest
from django.apps import apps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from scorecard.delivery.models import (
    Action,
    ActionPlan,
    ActionUpdate,
    HighlightReport,
    Milestone,
    Project,
    ProjectUpdate,
)
from scorecard.demo.loader import demo_files
from scorecard.file_kinds import apply_order, file_kinds, kind_of
from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files
from scorecard.people.models import Person
from scorecard.risks.models import Risk, RiskAssessment

pytestmark = pytest.mark.django_db

# A small council: every kind of file, with the things round trips must keep (two periods of a
# project, revised dates, several owners, a risk in two programmes, text a spreadsheet would run).
COUNCIL = {
    "framework.csv": (
        "level,name,plan_id,parent,description,organisation,board,lead,period\n"
        "organisation,Somerset County Council,,,,,,,\n"
        "board,Children's Trust Executive,,,Partners,Somerset County Council,,,\n"
        "plan,Children and Young People's Plan,cypp,,Every child a good start,"
        "Somerset County Council,Children's Trust Executive,Julian Wooster,2016/17 - 2018/19\n"
        "outcome,Healthy lives,cypp,,,,,,\n"
        "priority,Emotional health,cypp,Healthy lives,,,,,\n"
        "programme,Resilient families,cypp,Emotional health,,,,Fiona Phur,\n"
        '"programme","Children, families and communities",cypp,Healthy lives,,,,,\n'
    ),
    "people.csv": (
        "person_id,name,job_title,organisation,email\n"
        "jthompson,Jenny Thompson,Operational Manager,Somerset County Council,jt@example.gov.uk\n"
        "areece,Angela Reece,CLA Nurse,Somerset Partnership,\n"
        "fphur,Fiona Phur,,,\n"
    ),
    "projects.csv": (
        "project_id,title,plan_id,outcome,priority,programme,owner,organisation,description,"
        "period,status,direction,latest_position,next_steps\n"
        "P1,Early Help,cypp,,Emotional health,Resilient families,jthompson,"
        "Somerset County Council,Help early,Q1 2019/20,A,,Started,Recruit\n"
        "P1,Early Help,cypp,,Emotional health,Resilient families,jthompson,,,2019/20 Q2,Green,"
        'improving,"=Going well, +3 staff",- more to come\n'
        "P2,Broadband,cypp,Healthy lives,,,,,,,,,,\n"
    ),
    "milestones.csv": (
        "project_id,milestone,due,revised_due,completed,at_risk\n"
        "P1,Recruit staff,2019-06-30,2019-08-31; 2019-09-30,15/09/2019,\n"
        "P1,Open hub,01.10.2019,,,yes\n"
        "P2,Award contract,31 December 2020,,,no\n"
    ),
    "actions.csv": (
        "plan_id,action_plan,reference,description,programme,board,objective,owners,due,"
        "revised_due,status\n"
        "cypp,Health and Wellbeing,1.1,Health assessments on time,Resilient families,"
        "Children's Trust Executive,1. Strengthen health,jthompson; areece,2018-03-01,"
        "2018-06-01; 2018-09-01,A\n"
        "cypp,Health and Wellbeing,1.2,Dental checks,,,1. Strengthen health,jthompson,"
        "1 March 2018,,B\n"
        'cypp,Leaving Care,2.1,Directory of provision,"Children, families and communities",,'
        "2. Leaving care,,,,\n"
    ),
    "action_updates.csv": (
        "plan_id,action_plan,reference,date,update\n"
        "cypp,Health and Wellbeing,1.1,2018-04-01,Half of assessments on time\n"
        "cypp,Health and Wellbeing,1.1,2018-07-01,Most assessments on time\n"
        "cypp,Leaving Care,2.1,01/05/2018,Directory started\n"
    ),
    "highlight_reports.csv": (
        "plan_id,programme,period,status,reason_for_status,areas_of_success,areas_of_concern,"
        "focus_next_quarter,slippage,issues,risks,emerging_work,decisions_required,author\n"
        "cypp,Resilient families,Q4 2017/18,G,Most actions done,Local Offer,Staffing,Year 3,"
        "Advocacy,Data,Capacity,Charter mark,None,fphur\n"
        'cypp,"Children, families and communities",2017/18 Q4,amber,Slow start,,,,,,,,,\n'
        "cypp,Resilient families,Q3 2017/18,A,Behind,,,,,,,,,\n"
    ),
    "risks.csv": (
        "reference,title,description,plan_id,programmes,owner,organisation,category,controls,"
        "management_actions,target_score\n"
        'ORG0009,Safeguarding Children,Corporate risk,cypp,"Resilient families; Children, '
        'families and communities",jthompson,Somerset County Council,Strategic,Reviews,'
        "More reviews,8\n"
        "ORG0010,Budget,,,,,,Financial,,,\n"
    ),
    "risk_assessments.csv": (
        "reference,assessed_on,likelihood,impact,period,note\n"
        "ORG0009,2017-03-31,4,5,2016/17,Year 1\n"
        "ORG0009,9 July 2018,3,5,2017/18,Year 2\n"
        "ORG0010,2018-07-09,2,2,,\n"
    ),
}


def write_files(directory, files: dict[str, str]) -> list:
    paths = []
    for name, text in files.items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def row_counts() -> dict[str, int]:
    """Rows in every table of every app, to show an import wrote nothing (the audit trail
    grows with every import that does write, so a round trip is compared without it)."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label != "audit"
    }


@pytest.fixture
def council(tmp_path):
    paths = write_files(tmp_path, COUNCIL)
    import_files(paths)
    return paths


@pytest.fixture
def write(tmp_path):
    def write(name: str, text: str):
        path = tmp_path / "more" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def rejected(paths) -> list[str]:
    """The problems an import reports, having checked it wrote nothing."""
    before = row_counts()
    with pytest.raises(ImportRejected) as caught:
        import_files(paths)
    assert row_counts() == before
    return [str(error) for error in caught.value.errors]


# --- kinds of file -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", file_kinds(), ids=lambda k: k.name)
def test_each_kind_is_told_apart_by_its_header_alone(kind):
    for header in (list(kind.required), list(kind.columns)):
        assert [k.name for k in file_kinds() if k.matches(header)] == [kind.name]


def test_every_kind_has_its_place_in_the_apply_order():
    assert sorted(apply_order()) == sorted(k.name for k in file_kinds())


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("project_id,title,plan_id,milestone", "milestones"),
        ("plan_id,action_plan,reference,date", "action_updates"),
        ("reference,likelihood", "risk_assessments"),
        ("reference,title,owner", "risks"),
        ("plan_id,programme,period,status", "highlight_reports"),
    ],
)
def test_a_file_missing_a_column_is_still_told_apart(header, kind):
    assert kind_of(header.split(",")).name == kind


# --- each kind imports ---------------------------------------------------------------------


def test_people_are_imported_with_their_organisation(council):
    person = Person.objects.get(person_id="areece")
    assert person.described == "Angela Reece, CLA Nurse (Somerset Partnership)"


def test_a_project_row_per_period_builds_its_history(council):
    project = Project.objects.get(project_id="P1")
    assert (
        project.outcome.name,
        project.priority.name,
        project.programme.name,
        project.owner.person_id,
        project.description,
    ) == ("Healthy lives", "Emotional health", "Resilient families", "jthompson", "Help early")
    assert list(project.updates.values_list("period", "status", "direction")) == [
        ("2019/20 Q1", "A", ""),
        ("2019/20 Q2", "G", "improving"),
    ]


@pytest.mark.parametrize("written", ["none", "No direction", "NONE"])
def test_an_officer_may_say_a_project_has_no_direction(council, write, written):
    import_files(
        [
            write(
                "projects.csv",
                "project_id,title,plan_id,period,status,direction,areas_of_success,"
                "areas_of_concern,focus_next_quarter\n"
                f"P1,Early Help,cypp,Q3 2019/20,A,{written},Hub staffed,Turnover,Open the hub\n",
            )
        ]
    )
    update = ProjectUpdate.objects.get(period="2019/20 Q3")
    assert update.direction == "none" and update.no_direction
    assert update.highlights == [
        ("Areas of success", "Hub staffed"),
        ("Areas of concern", "Turnover"),
        ("Focus for next quarter", "Open the hub"),
    ]


def test_highlights_need_a_period_and_a_direction_must_be_known(council, write):
    problems = rejected(
        [
            write(
                "projects.csv",
                "project_id,title,plan_id,period,direction,areas_of_concern\n"
                "P1,Early Help,cypp,,,Turnover\n"
                "P1,Early Help,cypp,Q3 2019/20,sideways,\n",
            )
        ]
    )
    assert any("areas of concern is for a period" in p for p in problems), problems
    assert any("'sideways' is not one of improving, steady, declining, none" in p for p in problems)


def test_a_project_with_no_period_has_no_report(council):
    assert not ProjectUpdate.objects.filter(project__project_id="P2").exists()


def test_text_a_spreadsheet_would_run_is_kept_as_typed(council):
    update = ProjectUpdate.objects.get(period="2019/20 Q2")
    assert (update.latest_position, update.next_steps) == (
        "=Going well, +3 staff",
        "- more to come",
    )


def test_milestones_keep_due_revisions_completion_and_risk(council):
    recruit, hub = Milestone.objects.filter(project__project_id="P1")
    assert (recruit.due, recruit.revised_due, recruit.completed, recruit.at_risk) == (
        dt.date(2019, 6, 30),
        ["2019-08-31", "2019-09-30"],
        dt.date(2019, 9, 15),
        False,
    )
    assert (hub.title, hub.due, hub.at_risk) == ("Open hub", dt.date(2019, 10, 1), True)


def test_actions_build_their_action_plans(council):
    plans = list(ActionPlan.objects.values_list("name", "programme__name", "board__name"))
    assert plans == [
        ("Health and Wellbeing", "Resilient families", "Children's Trust Executive"),
        ("Leaving Care", "Children, families and communities", None),
    ]


def test_an_action_keeps_owners_objective_dates_and_status(council):
    action = Action.objects.get(reference="1.1")
    assert (
        sorted(action.owners.values_list("person_id", flat=True)),
        action.objective,
        action.due,
        action.current_due,
        action.status,
    ) == (
        ["areece", "jthompson"],
        "1. Strengthen health",
        dt.date(2018, 3, 1),
        dt.date(2018, 9, 1),
        "A",
    )


def test_actions_are_in_file_order_within_their_plan(council):
    assert list(Action.objects.values_list("reference", "order")) == [
        ("1.1", 0),
        ("1.2", 1),
        ("2.1", 0),
    ]


def test_action_updates_are_dated(council):
    assert list(
        ActionUpdate.objects.filter(action__reference="1.1").values_list("dated", flat=True)
    ) == [dt.date(2018, 4, 1), dt.date(2018, 7, 1)]


def test_highlight_reports_are_per_programme_and_quarter(council):
    report = HighlightReport.objects.get(programme__name="Resilient families", period="2017/18 Q4")
    assert (report.status, report.slippage, report.author.person_id) == ("G", "Advocacy", "fphur")
    assert HighlightReport.objects.count() == 3


def test_risks_keep_their_programmes_and_scores(council):
    risk = Risk.objects.get(reference="ORG0009")
    assert sorted(risk.programmes.values_list("name", flat=True)) == [
        "Children, families and communities",
        "Resilient families",
    ]
    assert [(a.period, a.score, a.band) for a in risk.assessments.all()] == [
        ("2016/17", 20, "very high"),
        ("2017/18", 15, "very high"),
    ]


def test_a_risk_without_a_plan_is_kept(council):
    risk = Risk.objects.get(reference="ORG0010")
    assert (risk.plan, risk.category, risk.target_score) == (None, "Financial", None)


def test_xlsx_date_cells_are_read_as_dates(council, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["reference", "assessed_on", "likelihood", "impact"])
    sheet.append(["ORG0010", dt.datetime(2019, 3, 31), 3, 3])
    sheet["B2"].number_format = "dd/mm/yyyy"
    book.save(tmp_path / "assessments.xlsx")
    import_files([tmp_path / "assessments.xlsx"])
    assert RiskAssessment.objects.filter(assessed_on=dt.date(2019, 3, 31)).exists()


# --- all or nothing, idempotent --------------------------------------------------------------


def test_importing_the_same_files_twice_changes_nothing(council):
    before = row_counts()
    snapshot = _snapshot()
    import_files(council)
    assert (row_counts(), _snapshot()) == (before, snapshot)


def _snapshot():
    return {
        "projects": list(Project.objects.values()),
        "updates": list(ProjectUpdate.objects.values()),
        "milestones": list(Milestone.objects.values()),
        "actions": list(Action.objects.values()),
        "owners": list(Action.owners.through.objects.values()),
        "risks": list(Risk.objects.values()),
        "programmes": list(Risk.programmes.through.objects.values()),
        "assessments": list(RiskAssessment.objects.values()),
    }


def test_the_files_are_applied_parents_first_whatever_order_they_are_named_in(tmp_path):
    import_files(list(reversed(write_files(tmp_path, COUNCIL))))
    assert Action.objects.count() == 3


def test_a_later_import_updates_in_place(council, write):
    import_files(
        [
            write(
                "p.csv",
                "project_id,title,plan_id,period,status\n"
                "P1,Early Help (renamed),cypp,Q2 2019/20,R\n",
            )
        ]
    )
    project = Project.objects.get(project_id="P1")
    # Columns left out of the file keep what is stored.
    assert (project.title, project.owner.person_id, project.description) == (
        "Early Help (renamed)",
        "jthompson",
        "Help early",
    )
    assert project.updates.get(period="2019/20 Q2").latest_position == "=Going well, +3 staff"
    assert project.updates.get(period="2019/20 Q2").status == "R"


def test_owners_are_replaced_by_the_file(council, write):
    header = "plan_id,action_plan,reference,description,owners\n"
    import_files([write("a.csv", header + "cypp,Health and Wellbeing,1.1,Health,fphur\n")])
    assert list(Action.objects.get(reference="1.1").owners.values_list("person_id", flat=True)) == [
        "fphur"
    ]


def test_an_update_on_the_same_day_replaces_its_text(council, write):
    header = "plan_id,action_plan,reference,date,update\n"
    import_files([write("u.csv", header + "cypp,Leaving Care,2.1,2018-05-01,Now live\n")])
    assert ActionUpdate.objects.get(dated=dt.date(2018, 5, 1)).text == "Now live"


# --- revised dates -------------------------------------------------------------------------

MILESTONE_HEADER = "project_id,milestone,due,revised_due\n"


def _revisions() -> list[str]:
    return Milestone.objects.get(title="Recruit staff").revised_due


@pytest.mark.parametrize(
    ("revised_due", "history"),
    [
        ("2019-08-31; 2019-09-30", ["2019-08-31", "2019-09-30"]),
        ("2019-09-30", ["2019-08-31", "2019-09-30"]),
        ("", ["2019-08-31", "2019-09-30"]),
        ("2019-08-31", ["2019-08-31", "2019-09-30"]),
        ("2019-10-31", ["2019-08-31", "2019-09-30", "2019-10-31"]),
        ("2019-08-31; 2019-09-30; 2019-12-31", ["2019-08-31", "2019-09-30", "2019-12-31"]),
    ],
)
def test_revised_dates_only_ever_add_to_the_history(council, write, revised_due, history):
    row = f"P1,Recruit staff,2019-06-30,{revised_due}\n"
    import_files([write("m.csv", MILESTONE_HEADER + row)])
    assert _revisions() == history


def test_a_new_date_appends_and_the_full_chain_again_changes_nothing(council, write):
    import_files([write("m1.csv", MILESTONE_HEADER + "P1,Recruit staff,2019-06-30,2019-11-30\n")])
    chain = "2019-08-31; 2019-09-30; 2019-11-30"
    import_files([write("m2.csv", MILESTONE_HEADER + f"P1,Recruit staff,2019-06-30,{chain}\n")])
    assert _revisions() == ["2019-08-31", "2019-09-30", "2019-11-30"]


def test_an_action_revised_again_keeps_its_history(council, write):
    header = "plan_id,action_plan,reference,description,revised_due\n"
    import_files([write("a.csv", header + "cypp,Health and Wellbeing,1.1,Health,2019-01-01\n")])
    assert Action.objects.get(reference="1.1").revised_due == [
        "2018-06-01",
        "2018-09-01",
        "2019-01-01",
    ]


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "people.csv",
            "person_id,name,colour\nx,X,red\n",
            "people.csv, row 1, column 'colour': 'colour' is not a column of a people file",
        ),
        (
            "people.csv",
            "person_id,job_title\nx,Boss\n",
            "people.csv, row 1, column 'name': a people file needs the column 'name'",
        ),
        (
            "people.csv",
            "person_id,name,email\nj smith,J,\n",
            "people.csv, row 2, column 'person_id': 'j smith' can only have letters, digits, "
            "dots, hyphens and underscores, and must start with a letter or digit",
        ),
        (
            "people.csv",
            "person_id,name,email\njs,J,not-an-email\n",
            "people.csv, row 2, column 'email': 'not-an-email' is not an email address",
        ),
        (
            "people.csv",
            "person_id,name\nnew,New\nnew,Newer\n",
            "people.csv, row 3, column 'person_id': 'new' appears twice in this import "
            "(first on row 2)",
        ),
        (
            "p.csv",
            "project_id,title,plan_id,owner\nP9,T,cypp,nobody\n",
            "p.csv, row 2, column 'owner': no person 'nobody': add them in a people file "
            "(person_id)",
        ),
        (
            "p.csv",
            "project_id,title,plan_id,owner\nP9,T,cypp,jthomson\n",
            "p.csv, row 2, column 'owner': no person 'jthomson': did you mean 'jthompson'?",
        ),
        (
            "p.csv",
            "project_id,title,plan_id\nP9,T,nope\n",
            "p.csv, row 2, column 'plan_id': no plan 'nope': import its framework file first "
            "or with this one",
        ),
        (
            "p.csv",
            "project_id,title,plan_id,programme\nP9,T,cypp,Knitting\n",
            "p.csv, row 2, column 'programme': no programme 'Knitting': plan 'cypp' has no "
            "programme of that name",
        ),
        (
            "p.csv",
            "project_id,title,plan_id,outcome\nP9,T,cypp,Wealth\n",
            "p.csv, row 2, column 'outcome': no outcome 'Wealth': plan 'cypp' has no outcome "
            "of that name",
        ),
        (
            "p.csv",
            "project_id,title,plan_id,priority\nP9,T,cypp,Fun\n",
            "p.csv, row 2, column 'priority': no priority 'Fun': plan 'cypp' has no priority "
            "of that name",
        ),
        (
            "p.csv",
            "project_id,title,plan_id,status\nP9,T,cypp,G\n",
            "p.csv, row 2, column 'status': the status is for a period: add the period",
        ),
        (
            "p.csv",
            "project_id,title,plan_id,period,status\nP9,T,cypp,Q2 2019/20,Purple\n",
            "p.csv, row 2, column 'status': 'Purple' is not a status: use G, A, R or B",
        ),
        (
            "p.csv",
            "project_id,title,plan_id,period,status,direction\nP9,T,cypp,2019-09,G,upwards\n",
            "p.csv, row 2, column 'direction': 'upwards' is not one of improving, steady, "
            "declining, none",
        ),
        (
            "p.csv",
            "project_id,title,plan_id,period,status\nP9,T,cypp,Q2 2019/20,G\n"
            "P9,T,cypp,2019/20 Q2,A\n",
            "p.csv, row 3, column 'project_id': project 'P9' for 2019/20 Q2 appears twice in "
            "this import (first on row 2)",
        ),
        (
            "p.csv",
            "project_id,title,plan_id,period,status\nP9,T,cypp,Q1 2019/20,G\n"
            "P9,Other,cypp,Q2 2019/20,G\n",
            "p.csv, row 3, column 'title': differs from row 2, which gives 'T' for this project",
        ),
        (
            "m.csv",
            "project_id,milestone,due\nP9,Start,2019-01-01\n",
            "m.csv, row 2, column 'project_id': no project 'P9': add it in a projects file",
        ),
        (
            "m.csv",
            "project_id,milestone,due\nP1,Start,2019-02-30\n",
            "m.csv, row 2, column 'due': '2019-02-30' is not a real date: February 2019 has "
            "no day 30",
        ),
        (
            "m.csv",
            "project_id,milestone,due\nP1,Start,\n",
            "m.csv, row 2, column 'due': a date is needed here, e.g. 2018-03-01, 01/03/2018, "
            "01.03.2018 or 1 March 2018",
        ),
        (
            "m.csv",
            "project_id,milestone,due,at_risk\nP1,Start,2019-01-01,perhaps\n",
            "m.csv, row 2, column 'at_risk': 'perhaps' is not yes or no",
        ),
        (
            "m.csv",
            "project_id,milestone,due\nP1,Start,2019-01-01\nP1,Start,2019-02-01\n",
            "m.csv, row 3, column 'milestone': milestone 'Start' of project 'P1' appears twice "
            "in this import (first on row 2)",
        ),
        (
            "a.csv",
            "plan_id,action_plan,reference,description,programme\ncypp,X,1,D,Knitting\n",
            "a.csv, row 2, column 'programme': no programme 'Knitting': plan 'cypp' has no "
            "programme of that name",
        ),
        (
            "a.csv",
            "plan_id,action_plan,reference,description,board\ncypp,X,1,D,Cabinet\n",
            "a.csv, row 2, column 'board': no board 'Cabinet': add it in a framework file",
        ),
        (
            "a.csv",
            "plan_id,action_plan,reference,description,owners\ncypp,X,1,D,jthompson; ghost\n",
            "a.csv, row 2, column 'owners': no person 'ghost': add them in a people file "
            "(person_id)",
        ),
        (
            "a.csv",
            "plan_id,action_plan,reference,description,programme\n"
            'cypp,X,1,D,Resilient families\ncypp,X,2,D,"Children, families and communities"\n',
            "a.csv, row 3, column 'programme': differs from row 2, which gives 'Resilient "
            "families' for this action plan",
        ),
        (
            "u.csv",
            "plan_id,action_plan,reference,date,update\ncypp,Health and Wellbeing,9.9,"
            "2018-01-01,U\n",
            "u.csv, row 2, column 'reference': no action '9.9': add it to 'Health and "
            "Wellbeing' in an actions file",
        ),
        (
            "u.csv",
            "plan_id,action_plan,reference,date,update\ncypp,Health and Wellbeing,1.1,"
            "2018-04-01,U\ncypp,Health and Wellbeing,1.1,01/04/2018,V\n",
            "u.csv, row 3, column 'date': an update of action 1.1 on 2018-04-01 appears twice "
            "in this import (first on row 2)",
        ),
        (
            "h.csv",
            "plan_id,programme,period,status\ncypp,Resilient families,2017/18,G\n",
            "h.csv, row 2, column 'period': '2017/18' is not a financial quarter: a highlight "
            "report is for a quarter, e.g. Q4 2017/18",
        ),
        (
            "h.csv",
            "plan_id,programme,period,status,author\ncypp,Resilient families,Q1 2018/19,G,nobody\n",
            "h.csv, row 2, column 'author': no person 'nobody': add them in a people file "
            "(person_id)",
        ),
        (
            "r.csv",
            "reference,title,plan_id,programmes\nR1,T,cypp,Resilient families; Knitting\n",
            "r.csv, row 2, column 'programmes': no programme 'Knitting': plan 'cypp' has no "
            "programme of that name",
        ),
        (
            "r.csv",
            "reference,title,programmes\nR1,T,Resilient families\n",
            "r.csv, row 2, column 'programmes': programmes are named within a plan: give the "
            "plan_id",
        ),
        (
            "r.csv",
            "reference,title,target_score\nR1,T,26\n",
            "r.csv, row 2, column 'target_score': must be a whole number from 1 to 25, not 26",
        ),
        (
            "ra.csv",
            "reference,assessed_on,likelihood,impact\nORG0009,2019-01-01,6,3\n",
            "ra.csv, row 2, column 'likelihood': must be a whole number from 1 to 5, not 6",
        ),
        (
            "ra.csv",
            "reference,assessed_on,likelihood,impact\nORG0009,2019-01-01,3,0\n",
            "ra.csv, row 2, column 'impact': must be a whole number from 1 to 5, not 0",
        ),
        (
            "ra.csv",
            "reference,assessed_on,likelihood,impact\nORG0009,2019-01-01,,3\n",
            "ra.csv, row 2, column 'likelihood': a whole number from 1 to 5 is needed here",
        ),
        (
            "ra.csv",
            "reference,assessed_on,likelihood,impact\nORG009,2019-01-01,3,3\n",
            "ra.csv, row 2, column 'reference': no risk 'ORG009': did you mean 'ORG0009'?",
        ),
        (
            "ra.csv",
            "reference,assessed_on,likelihood,impact\nORG0009,1 Jan 1890,3,3\n",
            "ra.csv, row 2, column 'assessed_on': '1 Jan 1890' is not a date we can use: years "
            "run from 1900 to 2100",
        ),
    ],
)
def test_a_bad_row_is_named_with_its_column_and_nothing_is_written(
    council, write, name, text, message
):
    assert rejected([write(name, text)]) == [message]


def test_one_malformed_file_lists_every_problem(council, write):
    text = (
        "project_id,title,plan_id,owner,period,status\n"
        "P9,Good,cypp,jthompson,Q2 2019/20,G\n"
        "P10,,cypp,ghost,Q2 2019/20,\n"
        "P11,T,nope,,2019-13,X\n"
        "P9,Good,cypp,jthompson,Q2 2019/20,G\n"
    )
    assert [m.split(":")[0] for m in rejected([write("p.csv", text)])] == [
        "p.csv, row 3, column 'title'",
        "p.csv, row 3, column 'owner'",
        "p.csv, row 4, column 'period'",
        "p.csv, row 4, column 'status'",
        "p.csv, row 4, column 'plan_id'",
        "p.csv, row 5, column 'project_id'",
    ]


def test_problems_in_several_files_are_all_reported_and_nothing_is_written(tmp_path):
    files = dict(COUNCIL)
    files["risk_assessments.csv"] += "ORG0009,2019-01-01,6,6,,\n"
    files["milestones.csv"] += "P1,Late,someday,,,\n"
    messages = rejected(write_files(tmp_path, files))
    assert [m.split(":")[0] for m in messages] == [
        "milestones.csv, row 5, column 'due'",
        "risk_assessments.csv, row 5, column 'likelihood'",
        "risk_assessments.csv, row 5, column 'impact'",
    ]


def test_a_bad_parent_row_does_not_make_its_children_fail_too(council, write):
    messages = rejected(
        [
            write("p.csv", "project_id,title,plan_id\nP9,T,nope\n"),
            write("m.csv", "project_id,milestone,due\nP9,Start,2019-01-01\n"),
        ]
    )
    assert [m.split(":")[0] for m in messages] == ["p.csv, row 2, column 'plan_id'"]


def test_a_key_given_in_two_files_names_the_first_file(council, write):
    header = "person_id,name\n"
    messages = rejected([write("a.csv", header + "zed,Zed\n"), write("b.csv", header + "zed,Z\n")])
    assert messages == [
        "b.csv, row 2, column 'person_id': 'zed' appears twice in this import "
        "(first in a.csv, row 2)"
    ]


def test_a_priority_under_another_outcome_is_refused(council, write):
    framework = "level,name,plan_id,parent\noutcome,Wealth,cypp,\n"
    projects = "project_id,title,plan_id,outcome,priority\nP9,T,cypp,Wealth,Emotional health\n"
    messages = rejected([write("f.csv", framework), write("p.csv", projects)])
    assert messages == [
        "p.csv, row 2, column 'priority': priority 'Emotional health' is under outcome "
        "'Healthy lives'"
    ]


def test_references_to_rows_of_the_same_import_are_found(tmp_path):
    # Everything in one go, on an empty database: the catalogue learns as it reads.
    import_files(write_files(tmp_path, COUNCIL))
    assert (Person.objects.count(), Project.objects.count(), RiskAssessment.objects.count()) == (
        3,
        2,
        3,
    )


# --- the demo --------------------------------------------------------------------------------


def test_the_whole_demo_imports_without_errors():
    try:
        import_files(demo_files())
    except ImportRejected as rejection:
        pytest.fail("\n".join(str(error) for error in rejection.errors))
    assert Project.objects.exists() and Action.objects.exists() and Risk.objects.exists()


def test_people_and_measures_of_one_import_may_name_the_same_new_organisation(tmp_path):
    files = {
        "people.csv": "person_id,name,organisation\njs,Jo Smith,New Trust\n",
        "measures.csv": (
            "measure_id,title,polarity,unit,frequency,organisation\n"
            "M1,Measure,higher,count,monthly,Other Trust\n"
        ),
        "risks.csv": "reference,title,organisation\nR1,Risk,Other Trust\n",
    }
    import_files(write_files(tmp_path, files))
    assert Risk.objects.get().organisation.name == "Other Trust"


DELIVERY_KINDS = [kind for kind in file_kinds() if kind.name in apply_order()[5:] + ("people",)]
fuzz_cells = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "cypp",
            "P1",
            "ORG0009",
            "jthompson",
            "jthompson; nobody",
            "Health and Wellbeing",
            "1.1",
            "Resilient families",
            "Q4 2017/18",
            "2017/18",
            "2019-02-30",
            "31/12/2100",
            "1 Jan 1899",
            "G",
            "Purple",
            "6",
            "3",
            "yes",
            "'=1+1",
        ]
    ),
)


@st.composite
def delivery_files(draw):
    kind = draw(st.sampled_from(DELIVERY_KINDS))
    optional = (
        st.lists(st.sampled_from(kind.optional), unique=True) if kind.optional else st.just([])
    )
    columns = list(kind.required) + draw(optional)
    rows = draw(
        st.lists(st.lists(fuzz_cells, min_size=len(columns), max_size=len(columns)), max_size=5)
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=delivery_files())
def test_random_delivery_files_are_imported_or_rejected_row_by_row(council, tmp_path, text):
    path = tmp_path / "fuzz.csv"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = row_counts()
    try:
        import_files([path])
    except ImportRejected as rejection:
        assert rejection.errors and all(e.file == "fuzz.csv" and e.row for e in rejection.errors)
        assert row_counts() == before


@pytest.mark.parametrize(
    ("name", "text", "column"),
    [
        ("p.csv", "project_id,title,plan_id\nnew,T,cypp\n", "project_id"),
        ("r.csv", "reference,title\nheat-map,T\n", "reference"),
        ("r.csv", "reference,title\nNEW,T\n", "reference"),
    ],
)
def test_ids_that_name_a_page_of_the_site_are_refused(council, write, name, text, column):
    (message,) = rejected([write(name, text)])
    assert message.startswith(f"{name}, row 2, column '{column}'")
    assert "names a page of the site" in message
