"""`scorecard unlock USERNAME`: let a locked-out username try again at once."""

from __future__ import annotations

import argparse


def run(arguments: argparse.Namespace) -> int:
    return unlock(arguments.username)


def unlock(username: str) -> int:
    from scorecard.people import signin

    name = username.strip().casefold()
    if signin.unlock(name):
        print(f"Unlocked {name}: it can sign in again from every address")
    else:
        print(f"{name} was not locked: nothing to do")
    return 0
