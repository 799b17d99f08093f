"""What a risk records, listed once: the risk form, the API and the risks import file each take
their fields from here, so a field added to one is added to all three."""

# In the order the form asks for them and the API gives them. An import file names the plan
# `plan_id` (as every file does) and its programmes in one cell.
RISK_FIELDS = (
    "reference",
    "title",
    "description",
    "plan",
    "programmes",
    "owner",
    "organisation",
    "category",
    "controls",
    "management_actions",
    "target_score",
)
