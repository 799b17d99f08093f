from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "scorecard.risks"

    def ready(self) -> None:
        # The app brings its own parts (docs/architecture.md, "Extension points").
        from scorecard.audit import registry
        from scorecard.audit.archive import ArchivableKind, register_archivable
        from scorecard.people.permissions import (
            ItemRules,
            owner_named,
            register_item,
            register_owner_fields,
            register_ownership,
        )

        registry.track("risks")
        registry.show_on_parent("risks.riskassessment", "risk")
        register_archivable(
            ArchivableKind(
                "risk",
                "risks.Risk",
                "risk",
                "reference",
                "the risk register, the heat map, the reports and the exports",
            )
        )
        register_item("risks.Risk", ItemRules(owners_of=owner_named))
        register_ownership(lambda person: person.risk_set.exists())
        register_owner_fields("risks.Risk", {"description", "controls", "management_actions"})
        register_owner_fields(
            "risks.RiskAssessment",
            {"risk", "assessed_on", "period", "likelihood", "impact", "note"},
        )
        # Its kinds of file for `scorecard import` (scorecard/file_kinds.py).
        from scorecard.risks.import_kinds import register_kinds

        register_kinds()
