"""`scorecard export WHAT`: ratings, the scorecard, delivery, risks or comparisons, as JSON or
CSV, for the whole instance or one council (--tenant), now or as at a past moment."""

from __future__ import annotations

import argparse

from scorecard.cli.errors import CommandFailed
from scorecard.cli.options import (
    as_at_moment,
    as_tenant,
    check_period,
    check_plan,
    period_option,
)
from scorecard.cli.output import write_output


def run(arguments: argparse.Namespace) -> int:
    return as_tenant(arguments, export)


def export(arguments: argparse.Namespace) -> int:
    from contextlib import nullcontext

    from scorecard.audit.rewind import as_at

    moment = as_at_moment(arguments)
    check_plan(arguments.plan)
    check_period(arguments.period)
    with as_at(moment) if moment else nullcontext():
        text = export_text(arguments)
    write_output(text, arguments.output)
    return 0


def export_text(arguments: argparse.Namespace) -> str:
    from scorecard.interchange import delivery_export

    if arguments.what == "ratings":
        text = _ratings(arguments)
    elif arguments.what == "comparisons":
        text = _comparisons(arguments)
    elif arguments.what == "scorecard":
        text = _scorecard(arguments)
    elif arguments.format == "json":
        text = delivery_export.export_json(arguments.what, arguments.plan)
    else:
        text = delivery_export.export_csv(arguments.what, arguments.plan)
    return text


def _ratings(arguments: argparse.Namespace) -> str:
    from scorecard.interchange import exporter

    records = exporter.rating_records(arguments.plan)
    if arguments.format == "json":
        return exporter.as_json(records)
    return exporter.as_csv(records, exporter.RATING_COLUMNS)


def _scorecard(arguments: argparse.Namespace) -> str:
    from scorecard.interchange import exporter

    if not arguments.period:
        raise CommandFailed("export scorecard needs --period, e.g. --period '2019/20 Q2'")
    document = exporter.scorecard_document(period_option(arguments.period), arguments.plan)
    if arguments.format == "json":
        return exporter.as_json(document)
    return exporter.as_csv(document["measures"], exporter.SCORECARD_COLUMNS)


def _comparisons(arguments: argparse.Namespace) -> str:
    from scorecard.benchmarking.export import COMPARISON_COLUMNS, comparison_records
    from scorecard.benchmarking.fingertips import read_period
    from scorecard.benchmarking.models import Indicator
    from scorecard.core.periods import PeriodError
    from scorecard.interchange import exporter
    from scorecard.measures.models import Measure

    indicators = None
    if arguments.indicator:
        indicators = list(Indicator.objects.filter(indicator_id=arguments.indicator))
        if not indicators:
            raise CommandFailed(
                f"--indicator: there is no comparator indicator '{arguments.indicator}'"
            )
    if arguments.measure:
        measure = Measure.objects.filter(measure_id=arguments.measure).first()
        if measure is None:
            raise CommandFailed(f"--measure: there is no measure '{arguments.measure}'")
        if measure.comparator_indicator is None:
            raise CommandFailed(
                f"--measure: measure '{arguments.measure}' has no comparator indicator"
            )
        if indicators is not None and measure.comparator_indicator not in indicators:
            return (
                exporter.as_json([])
                if arguments.format == "json"
                else exporter.as_csv([], COMPARISON_COLUMNS)
            )
        indicators = [measure.comparator_indicator]
    period = None
    if arguments.period:
        try:
            period = read_period(arguments.period).label
        except PeriodError as exc:
            raise CommandFailed(f"--period: {exc}") from None
    records = comparison_records(indicators, period)
    if arguments.format == "json":
        return exporter.as_json(records)
    return exporter.as_csv(records, COMPARISON_COLUMNS)
