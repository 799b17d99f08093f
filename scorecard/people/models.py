"""The people who own measures, projects, actions and risks."""

from django.conf import settings
from django.db import models

from scorecard.framework.models import Organisation, Plan
from scorecard.tenancy.models import tenant_field, tenant_manager


class Person(models.Model):
    TENANT_PATH = "tenant"
    tenant = tenant_field()
    person_id = models.CharField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=300, blank=True)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    email = models.EmailField(blank=True)
    # The sign-in this person uses, if any: how the owner of an item is known when they sign in.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    # For a member of the performance team: the plans they look after (none listed: every plan).
    plans = models.ManyToManyField(Plan, blank=True, related_name="performance_team")

    objects = tenant_manager()

    class Meta:
        ordering = ["name", "person_id"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    @property
    def described(self) -> str:
        """'Jenny Thompson, Operational Manager Public Health West (Somerset County Council)'."""
        parts = [self.name]
        if self.job_title:
            parts.append(f", {self.job_title}")
        if self.organisation_id:
            parts.append(f" ({self.organisation})")
        return "".join(parts)
