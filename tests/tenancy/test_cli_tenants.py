"""`scorecard tenant list|add|rename` and `--tenant` on import and export, as the operator runs
them (docs/tenants.md)."""

import json

from tests.test_cli import database_url, run  # noqa: F401 - the fixtures

FRAMEWORK = (
    "level,name,plan_id,parent,description,organisation,board,lead,period,area\n"
    "organisation,{org},,,,,,,,\n"
    "plan,{org} plan,{plan},,,{org},,,,\n"
    "outcome,Outcome of {org},{plan},,,,,,,\n"
)
MEASURES = (
    "measure_id,title,outcome,polarity,unit,frequency,target,tolerance,plan_id\n"
    "{measure},A measure of {org},Outcome of {org},higher,count,quarterly,10,1,{plan}\n"
)


def _files(tmp_path, org: str, plan: str, measure: str) -> list[str]:
    framework = tmp_path / f"{plan}-framework.csv"
    framework.write_text(FRAMEWORK.format(org=org, plan=plan))
    measures = tmp_path / f"{plan}-measures.csv"
    measures.write_text(MEASURES.format(org=org, plan=plan, measure=measure))
    return [str(framework), str(measures)]


def test_an_operator_adds_a_council_and_imports_into_it(run, tmp_path):  # noqa: F811
    assert run("import", *_files(tmp_path, "First Council", "first", "F-1")).returncode == 0
    added = run("tenant", "add", "second", "Second Council")
    assert added.returncode == 0, added.stderr
    loaded = run("import", "--tenant", "second", *_files(tmp_path, "Second Council", "sec", "S-1"))
    assert loaded.returncode == 0, loaded.stderr
    listed = run("tenant", "list").stdout.splitlines()
    assert listed[1] == "second\tSecond Council"
    assert listed[0].startswith("default\t")
    # Acting as one council, the export holds only its measures.
    second = json.loads(run("export", "ratings", "--tenant", "second").stdout)
    assert {row["measure_id"] for row in second} <= {"S-1"}
    whole = run("export", "scorecard", "--period", "2019/20 Q1", "--tenant", "default").stdout
    assert "F-1" in whole and "S-1" not in whole
    # Another council's plan is not there for the council acting.
    refused = run("export", "ratings", "--plan", "first", "--tenant", "second")
    assert refused.returncode == 1
    assert "there is no plan 'first'" in refused.stderr


def test_tenant_commands_refuse_what_they_cannot_do(run):  # noqa: F811
    assert run("tenant", "add", "second", "Second Council").returncode == 0
    again = run("tenant", "add", "second", "Another name")
    assert (again.returncode, again.stderr.strip()) == (
        1,
        "scorecard: there is already a council 'second'",
    )
    bad = run("tenant", "add", "Not A Slug", "A name")
    assert bad.returncode == 1 and "is not a short name" in bad.stderr
    unknown = run("import", "--tenant", "nosuch", "x.csv")
    assert unknown.returncode == 1
    assert "--tenant: there is no council 'nosuch' (councils: default, second)" in unknown.stderr
    renamed = run("tenant", "rename", "default", "First Council")
    assert renamed.returncode == 0
    assert run("tenant", "list").stdout.splitlines()[0] == "default\tFirst Council"


def test_an_operator_gives_a_council_its_own_host(run):  # noqa: F811
    assert run("tenant", "add", "second", "Second Council").returncode == 0
    given = run("tenant", "host", "second", "Scorecard.Second.gov.uk")
    assert given.returncode == 0, given.stderr
    assert "serves its public scorecard on scorecard.second.gov.uk" in given.stderr
    assert "second\tSecond Council\tscorecard.second.gov.uk" in run("tenant", "list").stdout
    taken = run("tenant", "host", "default", "scorecard.second.gov.uk")
    assert (taken.returncode, taken.stderr.strip()) == (
        1,
        "scorecard: the host scorecard.second.gov.uk is already the council 'second's",
    )
    bad = run("tenant", "host", "second", "not a host!")
    assert bad.returncode == 1 and "is not a host name" in bad.stderr
    assert run("tenant", "host", "nosuch", "a.example.org").returncode == 1
    assert run("tenant", "host", "second").returncode == 0
    assert "second\tSecond Council\n" in run("tenant", "list").stdout + "\n"
