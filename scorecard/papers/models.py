"""The paper record: what the performance team types for a report to a meeting (the front
sheet of seeds 000 and 001, and the plan-level parts of the executive summary), kept with the
audit trail so that a published paper can be made again exactly as it was."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from scorecard.core.period_parser import parse_period
from scorecard.framework.models import Plan
from scorecard.papers.choices import DEFAULT_IMPLICATIONS, DEFAULT_ORDER, PaperKind
from scorecard.tenancy.models import tenant_field, tenant_manager


def lines_of(text: str) -> list[str]:
    """A text box as its non-blank lines, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class PaperSettings(models.Model):
    """A council's own way with its papers: the implications each paper has a section for,
    and the order of the front sheet's sections. None kept: the seeds' five and their order."""

    TENANT_PATH = "tenant"
    tenant = tenant_field()
    # One heading a line ("Financial", "Equalities"…).
    implication_headings = models.TextField(blank=True)
    # One section key a line (scorecard/papers/choices.py SECTIONS); those left out follow in
    # the seeds' order.
    section_order = models.TextField(blank=True)

    objects = tenant_manager()

    class Meta:
        verbose_name_plural = "paper settings"
        constraints = [models.UniqueConstraint(fields=["tenant"], name="one_paper_settings")]

    def __str__(self) -> str:
        return "Paper settings"

    @property
    def implications(self) -> tuple[str, ...]:
        return tuple(lines_of(self.implication_headings)) or DEFAULT_IMPLICATIONS

    @property
    def order(self) -> tuple[str, ...]:
        chosen = [key for key in lines_of(self.section_order) if key in DEFAULT_ORDER]
        return (*chosen, *(key for key in DEFAULT_ORDER if key not in chosen))

    @classmethod
    def current(cls) -> PaperSettings:
        """The active council's settings; unsaved defaults when it has set none."""
        return cls.objects.first() or cls()


class Paper(models.Model):
    """One paper: a report kind for a plan and period, to a meeting. Published, it is frozen:
    a change needs a new version (`papers.actions.NewVersion`)."""

    TENANT_PATH = "plan__tenant"

    # A board annual report's own sections (choices.BOARD_SECTIONS); the priorities are rows.
    BOARD_FIELDS = (
        "recommendations_to_board",
        "background",
        "achievements",
        "areas_for_development",
        "principles",
        "young_peoples_voice",
    )
    # The plan as a whole, said once in a progress report's executive summary (not once per
    # programme); no other kind of paper has an executive summary of programmes.
    EXECUTIVE_SUMMARY_FIELDS = ("overall_position", "cross_cutting_issues", "decisions_sought")
    # Every section the team types, in the order the paper's form shows them: the form's
    # fields, and what a paper's next version copies.
    # The front sheet's head: what the paper is and who it is from and for.
    HEADING_FIELDS = (
        "title",
        "cabinet_member",
        "divisions_and_local_members",
        "lead_officer",
        "author",
        "contact_details",
        "forward_plan_reference",
    )
    TYPED_FIELDS = (
        *HEADING_FIELDS,
        "summary",
        "recommendations",
        "reasons",
        "links_to_priorities",
        "consultations",
        "scrutiny_comments",
        "background_papers",
        "appendices",
        *EXECUTIVE_SUMMARY_FIELDS,
        *BOARD_FIELDS,
        "introduction_heading",
        "introduction",
        "purpose",
        "measures_overview",
        "boards_view",
        "governance_arrangements",
    )
    # A progress report's own sections (choices.PROGRAMME_SECTIONS); the background is the
    # board report's field, shared.
    PROGRAMME_FIELDS = ("background", "measures_overview", "boards_view", "governance_arrangements")

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="papers")
    kind = models.CharField(max_length=20, choices=PaperKind.choices, default=PaperKind.PROGRAMME)
    # The canonical label ("2017/18 Q4").
    period = models.CharField(max_length=40)
    committee = models.CharField(max_length=200)
    meeting_date = models.DateField()
    version = models.PositiveSmallIntegerField(default=1)

    title = models.CharField(max_length=300, blank=True)
    cabinet_member = models.TextField(blank=True)
    divisions_and_local_members = models.TextField(blank=True)
    lead_officer = models.CharField(max_length=300, blank=True)
    author = models.CharField(max_length=300, blank=True)
    contact_details = models.TextField(blank=True)
    forward_plan_reference = models.CharField(max_length=60, blank=True)
    summary = models.TextField(blank=True)
    # Typed by the team, never generated: blank is "not yet written", and the paper is not
    # published so.
    recommendations = models.TextField(blank=True)
    reasons = models.TextField(blank=True)
    links_to_priorities = models.TextField(blank=True)
    consultations = models.TextField(blank=True)
    scrutiny_comments = models.TextField(blank=True)
    # One a line.
    background_papers = models.TextField(blank=True)
    appendices = models.TextField(blank=True)

    # The executive summary's plan-level parts.
    overall_position = models.TextField(blank=True)
    cross_cutting_issues = models.TextField(blank=True)
    decisions_sought = models.TextField(blank=True)

    # A board's annual report (kind "board"): its own sections, after the front sheet. Blank
    # lines part paragraphs; a line starting "- " is a bullet.
    recommendations_to_board = models.TextField(blank=True)
    background = models.TextField(blank=True)
    achievements = models.TextField(blank=True)
    areas_for_development = models.TextField(blank=True)
    principles = models.TextField(blank=True)
    young_peoples_voice = models.TextField(blank=True)

    # A lead member's annual report (kind "lead-member"): the introduction and its heading;
    # each theme's and area's words are `Narrative` rows.
    introduction_heading = models.CharField(max_length=200, blank=True)
    introduction = models.TextField(blank=True)
    # The corporate report (kind "corporate"): the purpose of the report.
    purpose = models.TextField(blank=True)
    # A progress report (kind "programme"): the overarching measures in words (seed 000's 2.1),
    # the board's view of the year, and the reporting round's governance arrangements.
    measures_overview = models.TextField(blank=True)
    boards_view = models.TextField(blank=True)
    governance_arrangements = models.TextField(blank=True)

    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.CharField(max_length=300, blank=True)

    objects = tenant_manager()

    class Meta:
        ordering = ["plan", "kind", "-meeting_date", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind", "period", "meeting_date", "version"],
                name="one_paper_version_per_meeting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.committee} {self.meeting_date:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("paper", args=[self.pk])

    @property
    def period_obj(self):
        return parse_period(self.period)

    @property
    def published(self) -> bool:
        return self.published_at is not None


class Implication(models.Model):
    """One implication section of a paper ("Financial", "Risk"…) and what it says."""

    TENANT_PATH = "paper__plan__tenant"
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="implications")
    heading = models.CharField(max_length=100)
    text = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = tenant_manager()

    class Meta:
        ordering = ["paper", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "heading"], name="one_implication_heading")
        ]

    def __str__(self) -> str:
        return f"{self.heading} implications"


