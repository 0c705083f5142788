"""The working data the app holds for a session and the files it was built from."""

from __future__ import annotations

from dataclasses import dataclass

from segmentti.data.loading import Table
from segmentti.data.quality import Step


@dataclass(frozen=True, eq=False)
class Dataset:
    """The table the user works on and where it came from.

    ``digest`` (SHA-256 of the file's bytes plus the sheet) keys every cached result,
    so a result can only ever be served for the very same data.
    """

    table: Table
    digest: str
    sample: str | None = None
    steps: tuple[Step, ...] = ()
    """The data-quality fixes applied to the loaded data, in order (translatable; exports list them)."""
    orders: tuple = ()
    """The order-line files (:class:`segmentti.data.assembly.Part`) the customers were built from, if any:
    the customer-value page fits its models on their lines."""
    parts: tuple = ()
    """Every loaded file (:class:`segmentti.data.assembly.Part`) in the order they were joined, with how each
    was read and joined: the project records them all (empty for a sample or data set by a test)."""

    @property
    def label(self) -> str:
        """The file name, or the sample's name."""
        return self.table.source_name
