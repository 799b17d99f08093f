"""Pages of the reporting cycle: my updates, a measure's value, the team's cycles, review,
completeness, and the offline workbook."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from scorecard.core.units import published_text
from scorecard.core.wording import plural
from scorecard.cycles import due, review, workbook
from scorecard.cycles.entry import (
    EditedMeanwhile,
    current_reading,
    mark_submitted,
    save_reading,
    stamp,
)
from scorecard.cycles.forms import CycleForm, MeasureValueForm, UploadForm
from scorecard.cycles.models import ReportingCycle
from scorecard.form_pages import form_page
from scorecard.measures.models import Measure
from scorecard.measures.picking import period_called
from scorecard.people.permissions import (
    can_manage,
    performance_team_required,
    person_of,
    require_change,
    require_manage,
)
from scorecard.scoring.figures import figure
from scorecard.uploads import upload_too_large

ID = re.compile(r"[0-9]{1,18}")

GROUPS = (
    (due.RETURNED, "Returned to you"),
    (due.DUE, "Due from you"),
    (due.SUBMITTED, "Submitted, waiting for the performance team"),
    (due.APPROVED, "Approved"),
)


def today():
    return timezone.localdate()


def my_updates(request):
    person = person_of(request.user)
    on = today()
    cycles = []
    for cycle in ReportingCycle.objects.taking_entries(on).select_related("plan"):
        items = due.due_items(cycle, person) if person is not None else []
        if not items:
            continue
        groups = [
            (state, heading, [i for i in items if i.state == state]) for state, heading in GROUPS
        ]
        cycles.append(
            {
                "cycle": cycle,
                "state": cycle.state(on),
                "days": due.days_phrase(cycle, on),
                "groups": [g for g in groups if g[2]],
                "count": len(items),
                "done": due.Completeness("All", items).done,
                "has_measures": any(i.kind == due.MEASURE for i in items),
            }
        )
    return render(request, "cycles/my_updates.html", {"cycles": cycles, "person": person})


@require_POST
def resubmit(request, pk: int):
    """An owner says a returned project, action or highlight report has been put right."""
    cycle = get_object_or_404(ReportingCycle, pk=pk)
    item = due.find_item(cycle, request.POST.get("item", ""))
    if item is None or item.kind == due.MEASURE:
        raise Http404("No such item in this cycle")
    require_change(request.user, item.item)
    _require_open(request, cycle)
    if item.state != due.RETURNED:
        # Only a returned item is sent again: an approved one stays approved, and one already
        # submitted is waiting for the team.
        messages.error(request, f"Not sent again: {item.title} has not been returned to you")
        return redirect("my_updates")
    mark_submitted(request.user, timezone.now(), **item.submission_fields())
    messages.success(request, f"Sent again to the performance team: {item.title}")
    return redirect("my_updates")


def _require_open(request, cycle: ReportingCycle) -> None:
    """Owners report only in a cycle taking entries; whoever manages its plan may at any time."""
    if not cycle.takes_entries(today()) and not can_manage(request.user, cycle.plan):
        raise PermissionDenied("This reporting cycle is not taking entries.")


def _cycle_for(request, measure: Measure) -> ReportingCycle:
    cycles = ReportingCycle.objects.filter(plan_id=measure.plan_id)
    chosen = request.GET.get("cycle") or request.POST.get("cycle")
    if chosen:
        # Only ASCII digits: str.isdigit also takes "²", which is no primary key.
        cycle = cycles.filter(pk=chosen).first() if ID.fullmatch(str(chosen)) else None
    else:
        cycle = cycles.taking_entries(today()).first()
    if cycle is None:
        raise Http404("There is no open reporting cycle for this measure's plan")
    _require_open(request, cycle)
    return cycle


def measure_value(request, measure_id: str):
    measure: Measure = get_object_or_404(
        Measure.objects.select_related("plan"), measure_id=measure_id
    )
    require_change(request.user, measure)
    cycle = _cycle_for(request, measure)
    periods = due.measure_periods(cycle, measure)
    if not periods:
        raise Http404(f"This cycle asks for no reading of {measure.measure_id}")
    period = periods[-1]
    label = request.GET.get("period", "")
    if label:
        asked = period_called(label)
        period = asked if asked in periods else period
    reading = current_reading(measure, period)
    initial = {"period": period.label, "loaded": stamp(reading)}
    if reading is not None:
        initial |= {
            # As it was written ("58", "71.4"), not as stored (58.00000000).
            "value": None
            if reading.value is None
            else published_text(reading.value, measure.decimals_for(reading.written_decimals)),
            "numerator": reading.numerator,
            "denominator": reading.denominator,
            "commentary": reading.commentary,
        }
    form = MeasureValueForm(request.POST or None, initial=initial, measure=measure, periods=periods)
    back = reverse("my_updates")
    if request.method == "POST" and form.is_valid():
        entry = form.entry()
        try:
            save_reading(
                measure=measure,
                period=form.cleaned_data["period"],
                entry=entry,
                user=request.user,
                cycle=cycle,
                loaded=form.cleaned_data["loaded"] or "new",
            )
        except EditedMeanwhile as exc:
            form.data = form.data.copy()
            form.data["loaded"] = stamp(exc.observation)
            theirs = exc.observation
            form.add_error(
                None, exc.message(figure(measure, theirs.value, written=theirs.written_decimals))
            )
        else:
            messages.success(
                request, f"Saved {measure.title} for {form.cleaned_data['period'].display}"
            )
            warning = entry.warning(measure)
            if warning:
                # Kept as typed, as an import keeps a figure as published; the measure's page
                # flags it too.
                messages.warning(request, f"{warning}. The value you entered is kept as typed")
            return redirect(back)
    return render(
        request,
        "cycles/measure_value.html",
        {
            "form": form,
            "measure": measure,
            "cycle": cycle,
            "reading": reading,
            "reading_value": figure(measure, reading.value, written=reading.written_decimals)
            if reading
            else "",
            "period": period,
            "other_periods": [p for p in periods if p != period],
            "back_url": back,
            "title": f"Enter the value for {measure.title}",
        },
    )


@performance_team_required
def cycle_list(request):
    on = today()
    cycles = [(c, c.state(on)) for c in ReportingCycle.objects.select_related("plan")]
    return render(request, "cycles/cycle_list.html", {"cycles": cycles, "today": on})


@performance_team_required
def cycle_create(request):
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        require_manage(request.user, form.cleaned_data["plan"])
        cycle = form.save()
        messages.success(request, f"Added the reporting cycle {cycle}")
        return redirect(cycle)
    return form_page(
        request,
        form,
        title="Add a reporting cycle",
        back_url=reverse("cycle_list"),
        submit="Add cycle",
    )


def _team_cycle(request, pk: int) -> ReportingCycle:
    cycle: ReportingCycle = get_object_or_404(ReportingCycle.objects.select_related("plan"), pk=pk)
    require_manage(request.user, cycle.plan)
    return cycle


def cycle_edit(request, pk: int):
    cycle = _team_cycle(request, pk)
    form = CycleForm(request.POST or None, instance=cycle)
    if request.method == "POST" and form.is_valid():
        require_manage(request.user, form.cleaned_data["plan"])
        form.save()
        messages.success(request, f"Saved the reporting cycle {cycle}")
        return redirect(cycle)
    return form_page(
        request,
        form,
        title="Change the reporting cycle",
        caption=str(cycle),
        back_url=cycle.get_absolute_url(),
    )


def _review_page(request, cycle: ReportingCycle, query, outcome: review.Outcome | None = None):
    """The cycle's review: its dates, completeness by organisation and owner, and the table of
    items to decide on (with the errors of a refused decision, when there are any)."""
    on = today()
    items = due.due_items(cycle)
    filters = review.Filters.read(query, items)
    by_organisation, by_owner = review.completeness(items)
    overall = review.Counts("All")
    for item in items:
        overall.add(item.state)
    shown = [item for item in items if filters.keep(item)]
    outcome = outcome or review.Outcome()
    rows = review.review_rows(cycle, shown)
    outcome.show_on(rows)
    return render(
        request,
        "cycles/cycle_review.html",
        {
            "cycle": cycle,
            "state": cycle.state(on),
            "days": due.days_phrase(cycle, on),
            "past_deadline": cycle.past_deadline(on),
            "overall": overall,
            "completeness_tables": [
                ("Completeness by organisation", by_organisation, "Organisation"),
                ("Completeness by owner", by_owner, "Owner"),
            ],
            "filters": filters,
            "rows": rows,
            "outcome": outcome,
            "reminders": cycle.reminders.all(),
        },
    )


def cycle_detail(request, pk: int):
    cycle = _team_cycle(request, pk)
    return _review_page(request, cycle, request.GET)


@require_POST
def cycle_decide(request, pk: int):
    """Approve or return one item, or a selection of them, all or nothing."""
    cycle = _team_cycle(request, pk)
    outcome = review.decide(cycle, request.POST, request.user)
    if outcome.problems:
        return _review_page(request, cycle, request.POST, outcome)
    messages.success(request, outcome.done)
    filters = review.Filters.read(request.POST, due.due_items(cycle))
    return redirect(f"{cycle.get_absolute_url()}?{filters.query}")


def completeness(request, pk: int):
    """Completeness is part of the review page now; old links land on it."""
    cycle = _team_cycle(request, pk)
    return redirect(f"{cycle.get_absolute_url()}?state=all#completeness")


def _my_items(request, cycle: ReportingCycle) -> list[due.DueItem]:
    if can_manage(request.user, cycle.plan):
        return due.due_items(cycle)
    person = person_of(request.user)
    return due.due_items(cycle, person) if person is not None else []


def cycle_template(request, pk: int):
    cycle: ReportingCycle = get_object_or_404(ReportingCycle.objects.select_related("plan"), pk=pk)
    content = workbook.template(cycle, _my_items(request, cycle))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"{cycle.plan.plan_id}-{cycle.period.replace('/', '-').replace(' ', '-')}-values.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


NOTHING_TO_UPLOAD = (
    "You have no measures to report in this reporting cycle, so there is no workbook to upload"
)


def cycle_upload(request, pk: int):
    cycle: ReportingCycle = get_object_or_404(ReportingCycle.objects.select_related("plan"), pk=pk)
    _require_open(request, cycle)
    context = {"cycle": cycle, "result": None, "back_url": reverse("my_updates")}
    items = [item for item in _my_items(request, cycle) if item.kind == due.MEASURE]
    if not items:
        # Someone with nothing to enter (a viewer, an owner with no measures in this plan):
        # refused before their file is looked at.
        context |= {"nothing_due": NOTHING_TO_UPLOAD, "refused": request.method == "POST"}
        return render(request, "cycles/upload.html", context)
    posted = request.method == "POST"
    # Bound whenever posted: a file dropped for its size leaves POST and FILES empty.
    form = UploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        too_large=upload_too_large(request),
    )
    result = None
    if request.method == "POST" and form.is_valid():
        result = workbook.read(form.cleaned_data["workbook"], cycle, request.user, items)
        if not result.problems and result.warnings and not form.cleaned_data["confirm"]:
            form.add_error(
                "confirm",
                "Some values are far outside their measure's history: "
                "check them, then tick this box and upload again",
            )
        elif not result.problems and not result.rows and not result.unchanged:
            form.add_error("workbook", "The workbook has no values filled in")
        elif not result.problems:
            saved = workbook.save(result, cycle, request.user)
            _say_saved(request, saved, result.unchanged)
            return redirect("my_updates")
    return render(request, "cycles/upload.html", context | {"form": form, "result": result})


def _say_saved(request, saved: int, same: int) -> None:
    if not saved:
        # Not a success, nor an error: nothing needed saving.
        messages.info(
            request,
            f"Nothing was saved: the {same} {plural(same, 'value')} in the workbook "
            f"{'is' if same == 1 else 'are'} the same as {'that' if same == 1 else 'those'} "
            "already saved",
        )
        return
    text = f"Saved {saved} {plural(saved, 'value')} from the workbook"
    if same:
        text += f" ({same} unchanged)"
    messages.success(request, text)
