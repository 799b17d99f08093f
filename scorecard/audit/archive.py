"""Archive instead of delete: an archived item leaves every list, scorecard, roll-up, report and
export, but its own page, its history and the papers already published from it stay whole.

The rule lives in one place, `ArchivableQuerySet.current()`, the default manager of every model
that can be archived (Measure, Programme, Project, ActionPlan, Action, Risk). The default manager
itself hides nothing, so imports and item pages still find archived rows by their identifiers.

This module is imported by the domain models, so it imports none of them: each app registers
its own archivable kinds (`register_archivable`, in its AppConfig.ready()).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from scorecard.audit import registry
from scorecard.core.digits import is_digits


class ArchivableQuerySet(models.QuerySet):
    def current(self, at: datetime | None = None) -> ArchivableQuerySet:
        """Items not archived; given a moment, those not yet archived then (for "as at")."""
        if at is None:
            return self.filter(archived_at__isnull=True)
        return self.filter(Q(archived_at__isnull=True) | Q(archived_at__gt=at))

    def archived(self) -> ArchivableQuerySet:
        return self.filter(archived_at__isnull=False)


# --- What can be archived, and how its page is addressed --------------------------------------


@dataclass(frozen=True)
class ArchivableKind:
    """One kind of item that can be archived: its address word, model and identifying field."""

    slug: str
    label: str
    noun: str
    lookup: str
    # What archiving takes away, said on the confirmation page.
    leaves: str

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.label)

    def find(self, key: str) -> models.Model:
        """The item (archived or not) named by `key`; LookupError when there is none."""
        value: str | int = key
        if self.lookup == "pk":
            if not is_digits(key) or len(key) > 18:
                raise LookupError(key)
            value = int(key)
        found = self.model._default_manager.filter(**{self.lookup: value}).first()
        if found is None:
            raise LookupError(key)
        return found

    def key_of(self, item: models.Model) -> str:
        return str(getattr(item, self.lookup))


# Filled by the apps that own the models, in their AppConfig.ready() (register_archivable).
KINDS: dict[str, ArchivableKind] = {}


def register_archivable(kind: ArchivableKind) -> None:
    """Let items of this kind be archived and restored at /archive/<slug>/<key>/."""
    KINDS[kind.slug] = kind


def kind_of(item: models.Model) -> ArchivableKind:
    label = item._meta.label
    for kind in KINDS.values():
        if kind.label == label:
            return kind
    raise LookupError(label)


# --- The two operations ------------------------------------------------------------------------


class ArchiveError(Exception):
    """The item is already in the state asked for."""


class _StateChange:
    """Archive or restore one item: `check()` says whether this user may, `execute()` does it."""

    verb = ""

    def __init__(self, item: models.Model, user) -> None:
        self.item = item
        self.user = user

    def check(self) -> None:
        if not registry.may_manage(self.user, self.item):
            raise PermissionDenied(f"Only the performance team can {self.verb} this.")

    def _stamp(self) -> datetime | None:
        raise NotImplementedError

    def _already(self, archived_at: datetime | None) -> bool:
        raise NotImplementedError

    def execute(self) -> models.Model:
        self.check()
        model = type(self.item)
        with transaction.atomic():
            # Read the row as stored now, so two clicks never archive twice.
            stored = model._default_manager.select_for_update().get(pk=self.item.pk)
            if self._already(stored.archived_at):
                raise ArchiveError(self.verb)
            stored.archived_at = self._stamp()
            stored.save(update_fields=["archived_at"])
        self.item.archived_at = stored.archived_at
        return self.item


class Archive(_StateChange):
    verb = "archive"

    def _stamp(self) -> datetime | None:
        return timezone.now()

    def _already(self, archived_at: datetime | None) -> bool:
        return archived_at is not None


class Restore(_StateChange):
    verb = "restore"

    def _stamp(self) -> datetime | None:
        return None

    def _already(self, archived_at: datetime | None) -> bool:
        return archived_at is None
