"""A disk that fills while a paper is written: a clear error, and no half-written file under
the name asked for (nor a partial one left beside it)."""

import os
import resource
import signal

import pytest

from scorecard.cli.errors import CommandFailed
from tests.databases import fresh_database, run_scorecard

# bytes: far less than the demo's dashboard in PDF (about 100 KB), and room for the SQLite
# database's WAL index (its -shm file, 32 KB), which even a command that only reads the database
# writes.
LIMIT = 65_536


def _small_files_only() -> None:
    """In the child: files may not grow past LIMIT, and a write that would is refused with an
    error (EFBIG), as a full disk refuses one (ENOSPC), rather than killing the process."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def test_a_report_that_cannot_be_written_whole_leaves_nothing(tmp_path):
    with fresh_database(tmp_path, "disk") as url:
        environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        environment["DATABASE_URL"] = url

        def scorecard(*arguments: str, **options):
            return run_scorecard(tmp_path, environment, *arguments, **options)

        assert scorecard("demo", "--no-serve").returncode == 0
        # The dashboard: the quickest of the demo's papers to make that is larger than LIMIT.
        paper = ("report", "dashboard", "--period", "Mar-18", "--format", "pdf")
        failed = scorecard(*paper, "-o", "paper.pdf", preexec_fn=_small_files_only)
        assert failed.returncode == 1
        assert "scorecard: cannot write paper.pdf: File too large" in failed.stderr
        assert "Traceback" not in failed.stderr
        assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("paper")]
        # With room again the same command writes the whole paper.
        assert scorecard(*paper, "-o", "paper.pdf").returncode == 0
        assert (tmp_path / "paper.pdf").read_bytes().startswith(b"%PDF")


def test_a_full_disk_is_named_as_such(tmp_path, monkeypatch):
    from pathlib import Path

    from scorecard.cli.output import write_output

    def full(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(CommandFailed, match="cannot write .*out.json: No space left on device"):
        write_output("{}", tmp_path / "out.json")
    assert list(tmp_path.iterdir()) == []
