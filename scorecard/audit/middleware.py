"""Knowing who makes each change, and showing the scorecard pages as at a past moment."""

from __future__ import annotations

from django.db import OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve

from scorecard.audit import actor
from scorecard.audit.rewind import as_at
from scorecard.audit.when import AsAtError, described, parse_as_at

# The pages that can be shown as they stood at a past moment (?as_at=...).
AS_AT_PAGES = {"overview", "outcome", "measure_list", "measure", "outcome_indicators"}


class AuditMiddleware:
    """Puts the request where the audit trail's signals can find its user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with actor.serving(request):
            return self.get_response(request)


class AsAtMiddleware:
    """`?as_at=2026-11-25T17:00` on a scorecard page: the page as it stood then, with a
    banner saying so. GET only; a time we cannot read is a 400 page saying why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        text = request.GET.get("as_at")
        if text is None or request.method not in {"GET", "HEAD"} or not _as_at_page(request):
            return self.get_response(request)
        try:
            moment = parse_as_at(text)
        except AsAtError as exc:
            reason = f"The as_at date and time in the web address: {exc}."
            return render(request, "400.html", {"reason": reason}, status=400)
        request.as_at = moment
        request.as_at_banner = _banner(request, moment)
        try:
            with as_at(moment):
                return self.get_response(request)
        except OperationalError:
            # The rewind met a row being saved at that moment (or a locked database).
            return busy(request)


def busy(request) -> HttpResponse:
    response = render(request, "503.html", status=503)
    response["Retry-After"] = "5"
    return response


def _as_at_page(request) -> bool:
    """A page that can be shown as at, to someone signed in: the public see only what is
    published now (anyone else is sent to sign in, or to the public scorecard, as without
    as_at)."""
    if not request.user.is_authenticated:
        return False
    try:
        return resolve(request.path_info).url_name in AS_AT_PAGES
    except Resolver404:
        return False


def _banner(request, moment) -> dict:
    """What base.html's banner says: the moment, and the same page as it is now."""
    now = request.GET.copy()
    now.pop("as_at")
    return {"moment": moment, "moment_words": described(moment), "now_query": now.urlencode()}
