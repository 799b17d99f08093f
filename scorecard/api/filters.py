"""Filters for the API's lists: by plan (plan_id), outcome (number), period (label, in any
form councils write it), owner (person_id) and organisation (number or name), wherever those
apply, and a few more (the measure, the project, archived or not)."""

from __future__ import annotations

import django_filters as filters
from django import forms
from django.db.models import Q
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from scorecard.core.digits import whole_number
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import PeriodError
from scorecard.delivery.models import (
    Action,
    ActionPlan,
    ActionUpdate,
    HighlightReport,
    Milestone,
    Project,
    ProjectUpdate,
)
from scorecard.framework.models import Board, Outcome, Plan, Priority, Programme
from scorecard.measures.models import ComparatorValue, Measure, Observation, Target
from scorecard.people.models import Person
from scorecard.risks.models import Risk, RiskAssessment

LARGEST_ID = 2**63 - 1


class PeriodFormField(forms.CharField):
    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_period(text).label
        except PeriodError as exc:
            # Given as a parameter: the message is %-formatted, and the label may hold a '%'.
            raise forms.ValidationError(
                "Enter a period such as 2019/20 Q2: %(problem)s", params={"problem": str(exc)}
            ) from None


@extend_schema_field({"type": "string", "example": "2019/20 Q2"})
class PeriodFilter(filters.Filter):
    """A period label, read as the pages read it, matched on its canonical label."""

    field_class = PeriodFormField


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(filters.Filter):
    """An item's number; a number no item could have is refused, not sent to the database."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", LARGEST_ID)
        super().__init__(*args, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class OrganisationFilter(filters.CharFilter):
    """An organisation by its number or its name (any case)."""

    def filter(self, qs, value):
        if not value:
            return qs
        condition = Q(**{f"{self.field_name}__name__iexact": value})
        number = whole_number(value)
        if number is not None and number <= LARGEST_ID:
            condition |= Q(**{f"{self.field_name}__pk": number})
        return qs.filter(condition)


def plan(path: str = "plan") -> filters.CharFilter:
    return filters.CharFilter(field_name=f"{path}__plan_id", help_text="The plan's plan_id")


def outcome(path: str = "outcome") -> IdFilter:
    return IdFilter(field_name=path, help_text="The outcome's id")


def owner(path: str) -> filters.CharFilter:
    return filters.CharFilter(
        field_name=f"{path}__person_id", distinct=True, help_text="An owner's person_id"
    )


def organisation(path: str = "organisation") -> OrganisationFilter:
    return OrganisationFilter(field_name=path, help_text="The organisation's id or name")


def archived() -> filters.BooleanFilter:
    return filters.BooleanFilter(
        field_name="archived_at",
        lookup_expr="isnull",
        exclude=True,
        help_text="true: only archived items; false: only current ones",
    )


def period(path: str = "period") -> PeriodFilter:
    return PeriodFilter(field_name=path, help_text="A period label, such as 2019/20 Q2")


class BoardFilter(filters.FilterSet):
    organisation = organisation()

    class Meta:
        model = Board
        fields: list[str] = []


class PersonFilter(filters.FilterSet):
    organisation = organisation()

    class Meta:
        model = Person
        fields: list[str] = []


class PlanFilter(filters.FilterSet):
    organisation = organisation()

    class Meta:
        model = Plan
        fields: list[str] = []


class OutcomeFilter(filters.FilterSet):
    plan = plan()

    class Meta:
        model = Outcome
        fields: list[str] = []


class PriorityFilter(filters.FilterSet):
    plan = plan("outcome__plan")
    outcome = outcome()

    class Meta:
        model = Priority
        fields: list[str] = []


class ProgrammeFilter(filters.FilterSet):
    plan = plan()
    outcome = outcome()
    owner = owner("owners")
    organisation = organisation()
    archived = archived()

    class Meta:
        model = Programme
        fields: list[str] = []


class MeasureFilter(filters.FilterSet):
    plan = plan()
    outcome = outcome()
    owner = owner("owners")
    organisation = organisation()
    programme = IdFilter(field_name="programme", help_text="The programme's id")
    published = filters.BooleanFilter()
    archived = archived()

    class Meta:
        model = Measure
        fields: list[str] = []


class MeasureFiguresFilter(filters.FilterSet):
    """For observations, targets and comparator values: through their measure."""

    measure = filters.CharFilter(field_name="measure__measure_id", help_text="The measure_id")
    plan = plan("measure__plan")
    outcome = outcome("measure__outcome")
    owner = owner("measure__owners")
    organisation = organisation("measure__organisation")


class ObservationFilter(MeasureFiguresFilter):
    period = period()
    breakdown = filters.CharFilter(help_text="The breakdown; blank for the headline figure")

    class Meta:
        model = Observation
        fields: list[str] = []


class TargetFilter(MeasureFiguresFilter):
    class Meta:
        model = Target
        fields: list[str] = []


class ComparatorValueFilter(MeasureFiguresFilter):
    period = period()

    class Meta:
        model = ComparatorValue
        fields: list[str] = []


class ProjectFilter(filters.FilterSet):
    plan = plan()
    outcome = outcome()
    owner = owner("owner")
    organisation = organisation()
    programme = IdFilter(field_name="programme", help_text="The programme's id")
    archived = archived()

    class Meta:
        model = Project
        fields: list[str] = []


class ProjectPartsFilter(filters.FilterSet):
    project = filters.CharFilter(field_name="project__project_id", help_text="The project_id")
    plan = plan("project__plan")
    outcome = outcome("project__outcome")
    owner = owner("project__owner")
    organisation = organisation("project__organisation")


class ProjectUpdateFilter(ProjectPartsFilter):
    period = period()

    class Meta:
        model = ProjectUpdate
        fields: list[str] = []


class MilestoneFilter(ProjectPartsFilter):
    class Meta:
        model = Milestone
        fields: list[str] = []


class ActionPlanFilter(filters.FilterSet):
    plan = plan()
    programme = IdFilter(field_name="programme", help_text="The programme's id")
    archived = archived()

    class Meta:
        model = ActionPlan
        fields: list[str] = []


class ActionFilter(filters.FilterSet):
    plan = plan("action_plan__plan")
    action_plan = IdFilter(field_name="action_plan", help_text="The action plan's id")
    owner = owner("owners")
    organisation = organisation()
    archived = archived()

    class Meta:
        model = Action
        fields: list[str] = []


class ActionUpdateFilter(filters.FilterSet):
    plan = plan("action__action_plan__plan")
    action = IdFilter(field_name="action", help_text="The action's id")
    owner = owner("action__owners")
    organisation = organisation("action__organisation")

    class Meta:
        model = ActionUpdate
        fields: list[str] = []


class HighlightReportFilter(filters.FilterSet):
    plan = plan("programme__plan")
    outcome = outcome("programme__outcome")
    programme = IdFilter(field_name="programme", help_text="The programme's id")
    owner = owner("programme__owners")
    organisation = organisation("programme__organisation")
    period = period()

    class Meta:
        model = HighlightReport
        fields: list[str] = []


class RiskFilter(filters.FilterSet):
    plan = plan()
    owner = owner("owner")
    organisation = organisation()
    programme = IdFilter(field_name="programmes", distinct=True, help_text="A programme's id")
    archived = archived()

    class Meta:
        model = Risk
        fields: list[str] = []


class RiskAssessmentFilter(filters.FilterSet):
    risk = filters.CharFilter(field_name="risk__reference", help_text="The risk's reference")
    plan = plan("risk__plan")
    owner = owner("risk__owner")
    organisation = organisation("risk__organisation")
    period = period()

    class Meta:
        model = RiskAssessment
        fields: list[str] = []


# --- The public's filters ----------------------------------------------------------------------
# The public (no token) lists published measures and their figures, but may not ask who owns
# them: these drop the owner filter (an owner given is ignored, as any unknown parameter is).


class PublicMeasureFilter(MeasureFilter):
    owner = None

    class Meta(MeasureFilter.Meta):
        pass


class PublicObservationFilter(ObservationFilter):
    owner = None

    class Meta(ObservationFilter.Meta):
        pass


class PublicTargetFilter(TargetFilter):
    owner = None

    class Meta(TargetFilter.Meta):
        pass


class PublicFilterBackend(DjangoFilterBackend):
    """The view's `public_filterset_class` for the public, its `filterset_class` otherwise."""

    def get_filterset_class(self, view, queryset=None):
        public = getattr(view, "public_filterset_class", None)
        if public is not None and view.for_the_public():
            return public
        return super().get_filterset_class(view, queryset)
