from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "scorecard.measures"
    verbose_name = "Measures"

    def ready(self) -> None:
        # The app brings its own parts (docs/architecture.md, "Extension points").
        from scorecard.audit import registry
        from scorecard.audit.archive import ArchivableKind, register_archivable
        from scorecard.people.permissions import (
            ItemRules,
            owners_listed,
            register_item,
            register_owner_fields,
            register_ownership,
            sees_provisional,
        )

        registry.track("measures")
        for child, parent in (
            ("measures.observation", "measure"),
            ("measures.target", "measure"),
            ("measures.comparatorvalue", "measure"),
            ("measures.observationrevision", "observation"),
        ):
            registry.show_on_parent(child, parent)
        # How their changes read in a measure's History section (audit/history.py); revisions
        # kept for the record only (the figure's own entry says what was revised). The figures
        # themselves are written by the read side, as every page writes them (scoring/apps.py).
        registry.tell_history_as("measures.Observation", registry.FIGURE)
        registry.tell_history_as("measures.Target", registry.TARGET)
        registry.tell_history_as("measures.ObservationRevision", registry.NOT_SHOWN)
        # Figures the team has not approved are named only to those who may see them.
        registry.hide_provisional_from(
            "measures.Measure", lambda user, measure: not sees_provisional(user, measure)
        )
        register_archivable(
            ArchivableKind(
                "measure",
                "measures.Measure",
                "measure",
                "measure_id",
                "the scorecard, the overview, the roll-ups, the reports and the exports",
            )
        )
        # The public reads published measures (and their figures) that are not archived.
        register_item(
            "measures.Measure",
            ItemRules(
                owners_of=owners_listed,
                published=lambda measure: bool(measure.published and not measure.archived_at),
            ),
        )
        register_ownership(lambda person: person.measures.exists())
        register_owner_fields(
            "measures.Measure",
            {"notes", "source", "benchmarking", "progress_statement", "progress_statement_period"},
        )
        register_owner_fields(
            "measures.Observation",
            {"measure", "period", "breakdown", "value", "numerator", "denominator", "status"}
            | {"commentary"},
        )
        register_owner_fields(
            "measures.ComparatorValue",
            {"measure", "comparator", "comparator_type", "period", "value", "rank", "quartile"},
        )
        # Its kinds of file for `scorecard import` (scorecard/file_kinds.py).
        from scorecard.measures.import_kinds import register_kinds

        register_kinds()
