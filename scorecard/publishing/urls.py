from django.urls import path

from scorecard.publishing import views

urlpatterns = [
    path("", views.scorecard, name="public_scorecard"),
    path("measures/<str:measure_id>/", views.measure, name="public_measure"),
    path("data/", views.data, name="public_data"),
    path("data.csv", views.data_csv, name="public_data_csv"),
    path("data.json", views.data_json, name="public_data_json"),
    # Staff only (sign-in required, team to act): change what the public sees.
    path(
        "measures/<str:measure_id>/publish/",
        views.set_published,
        {"published": True},
        name="publish_measure",
    ),
    path(
        "measures/<str:measure_id>/unpublish/",
        views.set_published,
        {"published": False},
        name="unpublish_measure",
    ),
]
