"""Rows of values of comparator indicators for areas: a Fingertips data download (`fingertips`)
or our own simpler form (`comparator_values`). Both become the same parsed rows."""

from __future__ import annotations

import html
import math
import re
from collections import defaultdict

from scorecard.benchmarking import fingertips
from scorecard.benchmarking.models import ENGLAND_CODE, Area, AreaValue, Indicator
from scorecard.core.periods import Period, PeriodError
from scorecard.interchange import cells, indicator_rows
from scorecard.interchange.area_rows import area_code
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.errors import RowError
from scorecard.interchange.lookups import Lookups
from scorecard.interchange.rows import whole_file

# Our name for each value -> its column in our form and in a Fingertips download.
COLUMNS = {
    "indicator_id": ("indicator_id", "indicator id"),
    "indicator_name": ("indicator_name", "indicator name"),
    "area_code": ("area_code", "area code"),
    "area_name": ("area_name", "area name"),
    "area_type": ("area_type", "area type"),
    "parent_code": (None, "parent code"),
    "parent_name": (None, "parent name"),
    "period": ("period", "time period"),
    "sex": ("sex", "sex"),
    "age": ("age", "age"),
    "category_type": (None, "category type"),
    "category": (None, "category"),
    "value": ("value", "value"),
    "count": ("count", "count"),
    "denominator": ("denominator", "denominator"),
    "lower_95": ("lower_95", "lower ci 95.0 limit"),
    "upper_95": ("upper_95", "upper ci 95.0 limit"),
    "lower_998": ("lower_998", "lower ci 99.8 limit"),
    "upper_998": ("upper_998", "upper ci 99.8 limit"),
    "value_note": ("value_note", "value note"),
    "compared_to_england": ("compared_to_england", "compared to england value or percentiles"),
}
NUMBERS = ("value", "count", "denominator", "lower_95", "upper_95", "lower_998", "upper_998")
TEXTS = {
    "sex": 60,
    "age": 60,
    "category_type": 200,
    "category": 200,
    "value_note": 1000,
    "compared_to_england": 100,
}
BREAKDOWN = ("sex", "age", "category_type", "category")


# Fingertips marks a missing figure with HTML (`<div class="no-data">-</div>`) or a dash.
_TAGS = re.compile(r"<[^>]*>")
NO_DATA = {"", "-", "*", "x", ".."}


def plain(raw: str, *, max_length: int | None = None) -> str:
    """Text without the HTML Fingertips wraps some cells in (value notes)."""
    return cells.text(html.unescape(_TAGS.sub("", raw)), max_length=max_length)


def estimate(raw: str) -> float | None:
    """A published figure: blank (or Fingertips' no-data mark) for none; any number of
    decimals (these are estimates)."""
    text = _TAGS.sub("", raw).strip()
    if text.lower() in NO_DATA:
        return None
    if "," in text:
        if not cells._THOUSANDS.fullmatch(text):
            raise cells.CellError(f"'{raw}' is not a number: use a dot for decimals")
        text = text.replace(",", "")
    try:
        number = float(text)
    except ValueError:
        raise cells.CellError(f"'{raw}' is not a number") from None
    if not math.isfinite(number):
        raise cells.CellError(f"'{raw}' is not a number")
    return number


def period(raw: str) -> Period | None:
    if not raw.strip():
        raise cells.CellError("a period is needed here")
    try:
        return fingertips.read_period(raw)
    except PeriodError as exc:
        raise cells.CellError(str(exc)) from None


def _checks(row: RowReader, parsed: dict, column: dict[str, str]) -> None:
    """Limits that contradict each other or the value: a row to look at, not to guess about."""
    for level in ("95", "998"):
        lower, upper = parsed[f"lower_{level}"], parsed[f"upper_{level}"]
        if (lower is None) != (upper is None):
            row.fail(column[f"lower_{level}"], "give both limits of an interval, or neither")
        elif lower is not None and lower > upper:
            row.fail(
                column[f"lower_{level}"], f"the lower limit {lower} is above the upper {upper}"
            )
    count, denominator = parsed["count"], parsed["denominator"]
    if count is not None and count < 0:
        row.fail(column["count"], "a count cannot be negative")
    if denominator is not None and denominator < 0:
        row.fail(column["denominator"], "a denominator cannot be negative")


