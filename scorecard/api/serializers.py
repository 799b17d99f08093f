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
from scorecard.core.reporting_lines import loop_in_words, loop_made
from scorecard.core.scales import ScaleError, parse_scale
from scorecard.core.units import Unit, published_text, written_decimals
from scorecard.cycles.entry import submit_in_open_cycles
from scorecard.delivery.models import (
    Action,
    ActionPlan,
    ActionUpdate,
    HighlightReport,
    Milestone,
    Project,
    ProjectUpdate,
)
from scorecard.delivery.project_fields import PROJECT_FIELDS
from scorecard.framework.models import Board, Organisation, Outcome, Plan, Priority, Programme
from scorecard.measures.choices import Approval
from scorecard.measures.models import (
    ComparatorValue,
    Measure,
    Observation,
    ObservationRevision,
    Target,
)
from scorecard.people.models import Person
from scorecard.people.permissions import can_manage, person_of
from scorecard.risks.fields import RISK_FIELDS
from scorecard.risks.models import Risk, RiskAssessment


class LinkField(serializers.SlugRelatedField):
    """A link to another item by its reference. A NUL character is refused before the lookup:
    PostgreSQL cannot hold one in text, and would fail the query rather than find nothing."""

    default_error_messages = {
        **serializers.SlugRelatedField.default_error_messages,
        "null_characters": "References may not contain null characters.",
    }

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("null_characters")
        return super().to_internal_value(data)


def _link(model, slug_field: str, **kwargs) -> serializers.SlugRelatedField:
    return LinkField(slug_field=slug_field, queryset=model._default_manager.all(), **kwargs)


OPTIONAL = {"required": False, "allow_null": True}


def plan_link(**kwargs):
    return _link(Plan, "plan_id", **kwargs)


def person_link(**kwargs):
    return _link(Person, "person_id", **kwargs)


def people_links():
    return _link(Person, "person_id", many=True, required=False)


PERIOD_READ = ("period_kind", "period_first_month", "period_months", "period_last_month")


class SamePlan:
    """Every serializer's links to outcomes, priorities, programmes or action plans must stay
    in the item's own plan: checked once here, for every serializer that lists its LINKS.

    A link not sent is checked too when the plan changes, so a measure cannot be moved to
    another plan and keep the old plan's outcome."""

    LINKS: tuple[str, ...] = ("outcome", "priority", "programme")

    def validate(self, attrs: dict) -> dict:
        return self.check_same_plan(super().validate(attrs))

    def plan_of(self, attrs: dict):
        """The plan the item will be in."""
        return attrs.get("plan", getattr(self.instance, "plan", None))

    def check_same_plan(self, attrs: dict) -> dict:
        plan = self.plan_of(attrs)
        if plan is None:
            return attrs
        errors = {}
        for name in self.LINKS:
            for linked in self._linked(attrs, name):
                if _plan_pk(linked) != plan.pk:
                    noun = name.rstrip("s").replace("_", " ")
                    article = "an" if noun[0] in "aeiou" else "a"
                    errors[name] = [f"Choose {article} {noun} of the plan '{plan.plan_id}'"]
                    break
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def _linked(self, attrs: dict, name: str) -> list:
        if name in attrs:
            linked = attrs[name]
        elif self.instance is not None and "plan" in attrs:
            linked = getattr(self.instance, name)
        else:
            return []
        if linked is None:
            return []
        if hasattr(linked, "all"):
            return list(linked.all())
        if isinstance(linked, (list, tuple)):
            return list(linked)
        return [linked]


def _plan_pk(item) -> int | None:
    """The plan an outcome, priority, programme or action plan is in."""
    if item._meta.label == "framework.Priority":
        return item.outcome.plan_id
    return item.plan_id


# --- The framework ---------------------------------------------------------------------------


class OrganisationSerializer(WritingSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "description"]


