from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "scorecard.tenancy"
    verbose_name = "Councils on this instance"
