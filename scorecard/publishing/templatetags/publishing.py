from django import template

from scorecard.people import permissions

register = template.Library()


@register.filter
def may_publish(user, measure) -> bool:
    """{% if user|may_publish:measure %}: the Publish button only for those who may press it."""
    return permissions.can_manage(user, measure)
