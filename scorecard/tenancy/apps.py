from django.apps import AppConfig, apps
from django.db.models.signals import pre_save


class TenancyConfig(AppConfig):
    name = "scorecard.tenancy"
    verbose_name = "Councils on this instance"

    def ready(self) -> None:
        from scorecard.tenancy.models import _fill_tenant_before_saving

        for model in apps.get_models():
            if getattr(model, "TENANT_PATH", None) == "tenant":
                pre_save.connect(_fill_tenant_before_saving, sender=model)
