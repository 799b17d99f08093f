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
