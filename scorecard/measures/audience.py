"""Who is reading, for figures: everyone sees approved figures; the performance team also sees
the provisional ones in the plans it looks after, and an owner those of their own measures, each
labelled "Provisional – awaiting approval" (docs/cycles.md, "Approval")."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from scorecard.measures.choices import Approval
from scorecard.people import permissions


@dataclass(frozen=True)
class Audience:
    """Whose provisional figures a reader sees besides the approved ones. The default sees
    approved figures only: papers, the public pages, open data, exports and anonymous API
    readers always use it, whoever makes them."""

    # Every provisional figure (an admin, or a team member who looks after every plan).
    every_plan: bool = False
    # The plans whose provisional figures the reader sees (a team member's plans).
    plan_ids: frozenset[int] = frozenset()
    # The sign-in (user id) whose own measures' provisional figures the reader sees: an
    # owner's, through the Person linked to it (by id, so no Person need be looked up first).
    owner_user_id: int | None = None

    @property
    def sees_provisional(self) -> bool:
        return self.every_plan or bool(self.plan_ids) or self.owner_user_id is not None

    @property
    def everything(self) -> bool:
        return self.every_plan

    def condition(self, prefix: str = "") -> Q:
        """The rows (of Observation, or through `prefix`, e.g. "observation__") it sees."""
        shown = Q(**{f"{prefix}approval": Approval.APPROVED})
        if self.every_plan:
            return Q()
        if self.plan_ids:
            shown |= Q(**{f"{prefix}measure__plan_id__in": sorted(self.plan_ids)})
        if self.owner_user_id is not None:
            # One row a figure still: a measure names each owner once, a Person one sign-in.
            shown |= Q(**{f"{prefix}measure__owners__user_id": self.owner_user_id})
        return shown


APPROVED_ONLY = Audience()


def audience_of(user) -> Audience:
    """Whose provisional figures this reader sees on the pages: the team those of the plans it
    looks after (all of them for an admin), an owner those of their own measures, anyone else
    none. Papers, public pages, open data and exports use APPROVED_ONLY whoever asks."""
    if not permissions.signed_in(user):
        return APPROVED_ONLY
    if permissions.in_performance_team(user):
        plans = permissions.team_plan_ids(user)
        return Audience(every_plan=True) if plans is None else Audience(plan_ids=frozenset(plans))
    # Anyone else signed in sees the provisional figures of the measures they own, if any.
    return Audience(owner_user_id=user.pk)
