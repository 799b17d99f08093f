""".ci/audit_dependencies.py: reading pip-audit's report, so that CI neither passes a
vulnerability nor claims an audit it could not make."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "audit_dependencies.py"
spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

REPORT = {
    "dependencies": [
        {"name": "django", "version": "5.2.19", "vulns": []},
        {
            "name": "pillow",
            "version": "10.0.0",
            "vulns": [
                {"id": "PYSEC-2023-1", "aliases": ["CVE-2023-1"], "fix_versions": ["10.0.1"]},
                {"id": "GHSA-aaaa", "aliases": [], "fix_versions": []},
            ],
        },
        {"name": "anyio", "skip_reason": "Dependency not found on PyPI and could not be audited"},
    ]
}


def test_a_vulnerability_is_a_problem_unless_accepted():
    problems, audited, skipped = audit.summary(REPORT, {})
    assert problems == [
        "pillow 10.0.0: PYSEC-2023-1 (fixed in 10.0.1)",
        "pillow 10.0.0: GHSA-aaaa (fixed in no fixed version yet)",
    ]
    assert (audited, skipped) == (2, 1)
    # Accepted by an alias as well as by its own id.
    problems, _, _ = audit.summary(REPORT, {"CVE-2023-1": "not reachable", "GHSA-aaaa": "why"})
    assert problems == []


def test_packages_that_could_not_be_looked_up_are_counted_not_passed():
    report = {"dependencies": [{"name": "x", "skip_reason": "not found"}] * 3}
    assert audit.summary(report, {}) == ([], 0, 3)


def test_the_accepted_list_reads_ids_and_reasons(tmp_path, monkeypatch):
    accepted = tmp_path / "audit-accepted.txt"
    accepted.write_text("# comment\n\nGHSA-aaaa  only the CLI's debug server\n")
    monkeypatch.setattr(audit, "ACCEPTED", accepted)
    assert audit.accepted() == {"GHSA-aaaa": "only the CLI's debug server"}
