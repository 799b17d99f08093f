"""The performance team's forms for a paper, in GOV.UK wording: start one, change its
sections, add a seen-by row or a glossary term, and set the council's implications and order."""

from __future__ import annotations

from typing import cast

from django import forms
from django.db import transaction

from scorecard.audit.locking import EditTokenMixin, stored_values, token_of
from scorecard.core.period_parser import parse_period
from scorecard.forms import GovukForm, GovukModelForm
from scorecard.framework.models import Plan
from scorecard.papers.choices import (
    BOARD_TITLES,
    DEFAULT_ORDER,
    LEAD_MEMBER_TITLES,
    PROGRAMME_TITLES,
    PURPOSE_TITLE,
    PaperKind,
)
from scorecard.papers.models import (
    GlossaryTerm,
    Narrative,
    Paper,
    PaperSettings,
    PriorityProgress,
    SeenBy,
    lines_of,
)
from scorecard.people.permissions import team_plan_ids

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATE_HINT = "For example, 9/7/2018 or 2018-07-09"


def date_field(label: str, noun: str, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text=DATE_HINT,
        widget=forms.DateInput(),
        error_messages={
            "required": f"Enter the {noun}",
            "invalid": f"Enter the {noun} as a real date, like 9/7/2018",
        },
    )


def text_field(label: str, noun: str, max_length: int, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        error_messages={
            "required": f"Enter the {noun}",
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
    )


class StartPaperForm(GovukForm):
    plan: forms.ModelChoiceField = forms.ModelChoiceField(
        Plan.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Choose the plan the paper reports on",
            "invalid_choice": "Choose one of the plans you look after",
        },
    )
    kind = forms.ChoiceField(
        label="Report",
        choices=PaperKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the report the paper fronts",
            "invalid_choice": "Choose the report the paper fronts",
        },
    )
    period = text_field("Period", "period, like Q4 2017/18", 40)
    committee = text_field("Committee", "committee the paper goes to", 200)
    meeting_date = date_field("Date of the meeting", "date of the meeting")

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        plans = Plan.objects.order_by("order", "name")
        looked_after = team_plan_ids(user)
        plan_field = cast(forms.ModelChoiceField, self.fields["plan"])
        plan_field.queryset = plans if looked_after is None else plans.filter(pk__in=looked_after)
        self.fields[
            "period"
        ].help_text = "For example, Q4 2017/18, or 2017/18 for the year's report"

    def clean_period(self):
        text = self.cleaned_data["period"]
        try:
            return parse_period(text)
        except ValueError:
            raise forms.ValidationError(
                "Enter the period as a quarter or year, like Q4 2017/18"
            ) from None


BOARD_HINT = "A blank line starts a new paragraph; start a line with '- ' for a bullet"
# Each kind's own sections, on its form only.
KIND_FIELDS = {
    PaperKind.BOARD: list(Paper.BOARD_FIELDS),
    PaperKind.LEAD_MEMBER: ["introduction_heading", "introduction"],
    PaperKind.CORPORATE: ["purpose"],
    PaperKind.PROGRAMME: [*Paper.PROGRAMME_FIELDS, *Paper.EXECUTIVE_SUMMARY_FIELDS],
}


