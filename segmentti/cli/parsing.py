"""The parser of the command line in one language: usage errors are one ``error:`` line and exit status 2."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from typing import NoReturn

from segmentti.texts import DEFAULT_LANGUAGE, LANGUAGES, language_from_locale, translate

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser in one language whose usage errors are one ``error:`` line and exit status 2."""

    def __init__(self, *args, lang: str = DEFAULT_LANGUAGE, **kwargs) -> None:
        formatter = type("_Formatter", (_Formatter,), {"usage_prefix": translate("cli.usage", lang)})
        super().__init__(*args, formatter_class=formatter, add_help=False, **kwargs)
        self.lang = lang
        # argparse's own headings and -h come in English only: name them in the chosen language
        self._positionals.title = translate("cli.positional", lang)
        self._optionals.title = translate("cli.options", lang)
        self.add_argument("-h", "--help", action="help", help=translate("cli.help_help", lang))

    def error(self, message: str) -> NoReturn:
        see = translate("cli.see_help", self.lang, command=self.prog.split()[-1])
        print(f"error: {message} ({see})", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout with a translated ``usage:``."""

    usage_prefix = "usage: "

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, self.usage_prefix if prefix is None else prefix)


def language_of(argv: Sequence[str]) -> str:
    """The language of the command line: ``--lang`` wherever it stands in ``argv``, else LC_ALL or LANG, else en.

    Read before parsing so that ``--help`` and usage errors already speak it.
    """
    chosen = None
    for position, word in enumerate(argv):
        value = None
        if word == "--lang" and position + 1 < len(argv):
            value = argv[position + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGUAGES:
            chosen = value  # the last one wins, as it does for argparse
    return chosen or language_from_locale(os.environ.get("LC_ALL") or os.environ.get("LANG"))


def help_text(key: str, lang: str, **params: object) -> str:
    """A help text for argparse, which expands ``%``: a literal percent sign is doubled."""
    return translate(key, lang, **params).replace("%", "%%")


def add_lang(command: argparse.ArgumentParser, lang: str) -> None:
    """``--lang`` on a command too; it leaves the value alone unless given, so either place works."""
    command.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=help_text("cli.help_lang", lang))


def build_parser(commands: Mapping[str, str] | None = None, lang: str = DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    """The parser with a subcommand for each of ``commands`` (name → module), its help in ``lang``.

    Without ``commands``, those of :data:`segmentti.cli.COMMANDS`.
    """
    if commands is None:
        from segmentti.cli import COMMANDS

        commands = COMMANDS
    parser = _Parser(prog="segmentti", description=help_text("cli.help_description", lang), lang=lang)
    # --lang before the subcommand too (`segmentti --lang fi scan ...`)
    parser.add_argument("--lang", choices=LANGUAGES, help=help_text("cli.help_lang", lang))
    subparsers = parser.add_subparsers(
        dest="command",
        required=True,
        parser_class=_Parser,
        title=help_text("cli.commands", lang),
        metavar="{" + ",".join(commands) + "}",
    )
    for name, module_name in commands.items():
        module = importlib.import_module(module_name)
        summary = help_text(module.HELP, lang)
        command = subparsers.add_parser(name, help=summary, description=summary, lang=lang)
        module.add_arguments(command, lang)
        add_lang(command, lang)
    return parser
