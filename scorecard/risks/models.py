"""The risk register: risks, their dated assessments and the programmes they threaten."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from scorecard.audit.archive import ArchivableQuerySet
from scorecard.core.risk_scoring import DEFAULT_BANDS, RiskBand, parse_bands, risk_band, risk_score
from scorecard.framework.models import Organisation, Plan, Programme
from scorecard.people.models import Person
from scorecard.tenancy.models import tenant_manager


def configured_bands() -> tuple[RiskBand, ...]:
    """SCORECARD_RISK_BANDS, e.g. 'low:1, medium:5, high:10, very high:15' (DESIGN §3)."""
    text = getattr(settings, "SCORECARD_RISK_BANDS", "")
    return parse_bands(text) if text else DEFAULT_BANDS


class Risk(models.Model):
    TENANT_PATH = "plan__tenant"
    # Words after /risks/ that are pages, not risks.
    RESERVED_REFERENCES = frozenset({"new", "heat-map"})

    reference = models.CharField(max_length=60, unique=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.PROTECT)
    programmes = models.ManyToManyField(Programme, blank=True, related_name="risks")
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    category = models.CharField(max_length=100, blank=True)
    controls = models.TextField(blank=True)
    management_actions = models.TextField(blank=True)
    target_score = models.PositiveSmallIntegerField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    # Set when archived: nothing is deleted outright, so history and old papers stay whole.
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = tenant_manager(ArchivableQuerySet)

    class Meta:
        ordering = ["order", "reference"]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("risk", args=[self.reference])

    @property
    def target_band(self) -> str | None:
        return risk_band(self.target_score, configured_bands()) if self.target_score else None


class RiskAssessment(models.Model):
    TENANT_PATH = "risk__plan__tenant"
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField()
    period = models.CharField(max_length=40, blank=True)
    likelihood = models.PositiveSmallIntegerField()
    impact = models.PositiveSmallIntegerField()
    note = models.TextField(blank=True)

    objects = tenant_manager()

    class Meta:
        ordering = ["risk", "assessed_on"]
        constraints = [
            models.UniqueConstraint(fields=["risk", "assessed_on"], name="one_assessment_per_day"),
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5),
                name="likelihood_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(impact__gte=1, impact__lte=5), name="impact_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.risk.reference} {self.assessed_on}: {self.score}"

    @property
    def score(self) -> int:
        return risk_score(self.likelihood, self.impact)

    @property
    def band(self) -> str:
        return risk_band(self.score, configured_bands())
