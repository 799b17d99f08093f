from django.urls import path

from scorecard.papers import views

urlpatterns = [
    path("", views.paper_list, name="paper_list"),
    path("new/", views.paper_start, name="paper_start"),
    path("settings/", views.paper_settings, name="paper_settings"),
    path("<int:pk>/", views.paper_detail, name="paper"),
    path("<int:pk>/edit/", views.paper_edit, name="paper_edit"),
    path("<int:pk>/seen-by/new/", views.seen_by_add, name="seen_by_add"),
    path("<int:pk>/seen-by/<int:row>/remove/", views.seen_by_remove, name="seen_by_remove"),
    path("<int:pk>/glossary/new/", views.glossary_add, name="glossary_add"),
    path("<int:pk>/glossary/<int:row>/remove/", views.glossary_remove, name="glossary_remove"),
    path("<int:pk>/priorities/new/", views.priority_add, name="priority_add"),
    path("<int:pk>/priorities/<int:row>/remove/", views.priority_remove, name="priority_remove"),
    path("<int:pk>/narratives/new/", views.narrative_add, name="narrative_add"),
    path("<int:pk>/narratives/<int:row>/remove/", views.narrative_remove, name="narrative_remove"),
    path("<int:pk>/publish/", views.paper_publish, name="paper_publish"),
    path("<int:pk>/new-version/", views.paper_new_version, name="paper_new_version"),
]
