"""The matplotlib bar and line charts, checked by what they draw (artists), not by pixels."""

from __future__ import annotations

import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from atlasviewer.core.plans import (
    NATIONAL_COLOUR,
    SELECTION_COLOUR,
    BarPlan,
    BarRow,
    Credits,
    LinePlan,
    LineSeries,
)
from atlasviewer.render.axes_text import credits_text
from atlasviewer.render.bar_chart import bar_key_at
from atlasviewer.render.charts import figure_for
from atlasviewer.render.layout import SHRINK_TOLERANCE_PX
from atlasviewer.render.line_chart import draw_line_chart
from atlasviewer.render.style import ChartStyle

PURPLE = "#756bb1"
LONG_LABEL = "Nordre Østfold, Follo og Romerike opptaksområde for spesialisthelsetjenester"


def bar_plan(
    values: list[float] | None = None,
    selected: str | None = None,
    annual_years: int = 0,
    parts: int = 1,
    label: str = "Area",
) -> BarPlan:
    """Rows sorted largest first, with 'Norge' as the national row in between."""
    values = values or [3400.0, 2900.0, 2100.0, 1500.0, 900.0]
    rows = []
    for index, value in enumerate(values):
        key = "Norge" if index == 2 else f"{label} {index}"
        split = [value / parts] * parts
        rows.append(
            BarRow(
                key=key,
                label=key,
                values=split,
                value_texts=[str(v) for v in split],
                annual=[value * (0.9 + 0.05 * y) for y in range(annual_years)],
                is_national=key == "Norge",
                selected=key == selected,
            )
        )
    return BarPlan(
        title="Vertebral column MRI",
        value_label="Examinations per 10,000 population",
        rows=rows,
        series_labels=["Private imaging clinics", "Public"][:parts] if parts > 1 else [""],
        series_colours=[PURPLE, "#bcbddc"][:parts],
        annual_labels=[str(2018 + y) for y in range(annual_years)],
        stacked=parts > 1,
        credits=Credits("SKDE", "2018–2022", "per 10,000 population"),
    )


def drawn(plan: BarPlan, lang: str = "en", size=(12.8, 8.0), dpi: float = 100) -> Figure:
    figure = figure_for(plan, size=size, dpi=dpi, lang=lang)
    figure.canvas.draw()
    return figure


def _shown_chart(qtbot, width: int, height: int):
    """A chart widget on screen at ``width`` x ``height``, as the window would show it."""
    from atlasviewer.qt.charts.widget import ChartWidget

    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    return widget


def test_bars_are_drawn_in_plan_order_top_to_bottom():
    plan = bar_plan()
    ax = drawn(plan).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [row.label for row in plan.rows]
    # The first row is at the top: the y axis runs downwards.
    bottom, top = ax.get_ylim()
    assert bottom > top
    widths = [p.get_width() for p in ax.patches]
    assert widths == [row.values[0] for row in plan.rows]


def test_national_bar_has_its_own_colour_and_the_others_the_series_colour():
    plan = bar_plan()
    ax = drawn(plan).axes[0]
    colours = [to_hex(p.get_facecolor()) for p in ax.patches]
    assert colours[2] == NATIONAL_COLOUR
    assert colours[0] == colours[4] == PURPLE


def test_selected_area_is_outlined_and_its_name_highlighted():
    plan = bar_plan(selected="Area 3")
    ax = drawn(plan).axes[0]
    edges = [to_hex(p.get_edgecolor()) for p in ax.patches]
    assert edges[3] == SELECTION_COLOUR
    assert edges.count(SELECTION_COLOUR) == 1
    assert to_hex(ax.get_yticklabels()[3].get_color()) == SELECTION_COLOUR


@pytest.mark.parametrize(("lang", "thousand"), [("nb", "1\u00a0000"), ("en", "1,000")])
def test_value_axis_is_formatted_in_the_language(lang, thousand):
    ax = drawn(bar_plan(), lang=lang).axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert thousand in ticks


def test_percent_axis_shows_percent_in_norwegian():
    plan = bar_plan(values=[0.16, 0.12, 0.08, 0.05, 0.04])
    plan.format = ",.0%"
    ticks = [t.get_text() for t in drawn(plan, lang="nb").axes[0].get_xticklabels()]
    assert "5\u00a0%" in ticks


