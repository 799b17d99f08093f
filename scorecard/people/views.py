"""Pages for sign-ins: signing in, the people list, inviting, roles, passwords."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_POST

from scorecard.form_pages import form_page
from scorecard.people import account_forms, accounts, permissions, signin
from scorecard.people.account_forms import OWNER_OR_VIEWER, TEAM, InviteForm, RoleForm, SignInForm
from scorecard.tenancy.models import users_in


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True


def require_admin(user) -> None:
    """Inviting, changing roles, switching sign-ins off: the administrator only. (The
    performance team may look at the people pages: permissions.require_manage.)"""
    if not permissions.is_admin(user):
        raise PermissionDenied("Only an administrator can do this.")


@login_required
def people_list(request):
    permissions.require_manage(request.user)
    return render(
        request,
        "people/people_list.html",
        {
            "rows": accounts.people(getattr(request, "tenant", None)),
            "is_admin": permissions.is_admin(request.user),
        },
    )


@login_required
def invite(request):
    require_admin(request.user)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = accounts.invite(request, form)
        messages.success(request, f"Invitation sent to {user.email}")
        return redirect("people")
    return form_page(
        request,
        form,
        title="Invite someone",
        back_url=reverse("people"),
        submit="Send invitation",
    )


@login_required
def person_sign_in(request, user_id: int):
    """One sign-in: what it may do, and (for an administrator) the forms to change that."""
    permissions.require_manage(request.user)
    # Another council's sign-in is not found.
    user = get_object_or_404(users_in(getattr(request, "tenant", None)), pk=user_id)
    # The person linked to the sign-in, switched off or not: permissions.person_of() answers
    # only for sign-ins that may act, and this page must still show a switched-off one's.
    person = getattr(user, "person", None)
    in_team = permissions.in_performance_team(user)
    initial = {
        "role": TEAM if in_team else OWNER_OR_VIEWER,
        "plans": list(person.plans.all()) if person else [],
    }
    form = RoleForm(request.POST or None, initial=initial, person=person)
    if request.method == "POST":
        require_admin(request.user)
        if user.is_superuser:
            raise PermissionDenied("An administrator's role is changed from the command line.")
        if form.is_valid():
            accounts.apply_role(user, person, form.cleaned_data["role"], form.cleaned_data["plans"])
            messages.success(request, f"Role for {user.get_username()} saved")
            return redirect("person_sign_in", user_id=user.pk)
    return render(
        request,
        "people/person.html",
        {
            "subject": user,
            "person": person,
            "role": permissions.role_of(user) if user.is_active else "switched off",
            "form": form,
            "submit_label": "Save role",
            "is_admin": permissions.is_admin(request.user),
            "locked_out": signin.is_locked(user.get_username()),
            "token_count": accounts.api_tokens(user).count(),
        },
    )


@login_required
@require_POST
def set_active(request, user_id: int, active: bool):
    require_admin(request.user)
    user = get_object_or_404(users_in(getattr(request, "tenant", None)), pk=user_id)
    if user.pk == request.user.pk:
        raise PermissionDenied("You cannot switch off your own sign-in.")
    accounts.set_active(user, active)
    state = "switched on" if active else "switched off"
    messages.success(request, f"Sign-in for {user.get_username()} {state}")
    return redirect("person_sign_in", user_id=user.pk)


@login_required
@require_POST
def unlock(request, user_id: int):
    """The administrator lets a locked-out sign-in try again at once (the failures stay in the
    audit's log)."""
    require_admin(request.user)
    user = get_object_or_404(users_in(getattr(request, "tenant", None)), pk=user_id)
    signin.unlock(user.get_username())
    messages.success(request, f"Sign-in for {user.get_username()} unlocked")
    return redirect("person_sign_in", user_id=user.pk)


@login_required
@require_POST
def revoke_person_tokens(request, user_id: int):
    require_admin(request.user)
    user = get_object_or_404(users_in(getattr(request, "tenant", None)), pk=user_id)
    count = accounts.revoke_tokens(user)
    messages.success(request, f"{count} API token(s) of {user.get_username()} revoked")
    return redirect("person_sign_in", user_id=user.pk)


@login_required
def api_tokens(request):
    """Your API tokens: when each was made and when it expires, to revoke one or all."""
    return render(request, "people/api_tokens.html", {"tokens": accounts.api_tokens(request.user)})


@login_required
@require_POST
def revoke_token(request):
    digest = request.POST.get("token", "")
    if accounts.revoke_tokens(request.user, digest=digest):
        messages.success(request, "The API token has been revoked")
    else:
        messages.error(request, "That API token was not found: it may have expired")
    return redirect("api_tokens")


@login_required
@require_POST
def revoke_all_tokens(request):
    count = accounts.revoke_tokens(request.user)
    messages.success(request, f"{count} API token(s) revoked")
    return redirect("api_tokens")


@login_required
@require_POST
def sign_out_everywhere(request):
    """Every API token and every signed-in browser of yours stop working, this one too."""
    accounts.sign_out_everywhere(request.user)
    logout(request)
    return redirect("overview")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change.html"
    form_class = account_forms.PasswordChangeForm
    success_url = reverse_lazy("overview")

    def form_valid(self, form):
        # A new password ends the old API tokens (other browsers' sessions end with it too:
        # Django keys each session to the password).
        response = super().form_valid(form)
        count = accounts.revoke_tokens(self.request.user)
        message = "Your password has been changed"
        if count:
            message += f". Your {count} API token(s) have been revoked: get a new one"
        messages.success(self.request, message)
        return response


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The invitation's one-time link: choose a password, then sign in with it."""

    template_name = "registration/set_password.html"
    form_class = account_forms.SetPasswordForm
    success_url = reverse_lazy("set_password_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        accounts.revoke_tokens(form.user)
        return response

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        # A switched-off sign-in cannot be brought back by an old invitation.
        return user if user is not None and user.is_active else None


class SetPasswordDoneView(auth_views.PasswordResetCompleteView):
    template_name = "registration/set_password_done.html"
