"""A command's output file: written whole or not at all, and a device left a device."""

import os
import stat
from pathlib import Path

import pytest

from scorecard.cli.errors import CommandFailed
from scorecard.cli.output import write_output


def test_a_file_is_written_whole_with_nothing_left_beside_it(tmp_path):
    target = tmp_path / "ratings.csv"
    target.write_text("the old export")
    write_output("measure,rating\n", target)
    assert target.read_text() == "measure,rating\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ratings.csv"]


def test_a_named_pipe_is_written_to_not_replaced(tmp_path):
    """As /dev/null or /dev/stdout would be: renaming the temporary file over a device put a
    plain file in its place (run as root, over the machine's /dev/null)."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_output(b"%PDF-1.7 a paper", pipe)
        assert os.read(reader, 100) == b"%PDF-1.7 a paper"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_dev_null_stays_a_device():
    write_output("{}", Path(os.devnull))
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_folder_is_refused_with_a_reason(tmp_path):
    with pytest.raises(CommandFailed, match="it is a folder; give a file name"):
        write_output("{}", tmp_path)
    assert list(tmp_path.iterdir()) == []
