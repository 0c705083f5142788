"""The one family of user errors: problems a person can fix, with a message in their language."""

from __future__ import annotations

from typing import Any

from segmentti.texts import translate


class SegmenttiError(Exception):
    """A problem with the user's input or choices, explained for a person.

    Parameters
    ----------
    key : str
        Key of the message in :mod:`segmentti.texts` (``"error.<name>"``).
    **params
        Values for the placeholders of that message.

    Notes
    -----
    ``str(error)`` is the English message; :meth:`message` gives any language.
    The UI shows :meth:`message` with ``st.error``; the command line prints it
    after ``error:`` and exits with status 2.
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        """Return the message in ``lang`` (``"fi"`` or ``"en"``)."""
        return translate(self.key, lang, **self.params)
