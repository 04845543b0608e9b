"""The ``atlasviewer`` command: the viewer window and the headless sub-commands.

Each sub-command lives in ``atlasviewer.commands.<name>`` with ``add_arguments(parser)`` and
``run(args) -> int``, imported only when used so that ``--help`` and the window start fast.
Exit codes: 0 success, 1 problems in the data or a failed step, 2 wrong usage.

The help speaks the language the command is run in: ``--lang`` when given, else the system
locale's (``LANG=nb_NO.UTF-8`` gives bokmål), as every message the command prints does.
argparse's own error messages ("the following arguments are required") stay in English.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import MutableMapping, Sequence

from atlasviewer import __version__, i18n
from atlasviewer.commands.options import add_lang_argument
from atlasviewer.i18n import LANGUAGES, N_, _

COMMANDS: dict[str, str] = {
    "validate": N_("Check atlases and print every problem found, per atlas."),
    "export": N_("Write every view of an atlas's result boxes to image, table and summary files."),
    "factsheet": N_(
        "Write an A4 PDF fact sheet for one referral area or health region: a block per "
        "result box, about five to a page (an atlas of seven boxes takes two pages)."
    ),
    "deck": N_("Write a presentation deck, or a deck of result boxes, as PowerPoint or PDF."),
    "compare": N_(
        "Compare areas with the national value across the atlases: table, area profile and "
        "variation, as XLSX, CSV or a profile chart."
    ),
}
"""Each sub-command and what it does (translated when the help is built)."""


class TranslatedHelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with the "usage:" line in the active language."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


def add_translated_help(parser: argparse.ArgumentParser) -> None:
    """Give a parser made with ``add_help=False`` its ``-h`` and group titles in the language.

    argparse titles its two default groups itself, in English.
    """
    parser._positionals.title = _("positional arguments")
    parser._optionals.title = _("options")
    parser.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))


def add_data_argument(parser: argparse.ArgumentParser, *, command: bool = False) -> None:
    """The ``--data DIR`` option shared by every command.

    On a command's parser (``command``) it has no default of its own: argparse copies a
    command's defaults over the values given before the command, so ``atlasviewer --data DIR
    validate`` would otherwise check the default folders instead of DIR.
    """
    parser.add_argument(
        "--data",
        action="append",
        default=argparse.SUPPRESS if command else None,
        metavar="DIR",
        help=_(
            "a data root: a second-generation (posts/ + public/) or first-generation "
            "(csv/ + geojson/) atlas folder; repeatable. Default: $ATLASVIEWER_DATA, else the "
            "atlases bundled with the application, else ../shared beside a development checkout."
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``atlasviewer`` parser, its texts in the active language."""
    parser = argparse.ArgumentParser(
        prog="atlasviewer",
        description=_(
            "Atlas Viewer: the Norwegian healthcare atlases (Helseatlas) offline. "
            "Without a command, opens the viewer window."
        ),
        formatter_class=TranslatedHelpFormatter,
        add_help=False,
    )
    add_translated_help(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"atlasviewer {__version__}",
        help=_("show the version number and exit"),
    )
    add_data_argument(parser)
    add_lang_argument(parser)
    gui = parser.add_argument_group(_("viewer window"))
    gui.add_argument(
        "--smoke",
        action="store_true",
        help=_(
            "open the window, show an atlas's result box (map, chart and table painted), "
            "and exit: 0 when all went well, non-zero on an exception or a Qt warning"
        ),
    )
    gui.add_argument(
        "--atlas", metavar="ID", help=_("atlas to open (default: the first published)")
    )
    gui.add_argument(
        "--box", type=_box_number, metavar="N", help=_("result box number to show (from 1)")
    )
    gui.add_argument("--screenshot", metavar="FILE", help=_("with --smoke: save the window as PNG"))
    gui.add_argument(
        "--present",
        action="store_true",
        help=_("with --smoke: show the result box's view in presentation mode (as Shift+F5)"),
    )
    gui.add_argument(
        "--view",
        dest="smoke_view",
        choices=("compare", "profile", "variation", "trend", "funnel", "scatter"),
        metavar="VIEW",
        help=_(
            "with --smoke: open the comparison workspace on VIEW (compare, profile, variation, "
            "trend, funnel or scatter) instead of a result box (with --atlas, that atlas's "
            "indicators only)"
        ),
    )
    gui.add_argument(
        "--area",
        dest="smoke_area",
        metavar="NAME",
        help=_("with --smoke --view: the area to select (a referral area or municipality)"),
    )
    gui.add_argument(
        "--soak",
        type=int,
        default=0,
        metavar="N",
        help=_(
            "with --smoke: open N result boxes, every atlas in turn, select an area in each and "
            "switch the language every 100 steps; print the resident memory after a tenth of the "
            "steps and at the end"
        ),
    )
    gui.add_argument(
        "--size",
        type=_window_size,
        default=(1600, 1000),
        metavar="WxH",
        help=_("with --smoke: the window size in pixels (default 1600x1000)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=_("commands"))
    for name, help_text in COMMANDS.items():
        module = _command_module(name)
        if module is None:
            continue
        command = sub.add_parser(
            name,
            help=_(help_text),
            description=_(help_text),
            formatter_class=TranslatedHelpFormatter,
            add_help=False,
        )
        add_translated_help(command)
        add_data_argument(command, command=True)
        module.add_arguments(command)
    return parser


def _window_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        message = _("expected WIDTHxHEIGHT, e.g. 1280x800, not {text}").format(text=repr(text))
        raise argparse.ArgumentTypeError(message) from None
    if width < 320 or height < 240:
        message = _("{text} is too small (at least 320x240)").format(text=text)
        raise argparse.ArgumentTypeError(message)
    return width, height


def _box_number(text: str) -> int:
    """A result box number as given after ``--box``: a whole number from 1."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        message = _("result boxes are numbered from 1, not {text}").format(text=repr(text))
        raise argparse.ArgumentTypeError(message)
    return number


def language_asked(arguments: Sequence[str]) -> str | None:
    """The language a ``--lang`` among ``arguments`` names (the last one), if a known one."""
    asked = None
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            asked = arguments[index + 1]
        elif argument.startswith("--lang="):
            asked = argument.partition("=")[2]
    return asked if asked in LANGUAGES else None


def _command_module(name: str):  # type: ignore[no-untyped-def]
    try:
        return importlib.import_module(f"atlasviewer.commands.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"atlasviewer.commands.{name}":
            return None
        raise


UTF8_LOCALE = "C.UTF-8"
"""The locale given to character handling when the system's is not UTF-8 (every glibc has it)."""


def locale_is_utf8() -> bool:
    """Whether the environment's locale can be set and encodes characters as UTF-8, as Qt asks.

    Tried with :func:`locale.setlocale` (what Qt does at start), then put back as it was.
    """
    import locale

    before = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, "")
        codeset = locale.nl_langinfo(locale.CODESET)
    except (locale.Error, AttributeError):  # a locale not installed; no nl_langinfo (Windows)
        return sys.platform.startswith("win")
    finally:
        locale.setlocale(locale.LC_ALL, before)
    return codeset.replace("-", "").lower() == "utf8"


def ensure_utf8_locale(environ: MutableMapping[str, str] | None = None) -> bool:
    """Give the environment a UTF-8 locale before Qt starts; True if it was changed.

    Qt wants a UTF-8 locale and warns ("Detected locale "C" with character encoding ...") when it
    finds another: ``LANG=C``, ``LC_ALL=C``, a locale that is not installed, or none at all in a
    frozen build (where Python's own C-locale coercion, PEP 538, does not run); ``--smoke`` fails
    on that warning. The locale variables are then replaced by ``LC_CTYPE=C.UTF-8``; the language
    they named moves to ``LANGUAGE`` (unless set), so it still chooses the interface language
    (:func:`atlasviewer.i18n.system_language`).

    Args:
        environ: The variables to change, already known to need it; default ``os.environ``,
            changed only when :func:`locale_is_utf8` says it is not UTF-8.
    """
    env = os.environ if environ is None else environ
    if environ is None and locale_is_utf8():
        return False
    language = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG")
    for variable in [name for name in env if name == "LANG" or name.startswith("LC_")]:
        del env[variable]
    env["LC_CTYPE"] = UTF8_LOCALE
    if language and not env.get("LANGUAGE"):
        env["LANGUAGE"] = language
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``atlasviewer`` command; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    asked = language_asked(arguments)
    if asked or {"-h", "--help", *COMMANDS} & set(arguments):
        # The help and a command's messages speak the language asked for, else the system's.
        # A window start leaves it to the window, which also weighs the saved setting (and
        # reading a catalogue it would not use costs ~40 ms).
        i18n.set_language(asked or i18n.system_language())
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.command:
        module = _command_module(args.command)
        assert module is not None
        return int(module.run(args))
    ensure_utf8_locale()  # before Qt is imported; the headless commands do not need it
    from atlasviewer.qt.shell.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
