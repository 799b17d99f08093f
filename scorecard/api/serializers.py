"""The JSON each kind of item is read and written as. Links name items by their natural ids
where they have one (a measure's measure_id, a project's project_id, a risk's reference, a
plan's plan_id, a person's person_id) and by number otherwise; periods are labels."""

from __future__ import annotations

from django.utils import timezone
from rest_framework import serializers

from scorecard.api.fields import CouncilDateField, IdentifierField, PeriodField, RevisedDatesField
from scorecard.api.writing import WritingSerializer
from scorecard.core import entry_checks
from scorecard.core.periods import PeriodKind
from scorecard.delivery.models import (
    Action,
    ActionPlan,
    ActionUpdate,
    HighlightReport,
    Milestone,
    Project,
    ProjectUpdate,
)
from scorecard.framework.models import Board, Organisation, Outcome, Plan, Priority, Programme
from scorecard.measures.models import (
    ComparatorValue,
    Measure,
    Observation,
    ObservationRevision,
    Target,
)
from scorecard.people.models import Person
from scorecard.people.permissions import person_of
from scorecard.risks.models import Risk, RiskAssessment


def _link(model, slug_field: str, **kwargs) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field=slug_field, queryset=model._default_manager.all(), **kwargs
    )


OPTIONAL = {"required": False, "allow_null": True}


def plan_link(**kwargs):
    return _link(Plan, "plan_id", **kwargs)


def person_link(**kwargs):
    return _link(Person, "person_id", **kwargs)


def people_links():
    return _link(Person, "person_id", many=True, required=False)


PERIOD_READ = ("period_kind", "period_first_month", "period_months", "period_last_month")


class SamePlan:
    """Links to an outcome, priority or programme must be of the item's own plan."""

    LINKS = ("outcome", "priority", "programme")

    def check_same_plan(self, attrs: dict) -> dict:
        instance = getattr(self, "instance", None)
        plan = attrs.get("plan", getattr(instance, "plan", None))
        errors = {}
        for name in self.LINKS:
            linked = attrs.get(name)
            if linked is None or plan is None:
                continue
            linked_plan = getattr(linked, "plan_id", None)
            if linked_plan is None and hasattr(linked, "outcome"):
                linked_plan = linked.outcome.plan_id
            if linked_plan != plan.pk:
                errors[name] = [f"Choose a {name} of the plan '{plan.plan_id}'"]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


# --- The framework ---------------------------------------------------------------------------


class OrganisationSerializer(WritingSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "description"]


class BoardSerializer(WritingSerializer):
    class Meta:
        model = Board
        fields = ["id", "name", "description", "organisation"]


class PersonSerializer(WritingSerializer):
    person_id = IdentifierField()
    # Which plans a team member looks after is an admin's decision, made in the admin pages.
    plans = serializers.SlugRelatedField(slug_field="plan_id", many=True, read_only=True)

    class Meta:
        model = Person
        fields = ["person_id", "name", "job_title", "organisation", "email", "plans"]


class PlanSerializer(WritingSerializer):
    plan_id = IdentifierField()

    class Meta:
        model = Plan
        fields = ["plan_id", "name", "vision", "period", "lead", "organisation", "board", "order"]


class OutcomeSerializer(WritingSerializer):
    plan = plan_link()

    class Meta:
        model = Outcome
        fields = ["id", "plan", "name", "description", "lead", "order"]


class PrioritySerializer(WritingSerializer):
    plan = serializers.CharField(source="outcome.plan.plan_id", read_only=True)

    class Meta:
        model = Priority
        fields = ["id", "outcome", "plan", "name", "description", "lead", "order"]


class ProgrammeSerializer(SamePlan, WritingSerializer):
    plan = plan_link()
    owners = people_links()
    LINKS = ("outcome", "priority")

    class Meta:
        model = Programme
        fields = [
            "id",
            "plan",
            "outcome",
            "priority",
            "name",
            "description",
            "lead",
            "owners",
            "organisation",
            "order",
            "archived_at",
        ]

    def validate(self, attrs: dict) -> dict:
        return self.check_same_plan(attrs)


# --- Measures and their figures -------------------------------------------------------------


