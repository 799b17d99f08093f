from django.contrib.auth import views as auth_views
from django.urls import include, path

from scorecard.people import views as people_views

urlpatterns = [
    path("", include("scorecard.delivery.urls")),
    path("", include("scorecard.pages.urls")),
    path("risks/", include("scorecard.risks.urls")),
    path("papers/", include("scorecard.papers.urls")),
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
