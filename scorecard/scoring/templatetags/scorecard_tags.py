"""Showing ratings, directions and values the same way on every page: in words, not colour."""

from django import template
from django.utils.html import format_html

from scorecard.core.delivery_status import DeliveryKind, status_meaning
from scorecard.core.entry_checks import counts_mismatch, mismatch_words
from scorecard.core.period_parser import display_label
from scorecard.core.ratings import RAG_TAG_COLOURS, Direction, Rag
from scorecard.core.units import format_estimate
from scorecard.measures.choices import Approval
from scorecard.scoring.figures import figure, target_figure

register = template.Library()

RAG_CLASSES = RAG_TAG_COLOURS  # the name the tags below use


@register.simple_tag
def provisional_tag():
    """Beside a figure the team has not approved yet (shown only to the team and its owner):
    in words, not colour alone."""
    return format_html(
        '<strong class="govuk-tag govuk-tag--purple scorecard-provisional">{}</strong>',
        Approval.PROVISIONAL.label,
    )


@register.simple_tag
def rag_tag(rag, reason=None):
    if not rag:
        return format_html(
            '<strong class="govuk-tag govuk-tag--grey scorecard-rag">Not rated</strong>{}',
            format_html(' <span class="scorecard-reason">({})</span>', reason) if reason else "",
        )
    rag = Rag(rag)
    return format_html(
        '<strong class="govuk-tag govuk-tag--{} scorecard-rag" title="{}">{} ({})</strong>',
        RAG_CLASSES[rag.value],
        rag.meaning,
        rag.label,
        rag.value,
    )


@register.simple_tag
def status_tag(status, kind="project"):
    """A delivery status (project, action, programme) in words: B means closed or complete."""
    if not status:
        return format_html(
            '<strong class="govuk-tag govuk-tag--grey scorecard-rag">{}</strong>', "No status"
        )
    rag = Rag(status)
    meaning = status_meaning(rag, DeliveryKind(kind))
    label = "Blue" if rag is Rag.BLUE else rag.label
    return format_html(
        '<strong class="govuk-tag govuk-tag--{} scorecard-rag" title="{}">{} ({})</strong>',
        RAG_CLASSES[rag.value],
        meaning,
        label,
        rag.value,
    )


@register.filter
def council_date(day):
    """01.03.2018, the way the seeds' action plans write dates, in a machine-readable <time>."""
    if not day:
        return ""
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), day.strftime("%d.%m.%Y"))


@register.simple_tag
def direction_tag(direction):
    if not direction:
        return format_html('<span class="scorecard-direction">{}</span>', "No direction")
    direction = Direction(direction)
    return format_html(
        '<span class="scorecard-direction"><span aria-hidden="true">{}</span> {}</span>',
        direction.arrow,
        direction.value.capitalize(),
    )


@register.simple_tag
def measure_value(measure, value, numerator=None, denominator=None, written=None):
    """`67.0% (71/106)`; flagged in words when the counts do not make the value (beyond
    rounding to its decimals), worked out afresh from what is stored, so that an old figure is
    flagged as well as a new one. `written`: the decimals the figure was written with (an
    observation's `written_decimals`), shown so unless the council set the measure's."""
    if not isinstance(written, int):
        written = None  # a figure with no such column (a worked-out one) takes the measure's
    shown = figure(measure, value, numerator, denominator, written=written)
    # Rounding to the decimals the figure was written with (as the importer checks it), else
    # those the stored value carries, never the measure's: a figure published as 0.7 beside
    # figures written 0.61 is not "wrong" for lacking a second decimal.
    exact = counts_mismatch(measure.unit, measure.rate_per, value, numerator, denominator, written)
    if exact is None:
        return shown
    return format_html(
        '{} <span class="scorecard-mismatch govuk-!-display-block govuk-body-s govuk-!-margin-0">'
        "{}</span>",
        shown,
        mismatch_words(numerator, denominator, exact),
    )


@register.filter
def estimate(value, decimals=1):
    """A benchmarking estimate to one decimal (a count: `|estimate:0`), by the core formatter."""
    return format_estimate(value, int(decimals))


@register.simple_tag
def target_value(measure, value):
    return target_figure(measure, value)


@register.filter
def period_display(label):
    """A stored period label as pages show it: "2019/20 Q2" becomes "Q2 2019/20"."""
    return display_label(str(label)) if label else ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
