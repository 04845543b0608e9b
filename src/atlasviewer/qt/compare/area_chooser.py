"""Choosing areas: find one by its name or a municipality's, "my area", a health region's rows.

The find field completes referral area names and the names of the municipalities and city
districts that form them, read from the site's own pages
(:class:`~atlasviewer.core.compare.municipalities.MunicipalityIndex`): "Askøy" finds Bergen. The
chosen area's municipalities are listed under the field. "My area" is set once and remembered
(in the settings, by the session); the rows are every referral area or one health region's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from atlasviewer import i18n
from atlasviewer.core.compare.matrix import comparison_areas
from atlasviewer.core.compare.municipalities import MunicipalityIndex
from atlasviewer.core.compare.search import matches, search_words
from atlasviewer.i18n import _, current_language
from atlasviewer.qt import translation

MUNICIPALITIES_SHOWN = 40
"""At most this many municipality names under the field (all of them in its tooltip)."""


class AreaChooser(QWidget):
    """The area controls of the workspace.

    Signals:
        area_chosen(str): The user chose an area (registry id) to look at.
        my_area_chosen(str): The user set "my area" (registry id, "" for none).
        region_chosen(str): Rows of a health region (its id), "" for every area.
    """

    area_chosen = Signal(str)
    my_area_chosen = Signal(str)
    region_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry: Any = None
        self.municipalities: MunicipalityIndex | None = None
        self._entries: dict[str, str] = {}
        self.find_label = QLabel(self)
        self.find_field = QLineEdit(self)
        self.find_field.setClearButtonEnabled(True)
        self.find_label.setBuddy(self.find_field)
        self.find_label.setWordWrap(True)
        self.completer = QCompleter(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setModel(QStringListModel(self))
        self.completer.activated.connect(self.find_area)
        self.find_field.setCompleter(self.completer)
        self.find_field.returnPressed.connect(lambda: self.find_area(self.find_field.text()))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.members = QLabel(self)
        self.members.setWordWrap(True)
        self.members.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.members.setStyleSheet("QLabel { color: #444444; }")
        self.members.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.my_combo = QComboBox(self)
        self.my_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.my_combo.setMinimumContentsLength(8)
        self.my_combo.activated.connect(self._on_my_area)
        self.my_button = QPushButton(self)
        self.my_button.clicked.connect(self._show_my_area)
        self.region_combo = QComboBox(self)
        self.region_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.region_combo.setMinimumContentsLength(8)
        self.region_combo.activated.connect(
            lambda i: self.region_chosen.emit(self.region_combo.itemData(i) or "")
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.my_label, self.region_label = QLabel(self), QLabel(self)
        form.addRow(self.my_label, self.my_combo)
        form.addRow(self.my_button)
        form.addRow(self.region_label, self.region_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.find_label)
        layout.addWidget(self.find_field)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.members, 1)
        self._my_area = ""
        self._region = ""
        self._shown_area = ""
        translation.register(self)

    def set_library(self, library: Any) -> None:
        """Areas of ``library``'s registry; municipalities from its data folders' pages."""
        self.registry = library.registry
        self.municipalities = MunicipalityIndex(library.roots, library.registry)
        self._fill()

    def set_my_area(self, area_id: str) -> None:
        self._my_area = area_id
        self.my_combo.setCurrentIndex(max(0, self.my_combo.findData(area_id)))
        self.my_button.setEnabled(bool(area_id))

    def set_region(self, region: str) -> None:
        self._region = region
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(region)))

    def retranslate_ui(self) -> None:
        self.find_label.setText(_("Find an area, municipality or city district:"))
        self.find_field.setPlaceholderText(_("e.g. Bergen, Askøy or Frogner"))
        self.my_label.setText(_("My area:"))
        self.my_button.setText(_("Show my area"))
        self.region_label.setText(_("Rows:"))
        self.message.clear()
        self._fill()

    def find_area(self, text: str) -> str:
        """Choose the area ``text`` names (an area, or a municipality of it); its id or ""."""
        text = text.strip()
        if not text or self.registry is None:
            return ""
        area = self._entries.get(text) or self._resolve(text)
        if not area:
            self.message.setText(_("No area or municipality called “{name}”.").format(name=text))
            return ""
        self.message.clear()
        self.show_members(area)
        self.area_chosen.emit(area)
        return area

    def show_members(self, area_id: str) -> None:
        """List the municipalities and city districts that form ``area_id``."""
        self._shown_area = area_id
        if self.registry is None or area_id not in self.registry.areas:
            self.members.clear()
            return
        lang = current_language()
        name = self.registry.areas[area_id].name(lang)
        items = self.municipalities.of_area(area_id) if self.municipalities else []
        if not items:
            self.members.setText(_("{area}: the data folders list no municipalities.").format(
                area=name))  # fmt: skip
            return
        names = sorted({i.name for i in items}, key=str.casefold)
        shown = ", ".join(names[:MUNICIPALITIES_SHOWN])
        if len(names) > MUNICIPALITIES_SHOWN:
            more = len(names) - MUNICIPALITIES_SHOWN
            shown += " " + i18n.ngettext("and {count} more", "and {count} more", more).format(
                count=more
            )
        self.members.setText(_("{area} is formed by: {names}").format(area=name, names=shown))
        self.members.setToolTip(", ".join(names))

    def _resolve(self, text: str) -> str:
        found = self.registry.match(text)
        if found is not None and found.kind == "area":
            return str(found.id)
        if self.municipalities is not None:
            areas = self.municipalities.areas_of(text)
            if areas:
                return areas[0]
        words = search_words(text)
        lang = current_language()
        for area_id in comparison_areas(self.registry):
            if matches(words, self.registry.areas[area_id].name(lang)):
                return area_id
        return ""

    def _fill(self) -> None:
        if self.registry is None:
            return
        lang = current_language()
        areas = comparison_areas(self.registry)
        names = {a: self.registry.areas[a].name(lang) for a in areas}
        self._entries = {name: area for area, name in names.items()}
        for item in self.municipalities.items if self.municipalities else []:
            if item.area in names and item.name not in self._entries:
                entry = f"{item.name} ({names[item.area]})"
                self._entries.setdefault(entry, item.area)
        model = self.completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(sorted(self._entries, key=str.casefold))
        self.my_combo.clear()
        self.my_combo.addItem(_("(none)"), "")
        for area in sorted(areas, key=lambda a: names[a].casefold()):
            self.my_combo.addItem(names[area], area)
        self.set_my_area(self._my_area)
        self.region_combo.clear()
        self.region_combo.addItem(_("All referral areas"), "")
        for region_id, region in self.registry.regions.items():
            self.region_combo.addItem(region.name(lang), region_id)
        self.set_region(self._region)
        if self._shown_area:
            self.show_members(self._shown_area)

    def _on_my_area(self, index: int) -> None:
        area = self.my_combo.itemData(index) or ""
        self.set_my_area(area)
        self.my_area_chosen.emit(area)
        if area:
            self.show_members(area)
            self.area_chosen.emit(area)

    def _show_my_area(self) -> None:
        if self._my_area:
            self.show_members(self._my_area)
            self.area_chosen.emit(self._my_area)
