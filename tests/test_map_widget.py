"""The native Qt choropleth: scene, colours, inset, hover and click, exports (real maps)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

import atlasviewer.qt  # noqa: F401 - guards None's reference count before any Qt call
from atlasviewer import i18n
from atlasviewer.core.geography import read_geojson
from atlasviewer.core.plans import NO_DATA_COLOUR, Credits, LegendEntry, MapAreaStyle, MapPlan
from atlasviewer.qt.map.layout import layout_figure, save_map
from atlasviewer.qt.map.scene import MapScene
from atlasviewer.qt.map.widget import ChoroplethMap

COLOURS = ["#eadae9", "#d5b6d2", "#c091bc", "#ab6ca6"]


@pytest.fixture(scope="module")
def kart_2024(v2_root: Path):
    return read_geojson(v2_root / "public" / "kart" / "kart_2024.geojson")


@pytest.fixture(scope="module")
def fylke_2024(v2_root: Path):
    return read_geojson(v2_root / "public" / "kart" / "fylke_2024.geojson")


def plan_for(geography, missing: tuple[str, ...] = ("Finnmark",)) -> MapPlan:
    """A hand-built plan: area i gets value 100 + i and class i % 4; ``missing`` have no data."""
    areas = {}
    for index, area in enumerate(geography.areas):
        value = None if area.key in missing else 100.0 + index
        areas[area.key] = MapAreaStyle(
            key=area.key,
            name=area.key,
            value=value,
            value_text="" if value is None else f"{value:.0f}",
            colour=NO_DATA_COLOUR if value is None else COLOURS[index % 4],
            class_index=None if value is None else index % 4,
        )
    legend = [
        LegendEntry(c, f"class {i}", i * 10.0, i * 10.0 + 9, 1) for i, c in enumerate(COLOURS)
    ]
    legend.append(LegendEntry(NO_DATA_COLOUR, "No data", None, None, len(missing)))
    return MapPlan(
        geography_id=geography.id,
        title="Patients per 1,000 population, a fairly long caption that must wrap",
        areas=areas,
        legend=legend,
        national_value=345.0,
        national_text="345",
        national_label="Norway",
        credits=Credits(producer="SKDE", period="2019–2023", unit="per 1,000 population"),
    )


@pytest.fixture
def map_view(qtbot, kart_2024):
    scene = MapScene(kart_2024)
    view = ChoroplethMap(scene)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.apply_plan(plan_for(kart_2024))
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    return view


def viewport_point(graphics_view, scene, key: str) -> QPoint:
    """The viewport position of the area's representative point (surely inside the area)."""
    inside = scene.geometries[key].representative_point()
    return graphics_view.mapFromScene(QPointF(inside.x, -inside.y))


def test_scene_has_one_item_per_area(qapp, kart_2024, fylke_2024):
    assert len(MapScene(kart_2024).area_items()) == 21
    assert len(MapScene(fylke_2024).area_items()) == 15


def test_apply_plan_colours_named_areas_and_marks_no_data(qapp, kart_2024):
    scene = MapScene(kart_2024)
    plan = plan_for(kart_2024)
    scene.apply_plan(plan)
    assert scene.brush_colour("Bergen") == QColor(plan.areas["Bergen"].colour)
    assert scene.brush_colour("OUS") == QColor(plan.areas["OUS"].colour)
    assert scene.brush_colour("Finnmark") == QColor(NO_DATA_COLOUR)
    assert scene.area_item("Finnmark").no_data
    assert not scene.area_item("Bergen").no_data
    assert scene.area_item("Bergen").toolTip() == f"Bergen: {plan.areas['Bergen'].value_text}"
    assert scene.area_item("Finnmark").toolTip() == "Finnmark: no data"


def test_apply_plan_keeps_geometry(qapp, kart_2024):
    scene = MapScene(kart_2024)
    item = scene.area_item("Bergen")
    before = item.path()
    scene.apply_plan(plan_for(kart_2024))
    assert scene.area_item("Bergen") is item
    assert item.path() == before


def test_drawn_in_oslo_copy_is_removed(qapp, kart_2024):
    """kart_2024 carries a magnified Oslo over Sweden; the national view must not include it."""
    scene = MapScene(kart_2024)
    ous = scene.area_item("OUS").path().boundingRect()
    assert ous.width() < 50_000 and ous.height() < 50_000
    assert scene.home_rect().right() < 1_200_000


def test_inset_holds_oslo_areas(qapp, kart_2024, fylke_2024, v1_root):
    assert sorted(MapScene(kart_2024).inset_keys()) == ["Diakonhjemmet", "Lovisenberg", "OUS"]
    assert MapScene(fylke_2024).inset_keys() == ["Oslo"]
    kols = read_geojson(v1_root / "geojson" / "kols.geojson")
    assert sorted(MapScene(kols).inset_keys()) == ["Diakonhjemmet", "Lovisenberg", "OUS"]


def test_selection_outline(qapp, kart_2024):
    scene = MapScene(kart_2024)
    scene.set_selection(["Bergen"])
    assert scene.area_item("Bergen").pen().color() == QColor("#e6550d")
    assert scene.area_item("Bergen").zValue() > scene.area_item("Førde").zValue()
    assert scene.area_item("Førde").pen().color() == QColor("white")


