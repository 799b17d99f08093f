"""The audit trail: one row for every change to every tracked item, kept for good."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    ARCHIVED = "archived", "Archived"
    RESTORED = "restored", "Restored"
    DELETED = "deleted", "Deleted"


class AuditEntry(models.Model):
    """Who changed what, when, from what to what.

    `before` and `after` hold every concrete field by its column name (foreign keys as ids)
    and, where a many-to-many field changed or a row was deleted, its ids as a sorted list:
    enough both to describe the change in words and to undo it (scorecard.audit.rewind)."""

    when = models.DateTimeField(db_index=True)
    # Kept as well as the name: the name stays when the sign-in is removed. No constraint in
    # the database: Django sets it to null when a sign-in goes, and the database's check of
    # each entry would cost a bulk load of a million observations seconds for nothing.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
    )
    who = models.CharField(max_length=300)
    # The model's label in lower case, e.g. "measures.observation".
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    label = models.CharField(max_length=300, blank=True)
    # The item whose page shows this entry too (a measure for its observations and targets);
    # kept on the entry so deleted children still show.
    parent_model = models.CharField(max_length=100, blank=True)
    parent_id = models.CharField(max_length=64, blank=True)
    action = models.CharField(max_length=10, choices=AuditAction.choices)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    changed = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-when", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [
            models.Index(fields=["model", "object_id", "when"], name="audit_item"),
            models.Index(fields=["parent_model", "parent_id", "when"], name="audit_parent"),
        ]

    def __str__(self) -> str:
        return f"{self.when:%Y-%m-%d %H:%M} {self.who} {self.action} {self.model} {self.label}"
