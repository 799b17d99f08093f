"""Storage for a date and its revisions, shared by milestones and actions."""

from __future__ import annotations

from datetime import date

from django.db import models

from scorecard.core.action_flags import Timescale
from scorecard.core.ratings import Rag

STATUS_CHOICES = [(rag.value, f"{rag.label} ({rag.value})") for rag in Rag]


class RevisedDates(models.Model):
    """A first due date and every later revision of it, oldest first (kept as ISO dates, since
    the history is only ever appended to and read whole)."""

    due = models.DateField(null=True, blank=True)
    revised_due = models.JSONField(default=list, blank=True)

    class Meta:
        abstract = True

    @property
    def revisions(self) -> tuple[date, ...]:
        return tuple(date.fromisoformat(day) for day in self.revised_due)

    @property
    def timescale(self) -> Timescale:
        return Timescale(self.due, self.revisions)

    @property
    def timescale_chain(self) -> tuple[date, ...]:
        """The original date then each revision: 01.03.2018 → 01.06.2018."""
        return (self.due, *self.revisions) if self.due else self.revisions

    @property
    def current_due(self) -> date | None:
        return self.timescale.current

    def revise(self, revisions: tuple[date, ...]) -> None:
        """Record the revisions a file gives without ever removing history: a file holding the
        whole history (as exports write it) extends it; a file giving other dates adds its
        latest date as one more revision."""
        known = list(self.revised_due)
        given = [day.isoformat() for day in revisions]
        if known[: len(given)] == given:
            return
        if given[: len(known)] == known:
            self.revised_due = given
        elif given[-1] != known[-1]:
            self.revised_due = [*known, given[-1]]
