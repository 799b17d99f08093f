"""`scorecard tenant list|add SLUG NAME|rename SLUG NAME|host SLUG [HOST]`: the councils."""

from __future__ import annotations

import argparse
import sys

from scorecard.cli.errors import CommandFailed
from scorecard.cli.options import tenant_named


def run(arguments: argparse.Namespace) -> int:
    from django.utils.text import slugify

    from scorecard.tenancy.models import Tenant

    if arguments.action == "list":
        Tenant.default()
        for tenant in Tenant.objects.order_by("pk"):
            print(f"{tenant.slug}\t{tenant.name}" + (f"\t{tenant.host}" if tenant.host else ""))
        return 0
    if arguments.action == "host":
        return _host(tenant_named(arguments.slug), arguments.name or "")
    if not arguments.slug or not arguments.name:
        raise CommandFailed(f"tenant {arguments.action} needs a SLUG and a NAME")
    if slugify(arguments.slug) != arguments.slug:
        raise CommandFailed(
            f"'{arguments.slug}' is not a short name: use lower-case letters, digits and hyphens"
        )
    if arguments.action == "add":
        Tenant.default()  # the data already here stays the first council's
        if Tenant.objects.filter(slug=arguments.slug).exists():
            raise CommandFailed(f"there is already a council '{arguments.slug}'")
        if Tenant.objects.filter(name=arguments.name).exists():
            raise CommandFailed(f"there is already a council named '{arguments.name}'")
        Tenant.objects.create(slug=arguments.slug, name=arguments.name)
        print(f"Added {arguments.name} ({arguments.slug})", file=sys.stderr)
        return 0
    tenant = tenant_named(arguments.slug)
    if Tenant.objects.filter(name=arguments.name).exclude(pk=tenant.pk).exists():
        raise CommandFailed(f"there is already a council named '{arguments.name}'")
    tenant.name = arguments.name
    tenant.save(update_fields=["name"])
    print(f"Renamed {arguments.slug}: {arguments.name}", file=sys.stderr)
    return 0


def _host(tenant, host: str) -> int:
    """Serve the council's public scorecard on its own host name (blank: on none)."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_domain_name

    from scorecard.tenancy.models import Tenant

    host = host.strip().lower()
    if host:
        try:
            validate_domain_name(host)
        except ValidationError:
            raise CommandFailed(
                f"'{host}' is not a host name, like scorecard.example.gov.uk"
            ) from None
        other = Tenant.objects.filter(host=host).exclude(pk=tenant.pk).first()
        if other is not None:
            raise CommandFailed(f"the host {host} is already the council '{other.slug}'s")
    tenant.host = host
    tenant.save(update_fields=["host"])
    done = f"serves its public scorecard on {host}" if host else "has no host name of its own"
    print(f"{tenant.name} ({tenant.slug}) {done}", file=sys.stderr)
    return 0
