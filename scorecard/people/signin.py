"""Sign-in lockout: django-axes, with every attempt counted before its password is checked.

Axes keeps the attempts (AccessAttempt: the running count; AccessFailureLog and AccessLog: the
record for the security audit), locks a username from one address after AXES_FAILURE_LIMIT
failures (AXES_LOCKOUT_PARAMETERS: username and address together, so nobody who only knows a
username can lock its owner out) and gives the administrator `scorecard unlock USERNAME`.

Axes on its own checks the lock first and counts the failure after the password check: a burst
of simultaneous attempts all pass the check before any of them is counted, and every password in
the burst is tried. Here the attempt is counted first, by one conditional UPDATE that the
database applies atomically ("add one if fewer than the limit"): whatever the number of
simultaneous attempts, at most AXES_FAILURE_LIMIT of them reach the password check; a correct
password then clears the count (AXES_RESET_ON_SUCCESS). See docs/decisions/0004-sign-in-lockout.md.
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_credentials, get_failure_limit
from axes.models import AccessAttempt, AccessFailureLog
from axes.signals import user_locked_out
from django.conf import settings
from django.db import IntegrityError, router, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

REFUSED = "There have been too many failed attempts to sign in. Wait 15 minutes, then try again."

# One count per username and address, whatever browser the attempts claim to come from: the
# user agent is the client's to write, so counting per agent would give a new allowance for each.
_ANY_AGENT = ""


def username_of(request, credentials) -> str:
    """The username counted: case and surrounding spaces do not make a new one to guess at."""
    credentials = credentials or {}
    username = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    if username is None and request is not None:
        username = getattr(request, "POST", {}).get(settings.AXES_USERNAME_FORM_FIELD)
    return (username or "").strip().casefold()


def address_of(request) -> str | None:
    """The address the request came from: REMOTE_ADDR, the connection's own address.

    X-Forwarded-For can be written by the client, so it is read only when the site says how many
    proxies of its own stand in front of it (REST_FRAMEWORK["NUM_PROXIES"], set from
    SCORECARD_PROXIES, the same number the API's rate limit uses): then the address is the one
    the outermost trusted proxy saw, and whatever a client wrote before it is ignored.
    """
    if request is None:
        return None
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = getattr(settings, "REST_FRAMEWORK", {}).get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        addresses = [address.strip() for address in forwarded.split(",")]
        remote = addresses[-min(proxies, len(addresses))] or remote
    return remote or None


def _attempts(username: str, address: str | None):
    return AccessAttempt.objects.filter(username=username, ip_address=address)


class CountFirstHandler(AxesDatabaseHandler):
    """Axes' database handler, counting each attempt before its password is checked."""

    def admit(self, request, credentials: dict) -> bool:
        """Count this attempt; True if it may have its password checked (fewer than the limit
        were counted before it in the cool-off time)."""
        self.clean_expired_user_attempts(request, credentials)
        username = get_client_username(request, credentials)
        address = request.axes_ip_address
        limit = get_failure_limit(request, credentials)
        now = timezone.now()
        using = router.db_for_write(AccessAttempt)
        # Older attempts made under another user agent (before this handler) still count.
        if self._counted(username, address) >= limit:
            return False
        for _ in range(2):
            with transaction.atomic(using=using):
                # The UPDATE is the first statement: it takes the write lock (SQLite) or the
                # row lock (PostgreSQL) before anything is read, so two attempts can never
                # both see the last free place.
                added = (
                    _attempts(username, address)
                    .filter(user_agent=_ANY_AGENT, failures_since_start__lt=limit)
                    .update(failures_since_start=F("failures_since_start") + 1, attempt_time=now)
                )
                if added:
                    return True
                if _attempts(username, address).filter(user_agent=_ANY_AGENT).exists():
                    return False  # the count has reached the limit
                try:
                    with transaction.atomic(using=using):
                        AccessAttempt.objects.create(
                            username=username,
                            ip_address=address,
                            user_agent=_ANY_AGENT,
                            http_accept=request.axes_http_accept[:1025],
                            path_info=request.axes_path_info[:255],
                            get_data="",
                            post_data="",
                            failures_since_start=1,
                            attempt_time=now,
                        )
                    return True
                except IntegrityError:
                    continue  # a simultaneous first attempt made the row: count on it
        return False

    def _counted(self, username: str, address: str | None) -> int:
        attempts = _attempts(username, address).exclude(user_agent=_ANY_AGENT)
        return sum(attempts.values_list("failures_since_start", flat=True))

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        """The attempt was counted when it was admitted: only write it to the audit's failure
        log, and say when it used the last place."""
        if request is None:
            return
        username = get_client_username(request, credentials)
        failures = self.get_failures(request, credentials)
        locked = bool(getattr(request, "axes_locked_out", False)) or failures >= (
            get_failure_limit(request, credentials)
        )
        if locked and not getattr(request, "axes_locked_out", False):
            user_locked_out.send(
                "axes", request=request, username=username, ip_address=request.axes_ip_address
            )
        if settings.AXES_ENABLE_ACCESS_FAILURE_LOG:
            AccessFailureLog.objects.create(
                username=username,
                ip_address=request.axes_ip_address,
                user_agent=request.axes_user_agent[:255],
                http_accept=request.axes_http_accept[:1025],
                path_info=request.axes_path_info[:255],
                attempt_time=request.axes_attempt_time,
                locked_out=locked,
            )
            self.remove_out_of_limit_failure_logs(username=username)


class CountFirstBackend(AxesStandaloneBackend):
    """First in AUTHENTICATION_BACKENDS: counts the attempt, and refuses it (without looking at
    the password) once the username has failed too often from this address. Every password
    check passes through here: the sign-in page and the API's token endpoint alike."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.AXES_ENABLED:
            return None
        if request is None:
            # A check from code (the test client's login(), a shell) has no address: it is
            # counted under the username with no address, a lockout of its own.
            request = HttpRequest()
        credentials = get_credentials(username=username, password=password, **kwargs)
        AxesProxyHandler.update_request(request)
        handler = AxesProxyHandler.get_implementation()
        if handler.admit(request, credentials):
            return None  # counted: the next backend checks the password
        request.axes_locked_out = True
        request.axes_credentials = credentials
        raise AxesBackendPermissionDenied("Too many failed attempts to sign in")


def was_refused(request) -> bool:
    """Whether this request's sign-in was refused by the lockout (for the message shown)."""
    return request is not None and bool(getattr(request, "axes_locked_out", False))


def unlock(username: str) -> int:
    """Clear the failed attempts for a username, from every address (the administrator's
    `scorecard unlock`); the audit's failure log is kept. Returns how many counts were cleared."""
    count, _ = AccessAttempt.objects.filter(username=username.strip().casefold()).delete()
    return count


def is_locked(username: str) -> bool:
    """Whether the username is locked out from some address now (for the people pages)."""
    limit = settings.AXES_FAILURE_LIMIT
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    rows = AccessAttempt.objects.filter(
        username=username.strip().casefold(), attempt_time__gte=since
    ).values_list("ip_address", "failures_since_start")
    totals: dict[str | None, int] = {}
    for address, failures in rows:
        totals[address] = totals.get(address, 0) + failures
    return any(total >= limit for total in totals.values())


def lockout_response(request, response, credentials):
    """The pages and the token endpoint say themselves that the attempt was refused (the form's
    error, the API's 429): axes' middleware keeps their response."""
    return response


__all__ = ["REFUSED", "CountFirstBackend", "CountFirstHandler", "address_of", "get_credentials"]