def test_hover_and_click_on_main_map(qtbot, map_view):
    scene = map_view.scene
    point = viewport_point(map_view.view, scene, "Innlandet")
    with qtbot.waitSignal(map_view.area_hovered, timeout=2000) as hovered:
        qtbot.mouseMove(map_view.view.viewport(), point)
    assert hovered.args == ["Innlandet"]
    with qtbot.waitSignal(map_view.area_clicked, timeout=2000) as clicked:
        qtbot.mouseClick(map_view.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == ["Innlandet", False]
    with qtbot.waitSignal(map_view.area_clicked, timeout=2000) as clicked:
        qtbot.mouseClick(
            map_view.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            point,
        )
    assert clicked.args == ["Innlandet", True]


def test_click_in_inset_selects_small_area(qtbot, map_view):
    assert map_view.inset.isVisible()
    assert sorted(map_view.inset_keys()) == ["Diakonhjemmet", "Lovisenberg", "OUS"]
    point = viewport_point(map_view.inset, map_view.scene, "Lovisenberg")
    assert map_view.inset.viewport().rect().contains(point)
    with qtbot.waitSignal(map_view.area_hovered, timeout=2000) as hovered:
        qtbot.mouseMove(map_view.inset.viewport(), point)
    assert hovered.args == ["Lovisenberg"]
    with qtbot.waitSignal(map_view.area_clicked, timeout=2000) as clicked:
        qtbot.mouseClick(map_view.inset.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == ["Lovisenberg", False]


def test_legend_and_inset_do_not_hide_land(qtbot, map_view):
    legend = map_view.legend.geometry()
    inset = map_view.inset.geometry()
    assert not legend.intersects(inset)
    for rect in (legend, inset):
        polygon = map_view.view.mapToScene(rect)
        under = [item for item in map_view.scene.items(polygon) if hasattr(item, "no_data")]
        assert under == []


def test_credits_and_language_switch(qtbot, map_view, kart_2024):
    assert map_view.credits.text() == "Source: SKDE · 2019–2023 · per 1,000 population"
    i18n.set_language("nb")
    plan = plan_for(kart_2024)
    plan.title = "Pasienter per 1000 innbyggere"
    plan.national_label = "Norge"
    plan.credits = Credits(producer="SKDE", period="2019–2023", unit="per 1000 innbyggere")
    map_view.apply_plan(plan)
    assert map_view.legend.legend_painter.plan.title == "Pasienter per 1000 innbyggere"
    assert "per 1000 innbyggere" in map_view.credits.text()
    assert "1,000" not in map_view.credits.text()


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_export_writes_the_figure(qapp, tmp_path, kart_2024, fmt):
    scene = MapScene(kart_2024)
    path = save_map(tmp_path / f"map.{fmt}", scene, plan_for(kart_2024), size=(1280, 800))
    assert path.stat().st_size > 5_000
    if fmt == "png":
        image = QImage(str(path))
        # As high as asked, as wide as the map needs (no empty band beside Norway).
        assert image.height() == 800 and image.width() <= 1280
        # Bergen's colour appears in the picture (the plan was painted, not a blank page).
        bergen = QColor(plan_for(kart_2024).areas["Bergen"].colour).rgb()
        assert any(
            image.pixel(x, y) == bergen
            for x in range(0, image.width(), 4)
            for y in range(300, 800, 4)
        )
    if fmt == "svg":
        assert "Patients per 1,000" in path.read_text(encoding="utf-8")
    if fmt == "pdf":
        assert path.read_bytes().startswith(b"%PDF")


def test_export_at_300_dpi_is_sharper_not_different(qapp, tmp_path, kart_2024):
    scene = MapScene(kart_2024)
    path = save_map(tmp_path / "map.png", scene, plan_for(kart_2024), dpi=300, size=(1280, 800))
    image = QImage(str(path))
    screen = QImage(str(save_map(tmp_path / "m96.png", scene, plan_for(kart_2024))))
    assert image.height() == 2500
    assert abs(image.width() - screen.width() * 300 / 96) <= 2


def test_figure_layout_has_no_overlaps(qapp, kart_2024, fylke_2024):
    for geography in (kart_2024, fylke_2024):
        scene = MapScene(geography)
        plan = plan_for(geography)
        scene.apply_plan(plan)
        for size in ((1280, 800), (600, 850), (800, 600)):
            layout = layout_figure(scene, plan, QRectF(0, 0, *size))
            assert not layout.legend.intersects(layout.inset)
            assert not layout.credits.intersects(layout.legend)
            assert not layout.credits.intersects(layout.inset)
            assert not layout.map_target.intersects(layout.credits)
            assert layout.legend_painter.font.pixelSize() >= 12  # >= 9 pt at 96 dpi


@pytest.mark.parametrize(
    ("title", "max_width"),
    [
        # radiologi2 in bokmål, on the map pane of a 1,280 px window: its last word was cut
        ("Andel MR kolumna uten sykdomsdiagnoser", 150.0),
        ("Reinnleggelser" + "sykehusopphold" * 6, 300.0),  # a word wider than a legend may be
    ],
)
def test_legend_title_words_are_never_cut(qapp, kart_2024, title, max_width):
    from dataclasses import replace

    from PySide6.QtGui import QFontMetricsF

    from atlasviewer.qt.map.layout import LegendPainter

    painter = LegendPainter(
        replace(plan_for(kart_2024), title=title),
        max_width=max_width,
        word_max_width=max_width * 1.5,
    )
    metrics = QFontMetricsF(painter.title_font)
    needed = metrics.boundingRect(
        QRectF(0, 0, painter.inner_width, 1e6), painter.title_flags, title
    )
    assert needed.width() <= painter.inner_width + 0.5, "the title reaches past the legend"
    assert needed.height() <= painter.title_height + 0.5
    if len(title.split()) > 1:
        assert painter.inner_width >= max(metrics.horizontalAdvance(w) for w in title.split())
