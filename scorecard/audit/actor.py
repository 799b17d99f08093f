"""Who is making a change: the signed-in user of the request in hand, or a named process."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from scorecard.audit import registry

_request: ContextVar = ContextVar("audit_request", default=None)
_actor: ContextVar[str | None] = ContextVar("audit_actor", default=None)
_recording: ContextVar[bool] = ContextVar("audit_recording", default=True)

NOBODY = "system"


@contextmanager
def acting_as(name: str) -> Iterator[None]:
    """Changes made inside are by this named process ("import by jo", "demo loader")."""
    token = _actor.set(name)
    try:
        yield
    finally:
        _actor.reset(token)


@contextmanager
def serving(request) -> Iterator[None]:
    """Changes made inside are by the request's user (read at save time: DRF signs its user
    in after the middleware has run, and sets it on the underlying request)."""
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


@contextmanager
def not_recording() -> Iterator[None]:
    """Nothing inside is recorded: rewinding to a past time is not a change to anything."""
    token = _recording.set(False)
    try:
        yield
    finally:
        _recording.reset(token)


def recording() -> bool:
    return _recording.get()


def current():
    """(user or None, the name to keep) for a change made now."""
    name = _actor.get()
    if name:
        return None, name
    request = _request.get()
    user = getattr(request, "user", None) if request is not None else None
    if user is not None and user.is_authenticated:
        described = getattr(user, "_audit_name", None)
        if described is None:
            described = user._audit_name = registry.describe(user)
        return user, described
    return None, NOBODY