class BoardSerializer(WritingSerializer):
    class Meta:
        model = Board
        fields = ["id", "name", "description", "organisation", "reports_to"]

    def validate_reports_to(self, above: Board | None) -> Board | None:
        """The board it reports to: never itself, nor one that reports to it however
        indirectly (the framework file's rule, interchange.framework_rows)."""
        if above is None or self.instance is None:
            return above
        if above.pk == self.instance.pk:
            raise serializers.ValidationError(
                f"Choose another board: '{self.instance.name}' cannot report to itself"
            )
        loop = loop_made(self.instance, above, lambda board: board.reports_to)
        if loop:
            raise serializers.ValidationError(
                f"Choose another board: {loop_in_words([board.name for board in loop])}: "
                "that would make a loop"
            )
        return above


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
            "board",
            "order",
            "archived_at",
        ]


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
            "progress_statement",
            "progress_statement_period",
            "decimals",
            "notes",
            "published",
            "budget_variance",
            "scale",
            "order",
            "archived_at",
        ]
        extra_kwargs = {
            "rate_per": {"min_value": 1, "max_value": 10_000_000},
            "decimals": {"max_value": 8},
            "tolerance": {"min_value": 0},
            "steady_band": {"min_value": 0},
            "progress_statement_period": {"read_only": True},
        }

    def validate_scale(self, value: str) -> str:
        """As a measures file writes it (core/scales.py), so that it reads back the same."""
        try:
            found = parse_scale(value)
        except ScaleError as exc:
            raise serializers.ValidationError(str(exc)) from None
        return found.written() if found is not None else ""

    def validate(self, attrs: dict) -> dict:
        attrs = super().validate(attrs)
        scale = attrs.get("scale", getattr(self.instance, "scale", ""))
        unit = attrs.get("unit", getattr(self.instance, "unit", Unit.SCORE))
        if scale and unit != Unit.SCORE:
            # As a measures file says it (interchange/measure_rows.py).
            raise serializers.ValidationError(
                {"scale": ["the figures of a labelled scale are codes: the unit is score"]}
            )
        return attrs

    def fill(self, instance, values: dict) -> None:
        statement = values.pop("progress_statement", None)
        if "decimals" in values:
            # Set by the council: its house style for every figure (None: each as written).
            instance.set_decimals(values.pop("decimals"))
        super().fill(instance, values)
        if statement is not None and statement != instance.progress_statement:
            instance.write_progress(statement)


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


def as_written(shown: dict, figure) -> dict:
    """The figure's value read back as it was written ("2.18", not the stored "2.18000000"), so
    that what is read can be sent back unchanged (a PUT of an item as read changes nothing)."""
    if figure.value is not None and figure.written_decimals is not None:
        shown["value"] = published_text(figure.value, figure.written_decimals)
    return shown


class RevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ObservationRevision
        fields = ["value", "numerator", "denominator", "status", "commentary"]
        fields += ["entered_by", "entered_at", "replaced_at"]

    def to_representation(self, instance) -> dict:
        return as_written(super().to_representation(instance), instance)


class ObservationSerializer(WritingSerializer):
    """A measure's figure for a period. Where a numerator and denominator are given, the value
    is worked out from them; a value given as well must agree with them (within 5%)."""

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
            "approval",
            "revisions",
        ]
        # Approval follows who writes: the team's figures are approved, an owner's provisional
        # until the team approves its submission in the reporting cycle.
        read_only_fields = [*PERIOD_READ, "entered_by", "entered_at", "approval"]

    def validate(self, attrs: dict) -> dict:
        instance = self.instance

        def given(name):
            return attrs[name] if name in attrs else getattr(instance, name, None)

        measure = given("measure")
        numerator, denominator = given("numerator"), given("denominator")
        value, status = given("value"), given("status") or ""
        # The one rule for pages, workbooks, imports and the API (core.entry_checks).
        problems = entry_checks.reading_problems(
            measure.unit,
            measure.rate_per,
            value,
            numerator,
            denominator,
            status=status,
            scale=measure.labelled_scale,
        )
        if problems:
            errors: dict[str, list[str]] = {}
            for problem in problems:
                errors.setdefault(problem.field, []).append(problem.message)
            raise serializers.ValidationError(errors)
        # A value given is kept as published, as an import keeps it; only a missing one is
        # worked out from the counts (and then has no written decimals of its own).
        computed = entry_checks.final_value(
            measure.unit, measure.rate_per, value, numerator, denominator
        )
        self._written = None
        if computed != value:
            attrs["value"] = computed
        elif "value" in attrs and value is not None:
            self._written = written_decimals(str(self.initial_data.get("value", value)))
        decimals = (
            self._written if "value" in attrs else getattr(instance, "written_decimals", None)
        )
        warning = entry_checks.counts_warning(
            measure.unit,
            measure.rate_per,
            attrs.get("value", value),
            numerator,
            denominator,
            decimals,
        )
        self.warnings = [f"{warning}; the value is kept as given"] if warning else []
        return attrs

    def fill(self, instance, values: dict) -> None:
        # The figure itself is taken in before_save, by Observation.revise (as the pages and
        # the importer take it), which keeps what it was.
        values = dict(values)
        self._figure = {f: values.pop(f) for f in Observation.HISTORY_FIELDS if f in values}
        if "value" in self._figure:
            self._figure["written_decimals"] = self._written
        super().fill(instance, values)

    def to_representation(self, instance) -> dict:
        shown = as_written(super().to_representation(instance), instance)
        if hasattr(self, "warnings"):
            # Said in the answer to a write: the figure is saved, but worth a look.
            shown["warnings"] = self.warnings
        return shown

    def before_save(self, instance, creating: bool) -> None:
        figure = self._figure
        user = self.context["request"].user
        team = can_manage(user, instance.measure)
        if not creating and not instance.changed_by(figure):
            # The figure is as it was: who entered it, and when, stay as they were (how it
            # was written may be learnt); the team's write of it approves it.
            for name, value in figure.items():
                setattr(instance, name, value)
            if team:
                instance.approval = Approval.APPROVED
            return
        person = person_of(user)
        by = person.name if person else user.get_username()
        now = timezone.now()
        revision = instance.revise(figure, by, now)
        if revision is not None:
            revision.save()
        instance.approval = Approval.APPROVED if team else Approval.PROVISIONAL
        if not team and not instance.breakdown:
            # Sent in for the team's approval, as the owner's form sends it.
            submit_in_open_cycles(user, instance.measure, instance.period_obj, now)


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

    def fill(self, instance, values: dict) -> None:
        if "value" in values:
            # Shown as sent ("88", "89.7"), as an observation's value is.
            raw = self.initial_data.get("value", values["value"])
            instance.written_decimals = written_decimals(str(raw))
        super().fill(instance, values)

    def to_representation(self, instance) -> dict:
        return as_written(super().to_representation(instance), instance)


