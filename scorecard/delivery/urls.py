from django.urls import path

from scorecard.delivery import action_views, highlight_views, project_views

# The pages that show highlight reports rated (the executive summary, one report) are the
# read side's: scorecard/pages/urls.py, included after these so that "new" and "edit" win.
urlpatterns = [
    path("projects/", project_views.project_list, name="project_list"),
    path("projects/new/", project_views.project_create, name="project_create"),
    path("projects/<str:project_id>/", project_views.project_detail, name="project"),
    path("projects/<str:project_id>/edit/", project_views.project_edit, name="project_edit"),
    path(
        "projects/<str:project_id>/updates/new/",
        project_views.project_update_create,
        name="project_update_create",
    ),
    path(
        "projects/<str:project_id>/milestones/new/",
        project_views.milestone_create,
        name="milestone_create",
    ),
    path(
        "projects/<str:project_id>/milestones/<int:pk>/edit/",
        project_views.milestone_edit,
        name="milestone_edit",
    ),
    path("action-plans/", action_views.action_plan_list, name="action_plan_list"),
    path("action-plans/new/", action_views.action_plan_create, name="action_plan_create"),
    path("action-plans/<int:pk>/", action_views.action_plan_detail, name="action_plan"),
    path("action-plans/<int:pk>/edit/", action_views.action_plan_edit, name="action_plan_edit"),
    path("action-plans/<int:pk>/actions/new/", action_views.action_create, name="action_create"),
    path("actions/<int:pk>/", action_views.action_detail, name="action"),
    path("actions/<int:pk>/edit/", action_views.action_edit, name="action_edit"),
    path(
        "actions/<int:pk>/updates/new/",
        action_views.action_update_create,
        name="action_update_create",
    ),
    path(
        "programmes/<int:programme_id>/highlight-reports/new/",
        highlight_views.highlight_report_create,
        name="highlight_report_create",
    ),
    path(
        "programmes/<int:programme_id>/highlight-reports/<path:period>/edit/",
        highlight_views.highlight_report_edit,
        name="highlight_report_edit",
    ),
]
