"""Writing a command's output: to the screen, or whole to a file."""

from __future__ import annotations

import sys
from pathlib import Path

from scorecard.cli.errors import CommandFailed


def write_output(content: str | bytes, output: Path | None) -> None:
    """Write through a temporary file beside the output, so a failure (a full disk) never
    leaves half a file under the name asked for."""
    if output is None:
        sys.stdout.write(content if isinstance(content, str) else content.decode("utf-8"))
        return
    partial = output.with_name(output.name + ".partial")
    try:
        if isinstance(content, bytes):
            partial.write_bytes(content)
        else:
            partial.write_text(content, encoding="utf-8")
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CommandFailed(f"cannot write {output}: {exc.strerror}") from None
