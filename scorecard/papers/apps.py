from django.apps import AppConfig


class PapersConfig(AppConfig):
    name = "scorecard.papers"

    def ready(self) -> None:
        # The app brings its own parts (docs/architecture.md, "Extension points"): every change
        # to a paper is kept, and so rewound when a paper is made as at a past moment.
        from scorecard.audit import registry

        registry.track("papers")
        registry.show_on_parent("papers.implication", "paper")
        registry.show_on_parent("papers.seenby", "paper")
        registry.show_on_parent("papers.glossaryterm", "paper")
        registry.show_on_parent("papers.priorityprogress", "paper")
        registry.show_on_parent("papers.narrative", "paper")
