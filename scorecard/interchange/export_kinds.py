"""The kinds of export (`scorecard export WHAT`), in one registry: each kind is a function of the
export's options that returns the file's text (JSON or CSV). The command line reads the options
and writes the text; it names no kind. A new kind is one more entry here (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from scorecard.benchmarking.export import COMPARISON_COLUMNS, comparison_records
from scorecard.benchmarking.fingertips import read_period
from scorecard.benchmarking.models import Indicator
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import PeriodError
from scorecard.interchange import delivery_export, exporter
from scorecard.measures.models import Measure


@dataclass(frozen=True)
class ExportOptions:
    format: str = "json"  # or "csv"
    plan: str | None = None
    period: str | None = None
    indicator: str | None = None
    measure: str | None = None


class ExportRefused(ValueError):
    """An option this kind cannot use; the message names it and says why."""


@dataclass(frozen=True)
class ExportKind:
    name: str
    export: Callable[[ExportOptions], str]


def _ratings(options: ExportOptions) -> str:
    records = exporter.rating_records(options.plan)
    if options.format == "json":
        return exporter.as_json(records)
    return exporter.as_csv(records, exporter.RATING_COLUMNS)


def _scorecard(options: ExportOptions) -> str:
    if not options.period:
        raise ExportRefused("export scorecard needs --period, e.g. --period '2019/20 Q2'")
    try:
        as_at = parse_period(options.period)
    except PeriodError as exc:
        raise ExportRefused(f"--period: {exc}") from None
    document = exporter.scorecard_document(as_at, options.plan)
    if options.format == "json":
        return exporter.as_json(document)
    return exporter.as_csv(document["measures"], exporter.SCORECARD_COLUMNS)


def _comparison_indicators(options: ExportOptions) -> list[Indicator] | None:
    """The indicators --indicator and --measure name (None: every one); [] when they disagree."""
    indicators = None
    if options.indicator:
        indicators = list(Indicator.objects.filter(indicator_id=options.indicator))
        if not indicators:
            raise ExportRefused(
                f"--indicator: there is no comparator indicator '{options.indicator}'"
            )
    if options.measure:
        measure = Measure.objects.filter(measure_id=options.measure).first()
        if measure is None:
            raise ExportRefused(f"--measure: there is no measure '{options.measure}'")
        if measure.comparator_indicator is None:
            raise ExportRefused(
                f"--measure: measure '{options.measure}' has no comparator indicator"
            )
        if indicators is not None and measure.comparator_indicator not in indicators:
            return []
        indicators = [measure.comparator_indicator]
    return indicators


def _comparisons(options: ExportOptions) -> str:
    indicators = _comparison_indicators(options)
    period = None
    if options.period:
        try:
            period = read_period(options.period).label
        except PeriodError as exc:
            raise ExportRefused(f"--period: {exc}") from None
    records = [] if indicators == [] else comparison_records(indicators, period)
    if options.format == "json":
        return exporter.as_json(records)
    return exporter.as_csv(records, COMPARISON_COLUMNS)


def _round_trip(name: str) -> Callable[[ExportOptions], str]:
    """A kind the importer reads back (framework, people, delivery, risks)."""

    def export(options: ExportOptions) -> str:
        if options.format == "json":
            return delivery_export.export_json(name, options.plan)
        return delivery_export.export_csv(name, options.plan)

    return export


EXPORT_KINDS: dict[str, ExportKind] = {
    kind.name: kind
    for kind in (
        ExportKind("ratings", _ratings),
        ExportKind("scorecard", _scorecard),
        *(ExportKind(name, _round_trip(name)) for name in delivery_export.EXPORTS),
        ExportKind("comparisons", _comparisons),
    )
}


def export_text(name: str, options: ExportOptions) -> str:
    return EXPORT_KINDS[name].export(options)
