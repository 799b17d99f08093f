"""Reading and writing the moment an "as at" view or report is for."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone

DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EXAMPLE = "for example 2026-11-25 17:00, 2026-11-25T17:00:00Z or 2026-11-25"


class AsAtError(ValueError):
    """The text is not a date and time we can read, or is in the future."""


def parse_as_at(text: str, now: datetime.datetime | None = None) -> datetime.datetime:
    """A moment from ISO text; a date alone is the end of that day; a time with no zone is
    UK time (Europe/London, the service's time zone)."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise AsAtError(f"give a date and time, {EXAMPLE}")
    if len(cleaned) > 40:
        raise AsAtError(f"'{cleaned[:40]}…' is not a date and time: use the form {EXAMPLE}")
    try:
        if DATE_ONLY.match(cleaned):
            day = datetime.date.fromisoformat(cleaned)
            moment = datetime.datetime.combine(day, datetime.time.max)
        else:
            moment = datetime.datetime.fromisoformat(cleaned.replace(" ", "T", 1))
    except ValueError:
        raise AsAtError(f"'{cleaned}' is not a date and time we recognise: {EXAMPLE}") from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    if moment > (now or timezone.now()):
        raise AsAtError(f"'{cleaned}' is in the future: give a time that has passed")
    return moment


def described(moment: datetime.datetime) -> str:
    """'17:00 on 25 November 2026', in UK time."""
    local = timezone.localtime(moment)
    return f"{local:%H:%M} on {local.day} {local:%B %Y}"
