"""An item's audit trail in words, for the History section of its page:
"Value for Q2 2019/20 revised from 49.7% to 49.9% by Jenny Thompson (owner) on 3 March 2026
at 10:02"."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils import timezone

from scorecard.audit import registry
from scorecard.audit.models import AuditAction, AuditEntry
from scorecard.audit.registry import label_of
from scorecard.audit.rewind import current_moment
from scorecard.audit.values import decode
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import PeriodError
from scorecard.core.units import plain_number

SHOWN = 50
# These columns follow from others: not news on a page. (Models kept for the record but not
# shown are registered by their apps: registry.tell_history_as(label, NOT_SHOWN).)
QUIET_FIELDS = {
    "id",
    # How a figure was written shows in the figure itself ("58%" or "58.0%").
    "written_decimals",
    "decimals_from_figures",
    "entered_by",
    "entered_at",
    "order",
    "from_month",
    "period_kind",
    "period_first_month",
    "period_months",
    "period_last_month",
}
# Longer than this, a value is not repeated in the sentence: "Commentary changed".
LONGEST_QUOTED = 60
MEASURE_FIGURES = {"value", "numerator", "denominator"}
PROVISIONAL = "provisional"
# What a submission's state says on the item's page (a cycle's submission: its State).
DECISIONS = {
    "submitted": "sent for approval",
    "approved": "approved",
    "returned": "returned to its owner",
}


@dataclass(frozen=True)
class HistoryLine:
    when: datetime.datetime
    who: str
    what: str

    @property
    def on(self) -> str:
        local = timezone.localtime(self.when)
        return f"{local.day} {local:%B %Y} at {local:%H:%M}"

    @property
    def sentence(self) -> str:
        return f"{self.what} by {self.who} on {self.on}"


def history_for(
    item: models.Model, limit: int = SHOWN, *, hide_provisional: bool = False
) -> list[HistoryLine]:
    """The latest changes to the item and to the things its page shows with it, newest
    first. `hide_provisional`: for a reader who sees approved figures only, a figure that was
    provisional is said to have changed, without saying what it was."""
    label, pk = label_of(type(item)), str(item.pk)
    entries = AuditEntry.objects.filter(
        Q(model=label, object_id=pk) | Q(parent_model=label, parent_id=pk)
    ).exclude(model__in=registry.not_in_history())
    moment = current_moment()
    if moment is not None:
        # A page as at a past moment: its history up to then.
        entries = entries.filter(when__lte=moment)
    entries = entries.order_by("-when", "-id")[:limit]
    words = _Words(item, hide_provisional)
    lines = [(e, words.of(e)) for e in entries]
    return [HistoryLine(e.when, e.who, what) for e, what in lines if what]


def _period(label: str) -> str:
    try:
        return parse_period(label).display
    except PeriodError:
        return label


class _Words:
    def __init__(self, item: models.Model, hide_provisional: bool = False) -> None:
        self.item = item
        self.hide_provisional = hide_provisional
        # How the item's figures (a measure's) are written, for the figures in its history.
        self.writers = registry.figure_writers(label_of(type(item)))
        self.related_names: dict = {}

    def of(self, entry: AuditEntry) -> str:
        """The entry in words; "" for one not worth a line."""
        model = apps.get_model(entry.model)
        values = entry.after or entry.before or {}
        own = entry.model == label_of(type(self.item)) and entry.object_id == str(self.item.pk)
        way = registry.history_way(entry.model)
        if way == registry.FIGURE:
            return self._observation(model, entry, values)
        if way == registry.DECISION:
            return self._decision(entry, values)
        if way == registry.TARGET:
            return self._target(model, entry, values)
        thing = model._meta.verbose_name.capitalize()
        if not own:
            thing = f"{thing} “{entry.label}”"
        if entry.action == AuditAction.CREATED:
            return f"{thing} added"
        if entry.action == AuditAction.DELETED:
            return f"{thing} deleted"
        if entry.action == AuditAction.ARCHIVED:
            return f"{thing} archived"
        if entry.action == AuditAction.RESTORED:
            return f"{thing} brought back from the archive"
        changes = self._changes(model, entry, "changed")
        prefix = "" if own else f"{thing}: "
        return prefix + (_joined(changes) if changes else f"{thing} updated")

    def _observation(self, model, entry: AuditEntry, values: dict) -> str:
        where = _period(values.get("period", ""))
        if values.get("breakdown"):
            where = f"{where} ({values['breakdown']})"
        if self.hide_provisional and PROVISIONAL in (
            (entry.before or {}).get("approval"),
            (entry.after or {}).get("approval"),
        ):
            if entry.action == AuditAction.CREATED:
                return f"Provisional value for {where} entered, awaiting approval"
            if entry.changed == ["approval"]:
                return ""  # the decision on the submission says it
            return f"Provisional value for {where} changed, awaiting approval"
        if entry.action == AuditAction.CREATED:
            if values.get("value") is not None:
                return f"Value for {where} entered as {self._figure(model, 'value', values)}"
            return f"Value for {where} entered as {self._shown(model, 'status', values)}"
        if entry.action == AuditAction.DELETED:
            return f"Value for {where} deleted"
        if set(entry.changed) <= QUIET_FIELDS | {"approval"} and "approval" in entry.changed:
            return ""  # approved or returned: the decision on the submission says it
        changes = self._changes(model, entry, "revised", subject=f" for {where}")
        return _joined(changes) if changes else f"Value for {where} updated"

    def _decision(self, entry: AuditEntry, values: dict) -> str:
        """A submission sent in, approved or returned (a draft is not news)."""
        before = (entry.before or {}).get("state")
        state = values.get("state")
        if state == before or state not in DECISIONS:
            return ""
        thing = "Update"
        if values.get("measure_id"):
            thing = f"Value for {_period(values.get('period', ''))}"
        said = f"{thing} {DECISIONS[state]}"
        comment = (values.get("comment") or "").strip()
        if state == "returned" and comment:
            if len(comment) > LONGEST_QUOTED:
                comment = comment[: LONGEST_QUOTED - 1].rstrip() + "…"
            said += f": ‘{comment}’"
        return said

    def _target(self, model, entry: AuditEntry, values: dict) -> str:
        start = values.get("from_period")
        where = f"from {_period(start)}" if start else "from the start"
        if entry.action == AuditAction.DELETED:
            return f"Target {where} removed"
        if entry.action == AuditAction.CREATED:
            return f"Target {where} set to {self._figure(model, 'value', values)}"
        before, after = (self._figure(model, "value", v) for v in (entry.before, entry.after))
        return f"Target {where} changed from {before} to {after}"

    def _changes(self, model, entry: AuditEntry, verb: str, subject: str = "") -> list[str]:
        said = []
        for name in entry.changed:
            if name in QUIET_FIELDS:
                continue
            field = _field(model, name)
            what = (field.verbose_name if field else name.replace("_", " ")).capitalize()
            before = self._shown(model, name, entry.before or {})
            after = self._shown(model, name, entry.after or {})
            if before is None or after is None:
                said.append(f"{what}{subject} changed")
            else:
                said.append(f"{what}{subject} {verb} from {before} to {after}")
        return said

    def _figure(self, model, name: str, values: dict) -> str:
        raw = values.get(name)
        if raw is None:
            return "no value"
        try:
            number = Decimal(raw)
        except (InvalidOperation, TypeError):
            return str(raw)
        if self.writers is None or name != "value":
            return plain_number(number)
        figure, target = self.writers
        if registry.history_way(label_of(model)) == registry.TARGET:
            return target(self.item, number)  # as set, not padded to the figures' decimals
        return figure(self.item, number, values.get("written_decimals"))

    def _shown(self, model, name: str, values: dict) -> str | None:
        """The value in words; None when it is too long to repeat."""
        raw = values.get(name)
        field = _field(model, name)
        if registry.history_way(label_of(model)) == registry.FIGURE and name in MEASURE_FIGURES:
            return self._figure(model, name, values)
        if isinstance(field, models.ManyToManyField):
            return self._names(field.related_model, raw or []) or "nobody"
        if raw is None or raw == "":
            return "blank"
        if field is None:
            return str(raw)
        if field.is_relation:
            return self._names(field.related_model, [raw]) or "blank"
        return _plain_value(field, raw)

    def _names(self, model, pks: list) -> str:
        known = self.related_names.setdefault(model, {})
        missing = [pk for pk in pks if pk not in known]
        if missing:
            known.update({o.pk: str(o) for o in model._base_manager.filter(pk__in=missing)})
        names = [known.get(pk, f"#{pk} (since removed)") for pk in pks]
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])} and {names[-1]}"


def _plain_value(field, raw) -> str | None:
    if field.choices:
        return str(dict(field.flatchoices).get(raw, raw))
    if isinstance(field, models.BooleanField):
        return "yes" if raw else "no"
    if isinstance(field, models.DateTimeField):
        local = timezone.localtime(decode(field, raw))
        return f"{local.day} {local:%B %Y} at {local:%H:%M}"
    if isinstance(field, models.DateField):
        day = decode(field, raw)
        return f"{day.day} {day:%B %Y}"
    text = str(raw)
    if isinstance(field, models.TextField) or len(text) > LONGEST_QUOTED:
        return None
    return f"‘{text}’" if isinstance(field, models.CharField) else text


def _field(model, name: str):
    try:
        return model._meta.get_field(name)
    except Exception:  # noqa: BLE001 -- a column since removed from the model
        for field in model._meta.concrete_fields:
            if field.attname == name:
                return field
        return None


def _joined(changes: list[str]) -> str:
    """'Value revised from 1 to 2 and commentary changed': one sentence for one save."""
    if len(changes) == 1:
        return changes[0]
    rest = [change[0].lower() + change[1:] for change in changes[1:]]
    if len(rest) == 1:
        return f"{changes[0]} and {rest[0]}"
    return "; ".join([changes[0], *rest[:-1]]) + f"; and {rest[-1]}"
