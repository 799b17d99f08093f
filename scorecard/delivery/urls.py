from django.urls import path

from scorecard.delivery import action_views, highlight_views, project_views

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
    path("highlight-reports/", highlight_views.executive_summary, name="executive_summary"),
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
    path(
        "programmes/<int:programme_id>/highlight-reports/<path:period>/",
        highlight_views.highlight_report_detail,
        name="highlight_report",
    ),
]