# --- Delivery --------------------------------------------------------------------------------


class ProjectSerializer(SamePlan, WritingSerializer):
    project_id = IdentifierField(reserved=Project.RESERVED_IDS)
    plan = plan_link()
    owner = person_link(**OPTIONAL)

    class Meta:
        model = Project
        fields = [*PROJECT_FIELDS, "order", "archived_at"]


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
            "areas_of_success",
            "areas_of_concern",
            "focus_next_quarter",
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


class ActionPlanSerializer(SamePlan, WritingSerializer):
    plan = plan_link()
    LINKS = ("programme",)

    class Meta:
        model = ActionPlan
        fields = ["id", "plan", "name", "programme", "board", "blue_means", "order", "archived_at"]


class ActionSerializer(SamePlan, WritingSerializer):
    owners = people_links()
    due = CouncilDateField(**OPTIONAL)
    revised_due = RevisedDatesField(required=False, help_text="Later due dates, oldest first")
    completed = CouncilDateField(**OPTIONAL)
    plan = serializers.CharField(source="action_plan.plan.plan_id", read_only=True)
    # An action moves only to another action plan of its own plan.
    LINKS = ("action_plan",)

    def plan_of(self, attrs: dict):
        current = getattr(self.instance, "action_plan", None)
        return current.plan if current is not None else None

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
            "completed",
            "order",
            "archived_at",
        ]


class ActionUpdateSerializer(WritingSerializer):
    dated = CouncilDateField()

    class Meta:
        model = ActionUpdate
        fields = ["id", "action", "dated", "text", "status"]


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


class RiskSerializer(SamePlan, WritingSerializer):
    reference = IdentifierField(reserved=Risk.RESERVED_REFERENCES)
    plan = plan_link(**OPTIONAL)
    owner = person_link(**OPTIONAL)
    LINKS = ("programmes",)

    class Meta:
        model = Risk
        fields = [*RISK_FIELDS, "order", "archived_at"]
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


# --- What the public reads ---------------------------------------------------------------------

# Who owns and enters what, the team's notes, revisions and archiving are for signed-in readers:
# the public (no token) reads published measures and their figures without them.
NOT_PUBLIC = frozenset({"owners", "owner", "notes", "entered_by", "revisions", "archived_at"})


class PublicMeasureSerializer(MeasureSerializer):
    class Meta(MeasureSerializer.Meta):
        fields = [name for name in MeasureSerializer.Meta.fields if name not in NOT_PUBLIC]


class PublicObservationSerializer(ObservationSerializer):
    class Meta(ObservationSerializer.Meta):
        fields = [name for name in ObservationSerializer.Meta.fields if name not in NOT_PUBLIC]
        read_only_fields = [*PERIOD_READ, "entered_at"]
