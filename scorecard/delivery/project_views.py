"""Pages for projects: the list with statuses as at a period, one project, and the forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from scorecard.delivery import project_forms
from scorecard.delivery.models import Milestone, Project, ProjectUpdate
from scorecard.delivery.picking import periods_of
from scorecard.delivery.positions import milestone_state, position_of, project_positions
from scorecard.form_pages import form_page
from scorecard.framework.models import Plan
from scorecard.measures.picking import chosen_period, chosen_plan
from scorecard.people.permissions import (
    performance_team_required,
    require_change,
    require_saving,
)

PERIOD_HINT = "Each project shows the last status reported up to the end of this period."


def project_list(request):
    plan = chosen_plan(request, Plan.objects.filter(projects__isnull=False).distinct())
    plan_id = plan.plan_id if plan else None
    offered = periods_of(ProjectUpdate.objects.filter(project__plan=plan))
    period = chosen_period(request.GET.get("period"), offered)
    positions = project_positions(period, plan_id) if period else []
    unreported = [] if period else list(Project.objects.current().filter(plan=plan))
    return render(
        request,
        "delivery/project_list.html",
        {
            "plan": plan,
            "plans": Plan.objects.all(),
            "show_plan_choice": True,
            "periods": offered,
            "period": period,
            "period_hint": PERIOD_HINT,
            "period_button": "Show projects",
            "positions": positions,
            "unreported": unreported,
        },
    )


def _project(project_id: str) -> Project:
    projects = Project.objects.select_related(
        "plan", "outcome", "priority", "programme", "owner__organisation", "organisation"
    ).prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("order", "pk")))
    return get_object_or_404(projects, project_id=project_id)


def project_detail(request, project_id: str):
    project = _project(project_id)
    updates = list(project.updates.order_by("period_last_month"))
    offered = sorted({u.period_obj for u in updates}, reverse=True)
    period = chosen_period(request.GET.get("period"), offered)
    position = position_of(project, updates, period) if period else None
    on = position.on if position else None
    return render(
        request,
        "delivery/project.html",
        {
            "project": project,
            "plan": project.plan,
            "periods": offered,
            "period": period,
            "period_hint": PERIOD_HINT,
            "period_button": "Show project",
            "position": position,
            "milestones": [(m, milestone_state(m, on)) for m in project.milestones.all()],
            "updates": list(reversed(updates)),
        },
    )


@performance_team_required
def project_create(request):
    form = project_forms.ProjectForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        # A team member looking after some plans adds projects to those plans only.
        require_saving(request.user, form.instance, adding=True)
        if project := form.save_unless_changed():
            messages.success(request, f"Project {project.project_id} added")
            return redirect(project)
    back = reverse("project_list")
    return form_page(request, form, title="Add a project", back_url=back, submit="Add project")


@login_required
def project_edit(request, project_id: str):
    project = _project(project_id)
    require_change(request.user, project)
    form = project_forms.ProjectForm(request.POST or None, instance=project, user=request.user)
    form.fields["project_id"].disabled = True
    if request.method == "POST" and form.is_valid():
        # Checked again on the project as it will be: still in the user's plans, or theirs.
        require_saving(request.user, form.instance, form.changed_data)
        if form.save_unless_changed():
            messages.success(request, "Project details saved")
            return redirect(project)
    back = project.get_absolute_url()
    title = "Change project details"
    return form_page(request, form, title=title, back_url=back, caption=project.title)


@login_required
def project_update_create(request, project_id: str):
    project = _project(project_id)
    require_change(request.user, project)
    form = project_forms.ProjectUpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        update, created = project_forms.save_update(project, form)
        verb = "added" if created else "replaced"
        messages.success(request, f"Status for {update.period_obj.display} {verb}")
        return redirect(f"{project.get_absolute_url()}?period={update.period}")
    back = project.get_absolute_url()
    title = "Report the project's status"
    return form_page(
        request, form, title=title, back_url=back, caption=project.title, submit="Save status"
    )


@login_required
def milestone_create(request, project_id: str):
    return _milestone_form(request, _project(project_id), None)


@login_required
def milestone_edit(request, project_id: str, pk: int):
    project = _project(project_id)
    return _milestone_form(request, project, get_object_or_404(Milestone, project=project, pk=pk))


def _milestone_form(request, project: Project, milestone: Milestone | None):
    require_change(request.user, project)
    form = project_forms.MilestoneForm(request.POST or None, instance=milestone, project=project)
    if request.method == "POST" and form.is_valid() and (saved := form.save_unless_changed()):
        messages.success(request, f"Milestone '{saved.title}' saved")
        return redirect(project)
    title = "Change a milestone" if milestone else "Add a milestone"
    back = project.get_absolute_url()
    return form_page(request, form, title=title, back_url=back, caption=project.title)
