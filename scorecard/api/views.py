"""The API's endpoints: one viewset for each kind of item (the token: scorecard/api/tokens.py).

Nothing is deleted through the API (DELETE is not offered): the team archives an item by
setting its archived_at."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import APIException
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from scorecard.api import filters, serializers
from scorecard.api.permissions import ScorecardPermission
from scorecard.audit.locking import edit_token, last_change, said_moment
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
from scorecard.measures.audience import audience_of
from scorecard.measures.choices import Approval
from scorecard.measures.models import (
    ComparatorValue,
    Measure,
    Observation,
    ObservationRevision,
    Target,
)
from scorecard.people.models import Person
from scorecard.people.permissions import signed_in
from scorecard.publishing.published import published_measures
from scorecard.risks.models import Risk, RiskAssessment
from scorecard.tenancy.middleware import activate

# An id in an address: a natural id (letters, digits, '.', '_', '-') or a number.
NATURAL_ID = r"[A-Za-z0-9][A-Za-z0-9._-]*"
NUMBER = r"[0-9]{1,18}"


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class EditedMeanwhile(APIException):
    status_code = 412
    default_code = "edited_meanwhile"


IF_MATCH = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    description=(
        "The ETag the item was read with: the change is refused (412) if someone else has "
        "changed the item since"
    ),
)


def _tag(instance, *, lock: bool = False) -> str:
    return f'"{edit_token(instance, lock=lock)}"'


def _edited_meanwhile(instance) -> EditedMeanwhile:
    who, when = last_change(instance)
    by = f" by {who}" if who else ""
    moment = f" on {said_moment(when)}" if when else ""
    return EditedMeanwhile(
        f"This item was changed{by}{moment} after you read it, so your change has not been "
        "saved. Read it again (for its new ETag) and make your change again."
    )


class ItemViewSet(viewsets.ModelViewSet):
    """List, read, create and change; never delete.

    Reading an item gives its ETag; a change sent with `If-Match: <that ETag>` is refused with
    412 if someone else changed the item in between (as the pages refuse a second save), so
    two people editing the same item never overwrite each other unknowingly."""

    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    permission_classes = [ScorecardPermission]
    pagination_class = Pages
    lookup_value_regex = NUMBER
    filter_backends = [filters.PublicFilterBackend]
    # Whether the public (not signed in) may read: published measures and their figures only,
    # read with `public_serializer_class` and filtered with `public_filterset_class`.
    public = False
    public_serializer_class = None
    public_filterset_class = None

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        response["ETag"] = _tag(instance)
        return response

    def update(self, request, *args, **kwargs):
        response = super().update(request, *args, **kwargs)
        response["ETag"] = _tag(self._saved)
        return response

    def perform_update(self, serializer) -> None:
        sent = self.request.headers.get("If-Match", "").strip()
        with transaction.atomic():
            # Checked with the row locked, so no change slips in between check and write.
            current = _tag(serializer.instance, lock=True) if sent else ""
            if sent and sent != "*" and current not in (t.strip() for t in sent.split(",")):
                raise _edited_meanwhile(serializer.instance)
            self._saved = serializer.save()

    def for_the_public(self) -> bool:
        # The schema describes what signed-in readers get.
        return not signed_in(self.request.user) and not getattr(self, "swagger_fake_view", False)

    def perform_authentication(self, request) -> None:
        """Who is asking is known only now (a token is read here, after the middleware): their
        council is set again, so every query is limited to it."""
        super().perform_authentication(request)
        activate(request._request)
        request.tenant = request._request.tenant

    def get_queryset(self):
        # Another council's items are not found (404), and are in no list.
        queryset = super().get_queryset().for_tenant(getattr(self.request, "tenant", None))
        if self.public and self.for_the_public():
            # What is published is decided in one place: scorecard.publishing.published.
            published = published_measures().values("pk")
            if queryset.model is Measure:
                return queryset.filter(pk__in=published)
            return queryset.filter(measure__in=published)
        return queryset

    def get_serializer_class(self):
        if self.public_serializer_class is not None and self.for_the_public():
            return self.public_serializer_class
        return super().get_serializer_class()


def _item_views(model_name: str, natural: str | None = None):
    """The schema's words for an endpoint: 'List measures', 'Change a measure'…"""
    plural = f"{model_name}s" if not model_name.endswith("y") else f"{model_name[:-1]}ies"
    if model_name == "person":
        plural = "people"
    key = f" by its {natural}" if natural else ""
    return extend_schema_view(
        list=extend_schema(summary=f"List {plural}"),
        retrieve=extend_schema(summary=f"Read a {model_name}{key}"),
        create=extend_schema(summary=f"Add a {model_name}"),
        update=extend_schema(summary=f"Replace a {model_name}'s fields", parameters=[IF_MATCH]),
        partial_update=extend_schema(
            summary=f"Change some of a {model_name}'s fields", parameters=[IF_MATCH]
        ),
    )