class MeasureSerializer(SamePlan, WritingSerializer):
    measure_id = IdentifierField()
    plan = plan_link(**OPTIONAL)
    owners = people_links()
    discontinued_from = PeriodField(blank=True, required=False)
    baseline_period = PeriodField(blank=True, required=False)

    class Meta:
        model = Measure
        fields = [
            "measure_id",
            "title",
            "description",
            "plan",
            "outcome",
            "priority",
            "programme",
            "polarity",
            "unit",
            "rate_per",
            "money_unit",
            "frequency",
            "tolerance",
            "tolerance_type",
            "steady_band",
            "compare_with",
            "discontinued_from",
            "owner",
            "owners",
            "organisation",
            "board",
            "source",
            "benchmarking",
            "baseline_period",
            "decimals",
            "notes",
            "published",
            "order",
            "archived_at",
        ]
        extra_kwargs = {
            "rate_per": {"min_value": 1, "max_value": 10_000_000},
            "decimals": {"max_value": 8},
            "tolerance": {"min_value": 0},
            "steady_band": {"min_value": 0},
        }

    def validate(self, attrs: dict) -> dict:
        return self.check_same_plan(attrs)


class TargetSerializer(WritingSerializer):
    measure = _link(Measure, "measure_id")
    from_period = PeriodField(
        blank=True, required=False, help_text="The period the target applies from; blank: always"
    )

    class Meta:
        model = Target
        fields = ["id", "measure", "from_period", "value"]

    def fill(self, instance, values: dict) -> None:
        super().fill(instance, values)
        if "from_period" in values:
            # A target starts at the first month of its period (as the importer stores it).
            from scorecard.core.period_parser import parse_period

            label = values["from_period"]
            instance.from_month = parse_period(label).first_month if label else -1


class RevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ObservationRevision
        fields = ["value", "numerator", "denominator", "status", "commentary"]
        fields += ["entered_by", "entered_at", "replaced_at"]


class ObservationSerializer(WritingSerializer):
    """A measure's figure for a period. Where a numerator and denominator are given, the value
    is worked out from them; a value given as well is replaced."""

    measure = _link(Measure, "measure_id")
    period = PeriodField()
    revisions = RevisionSerializer(many=True, read_only=True)

    class Meta:
        model = Observation
        fields = [
            "id",
            "measure",
            "period",
            *PERIOD_READ,
            "breakdown",
            "value",
            "numerator",
            "denominator",
            "status",
            "commentary",
            "entered_by",
            "entered_at",
            "revisions",
        ]
        read_only_fields = [*PERIOD_READ, "entered_by", "entered_at"]

    def validate(self, attrs: dict) -> dict:
        instance = self.instance

        def given(name):
            return attrs[name] if name in attrs else getattr(instance, name, None)

        measure = given("measure")
        numerator, denominator = given("numerator"), given("denominator")
        value, status = given("value"), given("status") or ""
        if numerator is not None and denominator is not None and denominator != 0:
            value = entry_checks.computed_value(
                measure.unit, numerator, denominator, measure.rate_per
            )
            attrs["value"] = value
        if value is None and numerator is None and denominator is None and status:
            # A status such as "not yet published" says why there is no figure.
            return attrs
        problems = entry_checks.entry_problems(measure.unit, value, numerator, denominator)
        if problems:
            errors: dict[str, list[str]] = {}
            for problem in problems:
                errors.setdefault(problem.field, []).append(problem.message)
            raise serializers.ValidationError(errors)
        return attrs

    def update(self, instance, validated_data):
        # Keep what the figure was, as the importer does, when it is revised.
        self._before = {f: getattr(instance, f) for f in Observation.HISTORY_FIELDS}
        self._before |= {"entered_by": instance.entered_by, "entered_at": instance.entered_at}
        return super().update(instance, validated_data)

    def before_save(self, instance, creating: bool) -> None:
        now = timezone.now()
        if not creating:
            if all(getattr(instance, f) == self._before[f] for f in Observation.HISTORY_FIELDS):
                return
            ObservationRevision(observation=instance, replaced_at=now, **self._before).save()
        user = self.context["request"].user
        person = person_of(user)
        instance.entered_by = person.name if person else user.get_username()
        instance.entered_at = now


