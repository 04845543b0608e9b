"""The command line speaks the language it is run in: ``--lang``, else the system locale."""

from __future__ import annotations

import pytest

from atlasviewer.cli import main


def _help(capsys, arguments: list[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*arguments, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_help_is_in_bokmaal_nynorsk_or_english_as_asked(capsys):
    bokmaal = _help(capsys, ["--lang", "nb"])
    assert bokmaal.startswith("bruk: atlasviewer")
    assert "vis denne hjelpeteksten og avslutt" in bokmaal
    assert "visningsvindu:" in bokmaal and "kommandoer:" in bokmaal
    assert "atlaset som skal åpnes (standard: det første publiserte)" in bokmaal
    nynorsk = _help(capsys, ["--lang=nn", "export"])
    assert "atlaset som skal eksporterast" in nynorsk and "val:" in nynorsk
    english = _help(capsys, ["--lang", "en", "factsheet"])
    assert english.startswith("usage: atlasviewer factsheet")
    assert "the PDF to write" in english and "options:" in english


def test_without_lang_the_system_locale_decides(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    assert "Kontroller atlas og skriv ut alle problemer" in _help(capsys, ["validate"])
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert "Check atlases and print every problem found" in _help(capsys, ["validate"])


def test_validate_reports_in_the_language_asked(v1_root, capsys):
    assert main(["--lang", "nb", "validate", "--data", str(v1_root), "--atlas", "v1-kols"]) == 0
    out = capsys.readouterr().out
    assert "1 atlas kontrollert: 0 feil, 0 advarsler" in out
    assert "resultatbokser: nb 11, en 11" in out


def test_a_wrong_window_size_is_explained_in_the_language_asked(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "nb", "--smoke", "--size", "10x10"])
    assert exit_.value.code == 2
    assert "10x10 er for lite (minst 320x240)" in capsys.readouterr().err
