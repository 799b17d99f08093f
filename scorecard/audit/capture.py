"""Recording changes: signals for single saves and deletes, helpers for bulk writes.

Saves and deletes through the ORM are caught by signals; bulk_create, bulk_update and
QuerySet.update bypass them, so the code that uses those calls record_created,
record_changed or audited_update to write the same entries in one statement."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from scorecard.audit import actor
from scorecard.audit.models import AuditAction, AuditEntry
from scorecard.audit.registry import is_tracked, label_of, parent_of
from scorecard.audit.values import member_ids, snapshot, stored_rows

LABEL_LENGTH = 300
BATCH = 1000

_batch: ContextVar[list | None] = ContextVar("audit_batch", default=None)


def _write(entries: list[AuditEntry]) -> None:
    batch = _batch.get()
    if batch is None:
        AuditEntry.objects.bulk_create(entries)
    else:
        batch.extend(entries)


@contextmanager
def batched() -> Iterator[None]:
    """Entries made inside are written together at the end, in order: for big loads (the
    demo, an import from the command line). Use inside the load's transaction, so that the
    entries are written, or not, with the changes."""
    batch: list = []
    token = _batch.set(batch)
    try:
        yield
    finally:
        _batch.reset(token)
    AuditEntry.objects.bulk_create(batch, batch_size=BATCH)


def flush_batch() -> None:
    """Write the entries waiting in a batch now: before entries written straight to the table
    (scorecard.audit.bulk), so that the trail keeps the order the changes were made in."""
    batch = _batch.get()
    if batch:
        AuditEntry.objects.bulk_create(batch, batch_size=BATCH)
        batch.clear()


def _entry(instance: Model, action: str, before, after, changed, when, who) -> AuditEntry:
    user, name = who
    parent_model, parent_id = parent_of(instance)
    return AuditEntry(
        when=when,
        user=user,
        who=name[:300],
        model=label_of(type(instance)),
        object_id=str(instance.pk),
        label=str(instance)[:LABEL_LENGTH],
        parent_model=parent_model,
        parent_id=parent_id,
        action=action,
        before=before,
        after=after,
        changed=changed,
    )


def _change_action(before: dict, after: dict, changed: list[str]) -> str:
    if "archived_at" in changed:
        return AuditAction.ARCHIVED if after["archived_at"] else AuditAction.RESTORED
    return AuditAction.CHANGED


def _changed_entry(instance: Model, before: dict, after: dict, when, who) -> AuditEntry | None:
    changed = [name for name, value in after.items() if before.get(name) != value]
    if not changed:
        return None
    action = _change_action(before, after, changed)
    return _entry(instance, action, before, after, changed, when, who)


# --- signals -------------------------------------------------------------------------------


def _wanted(sender, raw: bool = False) -> bool:
    return not raw and actor.recording() and is_tracked(sender)


def _before_save(sender, instance, raw=False, **kwargs) -> None:
    if not _wanted(sender, raw):
        return
    before = None
    if not instance._state.adding and instance.pk is not None:
        before = stored_rows(sender, [instance.pk]).get(instance.pk)
    instance._audit_before = before


def _after_save(sender, instance, created, raw=False, update_fields=None, **kwargs) -> None:
    if not _wanted(sender, raw):
        return
    before = instance.__dict__.pop("_audit_before", None)
    now = snapshot(instance)
    if created or before is None:
        _write(
            [_entry(instance, AuditAction.CREATED, None, now, [], timezone.now(), actor.current())]
        )
        return
    after = dict(before)
    names = {instance._meta.get_field(n).attname for n in update_fields} if update_fields else now
    after.update({name: now[name] for name in names})
    entry = _changed_entry(instance, before, after, timezone.now(), actor.current())
    if entry is not None:
        _write([entry])


def _before_delete(sender, instance, **kwargs) -> None:
    if not _wanted(sender):
        return
    # Read now: the rows behind many-to-many fields go before post_delete.
    instance._audit_before = {
        **(stored_rows(sender, [instance.pk]).get(instance.pk) or snapshot(instance)),
        **member_ids(instance),
    }


def _after_delete(sender, instance, **kwargs) -> None:
    if not _wanted(sender):
        return
    before = instance.__dict__.pop("_audit_before", None) or snapshot(instance)
    _write(
        [_entry(instance, AuditAction.DELETED, before, None, [], timezone.now(), actor.current())]
    )


def _many_to_many_field(model, through):
    return next((f for f in model._meta.many_to_many if f.remote_field.through is through), None)


def _links(field, holder_ids: Iterable) -> dict:
    """{holder id: set of member ids} from the table behind a many-to-many field."""
    through = field.remote_field.through
    holder, member = field.m2m_field_name(), field.m2m_reverse_field_name()
    links: dict = {pk: set() for pk in holder_ids}
    rows = through._base_manager.filter(**{f"{holder}__in": list(links)}).values_list(
        holder, member
    )
    for holder_id, member_id in rows:
        links[holder_id].add(member_id)
    return links


def _members_changing(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    """Recorded before the rows change (the `pre_` signals), as the holder's field going from
    its current ids to the ids it will have; from either side of the relation."""
    if action not in {"pre_add", "pre_remove", "pre_clear"} or not actor.recording():
        return
    holder_model = model if reverse else type(instance)
    field = _many_to_many_field(holder_model, sender)
    if field is None or not is_tracked(holder_model):
        return
    pk_set = set(pk_set or ())
    if reverse:
        if action == "pre_clear":
            member = field.m2m_reverse_field_name()
            holders = set(
                sender._base_manager.filter(**{member: instance.pk}).values_list(
                    field.m2m_field_name(), flat=True
                )
            )
        else:
            holders = pk_set
        links = _links(field, holders)
        afters = {
            pk: (ids | {instance.pk}) if action == "pre_add" else (ids - {instance.pk})
            for pk, ids in links.items()
        }
        objects = holder_model._base_manager.in_bulk(list(links))
    else:
        links = _links(field, [instance.pk])
        ids = links[instance.pk]
        after = ids | pk_set if action == "pre_add" else ids - pk_set
        afters = {instance.pk: set() if action == "pre_clear" else after}
        objects = {instance.pk: instance}
    record_members(field, [(objects[pk], links[pk], afters[pk]) for pk in links if pk in objects])


# --- bulk writes ---------------------------------------------------------------------------


def record_members(field, changes: Iterable[tuple[Model, Iterable, Iterable]]) -> None:
    """One entry per holder whose ids of a many-to-many field change, from (holder, ids
    before, ids after)."""
    when, who = timezone.now(), actor.current()
    entries = []
    for holder, before_ids, after_ids in changes:
        before, after = sorted(before_ids), sorted(after_ids)
        if before != after:
            entries.append(
                _entry(
                    holder,
                    AuditAction.CHANGED,
                    {field.name: before},
                    {field.name: after},
                    [field.name],
                    when,
                    who,
                )
            )
    _write(entries)


def record_created(instances: Iterable[Model]) -> None:
    """Entries for rows written by bulk_create (their primary keys must be set)."""
    if not actor.recording():
        return
    when, who = timezone.now(), actor.current()
    _write([_entry(i, AuditAction.CREATED, None, snapshot(i), [], when, who) for i in instances])


def record_changed(changes: Iterable[tuple[dict, Model]], when=None) -> None:
    """Entries for rows written by bulk_update, from (snapshot before, instance after); at
    `when` where the change says its own moment (a paper's publication: made again as at that
    moment, the paper must be published), else now."""
    if not actor.recording():
        return
    when, who = when or timezone.now(), actor.current()
    entries = (_changed_entry(i, before, snapshot(i), when, who) for before, i in changes)
    _write([e for e in entries if e is not None])


def audited_update(queryset: QuerySet, **values) -> int:
    """QuerySet.update, with an entry for every row it changes."""
    model = queryset.model
    if not (actor.recording() and is_tracked(model)):
        return queryset.update(**values)
    pks = list(queryset.values_list("pk", flat=True))
    before = stored_rows(model, pks)
    count = model._base_manager.filter(pk__in=pks).update(**values)
    after = stored_rows(model, pks)
    objects = model._base_manager.in_bulk(pks)
    when, who = timezone.now(), actor.current()
    entries = (
        _changed_entry(objects[pk], before[pk], after[pk], when, who)
        for pk in pks
        if pk in objects and pk in before
    )
    _write([e for e in entries if e is not None])
    return count


def connect() -> None:
    uid = "scorecard.audit"
    pre_save.connect(_before_save, dispatch_uid=f"{uid}.pre_save")
    post_save.connect(_after_save, dispatch_uid=f"{uid}.post_save")
    pre_delete.connect(_before_delete, dispatch_uid=f"{uid}.pre_delete")
    post_delete.connect(_after_delete, dispatch_uid=f"{uid}.post_delete")
    m2m_changed.connect(_members_changing, dispatch_uid=f"{uid}.m2m_changed")
