"""The `scorecard` command, run as users run it: a separate process on its own database."""

import json
import os
import subprocess
import sys

import pytest

from scorecard.cli.parser import ROUND_TRIP_KINDS
from tests.databases import fresh_database, run_scorecard, run_scorecard_each


@pytest.fixture
def database_url(tmp_path, request):
    """A database already migrated (copied from one migrated once), unless the test is marked
    `unmigrated`: then a new one, so that the command must make its schema."""
    migrated = request.node.get_closest_marker("unmigrated") is None
    with fresh_database(tmp_path, "cli", migrated=migrated) as url:
        yield url


@pytest.fixture
def run(tmp_path, database_url):
    environment = {**os.environ, "DATABASE_URL": database_url}
    environment.pop("DJANGO_SETTINGS_MODULE", None)

    def run(
        *arguments: str, database_url: bool = True, **settings: str
    ) -> subprocess.CompletedProcess:
        env = (
            environment
            if database_url
            else {k: v for k, v in environment.items() if k != "DATABASE_URL"}
        )
        return run_scorecard(tmp_path, {**env, **settings}, *arguments)

    return run


def scorecard_of(tmp_path, greens: int, ambers: int, reds: int) -> list:
    """Measures whose latest values give the wanted ratings, with 9 up, 8 steady, 5 down."""
    measures = ["measure_id,title,outcome,polarity,unit,frequency,target,tolerance"]
    observations = ["measure_id,period,value"]
    values = {"G": 100, "A": 95, "R": 50}
    moves = ["up"] * 9 + ["steady"] * 8 + ["down"] * 5
    rags = ["G"] * greens + ["A"] * ambers + ["R"] * reds
    for number, rag in enumerate(rags):
        measures.append(
            f"M{number},Measure {number},Outcome {number % 3},higher,count,quarterly,100,10"
        )
        value = values[rag]
        move = moves[number] if number < len(moves) else None
        if move:
            before = {"up": value - 1, "steady": value, "down": value + 1}[move]
            observations.append(f"M{number},Q1 2019/20,{before}")
        observations.append(f"M{number},Q2 2019/20,{value}")
    (tmp_path / "m.csv").write_text("\n".join(measures) + "\n")
    (tmp_path / "o.csv").write_text("\n".join(observations) + "\n")
    return ["m.csv", "o.csv"]


def test_scorecard_of_21_green_15_amber_1_red_is_57_percent_on_target(run, tmp_path):
    assert run("import", *scorecard_of(tmp_path, 21, 15, 1)).returncode == 0
    result = run("export", "scorecard", "--period", "Q2 2019/20", "--format", "json")
    total = json.loads(result.stdout)["summary"][-1]
    assert (total["G"], total["A"], total["R"], total["pct_on_target"]) == (21, 15, 1, 57)


def test_scorecard_of_9_improving_8_steady_5_declining_is_41_percent_improving(run, tmp_path):
    run("import", *scorecard_of(tmp_path, 21, 15, 1))
    result = run("export", "scorecard", "--period", "2019/20 Q2")
    total = json.loads(result.stdout)["summary"][-1]
    assert (total["improving"], total["steady"], total["declining"], total["pct_improving"]) == (
        9,
        8,
        5,
        41,
    )


@pytest.mark.unmigrated
def test_export_works_on_a_new_empty_database(run):
    result = run("export", "ratings", "--format", "csv")
    assert (result.returncode, result.stdout) == (
        0,
        "measure_id,title,period,breakdown,value,numerator,denominator,status,target,rag,"
        "direction,reason\n",
    )


def test_bad_import_exits_non_zero_naming_row_and_column(run, tmp_path):
    (tmp_path / "o.csv").write_text("measure_id,period,value\nX,Sep-19,1\n")
    result = run("import", "o.csv")
    assert (result.returncode, result.stderr.splitlines()[0]) == (
        1,
        "o.csv, row 2, column 'measure_id': no measure 'X': add it in a measures file first",
    )


def test_scorecard_export_needs_a_period(run):
    result = run("export", "scorecard")
    assert (result.returncode, result.stderr.strip()) == (
        1,
        "scorecard: export scorecard needs --period, e.g. --period '2019/20 Q2'",
    )


