from django.urls import path

from scorecard.risks import views

urlpatterns = [
    path("", views.risk_register, name="risk_register"),
    path("heat-map/", views.risk_heat_map, name="risk_heat_map"),
    path("new/", views.risk_create, name="risk_create"),
    path("<str:reference>/", views.risk_detail, name="risk"),
    path("<str:reference>/edit/", views.risk_edit, name="risk_edit"),
    path("<str:reference>/assessments/new/", views.assessment_create, name="assessment_create"),
]