def validate(row: RowReader, catalogue: Catalogue, form: int) -> dict | None:
    """A row of our form (form 0) or of a Fingertips download (form 1)."""
    column = {name: names[form] for name, names in COLUMNS.items() if names[form]}
    if form and "areaname" in row.cells:
        # Fingertips' API heads this column "AreaName" in some downloads.
        column["area_name"] = "areaname"
    get = row.get
    parsed: dict = {
        "indicator_id": get(column["indicator_id"], indicator_rows.indicator_id, required=True),
        "indicator_name": get(column["indicator_name"], max_length=500),
        "area_code": get(column["area_code"], area_code, required=True),
        "area_name": get(column["area_name"], max_length=200),
        "area_type": get(column["area_type"], max_length=100),
        "parent_code": get(column["parent_code"], area_code) if form else "",
        "parent_name": get(column["parent_name"], max_length=200) if form else "",
        "period": get(column["period"], period),
    }
    for name in NUMBERS:
        parsed[name] = get(column[name], estimate)
    for name, length in TEXTS.items():
        parsed[name] = get(column[name], plain, max_length=length) if name in column else ""
    if row.errors:
        return None
    _checks(row, parsed, column)
    indicator, code = parsed["indicator_id"], parsed["area_code"]
    if indicator not in catalogue.indicators and not parsed["indicator_name"]:
        row.fail(
            column["indicator_id"],
            f"no indicator '{indicator}': give its name in {column['indicator_name']} "
            "or add it in a comparator_indicators file first",
        )
    if code not in catalogue.areas and not parsed["area_name"]:
        row.fail(
            column["area_code"],
            f"no area '{code}': give its name in {column['area_name']} "
            "or add it in an areas file first",
        )
    key = (indicator, code, parsed["period"].label, *(parsed[b] for b in BREAKDOWN))
    breakdown = ", ".join(parsed[b] for b in BREAKDOWN if parsed[b])
    catalogue.first_time(
        row,
        ("area value", *key),
        column["period"],
        f"{indicator} for {code} in {parsed['period'].label}"
        + (f" ({breakdown})" if breakdown else ""),
    )
    if row.errors:
        return None
    catalogue.indicators.add(indicator)
    catalogue.areas.add(code)
    if parsed["parent_code"]:
        catalogue.areas.add(parsed["parent_code"])
    parsed["fingertips"] = bool(form)
    parsed["where"] = (row.file, row.number, column["value"])
    return parsed


def validate_ours(row: RowReader, catalogue: Catalogue) -> dict | None:
    return validate(row, catalogue, 0)


def validate_fingertips(row: RowReader, catalogue: Catalogue) -> dict | None:
    return validate(row, catalogue, 1)


# --- writing ------------------------------------------------------------------------------

FIELDS = ("area_type", *BREAKDOWN, *NUMBERS, "value_note", "compared_to_england")
# ONS codes of English regions begin E12: a parent with one is the area's region.
REGION_PREFIX = "E12"


def _areas(rows: list[dict]) -> dict[str, Area]:
    """Every area the rows name, new ones added with the name and type the rows give."""
    named: dict[str, tuple[str, str]] = {}
    for row in rows:
        if row["parent_code"]:
            named.setdefault(row["parent_code"], (row["parent_name"] or row["parent_code"], ""))
    for row in rows:
        # An area's own row names its type; a parent's mention does not.
        if row["area_name"] and not named.get(row["area_code"], ("", ""))[1]:
            named[row["area_code"]] = (row["area_name"], row["area_type"])
        named.setdefault(row["area_code"], (row["area_code"], row["area_type"]))
    areas = Area.objects.in_bulk(list(named), field_name="code")
    new = [
        Area(code=code, name=name[:200], area_type=kind)
        for code, (name, kind) in named.items()
        if code not in areas
    ]
    Area.objects.bulk_create(new, batch_size=500)
    areas = Area.objects.in_bulk(list(named), field_name="code")
    regions = {
        row["area_code"]: areas[row["parent_code"]]
        for row in rows
        if row["parent_code"].startswith(REGION_PREFIX)
    }
    placed = [area for code, area in areas.items() if code in regions and area.region_id is None]
    for area in placed:
        area.region = regions[area.code]
    Area.objects.bulk_update(placed, ["region"], batch_size=500)
    return areas


