from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "scorecard.delivery"

    def ready(self) -> None:
        # The app brings its own parts (docs/architecture.md, "Extension points").
        from scorecard.audit import registry
        from scorecard.audit.archive import ArchivableKind, register_archivable
        from scorecard.delivery.models import HighlightReport, ProjectUpdate
        from scorecard.people.permissions import (
            ItemRules,
            owner_named,
            owners_listed,
            register_item,
            register_owner_fields,
            register_ownership,
        )

        registry.track("delivery")
        for child, parent in (
            ("delivery.projectupdate", "project"),
            ("delivery.milestone", "project"),
            ("delivery.actionupdate", "action"),
            ("delivery.highlightreport", "programme"),
        ):
            registry.show_on_parent(child, parent)
        for slug, label, noun, lookup, leaves in (
            (
                "project",
                "delivery.Project",
                "project",
                "project_id",
                "the project list, the roll-ups",
            ),
            ("action-plan", "delivery.ActionPlan", "action plan", "pk", "the action plan list"),
            ("action", "delivery.Action", "action", "pk", "its action plan"),
        ):
            register_archivable(
                ArchivableKind(slug, label, noun, lookup, f"{leaves}, the reports and the exports")
            )
        register_item(
            "delivery.Action",
            ItemRules(
                plan_of=lambda action: action.action_plan.plan_id,
                owners_of=owners_listed,
                # An action sits in its action plan: archived with it.
                container_of=lambda action: action.action_plan if action.action_plan_id else None,
            ),
        )
        register_item("delivery.Project", ItemRules(owners_of=owner_named))
        # A highlight report's author writes it, besides the programme's owners.
        register_item(
            "delivery.HighlightReport",
            ItemRules(
                more_owners_of=lambda report: {report.author_id} if report.author_id else set()
            ),
        )
        register_ownership(lambda person: person.actions.exists())
        register_ownership(lambda person: person.project_set.exists())
        register_owner_fields("delivery.Project", {"title", "description"})
        register_owner_fields(
            "delivery.ProjectUpdate",
            {"project", "period", "status", "direction", "latest_position", "next_steps"}
            | {name for name, _ in ProjectUpdate.HIGHLIGHTS},
        )
        register_owner_fields(
            "delivery.Milestone", {"project", "title", "due", "revised_due", "completed", "at_risk"}
        )
        register_owner_fields(
            "delivery.Action",
            {"objective", "description", "status", "due", "revised_due", "completed"},
        )
        register_owner_fields("delivery.ActionUpdate", {"action", "dated", "text", "status"})
        # Every section of a highlight report is the author's to write.
        register_owner_fields(
            "delivery.HighlightReport",
            {"programme", "period", "status", "author"}
            | {name for name, _ in HighlightReport.SECTIONS},
        )
        # Its kinds of file for `scorecard import` (scorecard/file_kinds.py).
        from scorecard.delivery.import_kinds import register_kinds

        register_kinds()
