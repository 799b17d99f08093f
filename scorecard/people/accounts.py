"""Sign-ins: inviting someone, changing their role, switching a sign-in off, and the list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from scorecard.people import permissions
from scorecard.people.account_forms import TEAM
from scorecard.people.models import Person

INVITATION_SUBJECT = "You are invited to Civic Scorecard"


@dataclass
class SignIn:
    user: object
    role: str
    person: Person | None
    organisation: str
    plans: str
    last_login: datetime | None
    active: bool


def team_group() -> Group:
    return Group.objects.get_or_create(name=permissions.PERFORMANCE_TEAM)[0]


def people(tenant=None) -> list[SignIn]:
    """Every sign-in of this council (None: of every council) with what it may do, for the
    people page."""
    from scorecard.tenancy.models import users_in

    users = users_in(tenant).order_by("username").prefetch_related("groups")
    persons = {
        p.user_id: p
        for p in Person.objects.filter(user__isnull=False)
        .select_related("organisation")
        .prefetch_related("plans")
    }
    rows = []
    for user in users:
        person = persons.get(user.pk)
        in_team = user.is_superuser or any(
            g.name == permissions.PERFORMANCE_TEAM for g in user.groups.all()
        )
        plans = [plan.name for plan in person.plans.all()] if person else []
        rows.append(
            SignIn(
                user=user,
                role=permissions.role_of(user) if user.is_active else "switched off",
                person=person,
                organisation=str(person.organisation) if person and person.organisation else "",
                plans=", ".join(plans) if plans else ("every plan" if in_team else ""),
                last_login=user.last_login,
                active=user.is_active,
            )
        )
    return rows


def set_password_link(request, user) -> str:
    """A one-time link: the token is made from the password hash and last sign-in, so it stops
    working once the password is set (and after PASSWORD_RESET_TIMEOUT)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("set_password", kwargs={"uidb64": uid, "token": token})
    return request.build_absolute_uri(path)


@transaction.atomic
def invite(request, form) -> AbstractUser:
    """Make the sign-in (no usable password yet), link it to a person, send the invitation."""
    data = form.cleaned_data
    user = get_user_model()(username=data["username"], email=data["email"])
    user.set_unusable_password()
    user.save()
    person = data.get("person")
    if person is None:
        person = Person(person_id=form.new_person_id(), name=data["name"])
        # A new person belongs to their organisation's council (else the inviter's).
        if data.get("organisation"):
            person.tenant_id = data["organisation"].tenant_id
    person.name = data["name"]
    person.email = data["email"]
    if data.get("organisation"):
        person.organisation = data["organisation"]
    person.user = user
    person.save()
    apply_role(user, person, data["role"], data.get("plans") or [])
    link = set_password_link(request, user)
    # Sent inside the transaction: if the mail cannot be sent, no half-made sign-in is kept.
    send_mail(
        INVITATION_SUBJECT,
        invitation_text(person.name, user.get_username(), link),
        None,
        [user.email],
    )
    return user


def invitation_text(name: str, username: str, link: str) -> str:
    return (
        f"Dear {name},\n\n"
        "You have been invited to Civic Scorecard, where you report on and read the council's "
        "performance.\n\n"
        f"Your username is: {username}\n\n"
        "Choose your password by opening this link (it works once, and for a few days):\n"
        f"{link}\n\n"
        "Your password needs at least 12 characters and must not be a common one.\n"
    )


def apply_role(user, person: Person | None, role: str, plans) -> None:
    group = team_group()
    if role == TEAM:
        user.groups.add(group)
    else:
        user.groups.remove(group)
        plans = []
    if person is not None:
        person.plans.set(plans)
    _forget_role(user)


def _forget_role(user) -> None:
    """Drop what scorecard.people.permissions remembered about this user object's role, so the
    next question about it reads the new role from the database."""
    for remembered in ("_in_performance_team", "_person"):
        if remembered in vars(user):
            delattr(user, remembered)


def set_active(user, active: bool) -> None:
    """Switch a sign-in off or on. Nothing is deleted: what they did stays theirs. A switched-off
    user's sessions stop working at once (Django's ModelBackend refuses inactive users)."""
    user.is_active = active
    user.save(update_fields=["is_active"])


def api_tokens(user):
    """The API tokens a sign-in holds and that still work, newest first. Only their digests are
    stored: the token itself was shown once, when it was made."""
    from django.db.models import Q
    from django.utils import timezone
    from knox.models import get_token_model

    return (
        get_token_model()
        .objects.filter(user=user)
        .filter(Q(expiry__gt=timezone.now()) | Q(expiry__isnull=True))
        .order_by("-created")
    )


def revoke_tokens(user, digest: str | None = None) -> int:
    """End one API token of this sign-in (by its digest) or, with none given, all of them."""
    from knox.models import get_token_model

    tokens = get_token_model().objects.filter(user=user)
    if digest is not None:
        tokens = tokens.filter(digest=digest)
    count, _ = tokens.delete()
    return count


def end_sessions(user, keep: str | None = None) -> int:
    """End every signed-in session of this sign-in (but the one whose key is `keep`)."""
    from django.contrib.auth import SESSION_KEY
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    ended = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.session_key == keep:
            continue
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            ended.append(session.session_key)
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)


def sign_out_everywhere(user) -> None:
    """Every API token and every session of this sign-in stop working, this one's included."""
    revoke_tokens(user)
    end_sessions(user)
