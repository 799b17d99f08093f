"""Reminder emails: on each of a cycle's reminder dates, every owner with items still due hears
what they are, once."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from scorecard.audit.capture import audited_update
from scorecard.core.wording import plural
from scorecard.cycles.due import DUE, RETURNED, days_phrase, due_items
from scorecard.cycles.models import Reminder


def email_of(person) -> str:
    if person.email:
        return person.email
    user = getattr(person, "user", None)
    return user.email if user is not None and user.email else ""


def _message(person, cycle, items, today: date) -> str:
    deadline = cycle.deadline
    lines = [
        f"Dear {person.name},",
        "",
        f"The {cycle.plan.name} reporting cycle for {cycle.period_obj.display} needs these from "
        f"you by {deadline:%A} {deadline.day} {deadline:%B %Y} ({days_phrase(cycle, today)}):",
        "",
    ]
    for item in items:
        returned = " (returned to you: see the comment)" if item.state == RETURNED else ""
        lines.append(f"- {item.kind_label}: {item.title}{returned}")
    lines += [
        "",
        "Sign in to Civic Scorecard and open My updates to enter them, or download the Excel "
        "workbook there, fill it in and upload it.",
        "",
        "The performance team",
    ]
    return "\n".join(lines)


def send_reminders(today: date) -> list[str]:
    """Send the reminders due today that have not been sent; a line for each thing done."""
    done = []
    reminders = Reminder.objects.filter(on=today, sent_at__isnull=True, cycle__closed=False)
    for reminder in reminders.select_related("cycle__plan"):
        cycle = reminder.cycle
        with transaction.atomic():
            # Claim the reminder first, so a second run at the same time sends nothing: the row
            # is locked, and a run that waited for the lock finds sent_at set and claims nothing.
            claim = Reminder.objects.select_for_update().filter(
                pk=reminder.pk, sent_at__isnull=True
            )
            claimed = audited_update(claim, sent_at=timezone.now())
            if not claimed:
                continue
            waiting: dict[int, tuple] = {}
            for item in due_items(cycle):
                if item.state not in (DUE, RETURNED):
                    continue
                for person in item.owners:
                    waiting.setdefault(person.pk, (person, []))[1].append(item)
            sent = 0
            for person, items in waiting.values():
                address = email_of(person)
                if not address:
                    done.append(f"{cycle}: {person.name} has no email address, not reminded")
                    continue
                send_mail(
                    f"Reminder: {len(items)} {plural(len(items), 'update')} due by "
                    f"{cycle.deadline.day} {cycle.deadline:%B %Y}",
                    _message(person, cycle, items, today),
                    settings.DEFAULT_FROM_EMAIL,
                    [address],
                )
                sent += 1
            done.append(f"{cycle}: reminded {sent} {plural(sent, 'owner')}")
    return done