@_item_views("organisation")
class OrganisationViewSet(ItemViewSet):
    queryset = Organisation.objects.all()
    serializer_class = serializers.OrganisationSerializer


@_item_views("board")
class BoardViewSet(ItemViewSet):
    queryset = Board.objects.select_related("organisation")
    serializer_class = serializers.BoardSerializer
    filterset_class = filters.BoardFilter


@_item_views("person", "person_id")
class PersonViewSet(ItemViewSet):
    queryset = Person.objects.prefetch_related("plans")
    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilter
    lookup_field = "person_id"
    lookup_value_regex = NATURAL_ID


@_item_views("plan", "plan_id")
class PlanViewSet(ItemViewSet):
    queryset = Plan.objects.all()
    serializer_class = serializers.PlanSerializer
    filterset_class = filters.PlanFilter
    lookup_field = "plan_id"
    lookup_value_regex = NATURAL_ID


@_item_views("outcome")
class OutcomeViewSet(ItemViewSet):
    queryset = Outcome.objects.select_related("plan")
    serializer_class = serializers.OutcomeSerializer
    filterset_class = filters.OutcomeFilter


@_item_views("priority")
class PriorityViewSet(ItemViewSet):
    queryset = Priority.objects.select_related("outcome__plan")
    serializer_class = serializers.PrioritySerializer
    filterset_class = filters.PriorityFilter


@_item_views("programme")
class ProgrammeViewSet(ItemViewSet):
    queryset = Programme.objects.select_related("plan").prefetch_related("owners")
    serializer_class = serializers.ProgrammeSerializer
    filterset_class = filters.ProgrammeFilter


@_item_views("measure", "measure_id")
class MeasureViewSet(ItemViewSet):
    queryset = Measure.objects.select_related("plan").prefetch_related("owners")
    serializer_class = serializers.MeasureSerializer
    filterset_class = filters.MeasureFilter
    lookup_field = "measure_id"
    lookup_value_regex = NATURAL_ID
    public = True
    public_serializer_class = serializers.PublicMeasureSerializer
    public_filterset_class = filters.PublicMeasureFilter


@_item_views("target")
class TargetViewSet(ItemViewSet):
    queryset = Target.objects.select_related("measure")
    serializer_class = serializers.TargetSerializer
    filterset_class = filters.TargetFilter
    public = True
    public_filterset_class = filters.PublicTargetFilter


@_item_views("observation")
class ObservationViewSet(ItemViewSet):
    queryset = Observation.objects.select_related("measure").prefetch_related("revisions")
    serializer_class = serializers.ObservationSerializer
    filterset_class = filters.ObservationFilter
    public = True
    public_serializer_class = serializers.PublicObservationSerializer
    public_filterset_class = filters.PublicObservationFilter

    def get_queryset(self):
        # Approved figures only, but for the team's and an owner's provisional ones (the pages'
        # rule): the public and viewers never see a figure the team has not approved.
        audience = audience_of(self.request.user)
        queryset = super().get_queryset().shown_to(audience)
        if not audience.sees_provisional:
            # Nor an earlier value the team never approved, kept as a revision.
            revisions = ObservationRevision.objects.filter(approval=Approval.APPROVED)
            queryset = queryset.prefetch_related(None).prefetch_related(
                Prefetch("revisions", queryset=revisions)
            )
        return queryset


