"""Forms the performance team uses to add and change actions and to log their progress."""

from __future__ import annotations

from datetime import date
from typing import cast

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone

from scorecard.audit.locking import EditTokenMixin
from scorecard.core.delivery_status import BlueMeaning, DeliveryKind, status_meaning
from scorecard.core.ratings import Rag
from scorecard.delivery.models import Action, ActionPlan, ActionUpdate
from scorecard.forms import BoundedMultipleChoiceField, GovukForm, GovukModelForm
from scorecard.people import permissions
from scorecard.people.models import Person

DATE_FORMATS = ["%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]
DATE_HELP = "For example, 01.06.2018"
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


def status_options(blue: BlueMeaning = BlueMeaning.COMPLETE_OR_BAU) -> list[tuple[str, str]]:
    """G, A, R and B with what each means (B as the action plan has it mean)."""
    return [
        (rag.value, f"{rag.label} ({rag.value}): {status_meaning(rag, DeliveryKind.ACTION, blue)}")
        for rag in Rag
    ]


STATUS_OPTIONS = status_options()
BLUE_MEANING_OPTIONS = [(meaning.value, meaning.label) for meaning in BlueMeaning]


def _shown(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def date_field(label: str, help_text: str = DATE_HELP, **kwargs) -> forms.DateField:
    """A date typed the council way (01.06.2018), shown back the same way."""
    return forms.DateField(
        label=label,
        help_text=help_text,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%d.%m.%Y"),
        error_messages={
            "required": f"Enter the {label[0].lower()}{label[1:]}",
            "invalid": f"Enter a real date, for example 01.06.2018, in '{label}'",
        },
        **kwargs,
    )


def _check_range(form: forms.BaseForm, name: str) -> None:
    day = form.cleaned_data.get(name)
    if day and not EARLIEST <= day <= LATEST:
        form.add_error(name, "Enter a date between 1900 and 2100")


class OwnersField(BoundedMultipleChoiceField):
    """People, shown as 'name, job title (organisation)'."""

    def label_from_instance(self, obj: Person) -> str:
        return obj.described


class ActionForm(EditTokenMixin, GovukModelForm):
    """An action's details. The original date is set once; later changes are revised dates,
    appended to the history (never replacing it)."""

    locked_noun = "action"

    owners = OwnersField(
        queryset=Person.objects.select_related("organisation"),
        required=False,
        label="Owners",
        help_text="Choose one or more. Hold Ctrl (Cmd on a Mac) to choose more than one.",
    )
    due = date_field("Original date", required=False)
    new_revised_due = date_field(
        "New revised date",
        help_text=(
            "Only when the date has moved, for example 01.06.2018. "
            "It is added to the date history: earlier dates are kept."
        ),
        required=False,
    )
    status = forms.ChoiceField(
        choices=STATUS_OPTIONS, widget=forms.RadioSelect, required=False, label="Status"
    )
    completed = date_field(
        "Completion date",
        help_text=(
            "The day the action was finished, for example 09.02.2018. From then on it is "
            "complete and never overdue. Leave empty while it is not finished."
        ),
        required=False,
    )

    class Meta:
        model = Action
        fields = ["reference", "objective", "description", "owners", "due", "status", "completed"]
        labels = {"reference": "Reference", "objective": "Objective", "description": "Action"}
        help_texts = {
            "reference": "Unique within the action plan, for example 3.2",
            "objective": (
                "The objective the action serves, with its number. "
                "Actions with the same objective are shown together."
            ),
        }
        widgets = {"objective": forms.TextInput(), "description": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "reference": {"required": "Enter the action's reference, for example 3.2"},
            "description": {"required": "Describe the action"},
        }

    field_order = [
        "reference",
        "objective",
        "description",
        "owners",
        "due",
        "new_revised_due",
        "completed",
        "status",
    ]

    def __init__(self, *args, action_plan: ActionPlan, user=None, **kwargs) -> None:
        self.action_plan = action_plan
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.instance.action_plan = action_plan
        # Who owns the action is the team's (for its plan) to change, not the owners'.
        permissions.lock_managed_fields(self, user, self.instance)
        cast(forms.ChoiceField, self.fields["status"]).choices = status_options(
            action_plan.blue_meaning
        )
        owners = self.fields["owners"].widget.attrs
        owners["class"] += " scorecard-action-owners"
        owners["size"] = "6"
        self.fields["objective"].widget.attrs["list"] = "objective-options"
        self.fields["objective"].widget.attrs["autocomplete"] = "off"
        if self.instance.pk is None:
            del self.fields["new_revised_due"]
        elif self.instance.due is not None:
            self.fields["due"].disabled = True
            self.fields[
                "due"
            ].help_text = (
                "Set when the action was planned. To move the date, give a new revised date."
            )

    def clean_reference(self) -> str:
        reference = self.cleaned_data["reference"].strip()
        clash = Action.objects.filter(action_plan=self.action_plan, reference=reference)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"This action plan already has an action {reference}")
        return reference

    def clean(self) -> dict:
        cleaned = super().clean()
        for name in ("due", "new_revised_due", "completed"):
            _check_range(self, name)
        completed = cleaned.get("completed")
        if completed and completed > timezone.localdate():
            self.add_error("completed", "The completion date must be today or in the past")
        revised = cleaned.get("new_revised_due")
        if revised:
            current = self.instance.current_due
            if not cleaned.get("due"):
                self.add_error("new_revised_due", "Give the original date before revising it")
            elif revised == current:
                self.add_error(
                    "new_revised_due",
                    f"The action is already due on {_shown(revised)}: "
                    "leave the new revised date empty to keep it",
                )
        return cleaned

    def save(self, commit: bool = True) -> Action:
        action = super().save(commit=False)
        action.action_plan = self.action_plan
        revised = self.cleaned_data.get("new_revised_due")
        if revised:
            action.revise((*action.revisions, revised))
        if action.pk is None:
            last = self.action_plan.actions.order_by("-order").first()
            action.order = last.order + 1 if last else 0
        if commit:
            action.save()
            self.save_m2m()
        return action


class ActionUpdateForm(GovukForm):
    dated = date_field("Date of the update", help_text="Today or earlier, for example 01.06.2018")
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Progress update",
        error_messages={"required": "Enter the progress update"},
    )
    status = forms.ChoiceField(
        choices=STATUS_OPTIONS,
        widget=forms.RadioSelect,
        required=False,
        label="Status with this update",
        help_text=(
            "Kept with the update, so papers for this quarter show it later. "
            "The newest update's status becomes the action's status."
        ),
    )

    def __init__(self, *args, action: Action, **kwargs) -> None:
        self.action = action
        kwargs.setdefault("initial", {"dated": timezone.localdate(), "status": action.status})
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["status"]).choices = status_options(
            action.action_plan.blue_meaning
        )

    def clean_dated(self) -> date:
        day = self.cleaned_data["dated"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date of the update must be today or in the past")
        if day < EARLIEST:
            raise forms.ValidationError("Enter a date between 1900 and today")
        if ActionUpdate.objects.filter(action=self.action, dated=day).exists():
            raise forms.ValidationError(
                f"Action {self.action.reference} already has an update dated {_shown(day)}: "
                "there can be one update a day, so choose another date"
            )
        return day

    def save(self) -> ActionUpdate | None:
        """The update, or None (with the error on the form) if another was saved meanwhile.
        A status given with the newest update is the action's status from then on."""
        action = self.action
        update = ActionUpdate(
            action=action,
            dated=self.cleaned_data["dated"],
            text=self.cleaned_data["text"],
            status=self.cleaned_data.get("status") or "",
        )
        try:
            with transaction.atomic():
                update.save()
                newer = ActionUpdate.objects.filter(action=action, dated__gt=update.dated)
                if update.status and update.status != action.status and not newer.exists():
                    action.status = update.status
                    action.save(update_fields=["status"])
        except IntegrityError:
            self.add_error("dated", "Another update was saved for this date: choose another")
            return None
        return update


def save_action(form: ActionForm) -> Action | None:
    """Save, turning a clash with an action saved meanwhile into an error on the form."""
    try:
        with transaction.atomic():
            return form.save_unless_changed()
    except IntegrityError:
        form.add_error("reference", "Another action was saved with this reference: choose another")
        return None


class ActionPlanForm(EditTokenMixin, GovukModelForm):
    """An action plan: a programme's, or a board sub-group's (task group's)."""

    locked_noun = "action plan"

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        permissions.lock_managed_fields(self, user, self.instance)

    blue_means = forms.ChoiceField(
        choices=BLUE_MEANING_OPTIONS,
        widget=forms.RadioSelect,
        initial=BlueMeaning.COMPLETE_OR_BAU.value,
        required=False,
        label="What Blue (B) means on these actions",
        help_text=(
            "An action that is B is never overdue unless B means only on track; "
            "it needs no more updates when B means complete or business as usual."
        ),
    )

    class Meta:
        model = ActionPlan
        fields = ["plan", "name", "programme", "board", "blue_means"]
        labels = {"name": "Name of the action plan or sub-group"}
        help_texts = {
            "name": "For example Health and Wellbeing",
            "programme": "The programme the actions deliver, if any",
            "board": "The board whose sub-group this is, if any",
        }

    def clean_blue_means(self) -> str:
        """Not chosen (a form or script that leaves it out): as it was, else the usual meaning."""
        chosen = self.cleaned_data.get("blue_means")
        return chosen or self.instance.blue_means or BlueMeaning.COMPLETE_OR_BAU.value

    def clean(self) -> dict:
        cleaned = super().clean()
        plan, programme = cleaned.get("plan"), cleaned.get("programme")
        if plan and programme and programme.plan_id != plan.pk:
            self.add_error("programme", f"Choose a programme of the plan '{plan}'")
        name = cleaned.get("name")
        if plan and name:
            clash = ActionPlan.objects.filter(plan=plan, name=name).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("name", "This plan already has an action plan with that name")
        return cleaned
