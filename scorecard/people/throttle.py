"""Sign-in throttling: too many failed sign-ins for a username, or from one address, and
further attempts are refused for a while. The authentication backend
(scorecard/people/backends.py) applies it, so it covers the sign-in page and the API's token
endpoint alike.

The counts live in Django's cache. The default local-memory cache is per process: a site run
on several application servers needs a shared cache (Redis, Memcached or the database cache)
so that the counts are shared too (docs/accounts.md).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 15 * 60
LOCKOUT_SECONDS = 15 * 60
USERNAME_LIMIT = 5
ADDRESS_LIMIT = 20

REFUSED = "There have been too many failed attempts to sign in. Wait 15 minutes, then try again."


def _key(kind: str, value: str) -> str:
    # Hashed: usernames and addresses may hold characters some cache backends refuse in keys.
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()
    return f"scorecard:sign-in:{kind}:{digest}"


def _username(username: str) -> str:
    # Case and surrounding spaces do not make a new username to guess against.
    return (username or "").strip().casefold()


def _subjects(username: str, address: str) -> list[tuple[str, str, int]]:
    subjects = [("username", _username(username), USERNAME_LIMIT)]
    if address:
        subjects.append(("address", address, ADDRESS_LIMIT))
    return subjects


def is_refused(username: str, address: str) -> bool:
    """Whether this username or this address is locked out now."""
    return any(
        cache.get(_key(f"{kind}-locked", value)) for kind, value, _ in _subjects(username, address)
    )


def record_failure(username: str, address: str) -> None:
    """Count a failed sign-in; the count that reaches its limit locks the subject out."""
    for kind, value, limit in _subjects(username, address):
        key = _key(kind, value)
        # add() starts the window only if no count is running: the window runs from the first
        # failure, not the latest, so slow guessing is still counted.
        cache.add(key, 0, WINDOW_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:  # the count expired between add() and incr()
            cache.set(key, 1, WINDOW_SECONDS)
            count = 1
        if count >= limit:
            cache.set(_key(f"{kind}-locked", value), True, LOCKOUT_SECONDS)
            cache.delete(key)


def record_success(username: str) -> None:
    """A correct password clears the username's count (not the address's: one good sign-in
    must not let an address go on guessing other usernames)."""
    cache.delete(_key("username", _username(username)))


def address_of(request) -> str:
    """The address the request came from: REMOTE_ADDR, the connection's own address.

    X-Forwarded-For can be written by the client, so it is read only when the site says how many
    proxies of its own stand in front of it (REST_FRAMEWORK["NUM_PROXIES"], set from
    SCORECARD_PROXIES, the same number the API's rate limit uses): then the address is the one
    the outermost trusted proxy saw, and whatever a client wrote before it is ignored.
    """
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = getattr(settings, "REST_FRAMEWORK", {}).get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    addresses = [address.strip() for address in forwarded.split(",")]
    return addresses[-min(proxies, len(addresses))] or remote
