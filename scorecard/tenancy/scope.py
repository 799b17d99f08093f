"""Which council (tenant) the current request or command acts as.

Two context variables, set together by the middleware for a request and by `acting_for` in a
command:
- the *scope*: the tenant whose rows every query of a tenant-owned model is limited to (None:
  every tenant, for the instance's superuser, for commands, and on an instance with one tenant,
  where there is nothing to hide);
- the *home*: the tenant new rows (plans, organisations, boards, people) go into when nobody
  says which (None: the default tenant).

This module imports no models at module level: the models import it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_scope: ContextVar[Any] = ContextVar("scorecard_tenant_scope", default=None)
_home: ContextVar[Any] = ContextVar("scorecard_tenant_home", default=None)


def active():
    """The tenant queries are limited to now, or None (every tenant)."""
    return _scope.get()


def active_id() -> int | None:
    tenant = _scope.get()
    return tenant.pk if tenant is not None else None


def home():
    """The tenant new rows go into now, or None (the default tenant)."""
    return _home.get()


def enter(scope, home) -> tuple:
    """Set both; returns the tokens `leave` needs to put them back."""
    return _scope.set(scope), _home.set(home)


def leave(tokens: tuple) -> None:
    scope_token, home_token = tokens
    _home.reset(home_token)
    _scope.reset(scope_token)


@contextmanager
def acting_for(tenant, *, limit: bool = True) -> Iterator[None]:
    """Within: new rows go into `tenant`; with `limit`, every query sees only its rows."""
    tokens = enter(tenant if limit else active(), tenant)
    try:
        yield
    finally:
        leave(tokens)


@contextmanager
def every_tenant() -> Iterator[None]:
    """Within: no limit (the instance's own bookkeeping: who is signing in, and so on)."""
    tokens = enter(None, home())
    try:
        yield
    finally:
        leave(tokens)
