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
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if output.is_dir():
        raise CommandFailed(f"cannot write {output}: it is a folder; give a file name")
    if output.exists() and not output.is_file():
        _write_to_device(data, output)
        return
    partial = output.with_name(output.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CommandFailed(f"cannot write {output}: {exc.strerror}") from None


def _write_to_device(data: bytes, output: Path) -> None:
    """A device or a pipe (/dev/null, /dev/stdout, a named pipe) is written to as it is: the
    temporary file renamed over it would put a plain file where the device was (run as root,
    `-o /dev/null` once replaced the machine's /dev/null)."""
    try:
        with output.open("wb") as device:
            device.write(data)
    except OSError as exc:
        raise CommandFailed(f"cannot write {output}: {exc.strerror}") from None
