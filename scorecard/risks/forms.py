"""Creating and changing risks, and adding their assessments: every check on the server, every
message in plain English, the way the GOV.UK Design System words them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone

from scorecard.audit.locking import EditTokenMixin
from scorecard.core.digits import is_digits
from scorecard.core.period_parser import parse_period
from scorecard.core.risk_scoring import IMPACT_WORDS, LIKELIHOOD_WORDS
from scorecard.forms import BoundedMultipleChoiceField
from scorecard.framework.models import Organisation, Plan, Programme
from scorecard.people import permissions
from scorecard.people.models import Person
from scorecard.risks.fields import RISK_FIELDS
from scorecard.risks.models import Risk, RiskAssessment
from scorecard.risks.register import long_date

REFERENCE = re.compile(r"[A-Za-z0-9._-]+")
# Addresses under /risks/ that a reference would hide, and names a browser rewrites ('.', '..').
EARLIEST_YEAR = 1900
PARTS = ("day", "month", "year")


@dataclass(frozen=True, slots=True)
class Option:
    """One radio or checkbox, ready for the template."""

    id: str
    value: str
    label: str
    checked: bool


@dataclass(frozen=True, slots=True)
class DateInput:
    id: str
    name: str
    label: str
    value: str
    width: int
    error: bool


@dataclass(frozen=True, slots=True)
class ErrorLink:
    href: str
    message: str


class GovukFormMixin:
    """What the templates need: the error summary's links, and choices as options."""

    # Fields shown as radios, checkboxes or a date: the summary links to their first input.
    grouped: dict[str, str] = {}

    def error_links(self) -> list[ErrorLink]:
        links = []
        for name in self.fields:
            for error in self.errors.as_data().get(name, []):
                for message in error.messages:
                    links.append(ErrorLink(f"#{self.input_id(name, error.code)}", message))
        for message in self.non_field_errors():
            links.append(ErrorLink("#main-content", message))
        return links

    def input_id(self, name: str, code: str | None = None) -> str:
        kind = self.grouped.get(name)
        field_id = self[name].auto_id
        if kind == "date":
            part = code if code in PARTS else "day"
            return f"{field_id}_{part}"
        return f"{field_id}-1" if kind else field_id

    def date_inputs(self, name: str) -> list[DateInput]:
        bound = self[name]
        value = bound.value()
        if isinstance(value, date):
            value = [value.day, value.month, value.year]
        parts = list(value or [])[:3] + [""] * (3 - len(value or []))
        codes = {error.code for error in self.errors.as_data().get(name, [])}
        return [
            DateInput(
                f"{bound.auto_id}_{part}",
                f"{bound.html_name}_{part}",
                part.capitalize(),
                "" if parts[index] is None else str(parts[index]),
                4 if part == "year" else 2,
                bool(codes & {part, "date"}),
            )
            for index, part in enumerate(PARTS)
        ]

    def options(self, name: str) -> list[Option]:
        bound = self[name]
        value = bound.value()
        chosen = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
        return [
            Option(f"{bound.auto_id}-{number}", str(key), str(label), str(key) in chosen)
            for number, (key, label) in enumerate(self.fields[name].choices, start=1)
            if str(key) != ""
        ]


# --- risks -------------------------------------------------------------------------------


class ProgrammeChoices(BoundedMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.plan.name})"


class RiskForm(EditTokenMixin, GovukFormMixin, forms.ModelForm):
    locked_noun = "risk"
    grouped = {"programmes": "checkboxes"}

    reference = forms.CharField(
        max_length=60,
        error_messages={
            "required": "Enter a reference, like ORG0009",
            "max_length": "Reference must be 60 characters or fewer",
        },
    )
    title = forms.CharField(
        max_length=300,
        error_messages={
            "required": "Enter a title",
            "max_length": "Title must be 300 characters or fewer",
        },
    )
    plan = forms.ModelChoiceField(
        Plan.objects.all(),
        required=False,
        empty_label="Not linked to a plan",
        error_messages={"invalid_choice": "Select a plan from the list"},
    )
    programmes = ProgrammeChoices(
        Programme.objects.select_related("plan").order_by("plan__order", "plan__name", "order"),
        required=False,
        error_messages={
            "invalid_choice": "Select programmes from the list",
            "invalid_pk_value": "Select programmes from the list",
        },
    )
    owner = forms.ModelChoiceField(
        Person.objects.all(),
        required=False,
        empty_label="No owner",
        error_messages={"invalid_choice": "Select an owner from the list"},
    )
    organisation = forms.ModelChoiceField(
        Organisation.objects.all(),
        required=False,
        empty_label="No organisation",
        error_messages={"invalid_choice": "Select an organisation from the list"},
    )
    category = forms.CharField(
        max_length=100,
        required=False,
        error_messages={"max_length": "Category must be 100 characters or fewer"},
    )
    target_score = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=25,
        error_messages={
            "invalid": "Target score must be a whole number from 1 to 25",
            "min_value": "Target score must be a whole number from 1 to 25",
            "max_value": "Target score must be a whole number from 1 to 25",
        },
    )

    class Meta:
        model = Risk
        fields = list(RISK_FIELDS)

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Who owns the risk and where it sits are the team's (for its plan) to change.
        if permissions.lock_managed_fields(self, user, self.instance):
            plans = permissions.team_plan_ids(user)
            if plans is not None:
                programmes = self.fields["programmes"]
                programmes.queryset = programmes.queryset.filter(plan__in=plans)

    def clean_reference(self) -> str:
        reference = self.cleaned_data["reference"].strip()
        if not REFERENCE.fullmatch(reference):
            raise forms.ValidationError(
                "Reference must only include letters, numbers, full stops, hyphens and underscores"
            )
        if reference.lower() in Risk.RESERVED_REFERENCES or not reference.strip("."):
            raise forms.ValidationError(f"Reference cannot be {reference}: choose another")
        taken = Risk.objects.filter(reference__iexact=reference).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"A risk with reference {reference} already exists")
        return reference

    def clean(self) -> dict:
        cleaned = super().clean()
        plan = cleaned.get("plan")
        if cleaned.get("programmes") and not plan:
            self.add_error("plan", "Choose the plan whose programmes this risk threatens")
        elsewhere = [p for p in cleaned.get("programmes") or [] if plan and p.plan_id != plan.pk]
        if elsewhere:
            self.add_error(
                "programmes",
                f"{elsewhere[0].name} is not a programme of {plan.name}: "
                "choose programmes of the risk's plan",
            )
        return cleaned

    def save_checked(self) -> Risk | None:
        """The saved risk, or None with an error when another change took the reference first."""
        try:
            with transaction.atomic():
                return self.save_unless_changed()
        except IntegrityError:
            self.add_error("reference", "A risk with this reference already exists")
            return None


