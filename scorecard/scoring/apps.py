from django.apps import AppConfig


class ScoringConfig(AppConfig):
    """The read side: ratings, roll-ups, headlines, the executive summary, how we compare and
    how a figure is written (docs/architecture.md). No models; its template tags
    (`scorecard_tags`) write ratings and figures the same way on every page."""

    name = "scorecard.scoring"
    verbose_name = "Scoring"

    def ready(self) -> None:
        from scorecard.audit import registry
        from scorecard.scoring.figures import figure, target_figure

        # A measure's History section writes its figures as its page does.
        registry.writes_figures(
            "measures.Measure",
            lambda measure, number, written: figure(measure, number, written=written),
            target_figure,
        )