def test_small_values_under_an_integer_format_get_distinct_ticks():
    plan = bar_plan(values=[2.4, 2.0, 1.6, 1.1, 0.7])
    ticks = [t.get_text() for t in drawn(plan).axes[0].get_xticklabels() if t.get_text()]
    assert len(ticks) == len(set(ticks)) > 2


def test_annual_values_are_one_dot_series_per_year_with_a_legend():
    plan = bar_plan(annual_years=5)
    ax = drawn(plan).axes[0]
    assert len(ax.collections) == 5
    markers = {c.get_paths()[0].vertices.tobytes() for c in ax.collections}
    assert len(markers) == 5, "each year has its own marker shape"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["2018", "2019", "2020", "2021", "2022"]


def test_stacked_parts_have_a_legend_and_add_up():
    plan = bar_plan(parts=2)
    ax = drawn(plan).axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Private imaging clinics", "Public"]
    first_row = [p for p in ax.patches if abs(p.get_y() + p.get_height() / 2) < 1e-9]
    assert sum(p.get_width() for p in first_row) == pytest.approx(3400.0)


def test_error_bars_span_the_plan_bounds():
    plan = bar_plan()
    plan.has_error_bars = True
    for row in plan.rows:
        row.error_low, row.error_high = row.values[0] - 100, row.values[0] + 250
    ax = drawn(plan).axes[0]
    segments = [c for c in ax.collections if c.__class__.__name__ == "LineCollection"]
    assert segments
    first = segments[0].get_segments()[0]
    assert sorted(x for x, _y in first) == pytest.approx([3300.0, 3650.0])


def test_missing_value_says_no_data():
    plan = bar_plan()
    plan.rows[4].values = [None]
    ax = drawn(plan).axes[0]
    assert any("no data" in t.get_text() for t in ax.texts)


def test_credits_line_names_producer_period_and_unit():
    ax = drawn(bar_plan()).axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "SKDE · 2018–2022 · per 10,000 population" in texts
    assert credits_text(Credits(producer="Helse Førde")) == "Helse Førde"


def test_click_on_a_bar_or_its_name_gives_the_area_key():
    plan = bar_plan()
    figure = drawn(plan)
    ax = figure.axes[0]
    x, y = ax.transData.transform((100.0, 3.1))
    assert bar_key_at(ax, plan, MouseEvent("button_press_event", figure.canvas, x, y)) == "Area 3"
    label = ax.get_yticklabels()[1].get_window_extent()
    centre = ((label.x0 + label.x1) / 2, (label.y0 + label.y1) / 2)
    event = MouseEvent("button_press_event", figure.canvas, *centre)
    assert bar_key_at(ax, plan, event) == "Area 1"
    outside = MouseEvent("button_press_event", figure.canvas, 2, 2)
    assert bar_key_at(ax, plan, outside) is None


