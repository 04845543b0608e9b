"""Links and images in the atlases' markdown, resolved against a data root.

The texts link to the web site's paths: ``/helseatlas/files/X.pdf`` is ``public/files/X.pdf``
(a fact sheet or report), ``/helseatlas/img/...`` is ``public/img/...``. A few links point to
fact sheets that were never published; each is a warning (the text is shown, the link leads
nowhere) with the atlas file, the place of the text and the target in its details. Remote
addresses are only listed, never fetched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from atlasviewer.core.confine import OutsideRoot, front_image, reference_path, site_path
from atlasviewer.core.model import AtlasVariant, FactBox, ResultBox, TextItem
from atlasviewer.core.problems import Problem, ProblemLog
from atlasviewer.core.safe_io import is_regular_file
from atlasviewer.i18n import N_, _

SITE_PREFIX = "/helseatlas/"

_LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]"
    r"\(\s*(?:<(?P<angled>[^>]*)>|(?P<target>[^)\s]+))(?:\s+\"(?P<title>(?:[^\"\\]|\\.)*)\")?\s*\)"
)

FACT_SHEET = "fact_sheet"
IMAGE = "image"
REMOTE = "remote"
SITE = "site"
ANCHOR = "anchor"
OUTSIDE = "outside"
OTHER = "other"


@dataclass(frozen=True)
class Link:
    """One link or image in a text.

    Attributes:
        text: The link text (an image's alt text).
        target: The address as written.
        kind: ``fact_sheet`` (public/files), ``image`` (public/img), ``remote`` (http, mailto),
            ``site`` (another page or atlas of the web site), ``anchor`` (#...), ``outside``
            (a reference that leaves the data root: never opened), ``other``.
        path: The local file for fact sheets and images, else None.
        exists: Whether ``path`` exists (None for links without a local file).
        is_image: An image (``![...](...)``) rather than a link.
        place: Where the text is in the atlas file (``kapittel[2].innhold[3].resultat``).
    """

    text: str
    target: str
    kind: str
    path: Path | None
    exists: bool | None
    is_image: bool
    place: str


def find_links(markdown: str) -> list[tuple[bool, str, str]]:
    """``(is_image, text, target)`` for every markdown link and image in ``markdown``."""
    found = []
    for match in _LINK.finditer(markdown or ""):
        target = match.group("angled") if match.group("angled") is not None else match["target"]
        found.append((bool(match["image"]), match["text"], (target or "").strip()))
    return found


def root_of(variant: AtlasVariant) -> Path:
    """The data root an atlas file belongs to (the folder holding ``posts/``)."""
    for parent in variant.source.parents:
        if parent.name == "posts":
            return parent.parent
    return variant.source.parent


def resolve(target: str, root: Path) -> tuple[str, Path | None]:
    """The kind of a link target and, for files of the data root, their local path.

    A target that would leave the root (``/helseatlas/files/../../x``, ``../x``, ``file:``) is
    ``outside`` and has no path: it is never read or opened (:mod:`atlasviewer.core.confine`).
    """
    if target.startswith("#"):
        return ANCHOR, None
    if target.lower().startswith("file:"):
        return OUTSIDE, None
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
        return REMOTE, None
    try:
        if target.startswith(SITE_PREFIX):
            relative = unquote(target[len(SITE_PREFIX) :].split("#")[0].split("?")[0])
            if relative.startswith("files/"):
                return FACT_SHEET, site_path(root, target)
            if relative.startswith("img/"):
                return IMAGE, site_path(root, target)
            return SITE, None
        if target and not target.startswith("/"):
            reference_path(root, root, target)  # relative: the viewer reads it from the root
    except OutsideRoot:
        return OUTSIDE, None
    return OTHER, None


def _texts(variant: AtlasVariant) -> Iterator[tuple[str, str]]:
    """``(place, markdown)`` for every text of an atlas variant, in reading order.

    The place is the JSON path, followed by the chapter's title and the result box's number so
    that a reader of the report finds the text in the viewer too.
    """
    yield "ingress", variant.ingress
    yield "frontpagetext", variant.frontpage_text
    for chapter_index, chapter in enumerate(variant.chapters):
        # The place is written in the language the atlases are read in (a command's --lang).
        where = " " + _("(chapter “{title}”)").format(title=chapter.title) if chapter.title else ""
        for item_index, item in enumerate(chapter.items):
            place = f"kapittel[{chapter_index}].innhold[{item_index}]"
            if isinstance(item, (TextItem, FactBox)):
                yield f"{place}.tekst{where}", item.markdown
            elif isinstance(item, ResultBox):
                place = item.place or place
                box = " " + _("(chapter “{title}”, result box {number})").format(
                    title=chapter.title, number=item.number
                )
                for field, markdown in (
                    ("ingress", item.intro),
                    ("utvalg", item.selection),
                    ("resultat", item.finding),
                ):
                    yield f"{place}.{field}{box}", markdown


def variant_links(variant: AtlasVariant) -> list[Link]:
    """Every link and image of an atlas variant, resolved against its data root."""
    root = root_of(variant)
    links: list[Link] = []
    for place, markdown in _texts(variant):
        for is_image, text, target in find_links(markdown):
            kind, path = resolve(target, root)
            exists = is_regular_file(path) if path is not None else None
            links.append(Link(text, target, kind, path, exists, is_image, place))
    return links


def fact_sheet_links(atlas_variant: AtlasVariant) -> list[tuple[str, Path, bool]]:
    """``(link text, local path, exists)`` for each fact sheet or report the variant links to.

    Each file is listed once, with the text of its first link.
    """
    seen: dict[Path, tuple[str, Path, bool]] = {}
    for link in variant_links(atlas_variant):
        if link.kind == FACT_SHEET and link.path is not None and link.path not in seen:
            seen[link.path] = (link.text, link.path, bool(link.exists))
    return list(seen.values())


def link_problems(variant: AtlasVariant) -> list[Problem]:
    """The link problems of an atlas variant.

    Warnings for links to fact sheets that were never published (the atlas is shown, the link
    leads nowhere), for missing images and for links without a usable address.
    """
    log = ProblemLog(str(variant.source))
    if variant.image.strip():
        try:
            front_image(root_of(variant), variant.image)
        except OutsideRoot as outside:
            outside.record(log, "image")
    for link in variant_links(variant):
        if link.kind == OUTSIDE:
            OutsideRoot(link.target, root_of(variant)).record(log, link.place)
        elif link.kind == FACT_SHEET and not link.exists:
            log.warning(
                link.place,
                N_(
                    "A link in the text leads to a fact sheet that was never published; the "
                    "rest of the atlas is shown."
                ),
                details=unquote(link.target[len(SITE_PREFIX) :]),
            )
        elif link.kind == IMAGE and not link.exists:
            log.warning(
                link.place,
                N_("The text shows an image that is missing: {target}."),
                target=link.target,
            )
        elif not link.target or (link.kind == OTHER and " " in link.target):
            log.warning(
                link.place, N_("The link “{text}” has no usable address."), text=link.text[:60]
            )
    return log.problems
