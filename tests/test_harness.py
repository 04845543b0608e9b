"""The test harness itself: dialogs are answered, and one left unanswered fails its test."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox


def test_answer_dialogs_gives_the_answers_and_records_the_questions(qtbot, answer_dialogs):
    answer_dialogs.button = QMessageBox.StandardButton.No
    answer_dialogs.folder = "/data/atlases"
    answer_dialogs.save_file = "/tmp/figure.png"
    assert QMessageBox.question(None, "Replace?", "Replace it?") == QMessageBox.StandardButton.No
    assert QFileDialog.getExistingDirectory(None, "Open data folder") == "/data/atlases"
    assert QFileDialog.getSaveFileName(None, "Export")[0] == "/tmp/figure.png"
    assert answer_dialogs.asked == [
        ("question", "Replace?"),
        ("getExistingDirectory", "Open data folder"),
        ("getSaveFileName", "Export"),
    ]


def test_a_modal_dialog_nobody_answers_is_closed_and_reported(qtbot, modal_guard):
    modal_guard.patience = 0.3
    box = QMessageBox(QMessageBox.Icon.Warning, "Unanswered", "Nobody clicks", parent=None)
    box.exec()  # returns only because the guard closes it
    assert modal_guard.left_open == ["QMessageBox 'Unanswered' 'Nobody clicks'"]
    modal_guard.left_open.clear()  # reported as expected: this test passes


def test_no_test_opens_a_network_connection():
    import socket

    from conftest import NetworkBlocked

    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 631), timeout=1)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkBlocked):
        sock.connect(("localhost", 80))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkBlocked):
        sock.connect_ex(("localhost", 80))
