from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "scorecard.audit"

    def ready(self) -> None:
        from scorecard.audit import capture

        capture.connect()
