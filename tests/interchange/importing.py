"""What the importer tests share."""

import pytest

from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files


def rejected_messages(paths) -> list[str]:
    """The problems an import refused with, as its user reads them (the import must fail)."""
    with pytest.raises(ImportRejected) as caught:
        import_files(paths)
    return [str(e) for e in caught.value.errors]
