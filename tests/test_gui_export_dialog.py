"""File > Export…: the view shown or every view of the atlas, with progress, cancel, and where."""

from __future__ import annotations

from deck_atlas import library, make_atlas


def _dialog(open_window, tmp_path, qtbot, boxes=2):
    window = open_window(library(make_atlas(tmp_path / "data", boxes=boxes)), size=(1024, 768))
    window.open_atlas("kyst", 1)
    qtbot.waitUntil(window.reader.box_view.is_painted)
    command = window.export_command
    assert command.action in window.file_menu.actions() and command.action.isEnabled()
    assert command.action.shortcut().toString() == "Ctrl+Shift+E"
    command.action.trigger()
    dialog = command.dialog
    dialog.folder.setText(str(tmp_path / "out"))
    return window, dialog


def test_export_the_view_shown(open_window, tmp_path, qtbot):
    _window, dialog = _dialog(open_window, tmp_path, qtbot)
    assert dialog.view_choice.isChecked()
    dialog.export_button.click()
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["1-kystboks-1-bar1.png"]  # the chart is the current figure
    assert dialog.result_label.text() == f"1 file written to {tmp_path / 'out'}."
    assert dialog.progress.value() == dialog.progress.maximum() == 1


def test_export_every_view_of_the_atlas_as_export_does(open_window, tmp_path, qtbot):
    _window, dialog = _dialog(open_window, tmp_path, qtbot)
    dialog.atlas_choice.setChecked(True)
    dialog.export_button.click()
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "2-kystboks-2-map.png" in names and "1-kystboks-1-table.csv" in names
    assert "2-kystboks-2-summary.json" in names
    assert f"{len(names)} files written to {tmp_path / 'out'}." == dialog.result_label.text()
    assert dialog.progress.value() == 2


def test_cancel_stops_after_the_box_being_written(open_window, tmp_path, qtbot, monkeypatch):
    from atlasviewer.commands.export import BoxExporter

    _window, dialog = _dialog(open_window, tmp_path, qtbot, boxes=4)
    dialog.atlas_choice.setChecked(True)
    exported = BoxExporter.export

    def export_then_cancel(self, box):
        failures = exported(self, box)
        if box.number == 2:
            dialog.cancel_button.click()  # as a click during the export would
        return failures

    monkeypatch.setattr(BoxExporter, "export", export_then_cancel)
    dialog.export_button.click()
    boxes = {p.name.split("-")[0] for p in (tmp_path / "out").iterdir()}
    assert boxes == {"1", "2"}
    assert dialog.result_label.text().startswith("Cancelled. ")
    assert dialog.isVisible()  # cancelling the export does not close the dialog
