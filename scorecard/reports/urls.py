from django.urls import path

from scorecard.reports import views

urlpatterns = [
    path("", views.reports, name="reports"),
    path("claims/", views.claims, name="claims_to_check"),
]
