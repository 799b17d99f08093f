"""`{% load audit %}{% history_section measure %}`: an item's History section."""

from django import template

from scorecard.audit.history import SHOWN, history_for

register = template.Library()


@register.inclusion_tag("audit/_history.html")
def history_section(item, heading_size="l"):
    lines = history_for(item, SHOWN + 1)
    return {"lines": lines[:SHOWN], "more": len(lines) > SHOWN, "heading_size": heading_size}
