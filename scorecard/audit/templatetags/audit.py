"""`{% load audit %}{% history_section measure %}`: an item's History section."""

from django import template

from scorecard.audit.history import SHOWN, history_for
from scorecard.audit.registry import hides_provisional

register = template.Library()


@register.inclusion_tag("audit/_history.html", takes_context=True)
def history_section(context, item, heading_size="l"):
    request = context.get("request")
    user = getattr(request, "user", None)
    # Figures the team has not approved are named only to those who may see them.
    lines = history_for(item, SHOWN + 1, hide_provisional=hides_provisional(user, item))
    return {"lines": lines[:SHOWN], "more": len(lines) > SHOWN, "heading_size": heading_size}
