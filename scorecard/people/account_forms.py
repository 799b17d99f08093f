"""Forms for signing in, inviting people and changing what a sign-in may do."""

from __future__ import annotations

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.utils.text import slugify

from scorecard.forms import BoundedMultipleChoiceField, GovukForm, GovukStyle
from scorecard.framework.models import Organisation, Plan
from scorecard.people import signin
from scorecard.people.models import Person

TEAM = "performance team"
OWNER_OR_VIEWER = "owner or viewer"
ROLE_CHOICES = [
    (TEAM, "Performance team: changes everything in the plans they look after"),
    (OWNER_OR_VIEWER, "Owner or viewer: reads everything, changes only the items they own"),
]
PLANS_HELP = "For the performance team only. Choose none for every plan."


class SignInForm(AuthenticationForm):
    """Django's sign-in form, saying so when the lockout refused the attempt.

    The lockout itself is in the authentication backend (scorecard/people/signin.py), so it
    covers every way in, not only this form. The refusal reads the same whether or not the
    username exists: it says nothing about who has an account.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "throttled": signin.REFUSED,
    }

    def get_invalid_login_error(self):
        if signin.was_refused(self.request):
            return forms.ValidationError(self.error_messages["throttled"], code="throttled")
        return super().get_invalid_login_error()


class PlansField(BoundedMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class InviteForm(GovukForm):
    username = forms.RegexField(
        regex=r"^[\w.@+-]+$",
        max_length=150,
        help_text="Letters, digits and @ . + - _ only, for example jthompson",
        error_messages={"invalid": "Enter a username using only letters, digits and @ . + - _"},
    )
    name = forms.CharField(label="Full name", max_length=200)
    email = forms.EmailField(
        label="Email address",
        help_text="The invitation is sent here",
        error_messages={"invalid": "Enter an email address like name@example.org"},
    )
    person = forms.ModelChoiceField(
        queryset=Person.objects.filter(user__isnull=True),
        required=False,
        label="Person already in the scorecard (optional)",
        help_text="Choose the person who owns items already, or leave blank to add a new one",
        empty_label="A new person",
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), required=False, label="Organisation (optional)"
    )
    role = forms.ChoiceField(choices=ROLE_CHOICES, widget=forms.RadioSelect)
    plans = PlansField(queryset=Plan.objects.all(), required=False, help_text=PLANS_HELP)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(f"The username {username} is taken: choose another")
        return username

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("plans") and cleaned.get("role") != TEAM:
            self.add_error("plans", "Choose plans only for a member of the performance team")
        chosen = [cleaned.get("person"), cleaned.get("organisation"), *(cleaned.get("plans") or [])]
        if len({item.tenant_id for item in chosen if item is not None}) > 1:
            self.add_error(
                None, "Choose a person, an organisation and plans of one council on this service"
            )
        return cleaned

    def new_person_id(self) -> str:
        base = slugify(self.cleaned_data["username"])[:50] or "person"
        person_id, n = base, 1
        while Person.objects.filter(person_id=person_id).exists():
            n += 1
            person_id = f"{base}-{n}"
        return person_id


class RoleForm(GovukForm):
    role = forms.ChoiceField(choices=ROLE_CHOICES, widget=forms.RadioSelect)
    plans = PlansField(queryset=Plan.objects.all(), required=False, help_text=PLANS_HELP)

    def __init__(self, *args, person: Person | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only the plans of the person's own council: the instance's administrator sees every
        # council's, and a plan of another would let this person change it. A sign-in with no
        # person keeps no plans at all.
        plans = self.fields["plans"]
        if person is None:
            plans.queryset = Plan.objects.none()
        else:
            plans.queryset = Plan.objects.filter(tenant_id=person.tenant_id)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("plans") and cleaned.get("role") != TEAM:
            self.add_error("plans", "Choose plans only for a member of the performance team")
        return cleaned


class PasswordChangeForm(GovukStyle, auth_forms.PasswordChangeForm):
    # The rules are listed once above the form.
    field_hints = False


class SetPasswordForm(GovukStyle, auth_forms.SetPasswordForm):
    field_hints = False
