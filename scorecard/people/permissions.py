"""Who may read and who may change what: one set of rules for the pages and the API.

Roles (docs/accounts.md, "Roles"):
- admin (a superuser): everything, including inviting people;
- performance team (the group): changes everything in the plans they look after
  (a Person's `plans`; none listed means every plan);
- owner: anyone signed in who owns items; changes only those items and their updates;
- viewer: anyone else signed in; reads everything;
- the public (not signed in): reads only published measures, on the public scorecard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model

from scorecard.audit.registry import PARENTS

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


def audit_name(user) -> str:
    """'Jenny Thompson (owner)': the person's name where the sign-in has one, and the role: the
    name the audit trail keeps a change under."""
    person = person_of(user)
    name = person.name if person else (user.get_full_name() or user.get_username())
    return f"{name} ({role_of(user)})"


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
    return any(owns_some(person) for owns_some in _OWNS_SOME)


# --- What an item is: its plan and its owners -------------------------------------------------


# Each app says, for its models, where an item sits and who owns it (`register_item`, in its
# AppConfig.ready()); this module names no domain. A model not registered takes its parent's
# (the audit trail's PARENTS), else its own `plan_id` if it has one; it has no owners and is
# not published.


@dataclass(frozen=True)
class ItemRules:
    # The plan (pk) an item without a parent sits in.
    plan_of: Callable[[Model], int | None] | None = None
    # Who owns an item without a parent (Person ids).
    owners_of: Callable[[Model], set[int]] | None = None
    # On a child: owners besides its parent's (a highlight report's author).
    more_owners_of: Callable[[Model], set[int]] | None = None
    # What an item without a parent sits in, for archiving (an action's action plan).
    container_of: Callable[[Model], Model | None] | None = None
    # Whether the public reads it.
    published: Callable[[Model], bool] | None = None


_ITEMS: dict[str, ItemRules] = {}
# Whether a person owns anything of an app's (their measures, their risks…), in the order the
# apps are installed.
_OWNS_SOME: list[Callable[[Any], bool]] = []


def register_item(label: str, rules: ItemRules) -> None:
    """How to find an item of this model's ("app.Model") plan, owners, container, publication."""
    _ITEMS[label] = rules


def register_ownership(owns_some: Callable[[Any], bool]) -> None:
    """`owns_some(person)`: whether the person owns any item of an app's (makes them an owner)."""
    _OWNS_SOME.append(owns_some)


def owners_listed(item: Model) -> set[int]:
    """The owners of an item with several (`owners`)."""
    return set(item.owners.values_list("pk", flat=True))


def owner_named(item: Model) -> set[int]:
    """The owner of an item with one (`owner`), if set."""
    owner_id = item.owner_id
    return {owner_id} if owner_id else set()


def _rules(item: Model) -> ItemRules:
    return _ITEMS.get(item._meta.label, _NO_RULES)


_NO_RULES = ItemRules()


def _parent(item: Model) -> Model | None:
    """The item whose owners own this one: an update belongs to its project, and so on. The
    table is the audit trail's (an item's changes show on its parent's page)."""
    attribute = PARENTS.get(item._meta.label_lower)
    return getattr(item, attribute) if attribute else None


def _container(item: Model) -> Model | None:
    """What the item sits in, for archiving: its parent, or an action's action plan."""
    parent = _parent(item)
    if parent is None and _rules(item).container_of is not None:
        parent = _rules(item).container_of(item)
    return parent


def archived_in(item: Model) -> Model | None:
    """The archived item this one is, or sits in (an observation's measure, an update's
    project, an action's action plan…); None when nothing around it is archived."""
    current: Model | None = item
    while current is not None:
        if getattr(current, "archived_at", None) is not None:
            return current
        current = _container(current)
    return None


def plan_id_of(item: Model) -> int | None:
    """The plan an item sits in (its pk), for the performance team's scope."""
    parent = _parent(item)
    if parent is not None:
        return plan_id_of(parent)
    plan_of = _rules(item).plan_of
    if plan_of is not None:
        return plan_of(item)
    return getattr(item, "plan_id", None)


def owner_ids_of(item: Model) -> set[int]:
    """The Person ids who own an item (for an update: the owners of what it updates)."""
    parent = _parent(item)
    rules = _rules(item)
    if parent is not None:
        owners = owner_ids_of(parent)
        if rules.more_owners_of is not None:
            owners |= rules.more_owners_of(item)
        return owners
    return rules.owners_of(item) if rules.owners_of is not None else set()


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
    published = _rules(item).published
    return published is not None and published(item)


def in_team_for(user, item: Model) -> bool:
    if not in_performance_team(user):
        return False
    plans = team_plan_ids(user)
    return plans is None or plan_id_of(item) in plans


def owns(user, item: Model) -> bool:
    person = person_of(user)
    return person is not None and person.pk in owner_ids_of(item)


