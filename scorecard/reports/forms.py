"""The Reports page's form: which report, as at which period, for which plan, in which format."""

from __future__ import annotations

from typing import cast

from django import forms

from scorecard.audit.when import AsAtError, parse_as_at
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodError
from scorecard.forms import GovukForm
from scorecard.framework.models import Plan
from scorecard.reports.kinds import KINDS

FORMAT_CHOICES = [
    ("pdf", "PDF (to print or publish)"),
    ("docx", "Word (to edit before publishing)"),
    ("xlsx", "Excel (every table as a sheet)"),
    ("html", "Web page (HTML)"),
]
FIRST_PLAN = ""
LAYOUT_CHOICES = [
    ("cards", "A card per measure, two or more to a page (as the paper lays them out)"),
    ("long", "The long form: each measure's periods down the page"),
]


class ReportForm(GovukForm):
    kind = forms.ChoiceField(
        label="Report",
        choices=[(kind.name, kind.title) for kind in KINDS.values()],
        widget=forms.RadioSelect,
    )
    period = forms.CharField(
        label="As at",
        max_length=40,
        help_text="A quarter, month or year, for example Q2 2019/20, Sep-19 or 2019/20",
    )
    plan = forms.ChoiceField(label="Plan", required=False)
    layout = forms.ChoiceField(
        label="Measure pages of the corporate performance report",
        choices=LAYOUT_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        help_text="Other reports have one layout",
    )
    format = forms.ChoiceField(label="Format", choices=FORMAT_CHOICES, widget=forms.RadioSelect)
    # A past moment: the paper exactly as it was made then (the audit trail rewinds to it).
    as_at = forms.CharField(
        label="Figures as they stood at (optional)",
        required=False,
        max_length=40,
        help_text="Leave blank for the figures as they are now. To make a paper again exactly "
        "as it was, give the date and time it was made, for example 2026-11-25 17:00",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["plan"]).choices = [
            (FIRST_PLAN, "The first plan with something to report"),
            *Plan.objects.order_by("order", "name").values_list("plan_id", "name"),
        ]
        # GovukStyle gives every text input the full width; a period needs ten characters.
        self.fields["period"].widget.attrs["class"] = "govuk-input govuk-input--width-10"

    def clean_layout(self) -> str:
        """The layout for the report chosen; "" (its only one) for a report with one."""
        kind = KINDS.get(self.cleaned_data.get("kind") or "")
        layout = self.cleaned_data["layout"]
        return layout if kind is not None and layout in kind.layouts else ""

    def clean_as_at(self):
        text = self.cleaned_data["as_at"].strip()
        if not text:
            return None
        try:
            return parse_as_at(text)
        except AsAtError as exc:
            raise forms.ValidationError(f"Enter the date and time as numbers: {exc}") from None

    def clean_period(self) -> Period:
        text = self.cleaned_data["period"]
        try:
            return parse_period(text)
        except PeriodError as exc:
            raise forms.ValidationError(f"Enter a period we recognise: {exc}") from None
