from django.contrib.auth import views as auth_views
from django.urls import include, path

from scorecard.measures import outcome_views
from scorecard.measures import views as measure_views
from scorecard.people import views as people_views

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
    path("", include("scorecard.delivery.urls")),
    path("risks/", include("scorecard.risks.urls")),
    path("reports/", include("scorecard.reports.urls")),
    path("", include("scorecard.cycles.urls")),
    path("public/", include("scorecard.publishing.urls")),
    path("api/", include("scorecard.api.urls")),
    path("accounts/", include("scorecard.people.urls")),
    path("", include("scorecard.audit.urls")),
    path(
        "accounts/login/",
        people_views.SignInView.as_view(),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]

handler500 = "scorecard.errors.server_error"
