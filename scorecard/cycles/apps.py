from django.apps import AppConfig


class CyclesConfig(AppConfig):
    name = "scorecard.cycles"

    def ready(self) -> None:
        from scorecard.audit import registry

        registry.track("cycles")
        # A cycle's submission (and the team's approval or return of it) shows on the page of
        # the measure, project, action or programme it is for.
        registry.show_on_one_of("cycles.submission", ("measure", "project", "action", "programme"))
        # Sent for approval, approved or returned: said as a decision in that page's history.
        registry.tell_history_as("cycles.Submission", registry.DECISION)
