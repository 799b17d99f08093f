"""Which models the audit trail follows, and which item's page shows each one's changes."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, cast

from django.apps import apps
from django.db.models import Field, Model

# Every table below is filled by the app that owns the models, in its AppConfig.ready()
# (docs/architecture.md, "Extension points"): audit sits below every domain app and names none.

# App labels ("measures") or model labels ("cycles.Submission") whose changes are kept.
TRACKED: set[str] = set()

# The foreign key that makes a child's changes show on its parent's page ("app.model": field).
PARENTS: dict[str, str] = {}

# Models whose rows belong to one of several kinds of item: the first of these foreign keys that
# is set (a cycle's submission shows on the page of the measure, project, action or programme it
# is for).
ONE_OF_PARENTS: dict[str, tuple[str, ...]] = {}

# Whether a reader may not see an item's unapproved figures in its history: by model label.
_HIDES_PROVISIONAL: dict[str, Callable[[Any, Model], bool]] = {}

# How an item's History section tells a model's changes when not in the plain way ("Risk
# “Flooding” added"): one of the ways below, by model label.
FIGURE = "figure"  # a figure for a period: "Value for Q2 2019/20 revised from 49.7% to 49.9%"
TARGET = "target"  # a target from a period: "Target from 2024/25 set to 80%"
DECISION = "decision"  # a submission sent, approved or returned: "Value for Q2 approved"
NOT_SHOWN = "not shown"  # kept for the record and for rewinding, but not news on a page
HISTORY_WAYS = (FIGURE, TARGET, DECISION, NOT_SHOWN)
_TOLD_AS: dict[str, str] = {}

# Items whose figures (and targets) their history writes as the item's pages write them, by
# model label: (figure(item, number, written_decimals), target(item, number)).
_WRITES_FIGURES: dict[str, tuple[Callable[[Any, Any, Any], str], Callable[[Any, Any], str]]] = {}

# What the people app answers for the trail and the archive pages (people sits above audit).
_PEOPLE: dict[str, Callable[..., Any]] = {}


def track(*entries: str) -> None:
    """Keep a trail of these apps' models ("measures") or models ("benchmarking.Indicator")."""
    TRACKED.update(entries)
    _tracked_labels.cache_clear()


def show_on_parent(label: str, field: str) -> None:
    """Show a child model's changes on the page of the item its foreign key `field` names."""
    PARENTS[label.lower()] = field


def show_on_one_of(label: str, fields: tuple[str, ...]) -> None:
    """Show the changes on the page of the first of these foreign keys that is set."""
    ONE_OF_PARENTS[label.lower()] = fields


def hide_provisional_from(label: str, hidden: Callable[[Any, Model], bool]) -> None:
    """`hidden(user, item)`: whether the item's history must not name unapproved figures."""
    _HIDES_PROVISIONAL[label] = hidden


def hides_provisional(user: Any, item: Model) -> bool:
    hidden = _HIDES_PROVISIONAL.get(item._meta.label)
    return hidden is not None and hidden(user, item)


def tell_history_as(label: str, way: str) -> None:
    """Tell a model's changes on its item's page in one of the HISTORY_WAYS."""
    if way not in HISTORY_WAYS:
        raise ValueError(f"no way of telling history called '{way}'")
    _TOLD_AS[label.lower()] = way


def history_way(label: str) -> str | None:
    return _TOLD_AS.get(label.lower())


def not_in_history() -> set[str]:
    return {label for label, way in _TOLD_AS.items() if way == NOT_SHOWN}


def writes_figures(
    label: str, figure: Callable[[Any, Any, Any], str], target: Callable[[Any, Any], str]
) -> None:
    """The item's history writes its figures with `figure(item, number, written_decimals)` and
    its targets with `target(item, number)`: the read side's, as every page writes them."""
    _WRITES_FIGURES[label.lower()] = (figure, target)


def figure_writers(
    label: str,
) -> tuple[Callable[[Any, Any, Any], str], Callable[[Any, Any], str]] | None:
    return _WRITES_FIGURES.get(label.lower())


def answered_by_people(
    *, describe: Callable[[Any], str], may_manage: Callable[[Any, Model], bool]
) -> None:
    """`describe(user)`: the name a change is kept under; `may_manage(user, item)`: whether the
    user may archive or restore the item."""
    _PEOPLE["describe"] = describe
    _PEOPLE["may_manage"] = may_manage


def describe(user: Any) -> str:
    return str(_PEOPLE["describe"](user))


def may_manage(user: Any, item: Model) -> bool:
    return bool(_PEOPLE["may_manage"](user, item))


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
        if getattr(instance, _field(instance, candidate).attname) is not None:
            name = candidate
            break
    if not name:
        return "", ""
    field = _field(instance, name)
    parent_id = getattr(instance, field.attname)
    if parent_id is None:
        return "", ""
    return label_of(cast(type[Model], field.related_model)), str(parent_id)


def _field(instance: Model, name: str) -> Field:
    """A parent field: a foreign key of the model itself, never the far side of a relation."""
    return cast(Field, instance._meta.get_field(name))