def can_change(user, item: Model) -> bool:
    """Admin and the plan's performance team change anything; owners their own items. Nothing
    archived (nor anything in an archived item) changes until it is restored: restoring is
    `can_manage`'s."""
    if not signed_in(user) or archived_in(item) is not None:
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
    archived = archived_in(item) if signed_in(user) else None
    if archived is not None:
        noun = archived._meta.verbose_name
        raise PermissionDenied(
            f"This {noun} is archived: it cannot be changed until the performance team restores it."
        )
    if not can_change(user, item):
        raise PermissionDenied("You can only change items you own.")


def require_manage(user, item: Model | None = None) -> None:
    if not can_manage(user, item):
        raise PermissionDenied("Only the performance team can do this.")


# --- Forms -----------------------------------------------------------------------------------

# Fields that say who owns an item and where it sits: only the team for the item's plan (or an
# admin) changes them, even on an item its owner may otherwise change. (A highlight report's
# author is the programme's to choose: see `lock_managed_fields`.)
# The fields an owner may change on an item they own (or on a figure or update of it): their
# figures, commentary, status, updates, positions and dates. Every other field is the team's:
# what an item is (a measure's title, unit, polarity, tolerance… which decide what its rating
# means; a risk's title and target score), where it sits (plan, outcome, programme, action
# plan, board, order), who owns it, whether the public sees it, and whether it is archived.
# Kinds of item not listed (organisations, boards, people, plans, outcomes, priorities,
# targets, action plans) only the team changes. The pages and the API both keep to this list.
# Filled by the app that owns each model, in its AppConfig.ready() (register_owner_fields).
_OWNER_FIELDS: dict[str, frozenset[str]] = {}


def register_owner_fields(label: str, fields: frozenset[str] | set[str]) -> None:
    """The fields an owner may change on items of this model ("app.Model")."""
    _OWNER_FIELDS[label] = frozenset(fields)


def owner_fields(label: str) -> frozenset[str]:
    """The fields an owner may change on an item of this kind ("app.Model")."""
    return _OWNER_FIELDS.get(label, frozenset())


# Names the team's fields carry on forms that are not tied to one model.
MANAGED_FIELDS = frozenset(
    {"owners", "owner", "plan", "organisation", "outcome", "priority", "programme"}
    | {"programmes", "board", "published", "archived_at", "order"}
)
LOCKED_HELP = "Only the performance team can change this."


def teams_fields(model: type[Model], names) -> set[str]:
    """Of these field names, the ones only the team may change on an item of this model."""
    stored = {field.name for field in model._meta.get_fields()}
    owned = owner_fields(model._meta.label)
    return {
        name for name in names if name in MANAGED_FIELDS or (name in stored and name not in owned)
    }


def lock_managed_fields(form, user, item: Model | None = None) -> bool:
    """Disable (show, but never take from a post) the fields that are the team's unless this
    user manages the item (for a new item: is in the team), and keep the plan choices to the
    plans the user looks after. True when the user manages it. Pages always pass the signed-in
    user; a form built outside a request (user None: a script, a test) is not limited."""
    if user is None:
        return True
    adding = item is None or item.pk is None
    manages = can_manage(user) if adding else can_manage(user, item)
    if not manages:
        model = item.__class__ if item is not None else form._meta.model
        for name in teams_fields(model, form.fields):
            form.fields[name].disabled = True
            form.fields[name].help_text = LOCKED_HELP
    plan = form.fields.get("plan")
    plans = team_plan_ids(user) if manages else None
    if plan is not None and plans is not None:
        plan.queryset = plan.queryset.filter(pk__in=plans)
        plan.required = True
        plan.error_messages["required"] = "Choose one of the plans you look after"
    return manages


def require_saving(user, item: Model, changed=(), *, adding: bool = False) -> None:
    """Before saving a checked form: may this user save the item as it will be? A new item is
    the team's (for its plan); a change to who owns it or where it sits too; any other change
    needs `can_change` on the changed item, so an owner still owns it afterwards."""
    if archived_in(item) is not None or not adding:
        require_change(user, item)
    if adding or teams_fields(item.__class__, changed):
        require_manage(user, item)


# --- View decorators -------------------------------------------------------------------------


def performance_team_required(view: Callable) -> Callable:
    """Signed-out visitors go to the sign-in page; signed-in people outside the team get 403."""

    @login_required
    @wraps(view)
    def checked(request, *args: Any, **kwargs: Any):
        require_manage(request.user)
        return view(request, *args, **kwargs)

    return checked


# --- Figures ---------------------------------------------------------------------------------


def sees_provisional(user, measure: Model) -> bool:
    """Whether this reader sees the measure's provisional figures: its plan's team, its owners."""
    return signed_in(user) and (in_team_for(user, measure) or owns(user, measure))
