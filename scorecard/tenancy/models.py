"""Councils on one instance: the tenant boundary (docs/decisions/0002-tenants.md).

`Plan`, `Organisation`, `Board` and `Person` hold a `tenant`; everything else belongs to a
tenant through its plan (a measure's plan, an observation's measure's plan…). Every such model's
manager and queryset is a `TenantQuerySet`:

- `for_tenant(tenant)` limits it to one tenant's rows (None: every tenant);
- while a tenant is active (`scope.active()`: set by `TenantMiddleware` for a signed-in member
  of a council on an instance of several), every queryset of these models is limited to that
  tenant's rows as it is made or chained, so another council's item is not found (a 404) and
  is in no list, report, choice or API answer.

Areas, comparator groups, indicators and area values are national statistics, shared by all.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

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


class TenantQuerySet(models.QuerySet):
    """A queryset of a tenant-owned model. The model says where its tenant is: `TENANT_PATH`
    ("tenant", "plan__tenant", "measure__plan__tenant"…)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._tenant_scoped: int | None = None

    def for_tenant(self, tenant) -> TenantQuerySet:
        """Only this tenant's rows (a Tenant or its pk); None: every tenant's."""
        if tenant is None:
            return self
        tenant_id = getattr(tenant, "pk", tenant)
        return self.filter(**{f"{self.model.TENANT_PATH}_id": tenant_id})

    def _clone(self):
        clone = super()._clone()
        clone._tenant_scoped = self._tenant_scoped
        return clone

    def _chain(self):
        return super()._chain()._within_active_tenant()

    def _within_active_tenant(self) -> TenantQuerySet:
        """Limit to the active tenant (in place), once. A queryset made when no tenant was
        active (a form's choices, an API view's queryset, made at import) is limited when it
        is chained in a request: ModelChoiceField and DRF both chain theirs with `.all()`."""
        tenant_id = scope.active_id()
        if tenant_id is None or self._tenant_scoped == tenant_id:
            return self
        query = self.query
        if query.is_sliced or query.combinator:
            return self
        self._filter_or_exclude_inplace(False, (), {f"{self.model.TENANT_PATH}_id": tenant_id})
        self._tenant_scoped = tenant_id
        return self


class TenantManager(models.Manager):
    def get_queryset(self):
        queryset = super().get_queryset()
        if isinstance(queryset, TenantQuerySet):
            queryset = queryset._within_active_tenant()
        return queryset


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