def _indicators(rows: list[dict]) -> dict[str, Indicator]:
    ids = {row["indicator_id"] for row in rows}
    indicators = Indicator.objects.in_bulk(ids, field_name="indicator_id")
    names = {row["indicator_id"]: row["indicator_name"] for row in rows if row["indicator_name"]}
    for indicator_id in ids:
        indicator = indicators.get(indicator_id)
        if indicator is None:
            indicator = Indicator(indicator_id=indicator_id, name=names[indicator_id])
        elif names.get(indicator_id, indicator.name) == indicator.name:
            continue
        indicator.name = names.get(indicator_id, indicator.name)
        indicator.save()  # one by one: indicators are few, and audited
        indicators[indicator_id] = indicator
    return indicators


def apply_all(rows: list[dict], lookups: Lookups) -> list[RowError]:
    """Add or update every value: the same indicator, area, period and breakdown is one row.
    The warnings: values their counts do not make (see `_mismatches`)."""
    if not rows:
        return []
    areas = _areas(rows)
    indicators = _indicators(rows)
    stored = {
        (v.indicator_id, v.area_id, v.period, *v.breakdown): v
        for v in AreaValue.objects.filter(indicator__in=indicators.values())
    }
    new, changed = [], []
    for row in rows:
        indicator, area = indicators[row["indicator_id"]], areas[row["area_code"]]
        key = (indicator.pk, area.pk, row["period"].label, *(row[b] for b in BREAKDOWN))
        value = stored.get(key)
        if value is None:
            value = AreaValue(indicator=indicator, area=area)
            new.append(value)
        else:
            changed.append(value)
        value.set_period(row["period"])
        for name in FIELDS:
            setattr(value, name, row[name])
        if not value.area_type:
            value.area_type = area.area_type
    AreaValue.objects.bulk_create(new, batch_size=500)
    AreaValue.objects.bulk_update(changed, list(FIELDS), batch_size=500)
    _learn_from_fingertips([r for r in rows if r["fingertips"]], indicators)
    return _mismatches(rows, indicators)


def _mismatches(rows: list[dict], indicators: dict[str, Indicator]) -> list[RowError]:
    """A value of a proportion, crude rate or count that its count ÷ denominator × multiplier
    does not make beyond rounding: imported as published, said with its row and column, and
    never given an interval worked out from that count (benchmarking.comparisons)."""
    from scorecard.benchmarking.comparisons import count_mismatch

    found = []
    for row in rows:
        indicator = indicators[row["indicator_id"]]
        made = count_mismatch(
            indicator.value_type,
            indicator.multiplier,
            row["value"],
            row["count"],
            row["denominator"],
        )
        if made is None:
            continue
        file, number, column = row["where"]
        found.append(
            RowError(
                file,
                number,
                column,
                f"the value {row['value']:g} is not what the count and denominator make "
                f"({made:,.4g} at × {indicator.multiplier:,g}): it is kept as published, and no "
                "confidence interval is worked out from the count",
            )
        )
    return found


def _learn_from_fingertips(rows: list[dict], indicators: dict[str, Indicator]) -> None:
    """A Fingertips download says neither polarity nor value type: read them from its
    published comparisons and figures, for indicators whose officer has not set them."""
    england = {
        (r["indicator_id"], r["period"].label, r["sex"], r["age"]): r["value"]
        for r in rows
        if r["area_code"] == ENGLAND_CODE and not r["category_type"]
    }
    published = defaultdict(list)
    figures = defaultdict(list)
    for r in rows:
        figures[r["indicator_id"]].append((r["value"], r["count"], r["denominator"]))
        benchmark = england.get((r["indicator_id"], r["period"].label, r["sex"], r["age"]))
        comparison = fingertips.published_comparison(r["compared_to_england"])
        if benchmark is None or r["lower_95"] is None or comparison is None:
            continue
        side = 1 if r["lower_95"] > benchmark else -1 if r["upper_95"] < benchmark else 0
        published[r["indicator_id"]].append((comparison, side))
    for indicator_id, indicator in indicators.items():
        fields = []
        if not indicator.polarity and indicator_id in published:
            polarity = fingertips.infer_polarity(published[indicator_id])
            if polarity is not None:
                indicator.polarity = polarity.value
                fields.append("polarity")
        if indicator.value_type == "other" and indicator_id in figures:
            inferred = fingertips.infer_value_type(figures[indicator_id])
            if inferred is not None:
                indicator.value_type, indicator.multiplier = inferred[0].value, inferred[1]
                fields += ["value_type", "multiplier"]
        if fields:
            indicator.save(update_fields=fields)


# The kinds of file these rows are read from (interchange/rows.py).
READS = {
    "fingertips": whole_file(validate_fingertips, apply_all),
    "comparator_values": whole_file(validate_ours, apply_all),
}
