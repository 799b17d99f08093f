from django.apps import AppConfig


class FrameworkConfig(AppConfig):
    name = "scorecard.framework"
    verbose_name = "Plans and outcomes"
