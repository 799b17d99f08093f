"""The core stays pure Python: no Django, no database, so the rules can be used and tested
anywhere."""

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "scorecard" / "core"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("module", sorted(CORE.glob("*.py")), ids=lambda p: p.name)
def test_core_module_imports_only_the_standard_library_and_the_core(module):
    outside = {
        name
        for name in imported_modules(module)
        if name.split(".")[0] not in {"__future__"}
        and not name.startswith("scorecard.core")
        and name.split(".")[0] in {"django", "scorecard", "psycopg", "openpyxl", "whitenoise"}
    }
    assert outside == set()
