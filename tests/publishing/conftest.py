import pytest
from django.utils import timezone

from scorecard.measures.models import Measure, Observation

# A measure the public must never learn of: neither its id nor its title.
SECRET_ID = "SECRET-UNPUBLISHED"
SECRET_TITLE = "Confidential measure kept from the public"
HOSTILE_TITLE = '<script>alert("title")</script> =HYPERLINK("http://evil")'


def _copy(measure: Measure, **changes) -> Measure:
    """A new measure like `measure`, with one observation, changed as asked."""
    fields = {
        f.name: getattr(measure, f.name)
        for f in Measure._meta.concrete_fields
        if f.name not in ("id", "measure_id", "title", "published", "archived_at")
    }
    made = Measure.objects.create(**{**fields, **changes})
    first = measure.observations.filter(breakdown="").first()
    Observation.objects.create(
        measure=made,
        period=first.period,
        period_kind=first.period_kind,
        period_first_month=first.period_first_month,
        period_months=first.period_months,
        period_last_month=first.period_last_month,
        value=first.value,
        commentary='<script>alert("commentary")</script>',
        entered_at=timezone.now(),
    )
    return made


@pytest.fixture
def published_council(demo_council):
    """The demo council with its business plan published, one unpublished measure in the same
    plan (with a distinctive id and title), one archived published measure, and one published
    measure whose title is hostile (script and spreadsheet formula)."""
    business = Measure.objects.filter(plan__plan_id="business-plan")
    business.update(published=True)
    published = list(business.order_by("order", "measure_id"))
    template = business.order_by("order", "measure_id").first()
    _copy(template, measure_id=SECRET_ID, title=SECRET_TITLE, published=False)
    _copy(
        template,
        measure_id="ARCHIVED-ONE",
        title="An archived measure",
        published=True,
        archived_at=timezone.now(),
    )
    _copy(template, measure_id="HOSTILE", title=HOSTILE_TITLE, published=True)
    return published