def test_an_unreadable_period_is_a_one_line_reason(run):
    result = run("export", "scorecard", "--period", "Smarch-19")
    assert (result.returncode, len(result.stderr.strip().splitlines())) == (1, 1)


# On its own SQLite file whatever DATABASE_URL says: the same test on every database.
@pytest.mark.database_independent
def test_demo_loads_without_serving_into_its_own_file(run, tmp_path):
    result = run("demo", "--no-serve", database_url=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "scorecard-demo.sqlite3").exists()


def test_demo_honours_database_url_and_exports_the_seed_quarter(run):
    assert run("demo", "--no-serve").returncode == 0
    result = run("export", "scorecard", "--period", "Q2 2019/20", "--plan", "business-plan")
    names = [entry["name"] for entry in json.loads(result.stdout)["summary"]]
    assert names[0].startswith("A county infrastructure") and names[-1] == "Total"


# On its own SQLite file whatever DATABASE_URL says: the same test on every database.
@pytest.mark.database_independent
def test_production_settings_pass_the_deploy_checks(tmp_path):
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "scorecard.settings.production",
        "SCORECARD_SECRET_KEY": "k" * 10
        + "-not-a-real-key-but-long-enough-for-the-check-"
        + "z" * 20,
        "SCORECARD_ALLOWED_HOSTS": "scorecard.example.gov.uk",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_serve_answers_pages_and_static_files(run, tmp_path, database_url):
    import socket
    import time
    import urllib.request

    assert run("demo", "--no-serve").returncode == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "DATABASE_URL": database_url}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "scorecard", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        statuses = {}
        for path in ("/", "/measures/BP-HV-NBV/", "/static/scorecard/scorecard.css"):
            for _ in range(100):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as response:
                        statuses[path] = response.status
                    break
                except OSError:
                    time.sleep(0.1)
        assert statuses == {
            "/": 200,
            "/measures/BP-HV-NBV/": 200,
            "/static/scorecard/scorecard.css": 200,
        }
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_export_for_an_unknown_plan_fails_with_a_reason(run):
    result = run("export", "scorecard", "--period", "2019-09", "--plan", "nosuch")
    assert (result.returncode, result.stderr.strip()) == (
        1,
        "scorecard: --plan: there is no plan 'nosuch' (plans: none yet)",
    )


# DATABASE_URL is the test's own, never the suite's database.
@pytest.mark.database_independent
@pytest.mark.parametrize("url", ["foo://bar", "notaurl"])
def test_an_unreadable_database_url_is_a_one_line_reason(tmp_path, url):
    environment = {**os.environ, "DATABASE_URL": url}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "scorecard", "export", "ratings"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=120,
    )
    assert (result.returncode, result.stderr.strip()) == (
        1,
        "scorecard: settings: DATABASE_URL must start with sqlite:/// (a file) or postgres:// "
        "(a server) (check DATABASE_URL and SCORECARD_ settings)",
    )


# Refused before any database is opened.
@pytest.mark.database_independent
def test_a_port_out_of_range_is_refused(run):
    result = run("serve", "--port", "99999")
    assert result.returncode == 2 and "is not a port" in result.stderr


def test_demo_will_not_replace_other_data_without_force(run, tmp_path):
    (tmp_path / "m.csv").write_text(
        "measure_id,title,polarity,unit,frequency\nX,X,higher,count,monthly\n"
    )
    (tmp_path / "o.csv").write_text("measure_id,period,value\nX,2019-09,5\n")
    assert run("import", "m.csv", "o.csv").returncode == 0
    refused = run("demo", "--no-serve")
    forced = run("demo", "--no-serve", "--force")
    assert (refused.returncode, forced.returncode) == (1, 0)
    assert "use --force" in refused.stderr


def test_demo_reloads_over_its_own_data(run):
    assert [run("demo", "--no-serve").returncode for _ in range(2)] == [0, 0]


DELIVERY_EXPORTS = ROUND_TRIP_KINDS


@pytest.mark.unmigrated
def test_every_delivery_export_works_on_a_new_empty_database(tmp_path, database_url):
    """The exports one after another in one process (the first makes the schema): a process
    each spent most of its time starting Python and Django."""
    from scorecard.interchange.delivery_export import EXPORTS

    environment = {**os.environ, "DATABASE_URL": database_url}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    results, errors = run_scorecard_each(
        tmp_path, environment, [["export", what, "--format", "csv"] for what in DELIVERY_EXPORTS]
    )
    for what, (code, stdout) in zip(DELIVERY_EXPORTS, results, strict=True):
        assert (what, code, stdout) == (
            what,
            0,
            ",".join(EXPORTS[what].kind.columns) + "\n",
        ), errors


