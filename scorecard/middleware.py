"""Telling browsers and benchmarks how long the server spent on a page."""

from time import perf_counter


class ServerTimingMiddleware:
    """Adds `Server-Timing: app;dur=12.3` (milliseconds): the time spent in Django, apart from
    the network and the web server. Browsers show it in their developer tools; bench/ reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = perf_counter()
        response = self.get_response(request)
        elapsed = (perf_counter() - started) * 1000
        response["Server-Timing"] = f"app;dur={elapsed:.1f}"
        return response


class RejectNullCharactersMiddleware:
    """A NUL character in an address is never meaningful, and PostgreSQL refuses it in a query
    (a 500 waiting to happen); answer 400 Bad Request before any view sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in v for v in request.GET.values()):
            return bad_request_page(request)
        return self.get_response(request)


def bad_request_page(request):
    from django.shortcuts import render

    context = {"reason": "The web address contains a character that is not allowed."}
    return render(request, "400.html", context, status=400)
