"""Where the user is, and where Back goes: the history of the window's places.

A place is the atlas shown ("" for the library), its result box (0 for a text page) and the
fact sheet shown ("" for none). The state records a place each time it changes, so Back
(Alt+Left) returns to the previous one; the text page the reader shows is kept by the state
beside the history, not in it, so Back from a fact sheet finds the chapter as it was left.
"""

from __future__ import annotations

from typing import NamedTuple

PAGE_FRONT = -1
PAGE_FACT_SHEETS = -2
"""Reader pages that are not chapters: the front page and the list of the atlas's fact sheets."""


class Location(NamedTuple):
    """One place in the history."""

    atlas_id: str = ""
    """The atlas shown, by library id; "" in the library."""
    box: int = 0
    """The result box shown, by number; 0 for a text page."""
    sheet: str = ""
    """The fact sheet (PDF path) shown; "" for none."""


class History:
    """The places the user has been, the library first."""

    def __init__(self) -> None:
        self.places: list[Location] = [Location()]

    def __len__(self) -> int:
        return len(self.places)

    def record(self, place: Location) -> None:
        """Remember ``place`` unless it is where the user already was."""
        if not self.places or self.places[-1] != place:
            self.places.append(place)

    def back_from(self, current: Location) -> Location | None:
        """The place before ``current`` (forgetting ``current``), None when there is none."""
        while self.places and self.places[-1] == current:
            self.places.pop()
        return self.places[-1] if self.places else None
