"""The atlas library: every atlas of every data root, each read by the reader that fits its root.

Atlas ids: a second-generation atlas keeps its file name as id (``radiologi2``). First-generation
atlases share names with second-generation ones (``barn``, ``kols``...) but are different atlases,
so the library gives them the id ``v1-<name>`` (``v1-barn``); :meth:`AtlasLibrary.atlas_id` says
which id the library uses for an atlas, and :meth:`AtlasLibrary.atlas` finds it by that id. The
reader's own ``Atlas.id`` is left as the reader made it (readers find files by it).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from atlasviewer.core.manifest import verify_manifest
from atlasviewer.core.model import Atlas, Geography
from atlasviewer.core.problems import Problem, ProblemLog
from atlasviewer.core.readers.base import AtlasReader
from atlasviewer.core.readers.v2 import SecondGenerationReader
from atlasviewer.core.registry import AreaRegistry, default_registry
from atlasviewer.i18n import N_


def reader_classes() -> list[type[AtlasReader]]:
    """The readers the library tries on each root, newest layout first."""
    classes: list[type[AtlasReader]] = [SecondGenerationReader]
    try:
        # Written in parallel; the library works with the second generation alone until it is.
        from atlasviewer.core.readers.v1 import FirstGenerationReader
    except ModuleNotFoundError as exc:
        if exc.name != "atlasviewer.core.readers.v1":
            raise
        return classes
    classes.append(FirstGenerationReader)
    return classes


def _has_entries(root: Path, log: ProblemLog) -> bool:
    """Whether a folder has anything in it; an error in ``log`` when it is empty or unreadable."""
    try:
        empty = not any(root.iterdir())
    except OSError as exc:
        log.error("", N_("The data folder cannot be read: {reason}."), reason=exc.strerror or exc)
        return False
    if empty:
        log.error("", N_("The data folder is empty."))
    return not empty


class AtlasLibrary:
    """All atlases found under a list of data roots.

    Args:
        roots: Data roots (second-generation ``posts/``+``public/`` or first-generation
            ``csv/``+``geojson/`` folders).
        registry: Area names and codes; the bundled registry by default.
        check_checksums: Compare installed data files with the installer's SHA-256 manifest
            (about 0.6 s for all bundled atlases); when false only sizes are compared.
    """

    def __init__(
        self,
        roots: Iterable[Path],
        registry: AreaRegistry | None = None,
        *,
        check_checksums: bool = True,
    ) -> None:
        self.check_checksums = check_checksums
        self.registry = registry or default_registry()
        self.roots = [Path(r) for r in roots]
        self.readers: list[AtlasReader] = []
        self._problems: list[Problem] = []
        self._atlases: dict[str, Atlas] = {}
        self._reader_of: dict[int, AtlasReader] = {}
        for root in self.roots:
            self._add_root(root)

    def _add_root(self, root: Path) -> None:
        log = ProblemLog(str(root))
        if not root.exists():
            log.error("", N_("The data folder does not exist."))
        elif not root.is_dir():
            log.error("", N_("The data path is not a folder."))
        elif not _has_entries(root, log):
            pass
        else:
            # Bundled atlases: a file changed or lost since installation is an error naming it.
            log.extend(verify_manifest(root, check_contents=self.check_checksums))
            reader_class = next((c for c in reader_classes() if c.detect(root)), None)
            if reader_class is None:
                log.error(
                    "",
                    N_(
                        "The folder is not an atlas folder: expected posts/atlas/ (second "
                        "generation) or csv/ and geojson/ (first generation)."
                    ),
                )
            else:
                self._read(reader_class(root, self.registry))
        self._problems.extend(log.problems)

    def _read(self, reader: AtlasReader) -> None:
        self.readers.append(reader)
        for atlas in reader.read_index():
            key = self.atlas_id(atlas)
            if key in self._atlases:
                log = ProblemLog(str(reader.root))
                log.warning(
                    "",
                    N_("The atlas “{id}” is also in {other}; this copy was ignored."),
                    id=key,
                    other=str(self._atlases[key].root),
                )
                self._problems.extend(log.problems)
                continue
            self._atlases[key] = atlas
            self._reader_of[id(atlas)] = reader

    @staticmethod
    def atlas_id(atlas: Atlas) -> str:
        """The library's id of an atlas: the file id, prefixed ``v1-`` for the first generation."""
        if atlas.generation == 1 and not atlas.id.startswith("v1-"):
            return f"v1-{atlas.id}"
        return atlas.id

    @property
    def atlases(self) -> list[Atlas]:
        """Every atlas, newest first (by date; ties by id)."""
        by_id = sorted(self._atlases.values(), key=self.atlas_id)
        return sorted(by_id, key=lambda a: a.date, reverse=True)

    @property
    def ids(self) -> list[str]:
        return [self.atlas_id(a) for a in self.atlases]

    def atlas(self, atlas_id: str) -> Atlas:
        """The atlas with the library id ``atlas_id``.

        Raises:
            KeyError: If no atlas has that id.
        """
        return self._atlases[atlas_id]

    def get(self, atlas_id: str) -> Atlas | None:
        """The atlas ``atlas_id`` names: its library id, or a plain id (see :meth:`resolve`)."""
        return self.resolve(atlas_id)[0]

    def resolve(self, name: str) -> tuple[Atlas | None, list[str]]:
        """The atlas a user's ``--atlas NAME`` means, and every library id that answers to it.

        The library id itself wins (``eldre`` is the second-generation ``eldre`` when there is
        one); otherwise a plain id finds the one atlas whose id it is without the ``v1-`` prefix
        (``eldre`` finds ``v1-eldre``). With two or more answers the caller says which was
        chosen; with no exact id and two plain matches none is chosen.
        """
        plain = name.removeprefix("v1-")
        answers = sorted(key for key in self._atlases if key.removeprefix("v1-") == plain)
        exact = self._atlases.get(name)
        if exact is not None:
            return exact, answers or [name]
        if len(answers) == 1:
            return self._atlases[answers[0]], answers
        return None, answers

    @property
    def root_problems(self) -> list[Problem]:
        """Problems of the roots themselves.

        Missing, empty or unknown folders, and unreadable atlas files that left no atlas.
        """
        problems = list(self._problems)
        for reader in self.readers:
            problems.extend(reader.problems)
        return problems

    @property
    def problems(self) -> list[Problem]:
        """Problems of the roots and of indexing every atlas (not those of result-box data)."""
        problems = self.root_problems
        for atlas in self._atlases.values():
            problems.extend(atlas.problems)
        return problems

    def reader_for(self, atlas: Atlas) -> AtlasReader:
        """The reader that read ``atlas``."""
        return self._reader_of[id(atlas)]

    def geography(self, atlas: Atlas, map_file: str) -> Geography:
        """The map ``map_file`` of ``atlas``, read once by the atlas's reader."""
        return self.reader_for(atlas).geography(atlas, map_file)
