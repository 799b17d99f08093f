"""pip-audit of the pinned dependencies, saying plainly what it could and could not check.

    python .ci/audit_dependencies.py PIP_AUDIT [SITE_PACKAGES]

Runs pip-audit (installed apart from the project, so that it adds nothing to the pins) over the
project's installed packages (.venv's, by default). pip-audit says "No known vulnerabilities
found" even when it could look up none of them (a machine that reaches only a PyPI mirror): this
reads its JSON instead and prints how many it audited. Exit status:

- 1: a vulnerability in a pinned package that .ci/audit-accepted.txt does not justify;
- 0: none found in the packages audited, or none could be audited (said so, loudly).

.ci/audit-accepted.txt: one vulnerability id a line with the reason it does not apply, e.g.
`GHSA-xxxx-xxxx-xxxx  only in the CLI's --serve-debug, which production never runs`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ACCEPTED = HERE / "audit-accepted.txt"


def accepted() -> dict[str, str]:
    """Vulnerability ids accepted, with why."""
    if not ACCEPTED.exists():
        return {}
    found = {}
    for line in ACCEPTED.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            vulnerability, _, reason = line.partition(" ")
            found[vulnerability] = reason.strip()
    return found


def summary(report: dict, accepted_ids: dict[str, str]) -> tuple[list[str], int, int]:
    """(lines for each vulnerability not accepted, packages audited, packages skipped)."""
    problems, audited, skipped = [], 0, 0
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            skipped += 1
            continue
        audited += 1
        for vulnerability in dependency.get("vulns", []):
            ids = {vulnerability["id"], *vulnerability.get("aliases", [])}
            if ids & accepted_ids.keys():
                continue
            fixed = ", ".join(vulnerability.get("fix_versions", [])) or "no fixed version yet"
            problems.append(
                f"{dependency['name']} {dependency['version']}: {vulnerability['id']} "
                f"(fixed in {fixed})"
            )
    return problems, audited, skipped


def main(argv: list[str]) -> int:
    pip_audit = argv[0]
    site_packages = argv[1] if len(argv) > 1 else ""
    if not site_packages:
        site_packages = next(str(p) for p in (HERE.parent / ".venv/lib").glob("*/site-packages"))
    done = subprocess.run(  # noqa: S603 - our own tool, given by .ci/run
        [pip_audit, "--path", site_packages, "--format", "json", "--progress-spinner", "off"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        print(f"pip-audit gave no report (exit {done.returncode}):\n{done.stderr[-2000:]}")
        return 1
    problems, audited, skipped = summary(report, accepted())
    total = audited + skipped
    for problem in problems:
        print(f"VULNERABLE: {problem}")
    if audited == 0:
        print(
            f"pip-audit: NOT AUDITED: none of the {total} packages could be looked up (this "
            "machine does not reach PyPI's JSON API or OSV). Audit before a release where it "
            "does: docs/deploy.md."
        )
    else:
        print(f"pip-audit: {audited} of {total} packages audited, {skipped} could not be.")
    if problems:
        print(f"{len(problems)} vulnerabilities: upgrade, or justify in {ACCEPTED.name}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
