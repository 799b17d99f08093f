"""Forms the performance team uses to add and change projects, their reports and milestones."""

from __future__ import annotations

from datetime import date
from typing import cast

from django import forms

from scorecard.audit.locking import EditTokenMixin
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodError
from scorecard.delivery.fields import STATUS_CHOICES
from scorecard.delivery.models import DIRECTION_CHOICES, Milestone, Project, ProjectUpdate
from scorecard.delivery.project_fields import PROJECT_FIELDS
from scorecard.forms import GovukForm, GovukModelForm
from scorecard.people import permissions

IDENTIFIER_HELP = "Letters, digits, dots, hyphens and underscores, for example BP-PRJ-01"
EARLIEST = date(1900, 1, 1)
# Four-digit years only, as on import: 01/03/18 could be 1918 or 2018.
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y"]


class ProjectForm(EditTokenMixin, GovukModelForm):
    locked_noun = "project"
    project_id = forms.RegexField(
        regex=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        max_length=60,
        label="Project reference",
        help_text=IDENTIFIER_HELP,
        error_messages={"invalid": "Enter a reference using only " + IDENTIFIER_HELP.lower()},
    )

    class Meta:
        model = Project
        fields = list(PROJECT_FIELDS)
        labels = {"title": "Project title"}

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Who owns the project and where it sits are the team's (for its plan) to change.
        permissions.lock_managed_fields(self, user, self.instance)

    def clean_project_id(self) -> str:
        project_id = self.cleaned_data["project_id"]
        if project_id.lower() in Project.RESERVED_IDS:
            raise forms.ValidationError(
                f"A project cannot be called '{project_id}': choose another"
            )
        return project_id

    def clean(self) -> dict:
        cleaned = super().clean()
        _outcome_from_priority(self, cleaned)
        plan = cleaned.get("plan")
        for name in ("outcome", "priority", "programme"):
            linked = cleaned.get(name)
            linked_plan = getattr(linked, "plan_id", None) or getattr(
                getattr(linked, "outcome", None), "plan_id", None
            )
            if linked and plan and linked_plan != plan.pk:
                self.add_error(name, f"Choose a {name} of the plan '{plan}'")
        return cleaned


def _outcome_from_priority(form: forms.ModelForm, cleaned: dict) -> None:
    """A priority sits under one outcome: the project's outcome is that one (as on import)."""
    priority, outcome = cleaned.get("priority"), cleaned.get("outcome")
    if priority is None:
        return
    if outcome is not None and outcome.pk != priority.outcome_id:
        form.add_error("priority", f"This priority is under the outcome '{priority.outcome}'")
    else:
        cleaned["outcome"] = priority.outcome


def _period(text: str) -> Period:
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise forms.ValidationError(f"Enter a period such as Q2 2019/20: {exc}") from None


UPDATE_HIGHLIGHTS = tuple(name for name, _ in ProjectUpdate.HIGHLIGHTS)


class ProjectUpdateForm(GovukForm):
    period = forms.CharField(
        max_length=40, label="Period", help_text="The quarter or month reported on, e.g. Q2 2019/20"
    )
    status = forms.ChoiceField(choices=STATUS_CHOICES, widget=forms.RadioSelect, label="Status")
    direction = forms.ChoiceField(
        choices=[("", "Work it out from the milestones"), *DIRECTION_CHOICES],
        required=False,
        label="Direction",
        help_text="Leave it to the milestones unless you have a reason to set it; "
        "choose No direction when there is nothing yet to judge it by",
    )
    latest_position = forms.CharField(widget=forms.Textarea, required=False)
    next_steps = forms.CharField(widget=forms.Textarea, required=False)
    areas_of_success = forms.CharField(
        widget=forms.Textarea, required=False, help_text="What is working well"
    )
    areas_of_concern = forms.CharField(
        widget=forms.Textarea, required=False, help_text="What you are worried about"
    )
    focus_next_quarter = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Focus for next quarter",
        help_text="What needs to happen",
    )

    def clean_period(self) -> Period:
        return _period(self.cleaned_data["period"])


class MilestoneForm(EditTokenMixin, GovukModelForm):
    locked_noun = "milestone"
    new_revised_due = forms.DateField(
        required=False,
        input_formats=DATE_FORMATS,
        label="New revised due date",
        help_text="For example 2018-06-01. Earlier revisions are kept.",
    )

    class Meta:
        model = Milestone
        fields = ["title", "due", "completed", "at_risk"]
        labels = {"title": "Milestone", "due": "Original due date", "at_risk": "At risk"}
        field_classes = {"due": forms.DateField, "completed": forms.DateField}
        help_texts = {
            "due": "For example 2018-03-01",
            "completed": "The date it was achieved, if it has been",
            "at_risk": "The owner reports it may be missed",
        }

    def __init__(self, *args, project: Project, **kwargs) -> None:
        self.project = project
        super().__init__(*args, **kwargs)
        for name in ("due", "completed"):
            cast(forms.DateField, self.fields[name]).input_formats = DATE_FORMATS
        self.fields["due"].required = True
        if self.instance.pk and self.instance.due:
            # Once set, the original date stays: a change is a revision, so history is kept.
            self.fields["due"].disabled = True
            self.fields["due"].help_text = "To move it, give a new revised due date below"

    def clean(self) -> dict:
        cleaned = super().clean()
        for name in ("due", "completed", "new_revised_due"):
            day = cleaned.get(name)
            if day and not EARLIEST <= day <= date(2100, 12, 31):
                self.add_error(name, "Enter a date between 1900 and 2100")
        revised = cleaned.get("new_revised_due")
        if revised and revised == (self.instance.current_due or cleaned.get("due")):
            self.add_error("new_revised_due", "The milestone is already due on that date")
        if cleaned.get("completed") and cleaned["completed"] > date.today():
            self.add_error("completed", "The completed date cannot be in the future")
        title = cleaned.get("title")
        clash = Milestone.objects.filter(project=self.project, title=title)
        if title and clash.exclude(pk=self.instance.pk).exists():
            self.add_error("title", "This project already has a milestone with that title")
        return cleaned

    def save(self, commit: bool = True) -> Milestone:
        milestone = super().save(commit=False)
        milestone.project = self.project
        revised = self.cleaned_data.get("new_revised_due")
        if revised:
            milestone.revise((*milestone.revisions, revised))
        if commit:
            milestone.save()
        return milestone


def save_update(project: Project, form: ProjectUpdateForm) -> tuple[ProjectUpdate, bool]:
    period = form.cleaned_data["period"]
    update = ProjectUpdate.objects.filter(project=project, period=period.label).first()
    created = update is None
    update = update or ProjectUpdate(project=project)
    update.set_period(period)
    for name in ("status", "direction", "latest_position", "next_steps", *UPDATE_HIGHLIGHTS):
        setattr(update, name, form.cleaned_data[name])
    update.save()
    return update, created
