"""A test client signed in as one of the demo users (see scorecard.demo.loader.add_demo_users)."""

from django.contrib.auth.models import User
from django.test import Client


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client
