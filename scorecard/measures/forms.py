"""The form an officer uses to write an outcome indicator's progress statement."""

from __future__ import annotations

from django import forms

from scorecard.audit.locking import EditTokenMixin
from scorecard.forms import GovukModelForm
from scorecard.measures.models import Measure

# A statement is a sentence or two in a table cell and a committee paper, not a report.
STATEMENT_LIMIT = 1000


class ProgressStatementForm(EditTokenMixin, GovukModelForm):
    locked_noun = "measure"

    progress_statement = forms.CharField(
        label="Progress statement",
        required=False,
        max_length=STATEMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": (
                f"The progress statement must be {STATEMENT_LIMIT:,} characters or fewer "
                "(it has %(show_value)s)"
            )
        },
    )

    class Meta:
        model = Measure
        fields = ["progress_statement"]

    def __init__(self, *args, computed: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["progress_statement"].help_text = (
            "Say in plain words how the indicator is doing. Leave it blank to use the "
            f"statement worked out from the figures: “{computed}”"
        )

    def save(self, commit: bool = True) -> Measure:
        self.instance.write_progress(self.cleaned_data["progress_statement"])
        return super().save(commit)
