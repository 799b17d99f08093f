"""The page for a server error: a database that cannot be reached is a 503 that says so (and
goes away by itself when the database is back), anything else the plain 500 page.

Both pages are rendered without the request's context: the context processors would ask the
database for the signed-in user, which is what just failed."""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

from scorecard.interchange.errors import storage_failure

# Seconds a client (or a load balancer) should wait before asking again.
RETRY_AFTER = 30


def server_error(request) -> HttpResponse:
    problem = sys.exc_info()[1]
    # A full disk (the database's, or the one an upload is spooled to) is, for the visitor, a
    # database that cannot take their change now: it has not been saved, and may be later.
    full_disk = storage_failure(problem)
    if isinstance(problem, OperationalError | InterfaceError) or full_disk:
        page = render_to_string("database_unavailable.html", {"full_disk": full_disk})
        return HttpResponse(page, status=503, headers={"Retry-After": str(RETRY_AFTER)})
    return HttpResponse(render_to_string("500.html"), status=500)
