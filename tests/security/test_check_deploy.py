"""`manage.py check --deploy` with the production settings finds nothing to warn about."""

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "scorecard.settings.production",
        "SCORECARD_SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(60)),
        "SCORECARD_ALLOWED_HOSTS": "example.org",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output


def test_production_refuses_to_start_without_a_secret_key():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "scorecard.settings.production",
        "SCORECARD_SECRET_KEY": "",
        "SCORECARD_ALLOWED_HOSTS": "example.org",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SCORECARD_SECRET_KEY" in result.stderr
