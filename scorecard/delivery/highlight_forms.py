"""The form a programme lead's highlight report is entered or corrected with."""

from __future__ import annotations

from django import forms

from scorecard.audit.locking import EditTokenMixin
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodError, PeriodKind
from scorecard.delivery.fields import STATUS_CHOICES
from scorecard.delivery.models import HighlightReport
from scorecard.forms import GovukModelForm
from scorecard.framework.models import Programme
from scorecard.people import permissions


class HighlightReportForm(EditTokenMixin, GovukModelForm):
    locked_noun = "highlight report"
    quarter = forms.CharField(
        max_length=40, label="Quarter", help_text="The quarter reported on, for example Q4 2017/18"
    )
    status = forms.ChoiceField(choices=STATUS_CHOICES, widget=forms.RadioSelect, label="Status")

    class Meta:
        model = HighlightReport
        fields = ["status", *(name for name, _ in HighlightReport.SECTIONS), "author"]
        labels = dict(HighlightReport.SECTIONS)
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name, _ in HighlightReport.SECTIONS}

    field_order = ["quarter", "status"]

    def __init__(self, *args, programme: Programme, user=None, **kwargs) -> None:
        self.programme = programme
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        # Its author may change a report, so naming the author is the programme's owners' (and
        # the team's) choice, as through the API: never an author's own.
        if user is not None and not permissions.can_change(user, programme):
            self.fields["author"].disabled = True
            self.fields["author"].help_text = "Only the programme's owners can change this."
        if self.instance.pk:
            self.fields["quarter"].initial = self.instance.period_obj.display
            self.fields["quarter"].disabled = True

    def clean_quarter(self) -> Period:
        if self.instance.pk:
            return self.instance.period_obj
        try:
            period = parse_period(self.cleaned_data["quarter"])
        except PeriodError as exc:
            raise forms.ValidationError(f"Enter a quarter such as Q4 2017/18: {exc}") from None
        if period.kind is not PeriodKind.QUARTER:
            raise forms.ValidationError(
                f"A highlight report is for a quarter, such as Q4 2017/18, not {period.display}"
            )
        clash = HighlightReport.objects.filter(programme=self.programme, period=period.label)
        if clash.exists():
            raise forms.ValidationError(
                f"This programme already has a highlight report for {period.display}: change it"
            )
        return period

    def save(self, commit: bool = True) -> HighlightReport:
        report = super().save(commit=False)
        report.programme = self.programme
        report.set_period(self.cleaned_data["quarter"])
        if commit:
            report.save()
        return report
