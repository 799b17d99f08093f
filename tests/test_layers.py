"""The import layers of docs/architecture.md hold (`lint-imports`, run by make test and make
lint), and an import that breaks them fails: checked on a copy of the package with one import
added, so a contract that could never fail would fail here."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports on the package under `root`, with the project's contracts."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(ROOT / "pyproject.toml")],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """The package's Python modules (no templates, data or static files), copied to tmp_path."""
    shutil.copytree(
        ROOT / "scorecard",
        tmp_path / "scorecard",
        ignore=shutil.ignore_patterns("__pycache__", "templates", "static", "data", "*.csv"),
    )
    return tmp_path


def test_the_package_keeps_every_contract() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "added", "broken"),
    [
        # A lazy import inside a function still climbs: audit sits below people.
        (
            "audit/archive.py",
            "\n\ndef _climb():\n    from scorecard.people.permissions import can_manage\n\n"
            "    return can_manage\n",
            "scorecard.audit is not allowed to import scorecard.people",
        ),
        # A domain app rating for itself: only the layers above the read side may rate.
        (
            "delivery/positions.py",
            "\nfrom scorecard.scoring import scorecard  # noqa\n",
            "scorecard.delivery is not allowed to import scorecard.scoring",
        ),
        # The read side reaching up into the pages that show it.
        (
            "scoring/figures.py",
            "\nfrom scorecard.pages import measure_views  # noqa\n",
            "scorecard.scoring is not allowed to import scorecard.pages",
        ),
        # A domain app reaching up into the papers.
        (
            "measures/models.py",
            "\nfrom scorecard.reports import kinds  # noqa\n",
            "scorecard.measures is not allowed to import scorecard.reports",
        ),
        # A circle inside one layer: period_parser reads periods, so periods may not read it.
        (
            "core/periods.py",
            "\nimport scorecard.core.period_parser  # noqa\n",
            "No cycles are allowed in scorecard.core",
        ),
        # The pure core importing Django.
        (
            "core/periods.py",
            "\nimport django  # noqa\n",
            "scorecard.core is not allowed to import django",
        ),
    ],
)
def test_an_import_that_climbs_fails(
    package_copy: Path, module: str, added: str, broken: str
) -> None:
    path = package_copy / "scorecard" / module
    path.write_text(path.read_text() + added)
    result = _lint(package_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert broken in " ".join(result.stdout.split())


def test_a_module_in_no_layer_fails(package_copy: Path) -> None:
    """Every top-level module must be placed in a layer before it can import anything."""
    (package_copy / "scorecard" / "unplaced.py").write_text("")
    result = _lint(package_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "scorecard.unplaced" in result.stdout


# The registries that lower layers keep (docs/architecture.md, "Extension points"): each is
# filled by the apps that own the parts, so the module itself names no model of theirs.
REGISTRY_MODULES = [
    "audit/registry.py",
    "audit/history.py",
    "audit/archive.py",
    "file_kinds.py",
    "interchange/rows.py",
    "interchange/importer.py",
    "people/permissions.py",
    "tenancy/middleware.py",
    "reports/kinds.py",
]
DOMAIN_MODEL = re.compile(r"^(framework|measures|delivery|risks|benchmarking|cycles)\.\w+$")


def _strings(tree: ast.AST) -> list[str]:
    """String constants that are not docstrings."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


@pytest.mark.parametrize("module", REGISTRY_MODULES)
def test_a_registry_names_no_app_s_models(module: str) -> None:
    tree = ast.parse((ROOT / "scorecard" / module).read_text())
    named = [text for text in _strings(tree) if DOMAIN_MODEL.match(text)]
    assert named == [], f"{module} names {named}: let the owning app register them"


# The import kinds' registry and the importer: every kind is registered by its app, so none
# of them names one (a kind's name in a string here would be a list of kinds growing back).
IMPORT_MACHINERY = ["file_kinds.py", "interchange/rows.py", "interchange/importer.py"]


@pytest.mark.parametrize("module", IMPORT_MACHINERY)
def test_the_import_machinery_names_no_kind(module: str) -> None:
    from scorecard.file_kinds import apply_order

    tree = ast.parse((ROOT / "scorecard" / module).read_text())
    named = [text for text in _strings(tree) if text in apply_order()]
    assert named == [], f"{module} names the kinds {named}: let the owning app register them"
