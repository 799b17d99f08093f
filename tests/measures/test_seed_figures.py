"""The demo's figures as the seed papers publish them: each measure shows its figures with the
decimals its published figures were written with (docs/rules.md, "Decimals"), on the measure
page and in the corporate paper. The figures come from the demo's data files, as written."""

import csv
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.core.units import format_value, written_decimals
from scorecard.measures.models import Measure
from scorecard.reports import corporate, lead_member
from scorecard.reports.render_html import render_html
from scorecard.scoring.figures import figure

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parents[2] / "scorecard" / "demo" / "data"
PAPER_PERIOD = "Q2 2019/20"
# A few figures of each measure are enough to show the rule holds for it.
SAMPLE = 3


def _written() -> dict[str, list[dict]]:
    """Each measure's headline figures as the data files write them (value text, counts)."""
    found: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(DATA.glob("*-observations.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["value"] and not row["breakdown"]:
                    found[row["measure_id"]].append(row)
    return found


def _sample(rows: list[dict], decimals: int) -> list[dict]:
    """Up to SAMPLE figures written with the measure's decimals: the first, the last and one
    in the middle, so that old and new figures are both checked."""
    fitting = [row for row in rows if written_decimals(row["value"]) == decimals]
    if len(fitting) <= SAMPLE:
        return fitting
    return [fitting[0], fitting[len(fitting) // 2], fitting[-1]]


def _page_text(html: str) -> str:
    return re.sub(r"\s+", " ", html.replace("&#x27;", "'").replace("&amp;", "&"))


def test_seed_figures_keep_their_decimals_on_the_measure_page_and_in_the_paper(
    demo_council, client
):
    written = _written()
    measures = Measure.objects.in_bulk(list(written), field_name="measure_id")
    paper = _page_text(render_html(corporate.build(parse_period(PAPER_PERIOD))))
    in_paper = 0
    checked = 0
    for measure_id, rows in written.items():
        measure = measures[measure_id]
        # The most decimals among the published figures, as the importer worked them out.
        assert measure.decimals is not None, measure_id
        page = _page_text(client.get(f"/measures/{measure_id}/").content.decode())
        for row in _sample(rows, measure.decimals):
            shown = figure(measure, Decimal(row["value"]))
            if measure.labelled_scale is not None:
                # A grade has no decimals: its words are shown ("Good"), never its code.
                assert shown == measure.labelled_scale.label(Decimal(row["value"]))
                assert shown in page, (measure_id, row["value"], shown)
                checked += 1
                continue
            # The figure exactly as written, in the measure's unit: "67.0%", "85%", "£3.158m".
            digits = shown.replace(",", "").replace("%", "").lstrip("£-")
            assert digits.startswith(row["value"].lstrip("-")), (
                measure_id,
                row["value"],
                shown,
            )
            assert shown in page, (measure_id, row["value"], shown)
            checked += 1
        if measure.plan.plan_id == "business-plan":
            # The paper shows each measure's latest figure for its period.
            end = parse_period(PAPER_PERIOD).last_month
            upto = [r for r in rows if parse_period(r["period"]).last_month <= end]
            latest = max(upto, key=lambda r: parse_period(r["period"]).last_month, default=None)
            if latest and written_decimals(latest["value"]) == measure.decimals:
                shown = figure(measure, Decimal(latest["value"]))
                assert shown in paper, (measure_id, latest["value"], shown)
                in_paper += 1
    assert checked > 100
    assert in_paper > 10


def test_a_figure_its_counts_do_not_make_is_flagged_in_words(demo_council, client):
    # Seed 000 publishes 14.9% for 31 of 207 schools (14.98%), and 80.6% for 240 of 298
    # pathway plans (80.54%): kept as published, and flagged where they are shown.
    page = _page_text(client.get("/measures/CYPP-PRIMARY-RI-INADEQUATE/").content.decode())
    assert "14.9% (31/207)" in page
    assert "The value does not match 31/207 (which makes 14.98)" in page
    agreeing = _page_text(client.get("/measures/CYPP-EY-INADEQUATE/").content.decode())
    assert "0.61% (3/489)" in agreeing and "does not match" not in agreeing
    # A target keeps the decimals it was set with, beside figures with more.
    stability = _page_text(client.get("/measures/CPB-PLACEMENT-STABILITY/").content.decode())
    assert "60.7%" in stability and "70%" in stability and "70.0%" not in stability


def _as_written(measure: Measure, text: str) -> str:
    """The seed's figure in the measure's unit, with exactly the decimals it is written with;
    a grade on a labelled scale in its words, as the seed prints it."""
    if measure.labelled_scale is not None:
        return figure(measure, Decimal(text))
    return format_value(
        Decimal(text),
        measure.unit,
        decimals=written_decimals(text),
        rate_per=measure.rate_per,
        money_unit=measure.money_unit,
    )


def _without_charts(text: str) -> str:
    """A chart's axis ticks are worked out, not published: they keep the measure's decimals."""
    return re.sub(r"<svg.*?</svg>", "", text)


def _found(shown: str, text: str) -> bool:
    """`shown` stands alone in `text`: "58%" is not found in "58.0%" nor in "158%"."""
    return re.search(rf"(?<![\d.,]){re.escape(shown)}(?![\d])", text) is not None


def test_every_seed_figure_is_shown_with_its_own_decimals_on_its_page_and_in_the_paper(
    demo_council, client
):
    # Some seed series mix decimals within one measure (pertussis 58% then 71.4%; revenue
    # outturn £2.18m, £11.4m, £3.158m): each figure is shown as it was published, never padded
    # to the measure's most decimals ("58.0%", "£2.180m").
    written = defaultdict(list)
    for path in sorted(DATA.glob("*-observations.csv")):
        with path.open(encoding="utf-8") as handle:
            written_rows = [row for row in csv.DictReader(handle) if row["value"]]
        for row in written_rows:
            written[row["measure_id"]].append(row)
    measures = Measure.objects.in_bulk(list(written), field_name="measure_id")
    paper = _without_charts(_page_text(render_html(corporate.build(parse_period(PAPER_PERIOD)))))
    end = parse_period(PAPER_PERIOD).last_month
    figures = mixed = in_paper = 0
    for measure_id, rows in written.items():
        measure = measures[measure_id]
        page = _without_charts(_page_text(client.get(f"/measures/{measure_id}/").content.decode()))
        # The notes are the team's own words about the seed ("printed as 85% ... = 85.0%").
        page = page.replace(_page_text(measure.notes), "")
        for row in rows:
            shown = _as_written(measure, row["value"])
            assert _found(shown, page), (measure_id, row["period"], row["value"], shown)
            figures += 1
            padded = figure(measure, Decimal(row["value"]))
            if padded != shown:
                # The measure's decimals would pad it: nowhere is it shown so.
                mixed += 1
                assert not _found(padded, page), (measure_id, row["value"], padded)
                assert not _found(padded, paper), (measure_id, row["value"], padded)
        headline = [r for r in rows if not r["breakdown"]]
        upto = [r for r in headline if parse_period(r["period"]).last_month <= end]
        latest = max(upto, key=lambda r: parse_period(r["period"]).last_month, default=None)
        if measure.plan.plan_id == "business-plan" and latest is not None:
            assert _found(_as_written(measure, latest["value"]), paper), (measure_id, latest)
            in_paper += 1
    # Seeds 000, 001, 003 and 004 (the unnamed "(183/227)" figure not loaded), and seed 002's
    # 65 (the lead member plan); seed 001's two caseloads (Q2 and Q4 2016/17) make 289.
    assert figures == 289
    # Seed 001's caseloads mix decimals too (12, then 14.7): 16 (was 15).
    assert mixed == 16
    assert in_paper > 10


def test_every_lead_member_figure_is_in_the_lead_member_paper_as_written(demo_council):
    # Seed 002's figures, as the data files write them: each measure's latest two by the end
    # of 2018/19 and its comparators, in the year's paper with the decimals they were written
    # with, each standing alone ("34%" is not found in "64.9%").
    paper = _page_text(render_html(lead_member.build(parse_period("2018/19"), "children-families")))
    end = parse_period("2018/19").last_month
    by_measure = defaultdict(list)
    with (DATA / "062-lead-member-observations.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_measure[row["measure_id"]].append(row)
    checked = 0
    for measure_id, rows in by_measure.items():
        measure = Measure.objects.get(measure_id=measure_id)
        upto = sorted(
            (r for r in rows if parse_period(r["period"]).last_month <= end),
            key=lambda r: parse_period(r["period"]).last_month,
        )
        for row in upto[-2:]:
            counts = f" ({row['numerator']}/{row['denominator']})" if row["numerator"] else ""
            when = parse_period(row["period"]).display
            shown = f"{_as_written(measure, row['value'])}{counts} ({when})"
            assert _found(shown, paper), (measure_id, shown)
            checked += 1
    with (DATA / "063-lead-member-comparators.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            measure = Measure.objects.get(measure_id=row["measure_id"])
            assert f"{row['comparator']} {_as_written(measure, row['value'])}" in paper, row
            checked += 1
    assert checked == 69


def test_every_seed_comparator_figure_is_shown_with_its_own_decimals(demo_council, client):
    # England and neighbour figures as the seed prints them: "88%" beside "89.7%".
    pages: dict[str, str] = {}
    checked = 0
    for path in sorted(DATA.glob("*-comparators.csv")):
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            measure = Measure.objects.get(measure_id=row["measure_id"])
            if row["measure_id"] not in pages:
                html = client.get(f"/measures/{row['measure_id']}/").content.decode()
                pages[row["measure_id"]] = _without_charts(_page_text(html)).replace(
                    _page_text(measure.notes), ""
                )
            shown = _as_written(measure, row["value"])
            assert _found(shown, pages[row["measure_id"]]), (row, shown)
            padded = figure(measure, Decimal(row["value"]))
            if padded != shown:
                assert not _found(padded, pages[row["measure_id"]]), (row, padded)
            checked += 1
    assert checked > 20
