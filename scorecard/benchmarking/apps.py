from django.apps import AppConfig


class BenchmarkingConfig(AppConfig):
    name = "scorecard.benchmarking"
    verbose_name = "Benchmarking"

    def ready(self) -> None:
        from scorecard.audit import registry

        # Comparator groups and indicators are chosen by officers (which neighbours, which
        # polarity); areas and their values are national statistics, reloaded from their
        # publisher, and too many to keep a trail of.
        registry.track(
            "benchmarking.ComparatorGroup", "benchmarking.GroupMember", "benchmarking.Indicator"
        )
        registry.show_on_parent("benchmarking.groupmember", "group")
        # Its kinds of file for `scorecard import` (scorecard/file_kinds.py).
        from scorecard.benchmarking.import_kinds import register_kinds

        register_kinds()
