"""Risk bands and trends in words (never colour alone), and form options for GOV.UK markup."""

from django import template
from django.utils.html import format_html

from scorecard.core.ratings import Direction

register = template.Library()

# A risk's score falling is an improvement: the arrow follows the score, the word its meaning.
TREND_ARROWS = {Direction.IMPROVING: "↓", Direction.STEADY: "→", Direction.DECLINING: "↑"}


@register.simple_tag
def band_tag(band):
    """'Very high' in a tag shaded by band; the words carry the meaning."""
    if band is None:
        return format_html('<span class="scorecard-risk-band">{}</span>', "No band")
    return format_html(
        '<strong class="govuk-tag govuk-tag--{} scorecard-risk-band">{}</strong>',
        band.tag_colour,
        band.name.capitalize(),
    )


@register.simple_tag
def trend_tag(direction):
    """'↓ Improving': the score fell since the previous assessment."""
    if not direction:
        return format_html('<span class="scorecard-direction">{}</span>', "No earlier assessment")
    direction = Direction(direction)
    return format_html(
        '<span class="scorecard-direction"><span aria-hidden="true">{}</span> {}</span>',
        TREND_ARROWS[direction],
        direction.value.capitalize(),
    )


@register.simple_tag
def options_of(form, name):
    return form.options(name)


@register.simple_tag
def date_inputs_of(form, name):
    return form.date_inputs(name)
