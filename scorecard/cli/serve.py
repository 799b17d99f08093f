"""`scorecard serve`: Django's own threaded WSGI server, with small responses sent at once;
`scorecard serve --production`: gunicorn.

Django's development server writes a response's headers and body in separate sends. On a
kept-alive connection Nagle's algorithm then holds the body until the browser's delayed ACK,
about 40 ms on Linux, for every small page or file (python/cpython#108736). Setting TCP_NODELAY
on each accepted connection removes that wait.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys

from django.core.servers.basehttp import WSGIServer, get_internal_wsgi_application, run

from scorecard.cli.errors import CommandFailed


def run_command(arguments: argparse.Namespace) -> int:
    if arguments.production:
        return serve_production(arguments)
    return serve(arguments.port, arguments.host)


def serve_production(arguments: argparse.Namespace) -> int:
    from django.db import connections

    collect_static()
    connections.close_all()
    command = gunicorn_command(arguments.host, arguments.port, arguments.workers)
    os.execv(command[0], command)  # noqa: S606 - our interpreter, our arguments  # nosec B606
    return 0  # not reached: gunicorn took over the process


class NoDelayWSGIServer(WSGIServer):
    # Connections waiting to be accepted: Django's 10 is too few for a committee room signing in
    # at once on a busy machine (a burst beyond it may be refused); the kernel caps it anyway.
    request_queue_size = 128

    def get_request(self) -> tuple[socket.socket, object]:
        connection, address = super().get_request()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection, address


def serve(port: int, host: str = "127.0.0.1") -> int:
    def announce(bound_port: int) -> None:
        print(f"Civic Scorecard at http://{host}:{bound_port}/ (Ctrl+C to stop)", file=sys.stderr)

    try:
        run(
            host,
            port,
            get_internal_wsgi_application(),
            threading=True,
            # Django calls it with the port number; its stubs say a string.
            on_bind=announce,  # type: ignore[arg-type]
            server_cls=NoDelayWSGIServer,
        )
    except OSError as exc:
        raise CommandFailed(f"cannot serve on {host}:{port}: {exc.strerror}") from None
    except KeyboardInterrupt:
        return 0
    return 0


def collect_static() -> None:
    """The release's static files, hashed and compressed, into STATIC_ROOT before gunicorn
    starts: the pages name the hashed files, which WhiteNoise serves with a year-long cache.
    Files already collected and unchanged are not copied again."""
    from django.conf import settings
    from django.core.management import call_command

    print(f"Collecting static files into {settings.STATIC_ROOT}", file=sys.stderr)
    try:
        call_command("collectstatic", interactive=False, verbosity=0)
    except (OSError, ValueError) as exc:
        raise CommandFailed(
            f"cannot collect the static files into {settings.STATIC_ROOT} "
            f"(SCORECARD_STATIC_ROOT): {exc}"
        ) from None


def default_workers() -> int:
    """gunicorn's own rule of thumb, two per core and one more, kept to a sensible ceiling."""
    return min(2 * (os.cpu_count() or 1) + 1, 9)


def gunicorn_command(host: str, port: int, workers: int | None) -> list[str]:
    """gunicorn with threaded workers (a page waiting on the database does not hold up the
    others), its access log on standard output, and X-Forwarded-* trusted from the proxies
    SCORECARD_FORWARDED_ALLOW_IPS names (the reverse proxy in front; 127.0.0.1 by default)."""
    from django.conf import settings

    return [
        sys.executable,
        "-m",
        "gunicorn",
        "scorecard.wsgi:application",
        f"--bind={host}:{port}",
        f"--workers={workers or default_workers()}",
        "--worker-class=gthread",
        "--threads=4",
        "--access-logfile=-",
        "--graceful-timeout=20",
        # Longer than gunicorn's 2 s: a load balancer or visitor that pauses between requests
        # reuses its connection rather than racing the server closing it.
        f"--keep-alive={settings.GUNICORN_KEEP_ALIVE}",
        f"--forwarded-allow-ips={settings.GUNICORN_FORWARDED_ALLOW_IPS}",
    ]
