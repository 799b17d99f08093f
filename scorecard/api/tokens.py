"""The API's tokens (django-rest-knox, docs/decisions/0005-api-tokens.md): POST a username and
password to /api/token/ for a token to send as `Authorization: Token …`.

The password is checked by django.contrib.auth.authenticate() with the request, so the sign-in
lockout counts it exactly as it counts the sign-in page (scorecard/people/signin.py). Only a
digest of each token is stored; it expires (REST_KNOX["TOKEN_TTL"]), and ends when revoked, when
its owner's password changes, or when they sign out everywhere.
"""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in
from drf_spectacular.utils import extend_schema, inline_serializer
from knox.auth import TokenAuthentication
from knox.models import get_token_model
from knox.settings import knox_settings
from knox.views import LogoutAllView, LogoutView
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from scorecard.people import signin

WRONG = "Enter a correct username and password. Both are case-sensitive."
TOO_MANY = "You have reached the most tokens one person can hold: revoke one first."


class Credentials(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)


class TokenView(APIView):
    """POST a username and password; get back a token and when it expires. Throttled (the
    "token" rate in REST_FRAMEWORK) and counted by the sign-in lockout."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"
    # As DRF's token view did: JSON, or a plain form post (curl -d).
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    @extend_schema(
        request=Credentials,
        responses=inline_serializer(
            "Token", {"token": serializers.CharField(), "expiry": serializers.DateTimeField()}
        ),
    )
    def post(self, request):
        credentials = Credentials(data=request.data)
        credentials.is_valid(raise_exception=True)
        django_request = request._request
        user = authenticate(
            django_request,
            username=credentials.validated_data["username"],
            password=credentials.validated_data["password"],
        )
        if user is None:
            if signin.was_refused(django_request):
                return Response(
                    {"detail": signin.REFUSED}, status=status.HTTP_429_TOO_MANY_REQUESTS
                )
            return Response({"non_field_errors": [WRONG]}, status=status.HTTP_400_BAD_REQUEST)
        limit = knox_settings.TOKEN_LIMIT_PER_USER
        if limit is not None and live_tokens(user).count() >= limit:
            return Response({"detail": TOO_MANY}, status=status.HTTP_403_FORBIDDEN)
        instance, token = get_token_model().objects.create(user=user)
        # Counts as a sign-in: the lockout's count is cleared and the access log written.
        user_logged_in.send(sender=user.__class__, request=django_request, user=user)
        return Response({"token": token, "expiry": instance.expiry})


def live_tokens(user):
    from django.db.models import Q
    from django.utils import timezone

    return (
        get_token_model()
        .objects.filter(user=user)
        .filter(Q(expiry__gt=timezone.now()) | Q(expiry__isnull=True))
    )


# A signed-in browser may call these too (with its CSRF token): it has no token to revoke but
# may revoke all of its owner's.
_EITHER = [TokenAuthentication, SessionAuthentication]


class RevokeView(LogoutView):
    """POST with a token: that token stops working."""

    authentication_classes = _EITHER

    @extend_schema(request=None, responses={204: None, 400: None})
    def post(self, request, format=None):
        if not isinstance(request.auth, get_token_model()):
            return Response(
                {"detail": "Send the token to revoke in the Authorization header"},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return super().post(request, format)


class RevokeAllView(LogoutAllView):
    """POST with a token (or signed in): every token of its owner stops working."""

    authentication_classes = _EITHER

    @extend_schema(request=None, responses={204: None})
    def post(self, request, format=None):
        return super().post(request, format)
