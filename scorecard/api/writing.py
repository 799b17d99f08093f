"""How every API write happens: fill the item in, check who may write it, check the database's
rules, then save it and its lists of links, all or nothing.

Each item is saved with `save()` one at a time (never queryset.update() or bulk_*), so the
audit trail's signals see every change and who made it."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, models, transaction
from rest_framework import serializers

from scorecard.api.permissions import may_change, may_create, refuse_unless
from scorecard.core.periods import Period


def _as_drf(exc: DjangoValidationError) -> serializers.ValidationError:
    if hasattr(exc, "error_dict"):
        detail = {
            ("non_field_errors" if field == "__all__" else field): [
                message for error in errors for message in error.messages
            ]
            for field, errors in exc.error_dict.items()
        }
        return serializers.ValidationError(detail)
    return serializers.ValidationError({"non_field_errors": exc.messages})


def _same(old, new) -> bool:
    if isinstance(new, Period):
        return old == new.label
    if isinstance(old, models.Model) or isinstance(new, models.Model):
        return getattr(old, "pk", old) == getattr(new, "pk", new)
    return old == new


class WritingSerializer(serializers.ModelSerializer):
    """A model serializer whose writes go through the permission rules and the model's own
    constraints, so a refused or clashing write is a 403 or 400 and nothing is written."""

    def get_validators(self) -> list:
        # The model's unique-together constraints are checked on the filled-in item instead
        # (see _write), where periods are already canonical labels.
        return []

    # --- hooks for subclasses -------------------------------------------------------------

    def fill(self, instance: models.Model, values: dict) -> None:
        """Set the given values on the item (periods through set_period)."""
        for name, value in values.items():
            if isinstance(value, Period) and hasattr(instance, "set_period"):
                instance.set_period(value)
            else:
                setattr(instance, name, value)

    def before_save(self, instance: models.Model, creating: bool) -> None:
        """Anything to do once the write is allowed and valid, before saving."""

    # --- the write ------------------------------------------------------------------------

    def create(self, validated_data: dict) -> models.Model:
        links = self._pop_links(validated_data)
        instance = self.Meta.model()
        self.fill(instance, validated_data)
        refuse_unless(may_create(self._user(), instance))
        return self._write(instance, links, creating=True)

    def update(self, instance: models.Model, validated_data: dict) -> models.Model:
        links = self._pop_links(validated_data)
        changed = {
            name
            for name, value in validated_data.items()
            if not _same(getattr(instance, name), value)
        }
        changed |= {
            name
            for name, items in links.items()
            if set(getattr(instance, name).values_list("pk", flat=True)) != {i.pk for i in items}
        }
        # Checked on the item as it stood (by the permission class) and again as it will be,
        # so nothing can be moved into someone else's measure or plan.
        refuse_unless(may_change(self._user(), instance, frozenset(changed)))
        self.fill(instance, validated_data)
        refuse_unless(may_change(self._user(), instance, frozenset(changed)))
        return self._write(instance, links, creating=False)

    def _user(self):
        return self.context["request"].user

    def _pop_links(self, validated_data: dict) -> dict:
        many = {f.name for f in self.Meta.model._meta.many_to_many}
        return {name: validated_data.pop(name) for name in list(validated_data) if name in many}

    def _write(self, instance: models.Model, links: dict, creating: bool) -> models.Model:
        try:
            instance.validate_unique()
            instance.validate_constraints()
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None
        try:
            with transaction.atomic():
                self.before_save(instance, creating)
                instance.save()
                for name, items in links.items():
                    getattr(instance, name).set(items)
        except IntegrityError:
            # Someone else saved a clashing item between the check above and this save.
            raise serializers.ValidationError(
                {"non_field_errors": ["This clashes with an item saved just now: try again"]}
            ) from None
        return instance
