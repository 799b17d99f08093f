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
        permissions.register_owner_fields("framework.Programme", {"description"})
