"""Archive and restore pages: a confirmation page saying what archiving does, and the POST that
does it. Only the performance team for the item's plan (and admins) may; others get 403."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from scorecard.audit.archive import KINDS, ArchivableKind, Archive, ArchiveError, Restore
from scorecard.audit.locking import said_moment


def _found(kind_slug: str, key: str):
    kind = KINDS.get(kind_slug)
    if kind is None:
        raise Http404(f"There is nothing called {kind_slug!r} to archive")
    try:
        return kind, kind.find(key)
    except LookupError:
        raise Http404(f"There is no {kind.noun} {key!r}") from None


def _name(kind: ArchivableKind, item) -> str:
    return f"{kind.noun} {item}" if kind.lookup == "pk" else f"{kind.noun} {kind.key_of(item)}"


def archive(request, kind: str, key: str):
    return _archive_or_restore(request, kind, key, archiving=True)


def restore(request, kind: str, key: str):
    return _archive_or_restore(request, kind, key, archiving=False)


def _archive_or_restore(request, kind: str, key: str, *, archiving: bool):
    found_kind, item = _found(kind, key)
    operation = (Archive if archiving else Restore)(item, request.user)
    operation.check()
    if request.method == "POST":
        name = _name(found_kind, item).capitalize()
        try:
            operation.execute()
            messages.success(request, f"{name} {'archived' if archiving else 'restored'}")
        except ArchiveError:
            # Nothing was done: not a success (green), but nothing went wrong either.
            messages.info(
                request, f"{name} {'was already archived' if archiving else 'was not archived'}"
            )
        return redirect(_page_of(item))
    return _confirm(request, found_kind, item, archiving=archiving)


def _confirm(request, kind: ArchivableKind, item, *, archiving: bool):
    return render(
        request,
        "audit/_archive_confirm.html",
        {
            "kind": kind,
            "item": item,
            "key": kind.key_of(item),
            "archiving": archiving,
            "already": (item.archived_at is not None) == archiving,
            "archived_on": said_moment(item.archived_at) if item.archived_at else "",
            "back_url": _page_of(item),
        },
    )


def _page_of(item) -> str:
    """The item's own page; a programme has none, so the executive summary of its plan."""
    if hasattr(item, "get_absolute_url"):
        return item.get_absolute_url()
    return f"{reverse('executive_summary')}?{urlencode({'plan': item.plan.plan_id})}"
