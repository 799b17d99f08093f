"""What every page needs to know about the service it belongs to."""

from django.conf import settings


def service(request):
    return {"phase_banner": settings.PHASE_BANNER}
