from django.apps import AppConfig


class FrameworkConfig(AppConfig):
    name = "scorecard.framework"
    verbose_name = "Plans and outcomes"

    def ready(self) -> None:
        # The app brings its own parts (docs/architecture.md, "Extension points"). The fields an
        # owner may change on a programme are registered by people, which sits above framework.
        from scorecard.audit import registry
        from scorecard.audit.archive import ArchivableKind, register_archivable

        registry.track("framework")
        register_archivable(
            ArchivableKind(
                "programme",
                "framework.Programme",
                "programme",
                "pk",
                "the executive summary, the reports and the exports",
            )
        )
        # Its kinds of file for `scorecard import` (scorecard/file_kinds.py).
        from scorecard.framework.import_kinds import register_kinds

        register_kinds()
