import pytest

from tests.risks.factories import make_register, make_user


@pytest.fixture
def risk_register(db):
    return make_register()


@pytest.fixture
def team_client(client, db):
    client.force_login(make_user("performance.officer", team=True))
    return client


@pytest.fixture
def viewer_client(client, db):
    client.force_login(make_user("a.viewer", team=False))
    return client
