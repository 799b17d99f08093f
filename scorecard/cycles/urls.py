from django.urls import path

from scorecard.cycles import views

urlpatterns = [
    path("my-updates/", views.my_updates, name="my_updates"),
    path("measures/<str:measure_id>/values/new/", views.measure_value, name="measure_value"),
    path("cycles/", views.cycle_list, name="cycle_list"),
    path("cycles/new/", views.cycle_create, name="cycle_create"),
    path("cycles/<int:pk>/", views.cycle_detail, name="cycle"),
    path("cycles/<int:pk>/edit/", views.cycle_edit, name="cycle_edit"),
    path("cycles/<int:pk>/decide/", views.cycle_decide, name="cycle_decide"),
    path("cycles/<int:pk>/completeness/", views.completeness, name="cycle_completeness"),
    path("cycles/<int:pk>/template.xlsx", views.cycle_template, name="cycle_template"),
    path("cycles/<int:pk>/upload/", views.cycle_upload, name="cycle_upload"),
    path("cycles/<int:pk>/resubmit/", views.resubmit, name="cycle_resubmit"),
]
