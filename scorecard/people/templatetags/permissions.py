from django import template

from scorecard.people import permissions

register = template.Library()


@register.filter
def may_change(user, item) -> bool:
    """{% if user|may_change:project %}: offer the change links only to those who may use them."""
    return permissions.can_change(user, item)