class SeenBy(models.Model):
    """A row of the front sheet's "Seen by" table: who saw the paper in which role, and when."""

    TENANT_PATH = "paper__plan__tenant"
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="seen_by")
    role = models.CharField(max_length=200)
    name = models.CharField(max_length=200)
    seen_on = models.DateField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = tenant_manager()

    class Meta:
        ordering = ["paper", "order", "pk"]
        verbose_name = "seen-by row"

    def __str__(self) -> str:
        return f"Seen by {self.role}: {self.name}"


class GlossaryTerm(models.Model):
    TENANT_PATH = "paper__plan__tenant"
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="glossary")
    term = models.CharField(max_length=200)
    meaning = models.TextField()

    objects = tenant_manager()

    class Meta:
        ordering = ["paper", "term", "pk"]

    def __str__(self) -> str:
        return f"Glossary: {self.term}"


class PriorityProgress(models.Model):
    """A row of a board annual report's priorities table: a priority, the progress the board
    and the young people's councils made on it, and what the board recommends next."""

    TENANT_PATH = "paper__plan__tenant"
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="priorities")
    priority = models.TextField()
    board_progress = models.TextField(blank=True)
    young_peoples_progress = models.TextField(blank=True)
    recommendations_to_council = models.TextField(blank=True)
    recommendations_to_board = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = tenant_manager()

    class Meta:
        ordering = ["paper", "order", "pk"]
        verbose_name = "priority row"
        verbose_name_plural = "priority progress"

    def __str__(self) -> str:
        return f"Priority: {self.priority[:60]}"


class Narrative(models.Model):
    """What the report says in words on a theme (`area` blank) or on one area of work of it, in
    a lead member's annual report: the plan's themes and areas by name, or an area the team
    adds that has no figures (seed 002's Edge of Care)."""

    TENANT_PATH = "paper__plan__tenant"
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="narratives")
    theme = models.CharField(max_length=300)
    area = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = tenant_manager()

    class Meta:
        ordering = ["paper", "order", "pk"]

    def __str__(self) -> str:
        return f"Narrative: {self.area or self.theme}"
