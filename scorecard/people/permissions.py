"""Who may read and who may change what: one set of rules for the pages and the API.

Roles (docs/accounts.md, "Who may do what"):
- admin (a superuser): everything, including inviting people;
- performance team (the group): changes everything in the plans they look after
  (a Person's `plans`; none listed means every plan);
- owner: anyone signed in who owns items; changes only those items and their updates;
- viewer: anyone else signed in; reads everything;
- the public (not signed in): reads only published measures, on the public scorecard.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

PERFORMANCE_TEAM = "Performance team"

ADMIN = "admin"
PERFORMANCE = "performance team"
OWNER = "owner"
VIEWER = "viewer"
PUBLIC = "public"


def signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_admin(user) -> bool:
    return signed_in(user) and user.is_superuser


def in_performance_team(user) -> bool:
    if not signed_in(user):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_in_performance_team", None)
    if cached is None:
        cached = user.groups.filter(name=PERFORMANCE_TEAM).exists()
        user._in_performance_team = cached
    return cached


def person_of(user):
    """The Person record linked to this sign-in, or None."""
    if not signed_in(user):
        return None
    from scorecard.people.models import Person

    cached = getattr(user, "_person", False)
    if cached is False:
        cached = Person.objects.filter(user=user).first()
        user._person = cached
    return cached


def team_plan_ids(user) -> set[int] | None:
    """The plans a team member looks after; None means every plan."""
    if is_admin(user):
        return None
    person = person_of(user)
    if person is None:
        return None
    ids = set(person.plans.values_list("pk", flat=True))
    return ids or None


def role_of(user) -> str:
    if not signed_in(user):
        return PUBLIC
    if user.is_superuser:
        return ADMIN
    if in_performance_team(user):
        return PERFORMANCE
    person = person_of(user)
    if person is not None and owns_anything(person):
        return OWNER
    return VIEWER


def owns_anything(person) -> bool:
    return (
        person.measures.exists()
        or person.programmes.exists()
        or person.actions.exists()
        or person.project_set.exists()
        or person.risk_set.exists()
    )


# --- What an item is: its plan and its owners -------------------------------------------------


def _parent(item: Model) -> Model | None:
    """The item whose owners own this one: an update belongs to its project, and so on."""
    label = item._meta.label
    parents = {
        "measures.Observation": "measure",
        "measures.Target": "measure",
        "measures.ComparatorValue": "measure",
        "measures.ObservationRevision": "observation",
        "delivery.ProjectUpdate": "project",
        "delivery.Milestone": "project",
        "delivery.ActionUpdate": "action",
        "delivery.HighlightReport": "programme",
        "risks.RiskAssessment": "risk",
    }
    attribute = parents.get(label)
    return getattr(item, attribute) if attribute else None


def plan_id_of(item: Model) -> int | None:
    """The plan an item sits in (its pk), for the performance team's scope."""
    parent = _parent(item)
    if parent is not None:
        return plan_id_of(parent)
    label = item._meta.label
    if label == "framework.Plan":
        return item.pk
    if label == "delivery.Action":
        return item.action_plan.plan_id
    if label in ("framework.Outcome", "framework.Programme") or hasattr(item, "plan_id"):
        return item.plan_id
    if label == "framework.Priority":
        return item.outcome.plan_id
    return None


def owner_ids_of(item: Model) -> set[int]:
    """The Person ids who own an item (for an update: the owners of what it updates)."""
    parent = _parent(item)
    if parent is not None:
        owners = owner_ids_of(parent)
        if item._meta.label == "delivery.HighlightReport" and item.author_id:
            owners.add(item.author_id)
        return owners
    label = item._meta.label
    if label in ("measures.Measure", "framework.Programme", "delivery.Action"):
        return set(item.owners.values_list("pk", flat=True))
    if label in ("delivery.Project", "risks.Risk"):
        return {item.owner_id} if item.owner_id else set()
    return set()


# --- The rules -------------------------------------------------------------------------------


def can_read(user, item: Model | None = None) -> bool:
    """Signed-in people read everything; the public reads published measures only."""
    if signed_in(user):
        return True
    return item is not None and is_published(item)


def is_published(item: Model) -> bool:
    parent = _parent(item)
    if parent is not None:
        return is_published(parent)
    return item._meta.label == "measures.Measure" and item.published and not item.archived_at


def in_team_for(user, item: Model) -> bool:
    if not in_performance_team(user):
        return False
    plans = team_plan_ids(user)
    return plans is None or plan_id_of(item) in plans


def owns(user, item: Model) -> bool:
    person = person_of(user)
    return person is not None and person.pk in owner_ids_of(item)


def can_change(user, item: Model) -> bool:
    """Admin and the plan's performance team change anything; owners their own items."""
    if not signed_in(user):
        return False
    return is_admin(user) or in_team_for(user, item) or owns(user, item)


def can_manage(user, item: Model | None = None) -> bool:
    """Create framework items, set targets, archive, approve: the team (for the item's plan)."""
    if is_admin(user):
        return True
    if item is None:
        return in_performance_team(user)
    return in_team_for(user, item)


def require_change(user, item: Model) -> None:
    if not can_change(user, item):
        raise PermissionDenied("You can only change items you own.")


def require_manage(user, item: Model | None = None) -> None:
    if not can_manage(user, item):
        raise PermissionDenied("Only the performance team can do this.")


# --- Querysets -------------------------------------------------------------------------------


OWNER_PATHS = {
    "measures.Measure": "owners",
    "framework.Programme": "owners",
    "delivery.Action": "owners",
    "delivery.Project": "owner",
    "risks.Risk": "owner",
    "measures.Observation": "measure__owners",
    "delivery.ProjectUpdate": "project__owner",
    "delivery.Milestone": "project__owner",
    "delivery.ActionUpdate": "action__owners",
    "delivery.HighlightReport": "programme__owners",
    "risks.RiskAssessment": "risk__owner",
}


def owned_by(queryset: QuerySet, person) -> QuerySet:
    """The items in the queryset that this person owns."""
    path = OWNER_PATHS[queryset.model._meta.label]
    return queryset.filter(**{path: person}).distinct()


def changeable_by(queryset: QuerySet, user, plan_path: str) -> QuerySet:
    """The items in the queryset this user may change; `plan_path` leads to the plan's pk."""
    if is_admin(user):
        return queryset
    condition = Q(pk__in=[])
    if in_performance_team(user):
        plans = team_plan_ids(user)
        if plans is None:
            return queryset
        condition |= Q(**{f"{plan_path}__in": plans})
    person = person_of(user)
    if person is not None and queryset.model._meta.label in OWNER_PATHS:
        condition |= Q(**{OWNER_PATHS[queryset.model._meta.label]: person})
    return queryset.filter(condition).distinct()


# --- View decorators -------------------------------------------------------------------------


def performance_team_required(view: Callable) -> Callable:
    """Signed-out visitors go to the sign-in page; signed-in people outside the team get 403."""

    @login_required
    @wraps(view)
    def checked(request, *args: Any, **kwargs: Any):
        require_manage(request.user)
        return view(request, *args, **kwargs)

    return checked


def names(people: Iterable) -> str:
    return ", ".join(person.name for person in people)
