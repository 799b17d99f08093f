"""Options several commands share, read once Django is set up: --tenant, --as-at, --plan and
--period, each refused with a clear reason when it names nothing."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from scorecard.cli.errors import CommandFailed


def tenant_named(slug: str | None):
    """The tenant a --tenant option names (None when not given)."""
    if not slug:
        return None
    from scorecard.tenancy.models import Tenant

    tenant = Tenant.objects.filter(slug=slug).first()
    if tenant is None:
        known = ", ".join(Tenant.objects.values_list("slug", flat=True)) or "none yet"
        raise CommandFailed(f"--tenant: there is no council '{slug}' (councils: {known})")
    return tenant


def as_tenant(arguments: argparse.Namespace, command: Callable[[argparse.Namespace], int]) -> int:
    """Run an export or report as one council (--tenant): only its plans and items."""
    from contextlib import nullcontext

    from scorecard.tenancy.scope import acting_for

    tenant = tenant_named(arguments.tenant)
    with acting_for(tenant) if tenant is not None else nullcontext():
        return command(arguments)


def as_at_moment(arguments: argparse.Namespace):
    """The moment --as-at names, else None."""
    from scorecard.audit.when import AsAtError, parse_as_at

    if arguments.as_at is None:
        return None
    try:
        return parse_as_at(arguments.as_at)
    except AsAtError as exc:
        raise CommandFailed(f"--as-at: {exc}") from None


def check_plan(plan_id: str | None) -> None:
    if plan_id:
        from scorecard.framework.models import Plan

        if not Plan.objects.filter(plan_id=plan_id).exists():
            known = ", ".join(Plan.objects.values_list("plan_id", flat=True)) or "none yet"
            raise CommandFailed(f"--plan: there is no plan '{plan_id}' (plans: {known})")


def check_period(text: str | None) -> None:
    """Every export reads --period in any form DESIGN §4 accepts, and refuses one it cannot
    read, whatever the kind: a mistyped period must never give an export silently unfiltered
    or empty. (Comparisons read Fingertips' forms too: they check their own.)"""
    from scorecard.benchmarking.fingertips import read_period
    from scorecard.core.periods import PeriodError

    if text is None:
        return
    try:
        read_period(text)
    except PeriodError as exc:
        raise CommandFailed(f"--period: {exc}") from None


def period_option(text: str):
    """The period --period names, for the commands that need one (scorecard, reports)."""
    from scorecard.core.period_parser import parse_period
    from scorecard.core.periods import PeriodError

    try:
        return parse_period(text)
    except PeriodError as exc:
        raise CommandFailed(f"--period: {exc}") from None