@_item_views("comparator value")
class ComparatorValueViewSet(ItemViewSet):
    queryset = ComparatorValue.objects.select_related("measure")
    serializer_class = serializers.ComparatorValueSerializer
    filterset_class = filters.ComparatorValueFilter


@_item_views("project", "project_id")
class ProjectViewSet(ItemViewSet):
    queryset = Project.objects.select_related("plan", "owner")
    serializer_class = serializers.ProjectSerializer
    filterset_class = filters.ProjectFilter
    lookup_field = "project_id"
    lookup_value_regex = NATURAL_ID


@_item_views("project update")
class ProjectUpdateViewSet(ItemViewSet):
    queryset = ProjectUpdate.objects.select_related("project")
    serializer_class = serializers.ProjectUpdateSerializer
    filterset_class = filters.ProjectUpdateFilter


@_item_views("milestone")
class MilestoneViewSet(ItemViewSet):
    queryset = Milestone.objects.select_related("project")
    serializer_class = serializers.MilestoneSerializer
    filterset_class = filters.MilestoneFilter


@_item_views("action plan")
class ActionPlanViewSet(ItemViewSet):
    queryset = ActionPlan.objects.select_related("plan")
    serializer_class = serializers.ActionPlanSerializer
    filterset_class = filters.ActionPlanFilter


@_item_views("action")
class ActionViewSet(ItemViewSet):
    queryset = Action.objects.select_related("action_plan__plan").prefetch_related("owners")
    serializer_class = serializers.ActionSerializer
    filterset_class = filters.ActionFilter


@_item_views("action update")
class ActionUpdateViewSet(ItemViewSet):
    queryset = ActionUpdate.objects.select_related("action")
    serializer_class = serializers.ActionUpdateSerializer
    filterset_class = filters.ActionUpdateFilter


@_item_views("highlight report")
class HighlightReportViewSet(ItemViewSet):
    queryset = HighlightReport.objects.select_related("programme", "author")
    serializer_class = serializers.HighlightReportSerializer
    filterset_class = filters.HighlightReportFilter


@_item_views("risk", "reference")
class RiskViewSet(ItemViewSet):
    queryset = Risk.objects.select_related("plan", "owner").prefetch_related("programmes")
    serializer_class = serializers.RiskSerializer
    filterset_class = filters.RiskFilter
    lookup_field = "reference"
    lookup_value_regex = NATURAL_ID


@_item_views("risk assessment")
class RiskAssessmentViewSet(ItemViewSet):
    queryset = RiskAssessment.objects.select_related("risk")
    serializer_class = serializers.RiskAssessmentSerializer
    filterset_class = filters.RiskAssessmentFilter


ENDPOINTS = {
    "organisations": OrganisationViewSet,
    "boards": BoardViewSet,
    "people": PersonViewSet,
    "plans": PlanViewSet,
    "outcomes": OutcomeViewSet,
    "priorities": PriorityViewSet,
    "programmes": ProgrammeViewSet,
    "measures": MeasureViewSet,
    "targets": TargetViewSet,
    "observations": ObservationViewSet,
    "comparator-values": ComparatorValueViewSet,
    "projects": ProjectViewSet,
    "project-updates": ProjectUpdateViewSet,
    "milestones": MilestoneViewSet,
    "action-plans": ActionPlanViewSet,
    "actions": ActionViewSet,
    "action-updates": ActionUpdateViewSet,
    "highlight-reports": HighlightReportViewSet,
    "risks": RiskViewSet,
    "risk-assessments": RiskAssessmentViewSet,
}
