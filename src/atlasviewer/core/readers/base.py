"""The one small interface every atlas reader implements.

A reader is given a data root and says whether it understands it (:meth:`AtlasReader.detect`),
then indexes the atlases in it (:meth:`AtlasReader.read_index`) without reading any result-box
data or geometry; those load lazily through the loaders the reader attaches to each
:class:`~atlasviewer.core.model.ResultBox` and through :meth:`AtlasReader.geography`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path

from atlasviewer.core.model import Atlas, Geography
from atlasviewer.core.problems import Problem
from atlasviewer.core.registry import AreaRegistry, default_registry


class AtlasReader(ABC):
    """Reads one data root of one layout (generation)."""

    generation: int = 0

    def __init__(self, root: Path, registry: AreaRegistry | None = None) -> None:
        self.root = Path(root)
        self.registry = registry or default_registry()
        self.problems: list[Problem] = []
        """Problems of the root itself (files that belong to no atlas, unreadable folders)."""

    @classmethod
    @abstractmethod
    def detect(cls, root: Path) -> bool:
        """True when ``root`` looks like this reader's layout."""

    @abstractmethod
    def read_index(self) -> list[Atlas]:
        """Every atlas under the root, with titles, languages, chapters and boxes; no data."""

    @abstractmethod
    def geography(self, atlas: Atlas, map_file: str) -> Geography:
        """The map set ``map_file`` as used by ``atlas``, cached per reader."""
