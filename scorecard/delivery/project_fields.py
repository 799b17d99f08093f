"""What a project records, listed once: the project form, the API and the projects import file
each take their fields from here, so a field added to one is added to all three."""

# In the order the form asks for them and the API gives them. An import file names the plan
# `plan_id` (as every file does) and puts the description after where the project sits.
PROJECT_FIELDS = (
    "project_id",
    "title",
    "description",
    "plan",
    "outcome",
    "priority",
    "programme",
    "owner",
    "organisation",
)
