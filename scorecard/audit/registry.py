"""Which models the audit trail follows, and which item's page shows each one's changes."""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.db.models import Model

# App labels ("measures") or model labels ("cycles.Submission"): other apps add theirs with
# track() when their models exist.
TRACKED: list[str] = [
    "framework",
    "measures",
    "people",
    "delivery",
    "risks",
    "cycles",
    # Comparator groups and indicators are chosen by officers (which neighbours, which polarity);
    # areas and their values are national statistics, reloaded from their publisher, and too
    # many to keep a trail of.
    "benchmarking.ComparatorGroup",
    "benchmarking.GroupMember",
    "benchmarking.Indicator",
]

# The foreign key that makes a child's changes show on its parent's page.
PARENTS: dict[str, str] = {
    "measures.observation": "measure",
    "measures.target": "measure",
    "measures.comparatorvalue": "measure",
    "measures.observationrevision": "observation",
    "delivery.projectupdate": "project",
    "delivery.milestone": "project",
    "delivery.actionupdate": "action",
    "delivery.highlightreport": "programme",
    "risks.riskassessment": "risk",
    "benchmarking.groupmember": "group",
}


# Models whose rows belong to one of several kinds of item: the first of these foreign keys that
# is set. A cycle's submission (and the team's approval or return of it) shows on the page of
# the measure, project, action or programme it is for.
ONE_OF_PARENTS: dict[str, tuple[str, ...]] = {
    "cycles.submission": ("measure", "project", "action", "programme"),
}


def label_of(model: type[Model]) -> str:
    return model._meta.label_lower


@cache
def _tracked_labels() -> frozenset[str]:
    labels = set()
    for entry in TRACKED:
        if "." in entry:
            labels.add(entry.lower())
        else:
            labels.update(label_of(m) for m in apps.get_app_config(entry).get_models())
    # The tables behind many-to-many fields are recorded on the item that holds the field.
    return frozenset(label for label in labels if not apps.get_model(label)._meta.auto_created)


def is_tracked(model: type[Model]) -> bool:
    return label_of(model) in _tracked_labels()


def parent_of(instance: Model) -> tuple[str, str]:
    """(model label, id) of the item whose page shows this one's changes, else blanks."""
    label = label_of(type(instance))
    name = PARENTS.get(label)
    for candidate in ONE_OF_PARENTS.get(label, ()):
        if getattr(instance, instance._meta.get_field(candidate).attname) is not None:
            name = candidate
            break
    if not name:
        return "", ""
    field = instance._meta.get_field(name)
    parent_id = getattr(instance, field.attname)
    if parent_id is None:
        return "", ""
    return label_of(field.related_model), str(parent_id)
