"""Settings: one typed object, JSON on disk, atomic writes, a corrupt file moved aside."""

from __future__ import annotations

import json

from atlasviewer.qt.shell.settings import AppSettings, load_settings, save_settings, settings_path


def test_round_trip_keeps_every_field(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    settings = AppSettings(
        language="nn",
        window_geometry="01d9d0cb",
        last_atlas="radiologi2",
        last_box=3,
        selection=["st_olav", "unn"],
        data_folders=["/data/atlases"],
        full_screen=True,
    )
    save_settings(settings)
    assert settings_path() == tmp_path / "settings.json"
    assert load_settings() == settings
    # Written whole, no temporary files left behind.
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_missing_file_gives_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path / "not-yet"))
    assert load_settings() == AppSettings()


def test_corrupt_file_is_moved_aside_and_defaults_used(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLASVIEWER_CONFIG_DIR", str(tmp_path))
    (tmp_path / "settings.json").write_text('{"language": "nb", "last_box": ', encoding="utf-8")
    assert load_settings() == AppSettings()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 1 and names[0].startswith("settings.json.corrupt-")
    # The damaged content is kept for whoever wants to look at it.
    assert '"last_box": ' in (tmp_path / names[0]).read_text(encoding="utf-8")


def test_wrong_types_fall_back_per_field(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"language": "de", "last_box": "three", "selection": ["unn"], "extra": 1}),
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.language is None
    assert settings.last_box == 0
    assert settings.selection == ["unn"]
