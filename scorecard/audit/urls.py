from django.urls import path

from scorecard.audit import archive_views

urlpatterns: list = [
    path("archive/<slug:kind>/<str:key>/", archive_views.archive, name="archive"),
    path("restore/<slug:kind>/<str:key>/", archive_views.restore, name="restore"),
]
