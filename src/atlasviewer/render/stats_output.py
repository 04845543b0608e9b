"""The trend, funnel and scatter charts as files: the figure of a plan, saved atomically.

Kept apart from :mod:`.stats_figures` (the blank figure the three charts draw on), which the
chart modules import: this module imports them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def stats_figure(view: str, plan: Any, lang: str | None = None) -> Figure:
    """The figure of a ``trend``, ``funnel`` or ``scatter`` plan, for export and print."""
    if view == "trend":
        from atlasviewer.render.trend_chart import trend_figure

        return trend_figure(plan, lang=lang)
    if view == "funnel":
        from atlasviewer.render.funnel_chart import funnel_figure

        return funnel_figure(plan, size=(10.0, 5.6), lang=lang)
    if view == "scatter":
        from atlasviewer.render.scatter_chart import scatter_figure

        return scatter_figure(plan, lang=lang)
    raise ValueError(f"unknown view {view!r}")


def save_stats_figure(figure: Figure, path: Path, dpi: float = 150.0) -> Path:
    """Write ``figure`` as PNG, SVG or PDF by the suffix of ``path``, atomically."""
    from atlasviewer.core.compare.stats_export import write_atomically

    fmt = Path(path).suffix.casefold().lstrip(".")
    metadata = {"Creator": "Atlas Viewer"} if fmt in ("pdf", "svg") else None
    return write_atomically(
        Path(path), lambda target: figure.savefig(target, format=fmt, dpi=dpi, metadata=metadata)
    )