# --- assessments -------------------------------------------------------------------------


class DateParts(forms.MultiWidget):
    def __init__(self) -> None:
        parts = {"day": forms.TextInput, "month": forms.TextInput, "year": forms.TextInput}
        super().__init__(widgets=parts)

    def decompress(self, value):
        return [value.day, value.month, value.year] if value else [None, None, None]


class GovukDateField(forms.MultiValueField):
    """Day, month and year boxes, checked the GOV.UK way: say which part is missing or wrong."""

    widget = DateParts

    def __init__(self, *, noun: str, **kwargs) -> None:
        self.noun = noun
        parts = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields=parts, require_all_fields=False, **kwargs)

    def clean(self, value) -> date:
        parts = dict(zip(PARTS, (str(part or "").strip() for part in value or []), strict=False))
        missing = [name for name in PARTS if not parts.get(name)]
        noun = self.noun.capitalize()
        if len(missing) == len(PARTS):
            raise forms.ValidationError(f"Enter the {self.noun}", code="date")
        if missing:
            raise forms.ValidationError(
                f"{noun} must include a {' and '.join(missing)}", code=missing[0]
            )
        if not all(is_digits(part) for part in parts.values()):
            raise forms.ValidationError(f"{noun} must be a real date", code="date")
        if len(parts["year"]) != 4:
            raise forms.ValidationError("Year must include 4 numbers", code="year")
        return self._checked(parts["day"], parts["month"], parts["year"])

    def _checked(self, day: str, month: str, year: str) -> date:
        try:
            value = date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise forms.ValidationError(
                f"{self.noun.capitalize()} must be a real date", code="date"
            ) from None
        if value.year < EARLIEST_YEAR:
            raise forms.ValidationError(
                f"{self.noun.capitalize()} must be in {EARLIEST_YEAR} or later", code="year"
            )
        if value > timezone.localdate():
            raise forms.ValidationError(
                f"{self.noun.capitalize()} must be today or in the past", code="date"
            )
        return value


def _scale(words: dict[int, str]) -> list[tuple[int, str]]:
    return [(number, f"{number} – {word}") for number, word in words.items()]


class AssessmentForm(GovukFormMixin, forms.Form):
    grouped = {"assessed_on": "date", "likelihood": "radios", "impact": "radios"}

    assessed_on = GovukDateField(noun="date of the assessment")
    period = forms.CharField(
        required=False,
        max_length=40,
        error_messages={"max_length": "Period must be 40 characters or fewer"},
    )
    likelihood = forms.TypedChoiceField(
        choices=_scale(LIKELIHOOD_WORDS),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how likely the risk is to happen",
            "invalid_choice": "Select a likelihood from 1 to 5",
        },
    )
    impact = forms.TypedChoiceField(
        choices=_scale(IMPACT_WORDS),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how great the impact would be",
            "invalid_choice": "Select an impact from 1 to 5",
        },
    )
    note = forms.CharField(required=False, widget=forms.Textarea)

    def __init__(self, *args, risk: Risk, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.risk = risk

    def clean_period(self) -> str:
        label = self.cleaned_data["period"].strip()
        if not label:
            return ""
        try:
            return parse_period(label).label
        except ValueError:
            raise forms.ValidationError(
                "Enter a period like Q2 2019/20, Sep-19 or 2019/20, or leave it blank"
            ) from None

    def clean_assessed_on(self) -> date:
        assessed_on = self.cleaned_data["assessed_on"]
        if self.risk.assessments.filter(assessed_on=assessed_on).exists():
            raise self._taken(assessed_on)
        return assessed_on

    def _taken(self, assessed_on: date) -> forms.ValidationError:
        return forms.ValidationError(
            f"{self.risk.reference} already has an assessment dated {long_date(assessed_on)}: "
            "enter a different date",
            code="date",
        )

    def save_checked(self) -> RiskAssessment | None:
        """The new assessment, or None with an error when one for that date arrived first."""
        data = self.cleaned_data
        try:
            with transaction.atomic():
                return RiskAssessment.objects.create(
                    risk=self.risk,
                    assessed_on=data["assessed_on"],
                    period=data["period"],
                    likelihood=data["likelihood"],
                    impact=data["impact"],
                    note=data["note"],
                )
        except IntegrityError:
            self.add_error("assessed_on", self._taken(data["assessed_on"]))
            return None
