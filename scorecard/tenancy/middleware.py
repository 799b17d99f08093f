"""`request.tenant`: the council the visitor belongs to, and the limit on every query.

- A superuser of the instance: `request.tenant` is None, every tenant's rows.
- Anyone else signed in: their Person's tenant (a sign-in with no Person: the default tenant).
- The public: the council chosen with `?council=SLUG` (kept for the visit), else the default.

On an instance with one tenant nothing is hidden, so queries are not limited at all (no extra
joins); with several, every query of a tenant-owned model is limited to `request.tenant`.
The API signs in with its own authentication (tokens), after the middleware: its views call
`activate` again once they know who is asking.
"""

from __future__ import annotations

from scorecard.tenancy import scope

COUNCIL_PARAMETER = "council"
SESSION_KEY = "scorecard_council"


def tenant_of(request):
    """The tenant this request acts for (None: every tenant, for the instance's superuser)."""
    from scorecard.people.permissions import person_of, signed_in
    from scorecard.tenancy.models import Tenant

    user = getattr(request, "user", None)
    with scope.every_tenant():
        if signed_in(user):
            if user.is_superuser:
                return None
            person = person_of(user)
            if person is not None:
                return Tenant.objects.get(pk=person.tenant_id)
            return Tenant.default()
        return _chosen_by_the_public(request) or Tenant.default()


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


def several_tenants() -> bool:
    from scorecard.tenancy.models import Tenant

    return Tenant.objects.count() > 1


def activate(request) -> None:
    """Set `request.tenant` and limit queries to it for the rest of the request."""
    tenant = tenant_of(request)
    request.tenant = tenant
    limit = tenant if tenant is not None and several_tenants() else None
    scope.enter(limit, tenant)


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
