"""The kinds of paper a record is for, its sections and their default order, and the
implication headings a council starts with: named once, as the seeds (000, 001) print them."""

from __future__ import annotations

from django.db import models


class PaperKind(models.TextChoices):
    """The reports a paper record fronts (scorecard/reports/kinds.py names them alike)."""

    PROGRAMME = "programme", "Plan progress report"
    CORPORATE = "corporate", "Corporate performance report"
    BOARD = "board", "Board annual report"
    LEAD_MEMBER = "lead-member", "Lead member annual report"


# The front sheet's sections as the seeds' Cabinet papers print them, top to bottom; a council
# sets its own order (PaperSettings.section_order), the rest follow in this order.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("cabinet_member", "Cabinet member(s)"),
    ("divisions_and_local_members", "Division and local member(s)"),
    ("lead_officer", "Lead officer"),
    ("author", "Author"),
    ("contact_details", "Contact details"),
    ("seen_by", "Seen by"),
    ("forward_plan_reference", "Forward plan reference"),
    ("summary", "Summary"),
    ("recommendations", "Recommendations"),
    ("reasons", "Reasons for recommendations"),
    ("links_to_priorities", "Links to priorities and impact on service plans"),
    ("consultations", "Consultations undertaken"),
    ("implications", "Implications"),
    ("scrutiny_comments", "Scrutiny comments / recommendation"),
    ("background_papers", "Background papers"),
    ("appendices", "Appendices"),
    ("glossary", "Glossary"),
)
SECTION_TITLES = dict(SECTIONS)
DEFAULT_ORDER = tuple(key for key, _ in SECTIONS)

# The implications the seeds' front sheets give, each its own section; a council sets its own
# list (equalities, sustainability, privacy…).
DEFAULT_IMPLICATIONS = ("Financial", "Legal", "HR", "Risk", "Other (including due regard)")
# The heading the risk register's sentences are put under when a paper is started.
RISK_HEADING = "Risk"

# The plan-level parts of the executive summary: said once for the plan, never per programme.
PLAN_LEVEL = (
    ("overall_position", "Overall position"),
    ("cross_cutting_issues", "Issues across the programmes"),
    ("decisions_sought", "Decisions sought"),
)

# A board's annual report (seed 004) says more than a front sheet: these sections, typed by the
# team (started from the data where it knows), follow the front sheet in this order; the
# priorities are a table of rows (`PriorityProgress`).
BOARD_SECTIONS: tuple[tuple[str, str], ...] = (
    ("recommendations_to_board", "Recommendations to the Board"),
    ("background", "Background"),
    ("achievements", "Achievements"),
    ("areas_for_development", "Areas for development"),
    ("principles", "The principles of corporate parenting"),
    ("priorities", "How we met our priorities"),
    ("young_peoples_voice", "Young people's voice"),
)
BOARD_TITLES = dict(BOARD_SECTIONS)

# A progress report (seeds 000 and 001): the plan's background and the overarching measures in
# words before the achievements, the board's view of the year after them, and the reporting
# round's governance arrangements in the executive summary; typed by the team.
PROGRAMME_SECTIONS: tuple[tuple[str, str], ...] = (
    ("background", "Background"),
    ("measures_overview", "The overarching measures"),
    ("boards_view", "The board's view of the year"),
    ("governance_arrangements", "Governance arrangements"),
)
PROGRAMME_TITLES = dict(PROGRAMME_SECTIONS)

# A lead member's annual report (seed 002): after the front sheet, an introduction under the
# heading the council gives it (seed 002's "The Strategic & Professional Framework"), then the
# words of each theme and of each area of work (`Narrative` rows), typed by the team.
LEAD_MEMBER_SECTIONS: tuple[tuple[str, str], ...] = (
    ("introduction", "Introduction"),
    ("narratives", "Each theme and area of work"),
)
LEAD_MEMBER_TITLES = dict(LEAD_MEMBER_SECTIONS)

# The corporate report's (seed 003) purpose, printed after the vision and outcomes.
PURPOSE_TITLE = "Purpose of the report"
