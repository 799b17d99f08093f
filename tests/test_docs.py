"""The documentation keeps up with the code: every column and command is described."""

from pathlib import Path

import pytest

from scorecard.cli import _parser
from scorecard.interchange.kinds import KINDS

ROOT = Path(__file__).resolve().parents[1]
# The measures' formats and the delivery and risk formats, as one contract.
FORMATS = "\n".join(
    (ROOT / "docs" / name).read_text() for name in ("formats.md", "formats-delivery.md")
)
README = (ROOT / "README.md").read_text()


@pytest.mark.parametrize(
    ("kind", "column"), [(kind.name, column) for kind in KINDS for column in kind.columns]
)
def test_every_file_column_is_documented(kind, column):
    section = FORMATS.split(f"## `{kind}`")[1].split("\n## ")[0]
    assert f"| `{column}` |" in section


def test_every_command_is_in_the_readme():
    commands = _parser()._subparsers._group_actions[0].choices
    assert [c for c in commands if f"scorecard {c}" not in README] == []


@pytest.mark.parametrize(
    "page",
    [
        "user-guide.md",
        "formats.md",
        "formats-delivery.md",
        "rules.md",
        "reports.md",
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
