"""The public scorecard, a published measure's page, the open data, and publishing a measure.

Every view here but `set_published` is open to the public (login_not_required); each reads
only through scorecard.publishing.published, so an unpublished measure never shows."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from scorecard.measures.models import Measure
from scorecard.measures.picking import chosen_period
from scorecard.people.permissions import require_manage
from scorecard.publishing import open_data
from scorecard.publishing.published import (
    last_updated,
    licence,
    public_measure,
    public_periods,
    public_plans,
    public_scorecard,
    publisher,
)
from scorecard.scoring import rows as measure_rows
from scorecard.scoring.scorecard import rate_measures


def _not_found(request, what: str) -> HttpResponse:
    """A public 404 that names nothing it was not asked for (not even a measure's title)."""
    return render(request, "publishing/not_found.html", {"what": what}, status=404)


def _licensed(response: HttpResponse, filename: str) -> HttpResponse:
    chosen = licence()
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{chosen.url}>; rel="license"'
    return response


@login_not_required
@require_safe
def scorecard(request):
    plans = list(public_plans())
    wanted = request.GET.get("plan")
    plan = next((p for p in plans if p.plan_id == wanted), None) if wanted else None
    if wanted and plan is None:
        return _not_found(request, "There is no published plan with that reference")
    plan = plan or (plans[0] if plans else None)
    plan_id = plan.plan_id if plan else None
    offered = public_periods(plan_id)
    try:
        period = chosen_period(request.GET.get("period"), offered)
    except Http404 as unknown:
        return _not_found(request, str(unknown))
    found = public_scorecard(period, plan_id) if period else None
    return render(
        request,
        "publishing/scorecard.html",
        {
            "plan": plan,
            "plans": plans,
            "periods": offered,
            "period": period,
            "scorecard": found,
            "publisher": publisher(),
            "licence": licence(),
        },
    )


@login_not_required
@require_safe
def measure(request, measure_id: str):
    found = public_measure(measure_id)
    if found is None:
        return _not_found(request, "There is no published measure with that reference")
    rated = rate_measures([found])[0]
    rows = measure_rows.headline_rows(rated)
    breakdown_periods, breakdown_rows = measure_rows.breakdown_table(rated)
    latest = rows[-1] if rows else None
    commentary = next((r for r in reversed(rows) if r.observation.commentary), None)
    return render(
        request,
        "publishing/measure.html",
        {
            "measure": found,
            "rows": list(reversed(rows)),
            "latest": latest,
            "current_target": latest.rated.target if latest else None,
            "chart": measure_rows.chart_svg(rated) if rows else "",
            "breakdown_periods": breakdown_periods,
            "breakdown_rows": breakdown_rows,
            "commentary": commentary,
            "licence": licence(),
        },
    )


@login_not_required
@require_safe
def data(request):
    return render(
        request,
        "publishing/data.html",
        {
            "columns": open_data.COLUMNS,
            "licence": licence(),
            "publisher": publisher(),
            "last_updated": last_updated(),
            "csv_filename": open_data.CSV_FILENAME,
            "json_filename": open_data.JSON_FILENAME,
        },
    )


@login_not_required
@require_safe
def data_csv(request):
    response = HttpResponse(open_data.csv_text(), content_type="text/csv; charset=utf-8")
    return _licensed(response, open_data.CSV_FILENAME)


@login_not_required
@require_safe
def data_json(request):
    response = HttpResponse(open_data.json_text(), content_type="application/json")
    return _licensed(response, open_data.JSON_FILENAME)


@require_POST
def set_published(request, measure_id: str, published: bool):
    """Publish or unpublish a measure: the performance team for its plan (or an admin)."""
    item = get_object_or_404(Measure, measure_id=measure_id)
    require_manage(request.user, item)
    if item.published != published:
        item.published = published
        item.save(update_fields=["published"])
    if published:
        messages.success(request, f"{item.title} is published on the public scorecard.")
    else:
        messages.success(request, f"{item.title} is no longer on the public scorecard.")
    return redirect(item)
