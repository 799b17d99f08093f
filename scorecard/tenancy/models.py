"""Councils on one instance: the tenant boundary (docs/decisions/0002-tenants.md).

`Plan`, `Organisation`, `Board` and `Person` hold a `tenant`; everything else belongs to a
tenant through its plan (a measure's plan, an observation's measure's plan…). Every such model's
manager and queryset is a `TenantQuerySet`:

- `for_tenant(tenant)` limits it to one tenant's rows (None: every tenant);
- while a tenant is active (`scope.active()`: set by `TenantMiddleware` for a signed-in member
  of a council on an instance of several), every queryset of these models is limited to that
  tenant's rows as it is run (compiled into SQL), so another council's item is not found (a
  404) and is in no list, report, choice or API answer. Not as it is made: a queryset made
  once and kept (an API view's, a form's choices) must not keep the council of the request
  that happened to make it.

Areas, comparator groups, indicators and area values are national statistics, shared by all.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import sql

from scorecard.tenancy import scope

DEFAULT_SLUG = "default"


class Tenant(models.Model):
    """A council (or a partnership) on this instance: its plans, organisations, boards and
    people, and through its plans everything in them."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200, unique=True)
    # The host name the council's public scorecard is served on (scorecard.northshire.gov.uk),
    # lower case, without a port; blank for none.
    host = models.CharField(max_length=253, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["host"], condition=~models.Q(host=""), name="one_council_per_host"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def default(cls) -> Tenant:
        """The instance's first tenant, made (slug `default`) when there is none yet."""
        tenant = cls.objects.order_by("pk").first()
        if tenant is None:
            name = getattr(settings, "SCORECARD_DEFAULT_TENANT_NAME", "") or "Default council"
            tenant, _ = cls.objects.get_or_create(slug=DEFAULT_SLUG, defaults={"name": name})
        return tenant


def default_tenant_id() -> int | None:
    """The tenant a new plan, organisation, board or person goes into when none is given: the
    one acted for now (the signed-in person's, `scorecard import --tenant`). None when nobody
    is acted for: `fill_tenant` puts the default tenant in as the row is saved (so that an
    unsaved item can be made without the database)."""
    tenant = scope.home() or scope.active()
    return tenant.pk if tenant is not None else None


def fill_tenant(instance) -> None:
    """Before a row holding a tenant is written: the default tenant, if it names none."""
    if getattr(instance, "TENANT_PATH", None) == "tenant" and instance.tenant_id is None:
        instance.tenant_id = Tenant.default().pk


def _fill_tenant_before_saving(sender, instance, **kwargs) -> None:
    fill_tenant(instance)


def tenant_field() -> models.ForeignKey:
    return models.ForeignKey(
        Tenant, on_delete=models.PROTECT, default=default_tenant_id, related_name="+"
    )


class TenantQuery(sql.Query):
    """The SQL query of a tenant-owned model: limited to the active tenant as it is *run*
    (compiled into SQL), never as it is made. A queryset made once and kept (an API view's
    `queryset`, a serializer's or a form's choices, made at import inside whichever request
    came first) so holds no council: each request that runs it sees its own council's rows."""

    # The tenant whose limit is already in the WHERE clause (an update or a delete, which
    # leave this class), else None.
    tenant_applied: int | None = None

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return super(TenantQuery, self.within_active_tenant()).get_compiler(
            using, connection, elide_empty
        )

    def within_active_tenant(self) -> TenantQuery:
        """This query limited to the active tenant: a copy with the limit added, or itself
        when no tenant is active, the limit is there already, or it is a union of queries
        (each of which is limited as it is run)."""
        tenant_id = scope.active_id()
        if tenant_id is None or self.tenant_applied == tenant_id or self.combinator:
            return self
        path = getattr(self.model, "TENANT_PATH", None)
        if path is None:
            return self
        query = self.clone()
        before = set(query.alias_map)
        query.add_q(models.Q(**{f"{path}_id": tenant_id}))
        # A join the limit adds takes the table's own name as its alias when the query has
        # none for it yet. In a subquery that name could hide the same table of the outer
        # query (a correlated reference to it), so new joins get names of this query's
        # prefix, as Django gives a subquery's own tables ("U3"), with a letter between
        # ("UL1") so that none is the name Django gives a join it adds later ("U4").
        added = [alias for alias in query.alias_map if alias not in before]
        if added:
            taken = set(query.alias_map)
            renames: dict[str, str] = {}
            number = 0
            for alias in added:
                while f"{query.alias_prefix}L{number}" in taken:
                    number += 1
                renames[alias] = f"{query.alias_prefix}L{number}"
                taken.add(renames[alias])
            query.change_aliases(renames)
        query.tenant_applied = tenant_id
        return query


class TenantQuerySet(models.QuerySet):
    """A queryset of a tenant-owned model. The model says where its tenant is: `TENANT_PATH`
    ("tenant", "plan__tenant", "measure__plan__tenant"…). Its query is a `TenantQuery`, so it
    is limited to the tenant active when it is run, whenever it was made."""

    def __init__(self, model=None, query=None, using=None, hints=None) -> None:
        if query is None and model is not None:
            query = TenantQuery(model)
        super().__init__(model=model, query=query, using=using, hints=hints)

    def for_tenant(self, tenant) -> TenantQuerySet:
        """Only this tenant's rows (a Tenant or its pk); None: every tenant's."""
        if tenant is None:
            return self
        tenant_id = getattr(tenant, "pk", tenant)
        return self.filter(**{f"{self.model.TENANT_PATH}_id": tenant_id})

    def _limited_now(self) -> TenantQuerySet:
        """A copy with the active tenant's limit in its WHERE clause: for updates and raw
        deletes, whose SQL is made by query classes other than `TenantQuery`."""
        clone = self._chain()
        if isinstance(clone.query, TenantQuery):
            clone._query = clone.query.within_active_tenant()
        return clone

    def update(self, **kwargs):
        return super(TenantQuerySet, self._limited_now()).update(**kwargs)

    update.alters_data = True  # type: ignore[attr-defined]

    def _update(self, values):
        return super(TenantQuerySet, self._limited_now())._update(values)

    _update.alters_data = True  # type: ignore[attr-defined]
    _update.queryset_only = False  # type: ignore[attr-defined]

    def _raw_delete(self, using):
        return super(TenantQuerySet, self._limited_now())._raw_delete(using)

    _raw_delete.alters_data = True  # type: ignore[attr-defined]


class TenantManager(models.Manager):
    """The manager of a tenant-owned model; its querysets are limited as they are run."""


_COMBINED: dict[type, type] = {}


def tenant_manager(queryset_class: type[models.QuerySet] | None = None) -> TenantManager:
    """The manager for a tenant-owned model, keeping any queryset methods of its own
    (`current()` of an archivable model…)."""
    if queryset_class is None:
        return TenantManager.from_queryset(TenantQuerySet)()
    if queryset_class not in _COMBINED:
        name = f"Tenant{queryset_class.__name__}"
        _COMBINED[queryset_class] = type(name, (TenantQuerySet, queryset_class), {})
    return TenantManager.from_queryset(_COMBINED[queryset_class])()


def users_in(tenant):
    """The sign-ins of one council: those whose Person is in it (and, for the default tenant,
    sign-ins with no Person, which belong to it), but not the instance's superusers. None, or
    an instance whose queries are not limited (one tenant): every sign-in."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    users = get_user_model().objects.all()
    if tenant is None or scope.active() is None:
        return users
    belongs = Q(person__tenant=tenant)
    if tenant.pk == Tenant.default().pk:
        belongs |= Q(person__isnull=True)
    return users.filter(belongs, is_superuser=False)
