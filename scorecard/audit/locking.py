"""Optimistic locking: two people editing the same item, the second save is refused, and
nothing is lost.

A change form carries a hidden `edit_token`: a hash of the item's row as stored when the form
was opened (every concrete field, and the ids of its many-to-many links). On saving, the token
is checked against the row as stored now; if someone else saved in between, the form is
refused with a message saying who and when (when the audit trail knows), and re-rendered with
the person's own input and a fresh token, so they can apply their changes again on purpose.

The check runs twice: in `clean()`, so the refusal comes with the form's other errors, and in
`save_unless_changed()`, inside the save's transaction with the row locked (SELECT … FOR UPDATE
on PostgreSQL), so no change can slip in between the check and the write.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from django import forms
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, FieldError
from django.db import DatabaseError, IntegrityError, models, transaction
from django.utils import timezone
from django.utils.text import capfirst

TOKEN_FIELD = "edit_token"  # noqa: S105 - a form field name, not a secret  # nosec B105


def stored_values(model: type[models.Model], pk, *, lock: bool = False) -> dict | None:
    """The row as stored now, field by field, M2M links as sorted id lists; None if gone."""
    rows = model._default_manager.filter(pk=pk)
    if lock:
        rows = rows.select_for_update()
    names = [field.attname for field in model._meta.concrete_fields]
    row = rows.values(*names).first()
    if row is None:
        return None
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        links = through._default_manager.filter(**{field.m2m_field_name(): pk})
        row[field.name] = sorted(links.values_list(field.m2m_reverse_field_name(), flat=True))
    return row


def token_of(values: dict | None) -> str:
    if values is None:
        return ""
    text = json.dumps(values, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def edit_token(instance: models.Model, *, lock: bool = False) -> str:
    """A hash of the stored row of `instance` (not of its unsaved attributes); "" for new."""
    if instance.pk is None:
        return ""
    return token_of(stored_values(type(instance), instance.pk, lock=lock))


# --- Saying who changed it and when ------------------------------------------------------------


def said_moment(moment: datetime) -> str:
    """'3 March 2026 at 10:02', in the council's time zone."""
    local = timezone.localtime(moment)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def last_change(instance: models.Model) -> tuple[str | None, datetime | None]:
    """Who last changed the item and when, from the audit trail (scorecard.audit.models)."""
    try:
        entries = apps.get_model("audit", "AuditEntry")
        found = (
            entries._default_manager.filter(
                model=instance._meta.label_lower, object_id=str(instance.pk)
            )
            .order_by("-when", "-pk")
            .first()
        )
    except (LookupError, FieldError, DatabaseError):
        # No trail to ask: the message says what it can without one.
        return None, None
    if found is None:
        return None, None
    return (found.who or None), found.when


def conflict_message(instance: models.Model, noun: str) -> str:
    who, when = last_change(instance)
    moment = f" on {said_moment(when)}" if when else ""
    if who:
        opening = f"{who} changed this {noun}{moment} while you were editing."
    elif when:
        opening = f"This {noun} was changed{moment} while you were editing."
    else:
        opening = f"Someone else changed this {noun} while you were editing."
    return (
        f"{capfirst(opening)} Your changes have not been saved; "
        "they are shown below so you can apply them again."
    )


# --- Showing what is saved now ---------------------------------------------------------------

SHOWN_CHARACTERS = 150


def _text_of(value, model_field) -> str:
    """One way to write a value, stored or sent, so the two can be compared and shown."""
    if value is None:
        return ""
    if isinstance(value, models.QuerySet | list | tuple | set):
        return ", ".join(sorted(str(v) for v in value))
    if model_field.choices and not model_field.is_relation:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)


def _stored_text(stored: models.Model, model_field) -> str:
    if model_field.many_to_many:
        return _text_of(list(getattr(stored, model_field.name).all()), model_field)
    return _text_of(getattr(stored, model_field.name), model_field)


def _sent_text(value, model_field) -> str:
    if model_field.many_to_many and value is None:
        return ""
    return _text_of(value, model_field)


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CHARACTERS else f"{text[: SHOWN_CHARACTERS - 1]}…"


# --- The form mixin ----------------------------------------------------------------------------


class EditConflict(Exception):
    """The item was saved by someone else after this form was opened."""


class EditTokenMixin:
    """Mixed into a ModelForm (before the form class): a hidden edit token for an existing
    item, checked in `clean()` and again, with the row locked, in `save_unless_changed()`."""

    # How messages name the item: "project", "milestone", "risk"…
    locked_noun = "item"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[TOKEN_FIELD] = forms.CharField(
                widget=forms.HiddenInput,
                required=False,
                initial=self.stored_token(),
            )

    def stored_token(self, *, lock: bool = False) -> str:
        """The token of the item as stored now. A form that saves rows of more than one item
        (a paper and its implications) says so here, so a change to any of them is caught."""
        return edit_token(self.instance, lock=lock)

    @property
    def _editing(self) -> bool:
        """An existing item, sent with a token. A post without one (a script, a page from
        before tokens) is not checked: locking guards people's work, it is not a permission."""
        return (
            self.instance.pk is not None
            and TOKEN_FIELD in self.fields
            and self.add_prefix(TOKEN_FIELD) in self.data
        )

    def _sent_token(self) -> str:
        return str(self.data.get(self.add_prefix(TOKEN_FIELD), ""))

    def _refuse(self, current: str) -> None:
        """The conflict error, what is saved now where it differs from this person's input,
        and a fresh token so a deliberate second save goes through."""
        self.add_error(None, conflict_message(self.instance, self.locked_noun))
        for line in self._differences():
            self.add_error(None, line)
        data = self.data.copy()
        data[self.add_prefix(TOKEN_FIELD)] = current
        self.data = data

    def _differences(self) -> list[str]:
        """'Title is now saved as: …' for each field where the stored item now differs from
        what this person sent, so they see the other change without leaving the page."""
        model = type(self.instance)
        stored = model._default_manager.filter(pk=self.instance.pk).first()
        if stored is None:
            return []
        lines = []
        for name, field in self.fields.items():
            if name == TOKEN_FIELD or field.disabled or name not in self.cleaned_data:
                continue
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            now = _stored_text(stored, model_field)
            if now != _sent_text(self.cleaned_data[name], model_field):
                label = field.label or capfirst(model_field.verbose_name)
                lines.append(f"{label} is now saved as: {_shortened(now) or 'nothing'}")
        return lines

    def clean(self) -> dict:
        cleaned = super().clean()
        if self._editing:
            current = self.stored_token()
            if self._sent_token() != current:
                self._refuse(current)
        return cleaned

    def save_unless_changed(self, save=None):
        """Save (with `save`, by default the form's own) unless the stored row changed since
        the form was opened: then None, with the refusal on the form. A clash with a row saved
        meanwhile under the same unique name is refused the same way, never a server error."""
        save = save or self.save
        try:
            with transaction.atomic():
                if self._editing:
                    current = self.stored_token(lock=True)
                    if self._sent_token() != current:
                        raise EditConflict(current)
                return save()
        except EditConflict as conflict:
            self._refuse(str(conflict))
        except IntegrityError:
            self.add_error(
                None,
                f"Another {self.locked_noun} with the same reference or name was saved just now, "
                f"so this {self.locked_noun} has not been saved. Change it and try again.",
            )
        return None
