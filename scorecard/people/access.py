"""Who may change things. The performance team edits the framework's delivery records; everyone
else reads. (Owners editing their own items and viewers come with accounts and roles.)"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

PERFORMANCE_TEAM = "Performance team"


def in_performance_team(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=PERFORMANCE_TEAM).exists()


def performance_team_required(view: Callable) -> Callable:
    """Signed-out visitors go to the sign-in page; signed-in people outside the team get 403."""

    @login_required
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not in_performance_team(request.user):
            raise PermissionDenied("Only the performance team can change this.")
        return view(request, *args, **kwargs)

    return checked