class ComparatorValueSerializer(WritingSerializer):
    measure = _link(Measure, "measure_id")
    period = PeriodField()

    class Meta:
        model = ComparatorValue
        fields = [
            "id",
            "measure",
            "comparator",
            "comparator_type",
            "period",
            *PERIOD_READ,
            "value",
            "rank",
            "quartile",
        ]
        read_only_fields = PERIOD_READ
        extra_kwargs = {"quartile": {"min_value": 1, "max_value": 4}, "rank": {"min_value": 1}}


# --- Delivery --------------------------------------------------------------------------------


class ProjectSerializer(SamePlan, WritingSerializer):
    project_id = IdentifierField(reserved=Project.RESERVED_IDS)
    plan = plan_link()
    owner = person_link(**OPTIONAL)

    class Meta:
        model = Project
        fields = [
            "project_id",
            "title",
            "description",
            "plan",
            "outcome",
            "priority",
            "programme",
            "owner",
            "organisation",
            "order",
            "archived_at",
        ]

    def validate(self, attrs: dict) -> dict:
        return self.check_same_plan(attrs)


class ProjectUpdateSerializer(WritingSerializer):
    project = _link(Project, "project_id")
    period = PeriodField()

    class Meta:
        model = ProjectUpdate
        fields = [
            "id",
            "project",
            "period",
            *PERIOD_READ,
            "status",
            "direction",
            "latest_position",
            "next_steps",
        ]
        read_only_fields = PERIOD_READ


class MilestoneSerializer(WritingSerializer):
    project = _link(Project, "project_id")
    due = CouncilDateField(**OPTIONAL)
    revised_due = RevisedDatesField(required=False, help_text="Later due dates, oldest first")
    completed = CouncilDateField(**OPTIONAL)

    class Meta:
        model = Milestone
        fields = ["id", "project", "title", "due", "revised_due", "completed", "at_risk"]
        fields += ["order"]


class ActionPlanSerializer(WritingSerializer):
    plan = plan_link()

    class Meta:
        model = ActionPlan
        fields = ["id", "plan", "name", "programme", "board", "order", "archived_at"]


class ActionSerializer(WritingSerializer):
    owners = people_links()
    due = CouncilDateField(**OPTIONAL)
    revised_due = RevisedDatesField(required=False, help_text="Later due dates, oldest first")
    plan = serializers.CharField(source="action_plan.plan.plan_id", read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "action_plan",
            "plan",
            "reference",
            "objective",
            "description",
            "owners",
            "status",
            "organisation",
            "due",
            "revised_due",
            "order",
            "archived_at",
        ]


class ActionUpdateSerializer(WritingSerializer):
    dated = CouncilDateField()

    class Meta:
        model = ActionUpdate
        fields = ["id", "action", "dated", "text"]


class HighlightReportSerializer(WritingSerializer):
    period = PeriodField(kinds=(PeriodKind.QUARTER,))
    author = person_link(**OPTIONAL)

    class Meta:
        model = HighlightReport
        fields = [
            "id",
            "programme",
            "period",
            *PERIOD_READ,
            "status",
            *(name for name, _ in HighlightReport.SECTIONS),
            "author",
        ]
        read_only_fields = PERIOD_READ


# --- Risks -----------------------------------------------------------------------------------


class RiskSerializer(WritingSerializer):
    reference = IdentifierField(reserved=Risk.RESERVED_REFERENCES)
    plan = plan_link(**OPTIONAL)
    owner = person_link(**OPTIONAL)

    class Meta:
        model = Risk
        fields = [
            "reference",
            "title",
            "description",
            "plan",
            "programmes",
            "owner",
            "organisation",
            "category",
            "controls",
            "management_actions",
            "target_score",
            "order",
            "archived_at",
        ]
        extra_kwargs = {
            "target_score": {"min_value": 1, "max_value": 25},
            "programmes": {"required": False},
        }


class RiskAssessmentSerializer(WritingSerializer):
    risk = _link(Risk, "reference")
    assessed_on = CouncilDateField()
    period = PeriodField(blank=True, required=False)
    score = serializers.IntegerField(read_only=True)
    band = serializers.CharField(read_only=True)

    class Meta:
        model = RiskAssessment
        fields = ["id", "risk", "assessed_on", "period", "likelihood", "impact", "score"]
        fields += ["band", "note"]
        extra_kwargs = {
            "likelihood": {"min_value": 1, "max_value": 5},
            "impact": {"min_value": 1, "max_value": 5},
        }
