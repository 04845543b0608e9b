"""The translation catalogues are complete, current and consistent (CONVENTIONS.md, point 7)."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from atlasviewer import i18n

REPO = Path(__file__).resolve().parents[1]
TRANSLATIONS = REPO / "translations"
PLACEHOLDER = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*(?:[:!][^}]*)?\}|%\(?[a-z_]*\)?[sd]")


def _source_messages() -> set[str]:
    method_map = [("**.py", "python")]
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        # Nn_ marks a message with a count for later translation (i18n.Nn_; dev.sh passes -k).
        str(REPO / "src"),
        method_map=method_map,
        keywords={**DEFAULT_KEYWORDS, "Nn_": (1, 2)},
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _catalogue(name: str):
    with open(TRANSLATIONS / name, "rb") as fh:
        return read_po(BytesIO(fh.read()))


def _ids(catalogue) -> set[str]:
    return {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalogue if m.id}


def test_template_is_current_with_the_source():
    """Run `bash dev.sh translations` when this fails."""
    in_source = _source_messages()
    in_template = _ids(_catalogue("messages.pot"))
    assert sorted(in_source - in_template) == [], "strings not yet extracted"
    assert sorted(in_template - in_source) == [], "strings no longer in the source"


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_catalogue_is_complete(lang):
    template = _ids(_catalogue("messages.pot"))
    catalogue = _catalogue(f"{lang}.po")
    missing = sorted(template - _ids(catalogue))
    assert missing == [], f"{lang}.po lacks these messages"
    untranslated = [
        m.id
        for m in catalogue
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert untranslated == [], f"untranslated in {lang}.po"
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert fuzzy == [], f"fuzzy in {lang}.po"


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_placeholders_agree(lang):
    wrong = []
    for message in _catalogue(f"{lang}.po"):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = sorted(PLACEHOLDER.findall(ids[0]))
        for text in strings:
            if sorted(PLACEHOLDER.findall(text)) != expected:
                wrong.append((ids[0], text))
    assert wrong == []


def test_switching_language_translates_a_known_string():
    i18n.set_language("nb")
    assert i18n.gettext("error") == "feil"
    i18n.set_language("nn")
    assert i18n.gettext("error") == "feil"
    i18n.set_language("en")
    assert i18n.gettext("error") == "error"


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("nb_NO.UTF-8", "nb"),
        ("no_NO", "nb"),
        ("nn_NO.UTF-8", "nn"),
        ("se_NO.UTF-8", "en"),
        ("en_US.UTF-8", "en"),
        ("de_DE", "en"),
        ("", "en"),
    ],
)
def test_first_start_language_follows_the_system_locale(system, expected):
    assert i18n.language_from_locale(system) == expected


def test_no_translated_string_hides_inside_an_f_string():
    """babel cannot extract _("...") inside an f-string on Python 3.11: it would stay English."""
    import ast

    hidden = []
    for path in sorted((REPO / "src").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in ("_", "gettext", "ngettext", "N_", "Nn_")
                ):
                    hidden.append(f"{path.relative_to(REPO)}:{inner.lineno}")
    assert hidden == []


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_compiled_catalogue_says_what_its_po_says(tmp_path, lang):
    from babel.messages.mofile import write_mo

    source = TRANSLATIONS / f"{lang}.po"
    with source.open("rb") as po:
        catalogue = read_po(po, locale=lang)
    compiled = tmp_path / f"{lang}.mo"
    with compiled.open("wb") as mo:
        write_mo(mo, catalogue)
    assert i18n._read_mo(compiled) == i18n._read_po(source, lang)


def test_a_compiled_catalogue_older_than_its_po_is_not_read(tmp_path, monkeypatch):
    import os

    from babel.messages.mofile import write_mo

    with (TRANSLATIONS / "nb.po").open("rb") as po:
        catalogue = read_po(po, locale="nb")
    (tmp_path / "nb.po").write_bytes((TRANSLATIONS / "nb.po").read_bytes())
    catalogue.get("options").string = "gammel oversettelse"  # compiled before an edit
    with (tmp_path / "nb.mo").open("wb") as mo:
        write_mo(mo, catalogue)
    monkeypatch.setattr(i18n.importlib.resources, "files", lambda _package: tmp_path)
    stamp = (tmp_path / "nb.po").stat().st_mtime

    def options_in_nb(mo_age_seconds: float) -> str:
        os.utime(tmp_path / "nb.mo", (stamp - mo_age_seconds, stamp - mo_age_seconds))
        i18n._catalogues.pop("nb", None)
        i18n.set_language("nb")
        return i18n.gettext("options")

    try:
        assert options_in_nb(60.0) == "valg", "the .po was edited after compiling: it is read"
        assert options_in_nb(0.0) == "gammel oversettelse", "a current .mo is read"
        (tmp_path / "nb.po").unlink()  # an installed build ships only the .mo
        assert options_in_nb(0.0) == "gammel oversettelse"
    finally:
        i18n.set_language("en")
        i18n._catalogues.pop("nb", None)  # the next test reads the real catalogue


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("en", 1, "1 area of Norway has no data in this atlas."),
        ("en", 3, "3 areas of Norway have no data in this atlas."),
        ("nb", 1, "1 område i Norway har ingen data i dette atlaset."),
        ("nb", 3, "3 områder i Norway har ingen data i dette atlaset."),
    ],
)
def test_a_problem_with_a_count_reads_in_the_singular_or_the_plural(lang, count, expected):
    from atlasviewer.core.problems import ProblemLog
    from atlasviewer.i18n import Nn_

    log = ProblemLog("map.geojson")
    problem = log.warning(
        "",
        Nn_(
            "{count} area of {chosen} has no data in this atlas.",
            "{count} areas of {chosen} have no data in this atlas.",
        ),
        count=count,
        chosen="Norway",
    )
    i18n.set_language(lang)
    assert problem.message == expected
