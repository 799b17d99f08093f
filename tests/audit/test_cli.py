"""`scorecard report ... --as-at` and `scorecard export ... --as-at`."""

import json
import subprocess
import sys

import pytest

from scorecard.cli.entry import run
from scorecard.cli.errors import CommandFailed
from scorecard.cli.parser import build_parser
from tests.audit.conftest import observation


def scorecard(*argv: str) -> int:
    return run(build_parser().parse_args(argv))


@pytest.fixture
def revised_after_noon(demo_at_start, clock):
    clock.advance(hours=4)
    reading = observation("BP-FIN-RBO", "2019/20 Q2")
    reading.value = 5
    reading.commentary = "Revised in the afternoon."
    reading.save()
    clock.advance(hours=1)


def test_report_as_at_is_the_paper_as_it_was(revised_after_noon, tmp_path):
    morning, now = tmp_path / "morning.html", tmp_path / "now.html"
    common = ("report", "corporate", "--period", "Q2 2019/20", "--plan", "business-plan")
    assert (
        scorecard(*common, "--format", "html", "--as-at", "2026-03-03 12:00", "-o", str(morning))
        == 0
    )
    assert scorecard(*common, "--format", "html", "-o", str(now)) == 0
    past = morning.read_text(encoding="utf-8")
    assert "As the figures stood at 12:00 on 3 March 2026" in past
    assert "Revised in the afternoon." not in past
    assert "Revised in the afternoon." in now.read_text(encoding="utf-8")
    again = tmp_path / "again.html"
    scorecard(*common, "--format", "html", "--as-at", "2026-03-03T12:00:00Z", "-o", str(again))
    assert again.read_bytes() == morning.read_bytes()


def test_export_as_at(revised_after_noon, capsys):
    def bp_fin_rbo(*extra: str) -> dict:
        scorecard(
            "export", "scorecard", "--period", "Q2 2019/20", "--plan", "business-plan", *extra
        )
        document = json.loads(capsys.readouterr().out)
        return next(m for m in document["measures"] if m["measure_id"] == "BP-FIN-RBO")

    assert bp_fin_rbo("--as-at", "2026-03-03 12:00")["value"] != bp_fin_rbo()["value"]
    scorecard("export", "ratings", "--format", "csv", "--as-at", "2001-01-01")
    assert capsys.readouterr().out.count("\n") <= 1  # the header row only: nothing then


@pytest.mark.parametrize("as_at", ["noon", "2026-02-30", "2999-01-01"])
def test_an_as_at_we_cannot_read_fails_with_a_line_saying_why(revised_after_noon, as_at):
    with pytest.raises(CommandFailed, match="^--as-at: "):
        scorecard("report", "corporate", "--period", "Q2 2019/20", "--as-at", as_at)
    with pytest.raises(CommandFailed, match="^--as-at: "):
        scorecard("export", "ratings", "--as-at", as_at)


def test_the_command_exits_1_with_one_line_for_a_bad_as_at(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "scorecard", "export", "ratings", "--as-at", "last week"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("scorecard: --as-at: 'last week' is not a date and time")
    assert result.stderr.count("\n") == 1
