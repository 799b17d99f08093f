"""Forms for the reporting cycle: a measure's value, a cycle's dates, a decision, an upload."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django import forms

from scorecard.core.entry_checks import DECIMAL_PLACES, far_from_history
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodError
from scorecard.core.units import format_value, written_decimals
from scorecard.cycles.entry import Entry, history
from scorecard.cycles.models import ReportingCycle
from scorecard.delivery.project_forms import DATE_FORMATS
from scorecard.forms import GovukForm, GovukModelForm
from scorecard.framework.models import Plan
from scorecard.measures.models import Measure
from scorecard.uploads import describe_limit, largest_upload

NUMBER_ERRORS = {"invalid": "Enter a number, for example 42 or 87.5"}


def _number(label: str, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        help_text=help_text,
        max_digits=23,
        decimal_places=DECIMAL_PLACES,
        error_messages={
            **NUMBER_ERRORS,
            "max_digits": f"Enter a {label.lower()} of at most 23 digits",
            "max_decimal_places": f"Enter the {label.lower()} with at most 8 decimal places",
            "max_whole_digits": f"The {label.lower()} is too large",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
    )


class _PeriodChoiceField(forms.ChoiceField):
    """A period the cycle asks for, in any form a person may write it (DESIGN §4): matched on
    its canonical label, never on the text as typed."""

    def to_python(self, value):
        text = super().to_python(value)
        try:
            return parse_period(text).label if text else text
        except PeriodError:
            return text


class MeasureValueForm(GovukForm):
    """One reading of a measure for a period the cycle asks for."""

    # Fixed by the page's address (the page links to the cycle's other periods), so that the
    # check on who else saved the reading is about the reading the form was opened on.
    period = _PeriodChoiceField(label="Period", widget=forms.HiddenInput)
    numerator = _number("Numerator")
    denominator = _number("Denominator")
    value = _number("Value")
    commentary = forms.CharField(
        label="Commentary",
        required=False,
        help_text="What lies behind the figure, and what is being done about it",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    confirm = forms.BooleanField(label="I have checked this value and it is right", required=False)
    loaded = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, measure: Measure, periods: list[Period], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.periods = {p.label: p for p in periods}
        self.fields["period"].choices = [(p.label, p.display) for p in periods]
        self.uses_counts = measure.observations.filter(denominator__isnull=False).exists()
        if self.uses_counts:
            self.fields["numerator"].help_text = "The number counted, for example 45"
            self.fields["denominator"].help_text = "The number it is out of, for example 60"
            # The figure as published is kept as typed; blank, it is worked out from the two.
            self.fields["value"].help_text = (
                f"{_value_hint(measure)}. Leave it blank to have it worked out from the "
                "numerator and denominator"
            )
        else:
            del self.fields["numerator"]
            del self.fields["denominator"]
            self.fields["value"].help_text = _value_hint(measure)
        self.fields["value" if "value" in self.fields else "numerator"].widget.attrs["class"] = (
            "govuk-input govuk-input--width-10"
        )
        for name in ("numerator", "denominator", "value"):
            if name in self.fields:
                self.fields[name].widget.attrs["class"] = "govuk-input govuk-input--width-10"
        self.warning: str | None = None

    def clean_period(self) -> Period:
        label = self.cleaned_data["period"]
        if label not in self.periods:
            raise forms.ValidationError("Choose a period this reporting cycle asks for")
        return self.periods[label]

    def entry(self) -> Entry:
        data = self.cleaned_data
        value = data.get("value")
        return Entry(
            value=value,
            numerator=data.get("numerator"),
            denominator=data.get("denominator"),
            commentary=data.get("commentary", ""),
            # As typed: the form's Decimal keeps its digits ("58.0" stays 58.0).
            written_decimals=written_decimals(str(value)) if value is not None else None,
        )

    def clean(self) -> dict:
        cleaned = super().clean()
        if "period" in self.errors:
            # A hidden field: say so at the top of the form.
            self.errors.pop("period")
            self.add_error(None, "This reporting cycle does not ask for a reading of that period")
        if self.errors:
            return cleaned
        entry = self.entry()
        problems = entry.problems(self.measure)
        for problem in problems:
            field = (
                problem.field
                if problem.field in self.fields
                else next(name for name in ("value", "numerator") if name in self.fields)
            )
            self.add_error(field, problem.message)
        if problems:
            return cleaned
        value = entry.final_value(self.measure)
        if value is not None:
            self.warning = far_from_history(value, history(self.measure, cleaned["period"]))
        if self.warning and not cleaned.get("confirm"):
            self.add_error("confirm", self.warning)
        return cleaned


def _value_hint(measure: Measure) -> str:
    example = format_value(
        Decimal("87.5"), measure.unit, rate_per=measure.rate_per, money_unit=measure.money_unit
    )
    return f"A number, without the unit: 87.5 for {example}"


def _dates(text: str) -> list[date]:
    """Dates separated by commas or new lines, in any of the forms the other forms take."""
    found = []
    for part in text.replace("\n", ",").split(","):
        part = part.strip()
        if not part:
            continue
        for pattern in DATE_FORMATS:
            try:
                found.append(datetime.strptime(part, pattern).date())
                break
            except ValueError:
                continue
        else:
            raise forms.ValidationError(
                f"'{part}' is not a date: write it like 2020-01-10 or 10/01/2020"
            )
    return sorted(set(found))


DATE_HELP = "For example 2020-01-17 or 17/01/2020"


class CycleForm(GovukModelForm):
    period = forms.CharField(
        label="Period",
        help_text="The period the cycle collects, for example Q3 2019/20 or 2019/20 Q3",
        max_length=40,
    )
    reminder_dates = forms.CharField(
        label="Reminder dates",
        required=False,
        help_text="Dates between opening and the deadline, separated by commas, "
        "for example 2020-01-06, 2020-01-13",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = ReportingCycle
        fields = ["plan", "opens", "deadline", "closes", "closed"]
        labels = {
            "opens": "Opens",
            "deadline": "Data deadline",
            "closes": "Closes",
            "closed": "Closed: the period is signed off and takes no more entries",
        }
        help_texts = {"opens": DATE_HELP, "deadline": DATE_HELP, "closes": DATE_HELP}

    field_order = ["plan", "period", "opens", "deadline", "closes", "reminder_dates", "closed"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = Plan.objects.all()
        for name in ("opens", "deadline", "closes"):
            self.fields[name].input_formats = DATE_FORMATS
            self.fields[name].error_messages["invalid"] = (
                f"Enter the {self.fields[name].label.lower()} date like 2020-01-17 or 17/01/2020"
            )
            self.fields[name].widget = forms.DateInput(
                attrs={
                    "class": "govuk-input govuk-input--width-10",
                    "aria-describedby": f"id_{name}-hint",
                },
                format="%Y-%m-%d",
            )
        if self.instance.pk:
            self.initial["period"] = self.instance.period
            self.initial["reminder_dates"] = ", ".join(
                r.on.isoformat() for r in self.instance.reminders.all()
            )

    def clean_period(self) -> Period:
        try:
            return parse_period(self.cleaned_data["period"])
        except PeriodError as exc:
            raise forms.ValidationError(f"Enter a period like Q3 2019/20: {exc}") from None

    def clean_reminder_dates(self) -> list[date]:
        return _dates(self.cleaned_data["reminder_dates"])

    def clean(self) -> dict:
        cleaned = super().clean()
        opens, deadline, closes = (cleaned.get(n) for n in ("opens", "deadline", "closes"))
        if opens and deadline and deadline < opens:
            self.add_error("deadline", "The deadline must be on or after the opening date")
        if deadline and closes and closes < deadline:
            self.add_error("closes", "The closing date must be on or after the deadline")
        for day in cleaned.get("reminder_dates") or []:
            if opens and deadline and not opens <= day <= deadline:
                self.add_error(
                    "reminder_dates",
                    f"The reminder on {day.day} {day:%B %Y} is not between the opening date and "
                    "the deadline",
                )
        plan, period = cleaned.get("plan"), cleaned.get("period")
        if plan and isinstance(period, Period):
            clash = ReportingCycle.objects.filter(plan=plan, period=period.label)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error("period", f"{plan.name} already has a cycle for {period.display}")
        return cleaned

    def save(self, commit: bool = True) -> ReportingCycle:
        cycle = super().save(commit=False)
        cycle.set_period(self.cleaned_data["period"])
        cycle.save()
        wanted = set(self.cleaned_data["reminder_dates"])
        cycle.reminders.exclude(on__in=wanted).filter(sent_at__isnull=True).delete()
        for day in wanted:
            cycle.reminders.get_or_create(on=day)
        return cycle


class UploadForm(GovukForm):
    workbook = forms.FileField(
        label="Filled-in workbook",
        help_text="The Excel workbook downloaded from this page, with your figures added (.xlsx)",
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload", "accept": ".xlsx"}),
        error_messages={"required": "Choose the workbook to upload"},
    )
    confirm = forms.BooleanField(
        label="I have checked any values flagged as unusual and they are right", required=False
    )

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if too_large:
            # The file was dropped as it arrived (scorecard.uploads), so the form sees none.
            self.fields["workbook"].error_messages["required"] = self.too_large_message()

    @staticmethod
    def too_large_message() -> str:
        return f"The workbook must be smaller than {describe_limit()}"

    def clean_workbook(self):
        upload = self.cleaned_data["workbook"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("Choose an Excel workbook (.xlsx)")
        if upload.size > largest_upload():
            raise forms.ValidationError(self.too_large_message())
        return upload
