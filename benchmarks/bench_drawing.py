"""What drawing costs: the map scene, switching result boxes, the bar chart, and their floors.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_drawing.py``. In one run it prints:

- building the map scene of a map set, cold (first build) and warm (the same map set again);
- switching the map to another result box of the same map set (brushes only) until painted;
- redrawing the bar chart for another box, and resetting the table model;
- floors measured in the same run: the same paths painted once with a plain QPainter onto a
  QImage, and one plain matplotlib ``barh`` draw of as many bars;
- ratios to the floors, and synthetic grid maps of ~400 and ~4,000 areas to show how cost grows.

Targets: switching a box (map + bar chart + table) <= 50 ms median for 21 areas, and each part
<= 2x its floor. Medians of a few runs; the machine is shared and noisy, so compare ratios within
one run, never absolute times across runs.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

RUNS = 9
VIEW_SIZE = (900, 700)
CHART_SIZE = (700, 600)


def median_ms(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def once_ms(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive

    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.core.model import BarChartSpec, MapSpec, TableSpec
    from atlasviewer.core.plans import (
        build_bar_plan,
        build_map_plan,
        build_table_plan,
        credits_for,
    )
    from atlasviewer.core.sources import checkout_roots
    from atlasviewer.qt.map.scene import MapScene

    library = AtlasLibrary(checkout_roots())
    atlas = library.atlas("radiologi2")
    variant = atlas.variant("nb")
    boxes = variant.result_boxes[:3]  # the first three share the kart_2024 map set
    map_file = boxes[0].map_file or "kart_2024.geojson"
    geography = library.geography(atlas, map_file)

    def first(data, kind):
        return next(v for v in data.views if isinstance(v, kind))

    plans = []
    for box in boxes:
        data = box.load()
        credits = credits_for(variant, box, "nb", data)
        plans.append(
            (
                build_map_plan(data, first(data, MapSpec), geography, lang="nb", credits=credits),
                build_bar_plan(data, first(data, BarChartSpec), lang="nb", credits=credits),
                build_table_plan(data, first(data, TableSpec), lang="nb", credits=credits),
            )
        )
    build_plans = median_ms(
        lambda: (
            build_map_plan(boxes[1].load(), first(boxes[1].load(), MapSpec), geography, lang="nb"),
            build_bar_plan(boxes[1].load(), first(boxes[1].load(), BarChartSpec), lang="nb"),
            build_table_plan(boxes[1].load(), first(boxes[1].load(), TableSpec), lang="nb"),
        )
    )
    n_areas = len(geography.areas)
    n_bars = len(plans[0][1].rows)
    print(f"map set {geography.id}: {n_areas} areas; bar chart: {n_bars} bars")

    cold = once_ms(lambda: MapScene(geography))
    warm = median_ms(lambda: MapScene(geography), runs=5)
    print(f"build map scene: cold {cold:.1f} ms, warm {warm:.1f} ms")

    stage = Stage(MapScene(geography))
    map_switch, map_floor = stage.measure_switch([p[0] for p in plans])
    chart_redraw, chart_floor = measure_chart([p[1] for p in plans])
    table_reset = measure_table([p[2] for p in plans])
    total = median_ms(lambda: switch_all(stage, plans), runs=RUNS)
    print(f"build the three plans for a box (core): {build_plans:.1f} ms")
    print(
        f"switch map to another box, painted: {map_switch:.1f} ms; "
        f"floor (plain QPainter, same paths): {map_floor:.1f} ms; "
        f"ratio {map_switch / map_floor:.2f}"
    )
    print(
        f"redraw bar chart for another box: {chart_redraw:.1f} ms; "
        f"floor (plain barh of {n_bars} bars): {chart_floor:.1f} ms; "
        f"ratio {chart_redraw / chart_floor:.2f}"
    )
    print(f"reset table model and paint table view: {table_reset:.1f} ms")
    verdict = "ok" if total <= 50 else "OVER"
    print(f"switch a box (map + bar chart + table), painted: {total:.1f} ms (target 50: {verdict})")

    for side in (20, 63):
        synthetic(side)


class Stage:
    """A graphics view on a map scene, repainted synchronously as the window would paint it."""

    def __init__(self, scene) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPainter
        from PySide6.QtWidgets import QGraphicsView

        self.scene = scene
        self.view = QGraphicsView(scene)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.view.resize(*VIEW_SIZE)
        self.view.show()
        self.view.fitInView(scene.home_rect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.paint()

    def paint(self) -> None:
        # grab() runs the viewport's paintEvent into a pixmap: a real paint, even offscreen,
        # where repaint() of a window that is never exposed paints nothing.
        self.view.viewport().grab()

    def measure_switch(self, plans: list) -> tuple[float, float]:  # type: ignore[type-arg]
        cycle = iter(range(10**9))

        def switch() -> None:
            self.scene.apply_plan(plans[next(cycle) % len(plans)])
            self.paint()

        switch()
        return median_ms(switch), self.floor()

    def floor(self) -> float:
        """The same (coarse, as painted at this zoom) paths, filled and stroked once."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QColor, QImage, QPainter, QPen

        image = QImage(*VIEW_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
        transform = self.view.viewportTransform()
        items = self.scene.area_items()
        paths = [getattr(item, "_coarse_path", item.path()) for item in items]
        colours = [item.brush().color() for item in items]
        pen = QPen(QColor("white"), 0.6)
        pen.setCosmetic(True)

        def paint() -> None:
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setTransform(transform)
            painter.setPen(pen)
            for path, colour in zip(paths, colours, strict=True):
                painter.setBrush(colour)
                painter.drawPath(path)
            painter.end()

        paint()
        return median_ms(paint)


def measure_chart(plans: list) -> tuple[float, float]:  # type: ignore[type-arg]
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from atlasviewer.qt.charts.widget import ChartWidget

    widget = ChartWidget()
    widget.resize(*CHART_SIZE)
    widget.show()
    cycle = iter(range(10**9))

    def redraw() -> None:
        widget.show_bar_plan(plans[next(cycle) % len(plans)], lang="nb")
        widget.canvas.draw()  # what draw_idle does when Qt is idle: until painted

    redraw()
    measured = median_ms(redraw)
    rows = plans[0].rows
    dpi = widget.figure.dpi

    def plain() -> None:
        figure = Figure(figsize=(CHART_SIZE[0] / dpi, CHART_SIZE[1] / dpi), dpi=dpi)
        canvas = FigureCanvasAgg(figure)
        ax = figure.add_subplot()
        ax.barh(range(len(rows)), [r.values[0] or 0 for r in rows])
        canvas.draw()

    plain()
    return measured, median_ms(plain)


def measure_table(plans: list) -> float:  # type: ignore[type-arg]
    from PySide6.QtWidgets import QTableView

    from atlasviewer.qt.tables.model import TablePlanModel

    model = TablePlanModel()
    view = QTableView()
    view.setModel(model)
    view.resize(700, 500)
    view.show()
    cycle = iter(range(10**9))

    def reset() -> None:
        model.set_plan(plans[next(cycle) % len(plans)])
        view.viewport().grab()

    reset()
    return median_ms(reset)


_SWITCH_PARTS: dict[str, object] = {}


def switch_all(stage: Stage, plans: list) -> None:  # type: ignore[type-arg]
    """Map, bar chart and table to the next box, all painted (the parts kept across calls)."""
    from PySide6.QtWidgets import QTableView

    from atlasviewer.qt.charts.widget import ChartWidget
    from atlasviewer.qt.tables.model import TablePlanModel

    if not _SWITCH_PARTS:
        chart = ChartWidget()
        chart.resize(*CHART_SIZE)
        chart.show()
        model = TablePlanModel()
        table = QTableView()
        table.setModel(model)
        table.resize(700, 500)
        table.show()
        _SWITCH_PARTS.update(chart=chart, model=model, table=table, count=0)
    count = int(_SWITCH_PARTS["count"])  # type: ignore[call-overload]
    _SWITCH_PARTS["count"] = count + 1
    map_plan, bar_plan, table_plan = plans[count % len(plans)]
    stage.scene.apply_plan(map_plan)
    stage.paint()
    chart = _SWITCH_PARTS["chart"]
    chart.show_bar_plan(bar_plan, lang="nb")  # type: ignore[attr-defined]
    chart.canvas.draw()  # type: ignore[attr-defined]
    _SWITCH_PARTS["model"].set_plan(table_plan)  # type: ignore[attr-defined]
    _SWITCH_PARTS["table"].viewport().grab()  # type: ignore[attr-defined]


def synthetic(side: int) -> None:
    """A grid of ``side`` x ``side`` square areas of 5 km, with slightly jittered corners."""
    import random

    from shapely.geometry import Polygon

    from atlasviewer.core.model import Area, Geography
    from atlasviewer.core.plans import MapAreaStyle, MapPlan
    from atlasviewer.qt.map.scene import MapScene

    random.seed(side)
    cell = 5000.0
    corners = {
        (i, j): (
            200000 + i * cell + random.uniform(-800, 800),
            6500000 + j * cell + random.uniform(-800, 800),
        )
        for i in range(side + 1)
        for j in range(side + 1)
    }
    areas = []
    for i in range(side):
        for j in range(side):
            ring = [
                corners[(i, j)],
                corners[(i + 1, j)],
                corners[(i + 1, j + 1)],
                corners[(i, j + 1)],
            ]
            areas.append(Area(key=f"a{i}-{j}", geometry=Polygon(ring)))
    geography = Geography(id=f"grid{side}", source=None, areas=areas)
    colours = ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"]

    def plan(shift: int) -> MapPlan:
        styles = {
            a.key: MapAreaStyle(a.key, a.key, float(n), str(n), colours[(n + shift) % 5], 0)
            for n, a in enumerate(areas)
        }
        return MapPlan(geography_id=geography.id, title="", areas=styles, legend=[])

    build = once_ms(lambda: MapScene(geography))
    stage = Stage(MapScene(geography))
    switch, floor = stage.measure_switch([plan(0), plan(1), plan(2)])
    print(
        f"synthetic {len(areas)} areas: build scene {build:.0f} ms; switch box painted "
        f"{switch:.1f} ms; floor {floor:.1f} ms; ratio {switch / floor:.2f}"
    )


if __name__ == "__main__":
    main()
