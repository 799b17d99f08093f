"""The documentation keeps up with the code: every column and command is described."""

from pathlib import Path

import pytest

from scorecard.cli.parser import build_parser
from scorecard.file_kinds import file_kinds

ROOT = Path(__file__).resolve().parents[1]
# The measures' formats and the delivery and risk formats, as one contract.
FORMATS = "\n".join(
    (ROOT / "docs" / name).read_text() for name in ("formats.md", "formats-delivery.md")
)
README = (ROOT / "README.md").read_text()


@pytest.mark.parametrize(
    ("kind", "column"), [(kind.name, column) for kind in file_kinds() for column in kind.columns]
)
def test_every_file_column_is_documented(kind, column):
    section = FORMATS.split(f"## `{kind}`")[1].split("\n## ")[0]
    assert f"| `{column}` |" in section


def test_every_command_is_in_the_readme():
    commands = build_parser()._subparsers._group_actions[0].choices
    assert [c for c in commands if f"scorecard {c}" not in README] == []


@pytest.mark.parametrize(
    "page",
    [
        "user-guide.md",
        "formats.md",
        "formats-delivery.md",
        "rules.md",
        "reports.md",
        "papers.md",
        "deploy-postgresql.md",
        "deploy.md",
        "cycles.md",
        "accounts.md",
        "audit.md",
        "publishing.md",
        "api.md",
        "benchmarking.md",
        "architecture.md",
    ],
)
def test_readme_links_each_guide(page):
    assert f"docs/{page}" in README


def test_the_reports_guide_names_every_kind_and_format():
    from scorecard.reports.kinds import FORMATS, KINDS

    guide = (ROOT / "docs" / "reports.md").read_text()
    assert [k for k in KINDS if f"### `{k}`" not in guide] == []
    assert [f for f in FORMATS if f not in guide] == []


def _environment_variables_read(source: str, settings: bool) -> set[str]:
    """The variables a module reads from the environment: in settings/, every SCORECARD_ name
    it quotes (env.py's helpers read them); elsewhere os.environ and os.getenv."""
    import re

    if settings:
        return set(re.findall(r"[\"'](SCORECARD_\w+|DATABASE_URL)[\"']", source))
    reads = r"(?:os\.environ\.get\(|os\.getenv\(|os\.environ\[|os\.environ\.setdefault\()"
    return set(re.findall(reads + r"\s*[\"'](\w+)[\"']", source))


def test_every_environment_setting_is_read_in_settings_and_in_the_deploy_table():
    package = ROOT / "scorecard"
    table = (ROOT / "docs" / "deploy.md").read_text().split("\n## Settings\n")[1]
    in_settings: set[str] = set()
    elsewhere = {}
    for module in package.rglob("*.py"):
        is_settings = module.parent == package / "settings"
        read = _environment_variables_read(module.read_text(), is_settings)
        if is_settings:
            in_settings |= read
        elif read - {"DJANGO_SETTINGS_MODULE"}:
            elsewhere[str(module.relative_to(ROOT))] = read - {"DJANGO_SETTINGS_MODULE"}
    # Read before Django's settings exist, or as a command runs: the demo's own database file
    # (settings then read it again), and who runs an import (a test sets it as it runs).
    assert elsewhere == {
        "scorecard/cli/entry.py": {"DATABASE_URL"},
        "scorecard/cli/importing.py": {"USER"},
    }
    assert {"DATABASE_URL", "SCORECARD_SECRET_KEY", "SCORECARD_CONN_MAX_AGE"} <= in_settings
    undocumented = sorted(
        name
        for name in in_settings | {"USER", "DJANGO_SETTINGS_MODULE"}
        if f"`{name}`" not in table
    )
    assert undocumented == []
