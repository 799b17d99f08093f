"""Who may read and write through the API: the rules of scorecard.people.permissions, applied to
requests. Nothing here decides anything the pages would decide differently."""

from __future__ import annotations

from django.db.models import Model
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS, BasePermission

from scorecard.people import permissions as rules

# Items only the performance team (for the item's plan) or an admin creates. Everything else
# (observations, updates, milestones, assessments, highlight reports, comparator values)
# belongs to the owners of its parent and may be added by them.
MANAGED_ON_CREATE = frozenset(
    {
        "framework.Organisation",
        "framework.Board",
        "people.Person",
        "framework.Plan",
        "framework.Outcome",
        "framework.Priority",
        "framework.Programme",
        "measures.Measure",
        "measures.Target",
        "delivery.Project",
        "delivery.ActionPlan",
        "delivery.Action",
        "risks.Risk",
    }
)

# Archiving (or restoring) is the team's, and is the one change allowed to an archived item.
ARCHIVING = frozenset({"archived_at"})

# A highlight report's author may change it, but naming yourself the author of a new report,
# or moving a report, does not make the programme yours: those need the programme's owner.
BY_PROGRAMME = "delivery.HighlightReport"


def may_create(user, item: Model) -> bool:
    """May this user add the (unsaved, filled-in) item?"""
    if item._meta.label in MANAGED_ON_CREATE:
        return rules.can_manage(user, item)
    if item._meta.label == BY_PROGRAMME:
        return rules.can_change(user, item.programme)
    return rules.can_change(user, item)


def may_change(user, item: Model, changed: frozenset[str] = frozenset()) -> bool:
    """May this user change the item (as it stands, and again as it will be), setting these
    fields?"""
    label = item._meta.label
    if changed == ARCHIVING:
        return rules.can_manage(user, item)
    allowed = rules.can_change(user, item)
    if changed - rules.owner_fields(label):
        allowed = allowed and rules.can_manage(user, item)
    if label == BY_PROGRAMME and changed & {"programme", "author"}:
        allowed = allowed and rules.can_change(user, item.programme)
    return allowed


def may_write(user, item: Model) -> bool:
    """A first look at an item before reading the body: could this user change it at all?
    (Which fields they may change, and whether the item is archived, is checked on the write.)"""
    return rules.can_change(user, item) or rules.can_manage(user, item)


def might_write(user, label: str) -> bool:
    """A first look before reading the body: could this user write items of this kind at all?
    (A viewer who owns nothing is refused at once; owners are checked item by item.)"""
    if not rules.signed_in(user):
        return False
    if label in MANAGED_ON_CREATE:
        return rules.can_manage(user)
    return rules.in_performance_team(user) or rules.person_of(user) is not None


def refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise exceptions.PermissionDenied(
            "You can change only the items you own; the performance team changes the rest."
        )


class ScorecardPermission(BasePermission):
    """Signed-in people read everything; the public reads only what a view marks `public`
    (published measures and their figures), and the view's queryset keeps to those."""

    message = "You can change only the items you own; the performance team changes the rest."

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return rules.signed_in(request.user) or getattr(view, "public", False)
        if request.method == "POST":
            return might_write(request.user, view.queryset.model._meta.label)
        return rules.signed_in(request.user)

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in SAFE_METHODS:
            return rules.can_read(request.user, obj)
        return may_write(request.user, obj)