class PaperForm(EditTokenMixin, GovukModelForm):
    """Every section the team types; each implication its own box."""

    committee = text_field("Committee", "committee the paper goes to", 200)
    meeting_date = date_field("Date of the meeting", "date of the meeting")

    class Meta:
        model = Paper
        fields = ["committee", "meeting_date", *Paper.TYPED_FIELDS]
        labels = {
            "title": "Title",
            "cabinet_member": "Cabinet member(s)",
            "divisions_and_local_members": "Division and local member(s)",
            "links_to_priorities": "Links to priorities and impact on service plans",
            "reasons": "Reasons for the recommendations",
            "consultations": "Consultations undertaken",
            "scrutiny_comments": "Scrutiny comments / recommendation",
            "overall_position": "Overall position (executive summary)",
            "cross_cutting_issues": "Issues across the programmes (executive summary)",
            "decisions_sought": "Decisions sought (executive summary)",
            **{name: BOARD_TITLES[name] for name in Paper.BOARD_FIELDS},
            "introduction_heading": "Heading of the introduction",
            "introduction": LEAD_MEMBER_TITLES["introduction"],
            "purpose": PURPOSE_TITLE,
            "measures_overview": PROGRAMME_TITLES["measures_overview"] + ", in words",
            "boards_view": PROGRAMME_TITLES["boards_view"],
            "governance_arrangements": "Governance arrangements (executive summary)",
        }
        help_texts = {
            "title": "Leave blank to use the report's own title",
            "recommendations": "Written by the team: the paper cannot be published without them",
            "background_papers": "One a line",
            "appendices": "One a line",
            "cross_cutting_issues": "Said once for the plan, not once per programme",
            **{name: BOARD_HINT for name in Paper.BOARD_FIELDS},
            "introduction_heading": "Leave blank to print 'Introduction'",
            "introduction": BOARD_HINT,
            "purpose": BOARD_HINT,
            **{name: BOARD_HINT for name in Paper.PROGRAMME_FIELDS if name != "background"},
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A field may belong to several kinds (the background: a board's and a progress
        # report's): it goes only where the paper's own kind has none of it.
        own = set(KIND_FIELDS.get(self.instance.kind, ()))
        for names in KIND_FIELDS.values():
            for name in names:
                if name not in own:
                    self.fields.pop(name, None)
        self.narratives = list(self.instance.narratives.all())
        for row in self.narratives:
            name = self.narrative_name(row.pk)
            self.fields[name] = forms.CharField(
                label=narrative_label(row),
                required=False,
                initial=row.text,
                help_text=BOARD_HINT,
                widget=forms.Textarea(
                    attrs={
                        "rows": 4,
                        "class": "govuk-textarea",
                        "aria-describedby": f"id_{name}-hint",
                    }
                ),
            )
        self.implications = list(self.instance.implications.all())
        for found in self.implications:
            self.fields[self.implication_name(found.pk)] = forms.CharField(
                label=f"{found.heading} implications",
                required=False,
                initial=found.text,
                widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
            )

    locked_noun = "paper"

    @staticmethod
    def implication_name(pk: int) -> str:
        return f"implication_{pk}"

    @staticmethod
    def narrative_name(pk: int) -> str:
        return f"narrative_{pk}"

    def stored_token(self, *, lock: bool = False) -> str:
        """The paper's row and the texts of its implications and narratives: another
        officer's change to any of them since this form was opened is refused, never
        silently overwritten."""
        paper = stored_values(Paper, self.instance.pk, lock=lock)
        return token_of(
            {
                "paper": paper,
                **{
                    rows: [
                        list(row)
                        for row in getattr(self.instance, rows)
                        .values_list("pk", "text")
                        .order_by("pk")
                    ]
                    for rows in ("implications", "narratives")
                },
            }
        )

    def save(self, commit: bool = True) -> Paper:
        with transaction.atomic():
            paper = super().save(commit=commit)
            for found in self.implications:
                text = self.cleaned_data.get(self.implication_name(found.pk), "")
                if text != found.text:
                    found.text = text
                    found.save(update_fields=["text"])
            for row in self.narratives:
                text = self.cleaned_data.get(self.narrative_name(row.pk), "")
                if text != row.text:
                    row.text = text
                    row.save(update_fields=["text"])
        return paper


def narrative_label(row: Narrative) -> str:
    """'Children's Social Care: Adoption', or the theme's own words."""
    return f"{row.theme}: {row.area}" if row.area else f"{row.theme}: the theme as a whole"


class SeenByForm(GovukModelForm):
    role = text_field("Seen by (role)", "role, like County Solicitor", 200)
    name = text_field("Name", "name", 200)
    seen_on = date_field("Date seen", "date it was seen", required=False)

    class Meta:
        model = SeenBy
        fields = ["role", "name", "seen_on"]


class PriorityForm(GovukModelForm):
    """A row of a board annual report's priorities table."""

    priority = forms.CharField(
        label="Priority",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter the priority"},
    )

    class Meta:
        model = PriorityProgress
        fields = [
            "priority",
            "board_progress",
            "young_peoples_progress",
            "recommendations_to_council",
            "recommendations_to_board",
        ]
        labels = {
            "board_progress": "The board's progress",
            "young_peoples_progress": "The young people's councils' progress",
            "recommendations_to_council": "Recommendations to Council",
            "recommendations_to_board": "Recommendations to the Board",
        }
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in (
                "board_progress",
                "young_peoples_progress",
                "recommendations_to_council",
                "recommendations_to_board",
            )
        }


class NarrativeForm(GovukModelForm):
    """An area of work a lead member's report writes on that the plan has no figures for (seed
    002's Edge of Care), under one of the report's themes."""

    theme = forms.ChoiceField(
        label="Theme",
        error_messages={"required": "Choose the theme", "invalid_choice": "Choose a theme"},
    )
    area = text_field("Area of work", "area of work, like Edge of Care", 300)
    text = forms.CharField(
        label="What the report says",
        required=False,
        help_text=BOARD_HINT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    class Meta:
        model = Narrative
        fields = ["theme", "area", "text"]

    def __init__(self, *args, themes: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["theme"]).choices = [(name, name) for name in themes]


class GlossaryForm(GovukModelForm):
    term = text_field("Term", "term, like EHCP", 200)
    meaning = forms.CharField(
        label="Meaning",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the term means"},
    )

    class Meta:
        model = GlossaryTerm
        fields = ["term", "meaning"]


class PaperSettingsForm(EditTokenMixin, GovukModelForm):
    locked_noun = "settings page"

    class Meta:
        model = PaperSettings
        fields = ["implication_headings", "section_order"]
        labels = {
            "implication_headings": "Implications each paper has a section for",
            "section_order": "Order of the front sheet's sections",
        }
        help_texts = {
            "implication_headings": "One a line, like Financial or Equalities. Leave blank for "
            "Financial, Legal, HR, Risk and Other (including due regard)",
            "section_order": "One section a line, from: " + ", ".join(DEFAULT_ORDER) + ". Those "
            "left out follow in that order",
        }

    def clean_implication_headings(self):
        headings = lines_of(self.cleaned_data["implication_headings"])
        long = [heading for heading in headings if len(heading) > 100]
        if long:
            raise forms.ValidationError("Each implication must be 100 characters or fewer")
        if len({heading.casefold() for heading in headings}) != len(headings):
            raise forms.ValidationError("Enter each implication once")
        return "\n".join(headings)

    def clean_section_order(self):
        keys = lines_of(self.cleaned_data["section_order"])
        unknown = [key for key in keys if key not in DEFAULT_ORDER]
        if unknown:
            raise forms.ValidationError(
                f"Enter sections from the list: '{unknown[0][:60]}' is not one of them"
            )
        if len(set(keys)) != len(keys):
            raise forms.ValidationError("Enter each section once")
        return "\n".join(keys)