def test_a_delivery_csv_export_imports_again(run, tmp_path):
    (tmp_path / "f.csv").write_text("level,name,plan_id\nplan,Our plan,p1\nprogramme,Roads,p1\n")
    (tmp_path / "people.csv").write_text("person_id,name\njs,Jo Smith\n")
    (tmp_path / "risks.csv").write_text(
        "reference,title,plan_id,programmes,owner\nR1,=Potholes,p1,Roads,js\n"
    )
    (tmp_path / "ra.csv").write_text(
        "reference,assessed_on,likelihood,impact\nR1,31/03/2019,4,5\nR1,30 June 2019,3,5\n"
    )
    assert run("import", "f.csv", "people.csv", "risks.csv", "ra.csv").returncode == 0
    exported = run("export", "risks", "--format", "csv", "-o", "out.csv")
    assert (exported.returncode, (tmp_path / "out.csv").read_text()) == (
        0,
        "reference,title,description,plan_id,programmes,owner,organisation,category,controls,"
        "management_actions,target_score\nR1,'=Potholes,,p1,Roads,js,,,,,\n",
    )
    assert run("import", "out.csv").returncode == 0
    again = run("export", "risks", "--format", "csv")
    assert again.stdout == (tmp_path / "out.csv").read_text()


def test_a_delivery_json_export_has_computed_fields(run, tmp_path):
    (tmp_path / "risks.csv").write_text("reference,title\nR1,Potholes\n")
    (tmp_path / "ra.csv").write_text(
        "reference,assessed_on,likelihood,impact\nR1,2019-03-31,4,5\nR1,2019-06-30,3,5\n"
    )
    assert run("import", "risks.csv", "ra.csv").returncode == 0
    risk = json.loads(run("export", "risks", "--format", "json").stdout)["risks"][0]
    assert (risk["latest_score"], risk["latest_band"], risk["trend"]) == (
        15,
        "very high",
        "improving",
    )


def test_a_delivery_export_for_an_unknown_plan_fails_with_a_reason(run):
    result = run("export", "actions", "--plan", "nosuch")
    assert (result.returncode, result.stderr.strip()) == (
        1,
        "scorecard: --plan: there is no plan 'nosuch' (plans: none yet)",
    )


def test_a_malformed_delivery_import_is_refused_whole_listing_every_problem(run, tmp_path):
    """Wrong header, bad date, likelihood 6, unknown owner: all named, and nothing written."""
    assert run("demo", "--no-serve").returncode == 0
    before = run("export", "risk_assessments", "--format", "csv").stdout
    (tmp_path / "assessments.csv").write_text(
        "reference,assessed_on,likelihood,impact\nORG0009,2019-07-08,2,5\nORG0009,31/02/2019,6,5\n"
    )
    (tmp_path / "risks.csv").write_text("reference,title,owner\nORG0010,Money,nobody-here\n")
    (tmp_path / "odd.csv").write_text("reference,titel\nORG0011,Typo\n")
    result = run("import", "assessments.csv", "risks.csv", "odd.csv")
    assert result.returncode == 1
    problems = result.stderr
    assert "odd.csv, row 1" in problems
    assert "assessments.csv, row 3, column 'assessed_on'" in problems
    assert "assessments.csv, row 3, column 'likelihood'" in problems
    assert "risks.csv, row 2, column 'owner'" in problems and "nobody-here" in problems
    assert run("export", "risk_assessments", "--format", "csv").stdout == before
    assert "ORG0010" not in run("export", "risks", "--format", "csv").stdout


def test_risk_bands_that_do_not_cover_every_score_stop_the_command(run):
    result = run("export", "risks", "--format", "csv", SCORECARD_RISK_BANDS="low:2, high:10")
    assert result.returncode == 1
    assert result.stderr.startswith("scorecard: settings: SCORECARD_RISK_BANDS: risk bands must")
    assert len(result.stderr.strip().splitlines()) == 1
