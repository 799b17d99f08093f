from scorecard.people.permissions import in_performance_team


def editing(request) -> dict:
    """Whether to offer the links to create and change things."""
    user = getattr(request, "user", None)
    return {"can_edit": user is not None and in_performance_team(user)}
