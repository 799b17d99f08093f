"""Finding what rows refer to while an import writes: each table is read once, when first
needed, and what the import creates is added, so a file of many rows makes few queries."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.db.models import Max, QuerySet

from scorecard.delivery.models import Action, ActionPlan, Project
from scorecard.framework.models import Board, Organisation, Outcome, Plan, Priority, Programme
from scorecard.people.models import Person
from scorecard.risks.models import Risk


class Lookups:
    def __init__(self) -> None:
        self._tables: dict[str, dict] = {}

    def table(self, name: str, load: Callable[[], dict]) -> dict:
        if name not in self._tables:
            self._tables[name] = load()
        return self._tables[name]

    # --- framework ---------------------------------------------------------------------
    def plan(self, plan_id: str) -> Plan:
        return self.table("plans", lambda: {p.plan_id: p for p in Plan.objects.all()})[plan_id]

    def outcome(self, plan_id: str, name: str) -> Outcome | None:
        if not name:
            return None
        outcomes = self.table(
            "outcomes",
            lambda: {(o.plan.plan_id, o.name): o for o in Outcome.objects.select_related("plan")},
        )
        return outcomes[(plan_id, name)]

    def priority(self, plan_id: str, name: str) -> Priority | None:
        if not name:
            return None
        priorities = self.table("priorities", _priorities)
        return priorities[(plan_id, name)]

    def programme(self, plan_id: str, name: str) -> Programme | None:
        if not name:
            return None
        programmes = self.table(
            "programmes",
            lambda: {(p.plan.plan_id, p.name): p for p in Programme.objects.select_related("plan")},
        )
        return programmes[(plan_id, name)]

    def board(self, name: str) -> Board | None:
        if not name:
            return None
        return self.table("boards", lambda: {b.name: b for b in Board.objects.all()})[name]

    def organisation(self, name: str) -> Organisation | None:
        """The organisation of that name, created when new."""
        if not name:
            return None
        organisations = self.table(
            "organisations", lambda: {o.name: o for o in Organisation.objects.all()}
        )
        if name not in organisations:
            # get_or_create: a measures file of the same import may have made it since.
            organisations[name] = Organisation.objects.get_or_create(name=name)[0]
        return organisations[name]

    # --- people and delivery ---------------------------------------------------------------
    def people(self) -> dict[str, Person]:
        return self.table("people", lambda: {p.person_id: p for p in Person.objects.all()})

    def person(self, person_id: str) -> Person | None:
        return self.people()[person_id] if person_id else None

    def projects(self) -> dict[str, Project]:
        return self.table("projects", lambda: {p.project_id: p for p in Project.objects.all()})

    def action_plans(self) -> dict[tuple[str, str], ActionPlan]:
        return self.table(
            "action_plans",
            lambda: {
                (a.plan.plan_id, a.name): a for a in ActionPlan.objects.select_related("plan")
            },
        )

    def actions(self) -> dict[tuple[str, str, str], Action]:
        return self.table(
            "actions",
            lambda: {
                (a.action_plan.plan.plan_id, a.action_plan.name, a.reference): a
                for a in Action.objects.select_related("action_plan__plan").prefetch_related(
                    "owners"
                )
            },
        )

    def risks(self) -> dict[str, Risk]:
        return self.table("risks", lambda: {r.reference: r for r in Risk.objects.all()})


def _priorities() -> dict[tuple[str, str], Priority]:
    found: dict[tuple[str, str], Priority] = {}
    for priority in Priority.objects.select_related("outcome__plan").order_by("-pk"):
        # The first made wins when two outcomes of a plan share a priority's name.
        found[(priority.outcome.plan.plan_id, priority.name)] = priority
    return found


def _differs(instance: models.Model, name: str, value: Any) -> bool:
    field = instance._meta.get_field(name)
    if isinstance(field, models.Field) and field.many_to_one:
        # Compare ids: reading the related object would cost a query per row.
        return getattr(instance, field.attname) != (value.pk if value is not None else None)
    return getattr(instance, name) != value


def save_changed(instance: models.Model, values: dict[str, Any]) -> bool:
    """Set the fields and save, only when something differs (or the row is new): importing the
    same file again writes nothing."""
    changed = [name for name, value in values.items() if _differs(instance, name, value)]
    for name in changed:
        setattr(instance, name, values[name])
    if instance.pk is None:
        instance.save()
        return True
    if changed:
        instance.save(update_fields=changed)
    return bool(changed)


def set_members(manager: Any, wanted: Iterable[models.Model]) -> None:
    """Make a many-to-many set exactly `wanted`, touching the database only when it differs."""
    wanted = list(wanted)
    if {m.pk for m in manager.all()} != {m.pk for m in wanted}:
        manager.set(wanted)


class NewRowOrder:
    """Where new rows go: after those already stored (in each group, such as a project's
    milestones), in file order. Stored rows keep their place, so importing one new risk does not
    move it ahead of the register."""

    def __init__(self, stored: QuerySet, group: str | None = None) -> None:
        self.group = group
        if group is None:
            top = stored.aggregate(top=Max("order"))["top"]
            self.next: dict[Any, int] = {None: -1 if top is None else top}
        else:
            rows = stored.order_by().values_list(group).annotate(top=Max("order"))
            self.next = dict(rows)

    def place(self, instance: models.Model, group: Any = None) -> dict[str, int]:
        if instance.pk is not None:
            return {}
        self.next[group] = self.next.get(group, -1) + 1
        return {"order": self.next[group]}
