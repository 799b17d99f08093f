"""Content-Security-Policy (django-csp) on every response: scripts from this site only, never
inline, so an injected <script> or onclick= does not run (issue 16, D7)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

TEMPLATES = Path(__file__).resolve().parents[2] / "scorecard" / "templates"


def directives(header: str) -> dict[str, list[str]]:
    found = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            found[words[0]] = words[1:]
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/accounts/login/", "/public/", "/api/schema/", "/measures/"])
def test_every_response_forbids_inline_and_foreign_scripts(path):
    viewer = User.objects.create_user("reader")
    client = Client()
    client.force_login(viewer)
    response = client.get(path)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_no_template_has_an_inline_script_or_event_handler():
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag:
                offenders.append(f"{template.relative_to(TEMPLATES)}: {tag}")
        if re.search(r"\son[a-z]+\s*=", text):
            offenders.append(f"{template.relative_to(TEMPLATES)}: an on...= handler")
    assert offenders == []
