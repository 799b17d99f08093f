"""`request.tenant`: the council the visitor belongs to, and the limit on every query.

- A superuser of the instance: `request.tenant` is None, every tenant's rows.
- Anyone else signed in: their Person's tenant (a sign-in with no Person: the default tenant).
- The public: on a council's own host name (`Tenant.host`), that council, whatever the
  address asks; elsewhere the council chosen with `?council=SLUG` (kept for the visit), else
  the default.

On an instance with one tenant nothing is hidden, so queries are not limited at all (no extra
joins); with several, every query of a tenant-owned model is limited to `request.tenant`.
The API signs in with its own authentication (tokens), after the middleware: its views call
`activate` again once they know who is asking.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scorecard.tenancy import scope

COUNCIL_PARAMETER = "council"
SESSION_KEY = "scorecard_council"

# Who belongs to which tenant is the people app's to say (people sits above tenancy): its
# AppConfig.ready() gives `memberships_from` a function of a sign-in that returns the rows
# (with a `tenant_id`) linking it to its tenants, or None for a visitor not signed in.
_MEMBERSHIPS: list[Callable[[Any], Any]] = []


def memberships_from(memberships: Callable[[Any], Any]) -> None:
    _MEMBERSHIPS[:] = [memberships]


def _resolve(request) -> tuple:
    """(the tenant acted for, whether the instance has several), in one query of the (small)
    tenant table: the visitor's Person's tenant is marked in it."""
    from django.db.models import Exists, OuterRef

    from scorecard.tenancy.models import Tenant

    user = getattr(request, "user", None)
    with scope.every_tenant():
        memberships = _MEMBERSHIPS[0](user) if _MEMBERSHIPS else None
        if memberships is not None:
            if user.is_superuser:
                return None, False
            mine = memberships.filter(tenant_id=OuterRef("pk"))
            tenants = list(Tenant.objects.order_by("pk").annotate(mine=Exists(mine)))
            if not tenants:
                return Tenant.default(), False
            # A sign-in with no Person belongs to the default (first) tenant.
            tenant = next((t for t in tenants if t.mine), tenants[0])
            return tenant, len(tenants) > 1
        tenants = list(Tenant.objects.order_by("pk")[:2])
        several = len(tenants) > 1
        chosen = None
        if several:
            chosen = _council_of_the_host(request) or _chosen_by_the_public(request)
        return chosen or (tenants[0] if tenants else Tenant.default()), several


def host_name(request) -> str:
    """The host the visitor asked for, lower case, without a port (one Django has checked
    against ALLOWED_HOSTS; none when it cannot tell)."""
    from django.core.exceptions import DisallowedHost

    try:
        host = request.get_host()
    except DisallowedHost:
        return ""
    return host.rsplit(":", 1)[0].lower() if not host.endswith("]") else host.lower()


def _council_of_the_host(request):
    from scorecard.tenancy.models import Tenant

    host = host_name(request)
    return Tenant.objects.filter(host=host).first() if host else None


def _chosen_by_the_public(request):
    from scorecard.tenancy.models import Tenant

    session = getattr(request, "session", None)
    slug = request.GET.get(COUNCIL_PARAMETER)
    if slug:
        tenant = Tenant.objects.filter(slug=slug).first()
        if tenant is not None and session is not None:
            session[SESSION_KEY] = tenant.slug
        return tenant
    if session is not None and session.get(SESSION_KEY):
        return Tenant.objects.filter(slug=session[SESSION_KEY]).first()
    return None


def activate(request) -> None:
    """Set `request.tenant` and limit queries to it for the rest of the request (again only
    when the visitor is not the one it was set for: the API's token sign-in)."""
    user = getattr(request, "user", None)
    who = (getattr(user, "pk", None), bool(getattr(user, "is_authenticated", False)))
    if getattr(request, "_tenant_for", None) == who:
        return
    request._tenant_for = who
    tenant, several = _resolve(request)
    request.tenant = tenant
    scope.enter(tenant if several else None, tenant)


class TenantMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The tokens of the first setting: leaving puts back what was there before the
        # request, however often the API's views set it again.
        tokens = scope.enter(None, None)
        try:
            activate(request)
            return self.get_response(request)
        finally:
            scope.leave(tokens)
