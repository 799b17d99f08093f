"""The addresses of the pages that show ratings: the overview, outcomes, measures, the outcome
indicators, the executive summary and a highlight report."""

from django.urls import path

from scorecard.pages import highlight_views, measure_views, outcome_views

urlpatterns = [
    path("", measure_views.overview, name="overview"),
    path("outcomes/<int:pk>/", outcome_views.outcome_detail, name="outcome"),
    path("measures/", measure_views.measure_list, name="measure_list"),
    path("measures/<str:measure_id>/", measure_views.measure_detail, name="measure"),
    path(
        "measures/<str:measure_id>/progress/",
        measure_views.measure_progress,
        name="measure_progress",
    ),
    path(
        "plans/<slug:plan_id>/outcome-indicators/",
        measure_views.outcome_indicators,
        name="outcome_indicators",
    ),
    path("highlight-reports/", highlight_views.executive_summary, name="executive_summary"),
    path(
        "programmes/<int:programme_id>/highlight-reports/<path:period>/",
        highlight_views.highlight_report_detail,
        name="highlight_report",
    ),
]
