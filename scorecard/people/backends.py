"""The one way a password is checked, with the sign-in throttle (scorecard/people/throttle.py)
built in: the sign-in page, the admin's sign-in and the API's token endpoint all call
django.contrib.auth.authenticate(), so none of them can be used to guess passwords faster
than the throttle allows.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from scorecard.people import throttle

# Set on the request when the throttle refused it, so a form can say why (see was_refused).
_REFUSED = "_scorecard_sign_in_refused"


class ThrottledModelBackend(ModelBackend):
    """Django's ModelBackend, refusing a username or address that has failed too often.

    A refused attempt returns None without looking at the password, so even the right password
    gets nothing while the lock lasts. The address is the request's REMOTE_ADDR only
    (throttle.address_of): X-Forwarded-For is never trusted here.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        address = throttle.address_of(request)
        if throttle.is_refused(username, address):
            _mark_refused(request)
            return None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            throttle.record_failure(username, address)
        else:
            throttle.record_success(username)
        return user


def _mark_refused(request) -> None:
    if request is not None:
        setattr(request, _REFUSED, True)


def was_refused(request) -> bool:
    """Whether the throttle refused a sign-in during this request (for the message shown)."""
    return request is not None and bool(getattr(request, _REFUSED, False))