def _text_boxes(figure: Figure):
    renderer = figure.canvas.get_renderer()
    ax = figure.axes[0]
    texts = [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
    low, high = ax.get_xlim()
    texts += ax.get_yticklabels()
    # Tick labels beyond the axis limits exist but are not drawn.
    texts += [t for t in ax.get_xticklabels() if low <= t.get_position()[0] <= high]
    return [(t.get_text(), t.get_window_extent(renderer)) for t in texts if t.get_text()]


@pytest.mark.parametrize(("size", "dpi"), [((12.8, 8.0), 100), (None, 300)])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_nothing_is_clipped_or_overlaps_with_long_norwegian_labels(size, dpi, lang):
    plan = bar_plan(values=[float(v) for v in range(4000, 0, -180)], annual_years=5)
    plan.rows[0].label = LONG_LABEL
    plan.title = "Antall MR-undersøkelser av kolumna hos pasienter over 18 år " * 3
    plan.credits.unit = "Antall pr. 10 000 innbyggere, kjønns- og aldersjustert " * 2
    figure = drawn(plan, lang=lang, size=size, dpi=dpi)
    page = figure.bbox
    boxes = _text_boxes(figure)
    for text, box in boxes:
        assert page.x0 - 0.5 <= box.x0 and box.x1 <= page.x1 + 0.5, f"clipped: {text[:40]}"
        assert page.y0 - 0.5 <= box.y0 and box.y1 <= page.y1 + 0.5, f"clipped: {text[:40]}"
    for i, (text_a, a) in enumerate(boxes):
        for text_b, b in boxes[i + 1 :]:
            assert not a.overlaps(b), f"{text_a[:30]!r} overlaps {text_b[:30]!r}"


def test_line_chart_draws_one_line_per_series_with_legend_and_format():
    plan = LinePlan(
        title="",
        x_label="Age",
        y_label="Share of the population",
        series=[
            LineSeries("Women", "#756bb1", [20, 40, 60, 80], [0.012, 0.045, 0.05, 0.03]),
            LineSeries("Men", "#e6550d", [20, 40, 60, 80], [0.008, 0.032, None, 0.028]),
        ],
        format_y=",.0%",
        credits=Credits("SKDE", "2018–2022"),
    )
    figure = Figure(layout="constrained")
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    draw_line_chart(ax, plan, ChartStyle.screen(), lang="nb")
    figure.canvas.draw()
    assert [line.get_label() for line in ax.lines] == ["Women", "Men"]
    assert len(ax.lines[1].get_xdata()) == 3, "a missing value is left out, not drawn as 0"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Women", "Men"]
    assert "5\u00a0%" in [t.get_text() for t in ax.get_yticklabels()]


def test_line_chart_with_text_categories_uses_the_tick_labels():
    months = ["jan", "feb", "mar"]
    plan = LinePlan(
        title="Per month",
        x_label="",
        y_label="",
        series=[LineSeries("Patients", "#756bb1", months, [10.0, 12.0, 9.0])],
        x_tick_labels=["januar", "februar", "mars"],
    )
    figure = figure_for(plan, dpi=100)
    figure.canvas.draw()
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["januar", "februar", "mars"]
    assert list(ax.lines[0].get_xdata()) == [0, 1, 2]
    assert ax.get_legend() is None


def test_projector_style_is_larger_than_screen():
    assert ChartStyle.projector().tick_size > ChartStyle.screen().tick_size
    assert ChartStyle.print(dpi=300).dpi == 300


# --------------------------------------------------------------------------- the Qt host


def test_chart_widget_click_hover_and_selection(qtbot):
    from PySide6.QtCore import Qt

    widget = _shown_chart(qtbot, 900, 600)
    plan = bar_plan()
    widget.show_bar_plan(plan, lang="nb")
    widget.canvas.draw()
    ax = widget.figure.axes[0]
    x, y = ax.transData.transform((100.0, 1.0))
    with qtbot.waitSignal(widget.area_clicked) as clicked:
        MouseEvent("button_press_event", widget.canvas, x, y, button=1)._process()
    assert clicked.args == ["Area 1", False]
    ctrl = MouseEvent(
        "button_press_event", widget.canvas, x, y, button=1, modifiers=frozenset({"ctrl"})
    )
    with qtbot.waitSignal(widget.area_clicked) as clicked:
        ctrl._process()
    assert clicked.args == ["Area 1", True]
    with qtbot.waitSignal(widget.area_hovered) as hovered:
        MouseEvent("motion_notify_event", widget.canvas, x, y)._process()
    assert hovered.args == ["Area 1"]
    assert "Area 1" in widget.tooltip_for(1)
    widget.set_selected_areas({"Area 4"})
    assert widget.highlighted_rows == [4]
    widget.clear()
    assert not widget.canvas.isVisible() and widget.empty_label.isVisible()
    assert Qt.FocusPolicy.ClickFocus == widget.canvas.focusPolicy()


def _radiologi2_bar_plans(v2_root) -> list[BarPlan]:
    """The bar plans of radiologi2's first three result boxes (one map set, 22 rows each)."""
    from atlasviewer.core.library import AtlasLibrary
    from atlasviewer.core.model import BarChartSpec
    from atlasviewer.core.plans import build_bar_plan, credits_for

    variant = AtlasLibrary([v2_root]).atlas("radiologi2").variant("nb")
    plans = []
    for box in variant.result_boxes[:3]:
        data = box.load()
        view = next(v for v in data.views if isinstance(v, BarChartSpec))
        credits = credits_for(variant, box, "nb", data)
        plans.append(build_bar_plan(data, view, "nb", credits=credits))
    return plans


def _what_the_user_sees(widget) -> dict:
    ax = widget.figure.axes[0]
    labels = ax.get_yticklabels()
    low, high = ax.get_xlim()
    return {
        "labels": [t.get_text() for t in labels],
        "label colours": [to_hex(t.get_color()) for t in labels],
        "label weights": [t.get_fontweight() for t in labels],
        "highlighted rows": widget.highlighted_rows,
        "bars": [
            (p.get_x(), p.get_width(), to_hex(p.get_facecolor()), to_hex(p.get_edgecolor()))
            for p in ax.patches
            if p.get_visible()
        ],
        "value ticks": [
            t.get_text() for t in ax.get_xticklabels() if low <= t.get_position()[0] <= high
        ],
        "limits": (ax.get_xlim(), ax.get_ylim()),
        "texts": [ax.get_title(loc="left"), ax.get_xlabel(), *(t.get_text() for t in ax.texts)],
        "legend": [t.get_text() for t in ax.get_legend().get_texts()],
        "dots": [c.get_offsets().tolist() for c in ax.collections],
        "position": [round(v, 4) for v in ax.get_position().bounds],
    }


def _assert_nothing_clipped(widget) -> None:
    ax = widget.figure.axes[0]
    renderer = widget.canvas.get_renderer()
    reach = ax.get_tightbbox(renderer)
    figure = widget.figure.bbox
    assert reach.x0 >= figure.x0 - 0.5 and reach.y0 >= figure.y0 - 0.5, "clipped"
    assert reach.x1 <= figure.x1 + 0.5 and reach.y1 <= figure.y1 + 0.5, "clipped"


def test_switching_boxes_in_place_shows_what_drawing_anew_shows(qtbot, v2_root):
    from atlasviewer.qt.charts.widget import ChartWidget

    first, second, third = _radiologi2_bar_plans(v2_root)
    assert [r.label for r in first.rows] != [r.label for r in second.rows]
    switched, fresh = ChartWidget(), ChartWidget()
    for widget in (switched, fresh):
        qtbot.addWidget(widget)
        widget.resize(700, 600)
        widget.show()
    switched.show_bar_plan(first, lang="nb")
    switched.canvas.draw()
    axes = switched.figure.axes[0]
    second.rows[3].selected = True
    for plan in (second, third):
        switched.show_bar_plan(plan, lang="nb")
        switched.canvas.draw()
        assert switched.figure.axes == [axes], "the bars were updated, not drawn anew"
        fresh.show_bar_plan(plan, lang="nb")
        fresh.canvas.draw()
        seen, anew = _what_the_user_sees(switched), _what_the_user_sees(fresh)
        # The axes may stay a few pixels from where a new layout would put them (names a pixel
        # wider or narrower keep the layout): everything else is the same, nothing clipped.
        position, fresh_position = seen.pop("position"), anew.pop("position")
        assert seen == anew
        size = (switched.figure.bbox.width, switched.figure.bbox.height) * 2
        assert all(
            abs(a - b) * extent <= SHRINK_TOLERANCE_PX
            for a, b, extent in zip(position, fresh_position, size, strict=True)
        )
        _assert_nothing_clipped(switched)
        assert seen["highlighted rows"] == [i for i, r in enumerate(plan.rows) if r.selected]
        assert seen["labels"] == [row.label for row in plan.rows]
    assert switched.highlighted_rows == [] and fresh.highlighted_rows == []
    # Another number of rows (a stacked chart of two parts) is drawn anew.
    stacked = bar_plan(parts=2)
    switched.show_bar_plan(stacked, lang="nb")
    switched.canvas.draw()
    assert switched.figure.axes[0] is not axes
    assert [t.get_text() for t in switched.figure.axes[0].get_legend().get_texts()] == [
        "Private imaging clinics",
        "Public",
    ]


def test_layout_runs_again_only_when_the_size_or_texts_change(qtbot):

    widget = _shown_chart(qtbot, 700, 600)
    widget.show_bar_plan(bar_plan(), lang="en")
    widget.canvas.draw()
    engine = widget.figure.get_layout_engine()
    runs = engine.layouts_run
    widget.show_bar_plan(bar_plan(values=[3300.0, 2800.0, 2000.0, 1400.0, 800.0]), lang="en")
    widget.canvas.draw()
    assert engine.layouts_run == runs, "same names, same ticks: the axes stay where they are"
    widget.show_bar_plan(bar_plan(label=LONG_LABEL), lang="en")
    widget.canvas.draw()
    assert engine.layouts_run == runs + 1
    ax = widget.figure.axes[0]
    renderer = widget.canvas.get_renderer()
    assert ax.yaxis.get_tightbbox(renderer).x0 >= widget.figure.bbox.x0 - 0.5, "names clipped"
    # Short names again: the room the long name needed is not left empty.
    widget.show_bar_plan(bar_plan(), lang="en")
    widget.canvas.draw()
    assert engine.layouts_run == runs + 2
    assert ax.get_tightbbox(renderer).x0 - widget.figure.bbox.x0 < 20, "room left unused"
    # Selecting an area (its name in bold) never moves the axes: the layout kept room for it.
    position = ax.get_position().bounds
    plan = bar_plan(selected="Area 4")
    widget.show_bar_plan(plan, lang="en")
    widget.canvas.draw()
    assert engine.layouts_run == runs + 2 and ax.get_position().bounds == position
    _assert_nothing_clipped(widget)


def test_a_legend_that_looks_the_same_is_not_drawn_anew_and_looks_as_drawn(qtbot):
    import io

    import numpy as np

    widget = _shown_chart(qtbot, 700, 600)
    stamp = widget._legend_stamp
    widget.show_bar_plan(bar_plan(annual_years=4), lang="en")
    widget.canvas.draw()
    assert stamp.stamps_made == 1
    four_years = widget.figure.axes[0].get_legend()
    widget.show_bar_plan(bar_plan(values=[3000.0, 2000.0, 1800.0, 900.0, 20.0]), lang="en")
    widget.canvas.draw()  # no dots, no legend
    assert widget.figure.axes[0].get_legend() is None
    again = bar_plan(values=[3300.0, 2800.0, 2000.0, 1400.0, 800.0], annual_years=4)
    widget.show_bar_plan(again, lang="en")
    widget.canvas.draw()
    assert stamp.stamps_made == 1, "the same four years: the legend's pixels are reused"
    widget.show_bar_plan(bar_plan(annual_years=3), lang="en")
    widget.canvas.draw()
    assert stamp.stamps_made == 2, "three years: another legend, drawn"
    three_years = [t.get_text() for t in widget.figure.axes[0].get_legend().get_texts()]
    assert three_years == ["2018", "2019", "2020"]
    widget.show_bar_plan(again, lang="en")
    widget.canvas.draw()
    assert stamp.stamps_made == 2
    legend = widget.figure.axes[0].get_legend()
    assert legend is four_years, "the four-year legend is shown again, not made anew"
    assert [t.get_text() for t in legend.get_texts()] == ["2018", "2019", "2020", "2021"]
    assert sum(a is legend for a in widget.figure.axes[0].get_children()) == 1
    # What the screen shows in the legend's box is what matplotlib draws when saving.
    shown = np.asarray(widget.canvas.buffer_rgba())[:, :, :3].astype(int)
    saved = io.BytesIO()
    widget.figure.savefig(saved, format="rgba", dpi=widget.figure.dpi)
    height, width = shown.shape[:2]
    drawn_now = np.frombuffer(saved.getvalue(), dtype=np.uint8).reshape(height, width, 4)
    legend = widget.figure.axes[0].get_legend()
    box = legend.get_window_extent(widget.canvas.get_renderer())
    rows = slice(height - int(box.y1), height - int(box.y0))
    columns = slice(int(box.x0), int(box.x1))
    difference = np.abs(shown[rows, columns] - drawn_now[rows, columns, :3].astype(int))
    assert difference.size > 0 and difference.max() <= 2


def test_the_value_label_stands_under_the_value_ticks_as_matplotlib_places_it(qtbot):

    figure = drawn(bar_plan())
    widget = _shown_chart(qtbot, 700, 500)
    widget.show_bar_plan(bar_plan(), lang="nb")
    widget.canvas.draw()
    for fig in (figure, widget.figure):
        ax = fig.axes[0]
        renderer = fig.canvas.get_renderer()
        ticks = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
        label = ax.xaxis.label.get_window_extent(renderer)
        gap = min(t.y0 for t in ticks) - label.y1
        # matplotlib's own placement: the label's top one label pad under the lowest tick label
        assert gap == pytest.approx(ax.xaxis.labelpad * fig.dpi / 72, abs=1.0)


def _rgb_at(widget, x: float, y: float) -> str:
    """The colour the canvas shows at display point (x, y) (matplotlib's origin: bottom left)."""
    import numpy as np

    pixels = np.asarray(widget.canvas.buffer_rgba())
    return to_hex(pixels[pixels.shape[0] - 1 - round(y), round(x), :3] / 255)


def _name_shows_selection_colour(widget, row: int) -> bool:
    """True when the area name of ``row`` is painted in the selection colour (any pixel)."""
    import numpy as np

    # The tick as drawn (get_yticklabels() would update the ticks and mark the figure stale).
    label = widget.figure.axes[0].yaxis.majorTicks[row].label1
    extent = label.get_window_extent(widget.canvas.get_renderer())
    pixels = np.asarray(widget.canvas.buffer_rgba())[:, :, :3].astype(int)
    height = pixels.shape[0]
    box = pixels[
        height - round(extent.y1) : height - round(extent.y0),
        round(extent.x0) : round(extent.x1),
    ]
    target = np.array([int(SELECTION_COLOUR[i : i + 2], 16) for i in (1, 3, 5)])
    return bool((np.abs(box - target).sum(axis=2) < 40).any())


def test_selection_change_repaints_only_the_highlight_of_the_new_and_former_bar(qtbot):

    widget = _shown_chart(qtbot, 700, 500)
    widget.show_bar_plan(bar_plan(annual_years=2), lang="en")  # dots and legend on top
    widget.canvas.draw()
    ax = widget.figure.axes[0]
    full_draws = []
    widget.canvas.mpl_connect("draw_event", full_draws.append)

    def outline_point(row: int) -> tuple[float, float]:
        """The middle of the top edge of ``row``'s bar, where an outline is painted."""
        patch = ax.patches[row]
        return ax.transData.transform((patch.get_width() / 2, patch.get_y()))

    def centre(row: int) -> tuple[float, float]:
        patch = ax.patches[row]
        return ax.transData.transform((patch.get_width() / 2, row))

    assert _rgb_at(widget, *outline_point(1)) != SELECTION_COLOUR
    assert not _name_shows_selection_colour(widget, 1)
    widget.set_selected_areas({"Area 1"})
    assert _rgb_at(widget, *outline_point(1)) == SELECTION_COLOUR
    assert _name_shows_selection_colour(widget, 1)
    assert _rgb_at(widget, *centre(1)) == PURPLE, "the bar keeps its colour inside the outline"
    widget.set_selected_areas({"Area 4"})
    assert _rgb_at(widget, *outline_point(4)) == SELECTION_COLOUR
    assert _name_shows_selection_colour(widget, 4)
    assert _rgb_at(widget, *outline_point(1)) != SELECTION_COLOUR, "former highlight gone"
    assert not _name_shows_selection_colour(widget, 1)
    assert widget.highlighted_rows == [4]
    assert full_draws == [], "selection changes are blitted, the chart is not drawn again"
    assert not widget.figure.stale
    # A full draw (resize, another plan) keeps the selection.
    widget.canvas.draw()
    assert _rgb_at(widget, *outline_point(4)) == SELECTION_COLOUR
    assert not _name_shows_selection_colour(widget, 1)
    # A saved figure (export) shows the selection too.
    from io import BytesIO

    buffer = BytesIO()
    widget.figure.savefig(buffer, format="png")
    widget.canvas.draw()
    assert _rgb_at(widget, *outline_point(4)) == SELECTION_COLOUR


def _pixels(figure: Figure):
    import numpy as np

    figure.canvas.draw()
    return np.asarray(figure.canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_text_caching_renderer_paints_the_pixels_matplotlib_paints(lang):
    """Cached layouts and glyph bitmaps give the same image, box after box, also rotated text."""
    import numpy as np

    from atlasviewer.render.bar_chart import draw_bar_chart, update_bar_chart
    from atlasviewer.render.text_renderer import TextCachingCanvasAgg, TextCachingRendererAgg

    plans = [
        bar_plan(annual_years=5, selected="Area 1"),
        bar_plan(values=[41.5, 33.25, 20.125, 7.5, 0.4], annual_years=4, label="Område"),
        bar_plan(label=LONG_LABEL, parts=2),
    ]
    figures = []
    for canvas_class in (FigureCanvasAgg, TextCachingCanvasAgg):
        figure = Figure(figsize=(7.0, 6.0), dpi=100, layout="constrained")
        canvas_class(figure)
        figures.append((figure, figure.add_subplot()))
    for plan in plans:
        for figure, ax in figures:
            if update_bar_chart(ax, plan, lang=lang) is None:
                figure.clear()
                draw_bar_chart(figure.add_subplot(), plan, lang=lang)
        plain, cached = (_pixels(figure) for figure, _ax in figures)
        assert isinstance(figures[1][0].canvas.get_renderer(), TextCachingRendererAgg)
        assert np.array_equal(plain, cached)
    line = LinePlan(
        title="Share by age",
        x_label="Age",
        y_label="Share of the population",
        series=[LineSeries("Women", PURPLE, [20, 40, 60], [0.05, 0.11, 0.2])],
        format_y=",.0%",
    )
    images = []
    for canvas_class in (FigureCanvasAgg, TextCachingCanvasAgg):
        figure = Figure(figsize=(6.0, 4.0), dpi=120, layout="constrained")
        canvas_class(figure)
        draw_line_chart(figure.add_subplot(), line, lang=lang)
        images.append(_pixels(figure))
    assert np.array_equal(*images), "the vertical y label is drawn as matplotlib draws it"


def test_switching_boxes_moves_the_annual_dots_of_the_years_both_have():
    from atlasviewer.render.bar_chart import draw_bar_chart, update_bar_chart

    figure = Figure(figsize=(7.0, 6.0), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    draw_bar_chart(ax, bar_plan(annual_years=5))
    first_years = list(ax.collections)
    legend = ax.get_legend()
    assert update_bar_chart(ax, bar_plan(values=[9.0, 8.0, 7.0, 6.0, 5.0], annual_years=5))
    assert ax.get_legend() is legend, "same years, same shades: the legend is kept"
    assert list(ax.collections) == first_years
    fewer = bar_plan(values=[500.0, 400.0, 300.0, 200.0, 100.0], annual_years=4)
    assert update_bar_chart(ax, fewer) is not None
    assert list(ax.collections) == first_years[:4], "the dots of the four shared years were moved"
    assert [c.get_offsets()[0].tolist() for c in ax.collections] == [
        [500.0 * (0.9 + 0.05 * year), 0.0] for year in range(4)
    ]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["2018", "2019", "2020", "2021"]
    assert update_bar_chart(ax, bar_plan(annual_years=5)) is not None
    assert len(ax.collections) == 5 and list(ax.collections)[:4] == first_years[:4]


def test_the_value_label_is_wrapped_again_when_the_pane_narrows(qtbot):

    plan = bar_plan()
    plan.value_label = "Proportion of prostate MRI performed on patients in treatment pathway"
    widget = _shown_chart(qtbot, 1000, 500)
    widget.show_bar_plan(plan, lang="en")
    widget.canvas.draw()
    assert "\n" not in widget.figure.axes[0].get_xlabel()  # room for one line
    widget.resize(430, 500)  # the window's layout gives the chart pane less
    ax = widget.figure.axes[0]
    qtbot.waitUntil(lambda: "\n" in ax.get_xlabel())  # wrapped again once the layout settles
    widget.canvas.draw()
    label = ax.xaxis.label.get_window_extent(widget.canvas.get_renderer())
    assert label.x0 >= widget.figure.bbox.x0 and label.x1 <= widget.figure.bbox.x1, "cut"


def test_wide_letters_are_measured_when_wrapping():
    from atlasviewer.render.axes_text import wrap_to_width

    figure = Figure(figsize=(3.5, 3.0), dpi=100)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    text = "MRI MRI WWW MMM ÅÆØ MRI WWW MMM MRI WWW MMM ÅÆØ MRI WWW"
    wrapped = wrap_to_width(ax, text, 9.0)
    renderer = figure.canvas.get_renderer()
    room_px = (3.5 * 72 * 0.96 - 12) * figure.dpi / 72
    for line in wrapped.split("\n"):
        label = ax.text(0, 0, line, fontsize=9.0)
        assert label.get_window_extent(renderer).width <= room_px + 0.5, line
