"""schemathesis over the API's own schema: every operation, with generated input both valid
and deliberately wrong, sent with a performance-team token (who may write everything): no
server error anywhere.

(schemathesis's pytest loaders need a pytest older than ours, so the operations are walked
here with its strategies and checks directly.)"""

from collections import Counter
from functools import cache

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from scorecard.api.views import ENDPOINTS

pytestmark = pytest.mark.django_db

EXAMPLES = 8


@pytest.fixture(autouse=True)
def connection_kept_open():
    """The WSGI handler closes the database connection after each request; inside the test's
    transaction that would end it (PostgreSQL) so, as Django's own test client does, the
    handler is stopped from closing it while the test runs."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@cache
def wsgi_app():
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


def server_errors(
    operation, mode: GenerationMode, token: str, answers: Counter, path_parameters=None
) -> list[str]:
    found: list[str] = []

    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
    @settings(
        max_examples=EXAMPLES,
        phases=[Phase.explicit, Phase.generate],
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        try:
            response = case.call_and_validate(
                headers={"Authorization": f"Token {token}"}, checks=[not_a_server_error]
            )
            answers[response.status_code] += 1
        except Exception as exc:  # every failure is collected and reported together
            found.append(f"{operation.label} ({mode.value}): {exc}")

    try:
        check()
    except Unsatisfiable:
        # Nothing to get wrong: an operation with no parameters and no body (revoking the
        # token one signed in with) has no wrong input to send; any other must have some.
        if mode is not GenerationMode.NEGATIVE or takes_input(operation):
            raise
    return found


def takes_input(operation) -> bool:
    raw = operation.definition.raw
    return bool(raw.get("parameters") or raw.get("requestBody"))


def real_key(operation) -> list[tuple[str, str]]:
    """The path parameter of an item's address, set to the first item of its list."""
    prefix = operation.path.strip("/").split("/")[1]
    viewset = ENDPOINTS[prefix]
    field = viewset.lookup_field
    item = viewset.queryset.model._default_manager.order_by("pk").first()
    name = "id" if field == "pk" else field
    return [(name, str(getattr(item, field)))]


def no_operation_answers_with_a_server_error(demo, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 60
    answers: Counter = Counter()
    failures = [
        failure
        for operation in operations
        for failure in server_errors(operation, mode, demo["performance"], answers)
    ]
    # Random ids mostly miss: send the changes to real items too, so their writes are tried.
    for operation in operations:
        if operation.method.upper() in ("PUT", "PATCH"):
            real = dict(real_key(operation))
            failures += server_errors(operation, mode, demo["performance"], answers, real)
    assert not failures, "\n\n".join(failures[:10])
    # The requests reached the API and were answered, not all refused at the door.
    assert answers[200] and answers[400]
    if mode is GenerationMode.POSITIVE:
        assert answers[201]


# A test class a mode: pytest-xdist hands out a class at a time, so the two workers can take one
# each (together they were the longest module of the suite, on one worker).
class TestValidInput:
    def test_no_operation_answers_with_a_server_error(self, demo):
        no_operation_answers_with_a_server_error(demo, GenerationMode.POSITIVE)


class TestWrongInput:
    def test_no_operation_answers_with_a_server_error(self, demo):
        no_operation_answers_with_a_server_error(demo, GenerationMode.NEGATIVE)
