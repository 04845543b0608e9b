"""The ``atlasviewer`` command: the viewer window and the headless sub-commands.

Each sub-command lives in ``atlasviewer.commands.<name>`` with ``add_arguments(parser)`` and
``run(args) -> int``, imported only when used so that ``--help`` and the window start fast.
Exit codes: 0 success, 1 problems in the data or a failed step, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from atlasviewer import __version__
from atlasviewer.i18n import LANGUAGES

COMMANDS: dict[str, str] = {
    "validate": "Check atlases and print every problem found, per atlas.",
    "export": "Write every view of an atlas's result boxes to image, table and summary files.",
    "factsheet": "Write an A4 PDF fact sheet for one referral area or health region.",
}


def add_data_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--data DIR`` option shared by every command."""
    parser.add_argument(
        "--data",
        action="append",
        metavar="DIR",
        help="a data root: a second-generation (posts/ + public/) or first-generation "
        "(csv/ + geojson/) atlas folder; repeatable. Default: $ATLASVIEWER_DATA, else the "
        "atlases bundled with the application, else ../shared beside a development checkout.",
    )


def add_lang_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="language of the interface and content (nb, nn, en)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="atlasviewer",
        description="Atlas Viewer: the Norwegian healthcare atlases (Helseatlas) offline. "
        "Without a command, opens the viewer window.",
    )
    parser.add_argument("--version", action="version", version=f"atlasviewer {__version__}")
    add_data_argument(parser)
    add_lang_argument(parser)
    gui = parser.add_argument_group("viewer window")
    gui.add_argument(
        "--smoke",
        action="store_true",
        help="open the window, show an atlas's result box (map, chart and table painted), "
        "and exit: 0 when all went well, non-zero on an exception or a Qt warning",
    )
    gui.add_argument("--atlas", metavar="ID", help="atlas to open (default: the first published)")
    gui.add_argument("--box", type=int, metavar="N", help="result box number to show (from 1)")
    gui.add_argument("--screenshot", metavar="FILE", help="with --smoke: save the window as PNG")
    gui.add_argument(
        "--size",
        type=_window_size,
        default=(1600, 1000),
        metavar="WxH",
        help="with --smoke: the window size in pixels (default 1600x1000)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        module = _command_module(name)
        if module is None:
            continue
        command = sub.add_parser(name, help=help_text, description=help_text)
        add_data_argument(command)
        module.add_arguments(command)
    return parser


def _window_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        message = f"expected WIDTHxHEIGHT, e.g. 1280x800, not {text!r}"
        raise argparse.ArgumentTypeError(message) from None
    if width < 320 or height < 240:
        raise argparse.ArgumentTypeError(f"{text} is too small (at least 320x240)")
    return width, height


def _command_module(name: str):  # type: ignore[no-untyped-def]
    try:
        return importlib.import_module(f"atlasviewer.commands.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"atlasviewer.commands.{name}":
            return None
        raise


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``atlasviewer`` command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command:
        module = _command_module(args.command)
        assert module is not None
        return int(module.run(args))
    from atlasviewer.qt.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
