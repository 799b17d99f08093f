"""The paper pages: the list, a paper with its sections in the council's order, and the
performance team's forms and actions. A draft is the team's (for the paper's plan); a
published paper any signed-in reader's; the public sees neither."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from scorecard.form_pages import form_page
from scorecard.papers.actions import NewVersion, PaperError, Publish, StartPaper, require_team
from scorecard.papers.forms import (
    GlossaryForm,
    NarrativeForm,
    PaperForm,
    PaperSettingsForm,
    PriorityForm,
    SeenByForm,
    StartPaperForm,
)
from scorecard.papers.models import Paper, PaperSettings
from scorecard.papers.sections import page_sections
from scorecard.people.permissions import can_manage, performance_team_required, team_plan_ids


def _posted(request):
    return request.POST if request.method == "POST" else None


def _paper(request, pk: int) -> Paper:
    """The paper, if this reader may see it: a draft only the team for its plan."""
    paper: Paper = get_object_or_404(Paper.objects.select_related("plan"), pk=pk)
    if not paper.published and not can_manage(request.user, paper):
        raise PermissionDenied("Only the performance team can read a draft paper.")
    return paper


def _draft(request, pk: int) -> Paper:
    """The paper, for the team to change: never once published."""
    paper = get_object_or_404(Paper, pk=pk)
    require_team(request.user, paper)
    if paper.published:
        raise PermissionDenied(
            "This paper is published: start a new version of it to make changes."
        )
    return paper


def paper_list(request):
    papers = Paper.objects.select_related("plan").order_by("-meeting_date", "plan", "-version")
    published = Q(published_at__isnull=False)
    if not can_manage(request.user):
        papers = papers.filter(published)
    elif (plans := team_plan_ids(request.user)) is not None:
        papers = papers.filter(published | Q(plan__in=plans))
    return render(
        request,
        "papers/paper_list.html",
        {"papers": papers, "team": can_manage(request.user)},
    )


@performance_team_required
def paper_start(request):
    form = StartPaperForm(_posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data
        start = StartPaper(
            request.user,
            chosen["plan"],
            chosen["kind"],
            chosen["period"],
            chosen["committee"],
            chosen["meeting_date"],
        )
        try:
            paper = start.execute()
        except PaperError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Paper started: the data's sections are filled in")
            return redirect(paper)
    back = reverse("paper_list")
    return form_page(request, form, title="Start a paper", back_url=back, submit="Start paper")


def paper_detail(request, pk: int):
    paper = _paper(request, pk)
    editable = not paper.published and can_manage(request.user, paper)
    context = {
        "paper": paper,
        "sections": page_sections(paper),
        "editable": editable,
        "may_version": paper.published and can_manage(request.user, paper),
        "not_written": not paper.recommendations.strip(),
        "download_formats": (("pdf", "PDF"), ("docx", "Word"), ("html", "web page")),
    }
    return render(request, "papers/paper.html", context)


def paper_edit(request, pk: int):
    paper = _draft(request, pk)
    form = PaperForm(_posted(request), instance=paper)
    if request.method == "POST" and form.is_valid() and form.save_unless_changed():
        messages.success(request, "Changes to the paper saved")
        return redirect(paper)
    title = "Change the paper"
    return form_page(
        request, form, title=title, back_url=paper.get_absolute_url(), caption=str(paper)
    )


def _add_row(request, pk: int, form_class, title: str, submit: str, rows: str = "", **options):
    """Add a row to the paper; `rows` names the paper's rows it goes last among, for rows
    kept in order; `options` go to the form."""
    paper = _draft(request, pk)
    form = form_class(_posted(request), **options)
    if request.method == "POST" and form.is_valid():
        row = form.save(commit=False)
        row.paper = paper
        if rows:
            row.order = getattr(paper, rows).count()
        row.save()
        messages.success(request, f"{row} added")
        return redirect(paper)
    back = paper.get_absolute_url()
    return form_page(request, form, title=title, back_url=back, caption=str(paper), submit=submit)


def seen_by_add(request, pk: int):
    return _add_row(request, pk, SeenByForm, "Add who has seen the paper", "Add row", "seen_by")


def glossary_add(request, pk: int):
    return _add_row(request, pk, GlossaryForm, "Add a glossary term", "Add term")


def priority_add(request, pk: int):
    return _add_row(
        request, pk, PriorityForm, "Add a priority and its progress", "Add priority", "priorities"
    )


def narrative_add(request, pk: int):
    """An area of work with no figures, under a theme of the report (or one the paper writes
    on already)."""
    paper = _draft(request, pk)
    outcomes = paper.plan.outcomes.order_by("order", "name").values_list("name", flat=True)
    themes = list(dict.fromkeys([*outcomes, *(row.theme for row in paper.narratives.all())]))
    return _add_row(
        request,
        pk,
        NarrativeForm,
        "Add an area of work",
        "Add area",
        "narratives",
        themes=themes,
    )


def _remove_row(request, pk: int, rows: str, row_pk: int):
    """Remove a row; one removed already (a second click) is simply gone."""
    paper = _draft(request, pk)
    for row in getattr(paper, rows).filter(pk=row_pk):
        row.delete()
        messages.success(request, f"{row} removed")
    return redirect(paper)


@require_POST
def seen_by_remove(request, pk: int, row: int):
    return _remove_row(request, pk, "seen_by", row)


@require_POST
def glossary_remove(request, pk: int, row: int):
    return _remove_row(request, pk, "glossary", row)


@require_POST
def priority_remove(request, pk: int, row: int):
    return _remove_row(request, pk, "priorities", row)


@require_POST
def narrative_remove(request, pk: int, row: int):
    return _remove_row(request, pk, "narratives", row)


@require_POST
def paper_publish(request, pk: int):
    paper = get_object_or_404(Paper, pk=pk)
    try:
        Publish(paper, request.user).execute()
    except PaperError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Paper published: it is now frozen")
    return redirect(paper)


@require_POST
def paper_new_version(request, pk: int):
    paper = get_object_or_404(Paper, pk=pk)
    try:
        copy = NewVersion(paper, request.user).execute()
    except PaperError as exc:
        messages.error(request, str(exc))
        return redirect(paper)
    messages.success(request, f"Version {copy.version} started: change it, then publish it")
    return redirect(copy)


@performance_team_required
def paper_settings(request):
    settings = PaperSettings.current()
    form = PaperSettingsForm(_posted(request), instance=settings)
    if request.method == "POST" and form.is_valid() and form.save_unless_changed():
        messages.success(request, "The council's paper settings are saved")
        return redirect("paper_list")
    return form_page(
        request,
        form,
        title="Your council's papers",
        back_url=reverse("paper_list"),
        caption="Implications and order of sections",
    )
