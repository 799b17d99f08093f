"""On an item's page: `{% load archive_tags %}{% archive_notice project %}` at the top (the
"Archived on …" banner, with Restore for the team) and `{% archive_button project %}` at the foot
(Archive, for the team only)."""

from django import template

from scorecard.audit import registry
from scorecard.audit.archive import kind_of
from scorecard.audit.locking import said_moment

register = template.Library()


def _context(context, item) -> dict:
    kind = kind_of(item)
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return {
        "item": item,
        "kind": kind,
        "key": kind.key_of(item),
        "archived_on": said_moment(item.archived_at) if item.archived_at else "",
        "may_manage": registry.may_manage(user, item),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("audit/_archive_notice.html", takes_context=True)
def archive_notice(context, item):
    return _context(context, item)


@register.inclusion_tag("audit/_archive_button.html", takes_context=True)
def archive_button(context, item):
    return _context(context, item)
