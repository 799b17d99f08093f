"""Uploaded files are limited while they arrive, before anything reads them.

Django would otherwise spool the whole file to memory or disk before a form could look at its
size, so a 2 GB upload costs 2 GB of disk first. This handler counts the bytes of each file as
they come in and drops the file at the limit; the form then says it was too large."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

TOO_LARGE = "_scorecard_upload_too_large"


def largest_upload() -> int:
    """The largest file, in bytes, any page takes (SCORECARD_MAX_UPLOAD_BYTES)."""
    return int(settings.SCORECARD_MAX_UPLOAD_BYTES)


def upload_too_large(request) -> bool:
    """Whether a file of this request was dropped for passing the limit."""
    return bool(getattr(request, TOO_LARGE, False))


def describe_limit() -> str:
    megabytes = largest_upload() / (1024 * 1024)
    return f"{megabytes:g} MB"


class LimitedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: passes chunks on while a file is under the limit, and
    skips the file (its remaining bytes read and thrown away, never kept) once it passes."""

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > largest_upload():
            if self.request is not None:
                setattr(self.request, TOO_LARGE, True)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        # The next handler (memory or temporary file) makes the file.
        return None
