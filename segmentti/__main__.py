"""Entry point of ``python -m segmentti``."""

from segmentti.cli import command_line

if __name__ == "__main__":
    command_line()
