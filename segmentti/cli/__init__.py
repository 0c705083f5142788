"""The command line: ``python -m segmentti COMMAND INPUT ...`` for monthly jobs and automation.

One module per command. Each has ``add_arguments(parser, lang)``, which imports nothing heavy, and
``run(args, lang)``, which imports what that command uses: ``--help`` and a usage error answer at once,
and a command never loads what only another command needs. A new command is a new module and one
line in :data:`COMMANDS`.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from segmentti.cli.parsing import EXIT_INTERNAL, EXIT_USAGE, build_parser, language_of
from segmentti.cli.process import run_alone
from segmentti.errors import SegmenttiError
from segmentti.texts import translate

# command name → its module under segmentti.cli, in the order --help lists them
COMMANDS: dict[str, str] = {
    "segment": "segmentti.cli.segment",
    "scan": "segmentti.cli.scan",
    "features": "segmentti.cli.features",
    "score": "segmentti.cli.score",
    "compare": "segmentti.cli.compare",
    "value": "segmentti.cli.value",
}

__all__ = ["COMMANDS", "build_parser", "command_line", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 a bug of ours, 2 bad input or usage)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = language_of(argv)
    args = build_parser(COMMANDS, lang).parse_args(argv)
    try:
        return importlib.import_module(COMMANDS[args.command]).run(args, lang)
    except SegmenttiError as error:
        print(f"error: {error.message(lang)}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # a bug of ours: say so in one line instead of a traceback
        if os.environ.get("SEGMENTTI_DEBUG"):
            raise
        print(f"error: {translate('cli.internal_error', lang, error=repr(error))}", file=sys.stderr)
        return EXIT_INTERNAL


def command_line() -> NoReturn:
    """The process ``segmentti`` and ``python -m segmentti`` run: :func:`main` alone, then exit with its status.

    See :func:`segmentti.cli.process.run_alone`.
    """
    sys.exit(run_alone(main))
