from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "scorecard.people"

    def ready(self) -> None:
        # people sits above tenancy, audit and framework: it answers their questions about who
        # is asking (docs/architecture.md, "Extension points").
        from scorecard.audit import registry
        from scorecard.people import permissions
        from scorecard.people.models import Person
        from scorecard.tenancy.middleware import memberships_from

        registry.track("people")
        registry.answered_by_people(
            describe=permissions.audit_name, may_manage=permissions.can_manage
        )
        memberships_from(
            lambda user: (
                Person.objects.filter(user_id=user.pk) if permissions.signed_in(user) else None
            )
        )
        # framework sits below people: its models' plans and owners are said here.
        permissions.register_owner_fields("framework.Programme", {"description"})
        permissions.register_item(
            "framework.Plan", permissions.ItemRules(plan_of=lambda plan: plan.pk)
        )
        permissions.register_item(
            "framework.Priority",
            permissions.ItemRules(plan_of=lambda priority: priority.outcome.plan_id),
        )
        permissions.register_item(
            "framework.Programme", permissions.ItemRules(owners_of=permissions.owners_listed)
        )
        # Whether a person owns a programme (each app adds its own check, in installed order).
        permissions.register_ownership(lambda person: person.programmes.exists())
        # Its kinds of file for `scorecard import` (scorecard/file_kinds.py).
        from scorecard.people.import_kinds import register_kinds

        register_kinds()
