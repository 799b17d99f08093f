"""GOV.UK Design System classes on Django's widgets, so one template renders any form."""

from __future__ import annotations

from django import forms

from scorecard.core.digits import is_digits

_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select scorecard-select-multiple",
    forms.DateInput: "govuk-input govuk-input--width-10",
    forms.NumberInput: "govuk-input govuk-input--width-4",
    forms.TextInput: "govuk-input",
    forms.EmailInput: "govuk-input",
    forms.PasswordInput: "govuk-input govuk-!-width-one-half",
}
_NOT_DESCRIBED = (forms.RadioSelect, forms.CheckboxInput)


class GovukStyle:
    """Mixed into a form: GOV.UK classes on every widget, hints and errors linked to inputs."""

    # False for a form that lists its rules once above its fields (the password forms): the
    # fields' own help texts are then dropped.
    field_hints = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if not self.field_hints:
                field.help_text = ""
            css = _CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs["class"] = css
            if field.help_text and not isinstance(field.widget, _NOT_DESCRIBED):
                field.widget.attrs["aria-describedby"] = f"id_{name}-hint"

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            field = self.fields.get(name)
            if field is None or isinstance(field.widget, _NOT_DESCRIBED):
                continue
            attrs = field.widget.attrs
            base = attrs.get("class", "govuk-input").split()[0]
            attrs["class"] = f"{attrs.get('class', '')} {base}--error".strip()
            described = attrs.get("aria-describedby", "")
            attrs["aria-describedby"] = f"{described} id_{name}-error".strip()


class GovukForm(GovukStyle, forms.Form):
    pass


class GovukModelForm(GovukStyle, forms.ModelForm):
    pass


class BoundedMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A number too big for the database names no one: an invalid choice, not a database error."""

    def _check_values(self, value):
        for key in value:
            text = str(key).strip()
            if is_digits(text.lstrip("-")) and len(text.lstrip("-")) > 18:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": f"{text[:12]}…"},
                )
        return super()._check_values(value)
