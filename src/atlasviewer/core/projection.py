"""Longitude/latitude and UTM coordinates into the drawing CRS, without PROJ.

Maps arrive in a handful of coordinate systems: WGS 84 or ETRS89 longitude/latitude (the
second-generation maps) and UTM zone 33N (the first-generation maps). Every map is drawn in
ETRS89 / UTM zone 33N (:data:`~atlasviewer.core.model.DRAWING_CRS`). That one job does not need
pyproj and its PROJ database (~24 MiB of the installer, ~70 ms of start-up), so the projection is
done here: the Transverse Mercator of Krüger's series to sixth order in the third flattening *n*,
as given by Karney (2011), "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy
85: 475-485, equations 35-36 with the coefficients of his section 3. It is the method of PROJ's
default ``tmerc`` (Poder/Engsager), and within a few thousand kilometres of the central meridian it
agrees with PROJ to well under a millimetre (tests/test_projection.py checks it against pyproj).

Datum: every coordinate is taken as being on the GRS80 ellipsoid. ETRS89 (EPSG:4258, 258xx) is
GRS80 by definition; for WGS 84 (EPSG:4326, CRS84, 326xx) PROJ, too, applies a null datum shift
when going to ETRS89 / UTM 33N, and WGS 84's ellipsoid differs from GRS80 only in the inverse
flattening's ninth digit (298.257223563 vs 298.257222101), which moves a point in Norway by less
than 0.1 mm.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

GRS80_SEMI_MAJOR_AXIS = 6_378_137.0
GRS80_INVERSE_FLATTENING = 298.257222101

UTM_SCALE = 0.9996
UTM_FALSE_EASTING = 500_000.0
SUPPORTED_UTM_ZONES = range(31, 38)
"""UTM north zones 31-37: every zone that covers a part of Norway, Svalbard or its neighbours."""

DRAWING_ZONE = 33
GEOGRAPHIC_CRS = ("EPSG:4326", "EPSG:4258", "OGC:CRS84")
"""Longitude/latitude in degrees, longitude first (GeoJSON's axis order for all three)."""

Projector = Callable[[np.ndarray], np.ndarray]
"""Takes an (N, 2) array of source coordinates and gives the (N, 2) drawing coordinates."""


class UnsupportedCrsError(ValueError):
    """A coordinate system this module cannot project into the drawing CRS."""


def _krueger_coefficients(n: float) -> tuple[tuple[float, ...], tuple[float, ...], float]:
    """Karney (2011) eq. 14 (rectifying radius factor), 35 (alpha) and 36 (beta), to n**6."""
    n2, n3, n4, n5, n6 = n**2, n**3, n**4, n**5, n**6
    alpha = (
        n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800,
        13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360,
        61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440,
        49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600,
        34729 * n5 / 80640 - 3418889 * n6 / 1995840,
        212378941 * n6 / 319334400,
    )
    beta = (
        n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604800,
        n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720,
        17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720,
        4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600,
        4583 * n5 / 161280 - 108847 * n6 / 3991680,
        20648693 * n6 / 638668800,
    )
    rectifying = (1 + n2 / 4 + n4 / 64 + n6 / 256) / (1 + n)
    return alpha, beta, rectifying


def _sine_series(coefficients: np.ndarray, zeta: np.ndarray) -> np.ndarray:
    """Sum of ``c[j-1] * sin(2 j zeta)``, j = 1..6, over complex ``zeta`` by Clenshaw's recurrence.

    Karney (2011) eq. 11 and 15 written for complex zeta = xi + i eta: one complex sine and
    cosine instead of twelve real sin/cos/sinh/cosh per point and order.
    """
    two_cos = 2 * np.cos(2 * zeta)
    later = np.zeros_like(zeta)
    latest = np.zeros_like(zeta)
    for c in coefficients[::-1]:
        later, latest = latest, c + two_cos * latest - later
    return latest * np.sin(2 * zeta)


@dataclass(frozen=True)
class TransverseMercator:
    """A Transverse Mercator projection on an ellipsoid (default: GRS80), vectorised over numpy.

    Attributes:
        central_meridian: Longitude of the central meridian, degrees east.
        scale: Scale factor on the central meridian (0.9996 for UTM).
        false_easting: Metres added to every x (500 000 for UTM).
        false_northing: Metres added to every y (0 for UTM north zones).
        semi_major_axis: The ellipsoid's equatorial radius in metres.
        inverse_flattening: The ellipsoid's 1/f.
    """

    central_meridian: float
    scale: float = UTM_SCALE
    false_easting: float = UTM_FALSE_EASTING
    false_northing: float = 0.0
    semi_major_axis: float = GRS80_SEMI_MAJOR_AXIS
    inverse_flattening: float = GRS80_INVERSE_FLATTENING
    _alpha: np.ndarray = field(init=False, repr=False, compare=False)
    _beta: np.ndarray = field(init=False, repr=False, compare=False)
    _radius: float = field(init=False, repr=False, compare=False)
    _e: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        f = 1 / self.inverse_flattening
        alpha, beta, rectifying = _krueger_coefficients(f / (2 - f))
        # A frozen dataclass caches derived constants through object.__setattr__.
        object.__setattr__(self, "_alpha", np.array(alpha))
        object.__setattr__(self, "_beta", np.array(beta))
        object.__setattr__(self, "_radius", self.scale * self.semi_major_axis * rectifying)
        object.__setattr__(self, "_e", float(np.sqrt(f * (2 - f))))

    @classmethod
    def utm(cls, zone: int) -> TransverseMercator:
        """UTM north zone ``zone`` on GRS80 (ETRS89 / UTM zone ``zone``N)."""
        return cls(central_meridian=6.0 * zone - 183.0)

    def forward(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Longitude/latitude in degrees to easting/northing in metres."""
        lam = np.radians(np.asarray(lon, dtype=float) - self.central_meridian)
        tau = np.tan(np.radians(np.asarray(lat, dtype=float)))
        # Conformal latitude, as its tangent (Karney eq. 7-9): stable up to the poles.
        e = self._e
        sigma = np.sinh(e * np.arctanh(e * tau / np.hypot(1.0, tau)))
        tau_c = tau * np.hypot(1.0, sigma) - sigma * np.hypot(1.0, tau)
        cos_lam = np.cos(lam)
        xi_c = np.arctan2(tau_c, cos_lam)
        eta_c = np.arcsinh(np.sin(lam) / np.hypot(tau_c, cos_lam))
        zeta = xi_c + 1j * eta_c
        zeta = zeta + _sine_series(self._alpha, zeta)
        return (
            self.false_easting + self._radius * zeta.imag,
            self.false_northing + self._radius * zeta.real,
        )

    def inverse(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Easting/northing in metres to longitude/latitude in degrees."""
        xi = (np.asarray(y, dtype=float) - self.false_northing) / self._radius
        eta = (np.asarray(x, dtype=float) - self.false_easting) / self._radius
        zeta = xi + 1j * eta
        zeta_c = zeta - _sine_series(self._beta, zeta)
        xi_c, eta_c = zeta_c.real, zeta_c.imag
        sinh_eta = np.sinh(eta_c)
        cos_xi = np.cos(xi_c)
        lam = np.arctan2(sinh_eta, cos_xi)
        tau_c = np.sin(xi_c) / np.hypot(sinh_eta, cos_xi)
        tau = self._geographic_tangent(tau_c)
        return (
            self.central_meridian + np.degrees(lam),
            np.degrees(np.arctan(tau)),
        )

    def _geographic_tangent(self, tau_c: np.ndarray) -> np.ndarray:
        """tan(latitude) from tan(conformal latitude) by Newton's method (Karney eq. 19-21).

        Converges quadratically from its start; four steps reach double precision everywhere.
        """
        e = self._e
        one_minus_e2 = 1 - e * e
        tau = tau_c / one_minus_e2
        for _ in range(4):
            sigma = np.sinh(e * np.arctanh(e * tau / np.hypot(1.0, tau)))
            tau_i = tau * np.hypot(1.0, sigma) - sigma * np.hypot(1.0, tau)
            slope = (
                one_minus_e2
                * np.hypot(1.0, tau_i)
                * np.hypot(1.0, tau)
                / (1 + one_minus_e2 * tau * tau)
            )
            tau = tau + (tau_c - tau_i) / slope
        return tau


_EPSG_CODE = re.compile(r"EPSG(?:/\d+(?:\.\d+)*/|:[\d.]*:|:)(\d+)\s*$", re.IGNORECASE)
_CRS84 = re.compile(r"CRS:?84\s*$", re.IGNORECASE)


def normalise_crs(name: str) -> str:
    """A CRS name as GeoJSON writes it, as ``EPSG:<code>`` or ``OGC:CRS84``; else unchanged.

    Understands ``EPSG:4326``, ``urn:ogc:def:crs:EPSG::25833``, ``urn:ogc:def:crs:EPSG:6.6:4258``,
    ``http://www.opengis.net/def/crs/EPSG/0/32632`` and ``urn:ogc:def:crs:OGC:1.3:CRS84``.
    """
    text = name.strip()
    if _CRS84.search(text):
        return "OGC:CRS84"
    match = _EPSG_CODE.search(text)
    if match:
        return f"EPSG:{int(match.group(1))}"
    return text


def _utm_zone(crs: str) -> int | None:
    """The zone of an ETRS89 (258zz) or WGS 84 (326zz) UTM north zone we support, else None."""
    for prefix in ("EPSG:258", "EPSG:326"):
        if crs.startswith(prefix) and crs[len(prefix) :].isdigit():
            zone = int(crs[len(prefix) :])
            return zone if zone in SUPPORTED_UTM_ZONES else None
    return None


def is_supported(crs: str) -> bool:
    """True when :func:`to_drawing_crs` can project ``crs`` (a name :func:`normalise_crs` knows)."""
    crs = normalise_crs(crs)
    return crs in GEOGRAPHIC_CRS or _utm_zone(crs) is not None


@lru_cache(maxsize=8)
def _utm(zone: int) -> TransverseMercator:
    return TransverseMercator.utm(zone)


def to_drawing_crs(crs: str) -> Projector | None:
    """The function projecting (N, 2) coordinates in ``crs`` into ETRS89 / UTM zone 33N.

    Args:
        crs: A CRS name (any spelling :func:`normalise_crs` understands).

    Returns:
        The projecting function, or None when ``crs`` already is UTM zone 33N (ETRS89 or WGS 84).

    Raises:
        UnsupportedCrsError: ``crs`` is neither longitude/latitude (WGS 84, ETRS89, CRS84) nor a
            UTM north zone 31-37 on ETRS89 or WGS 84.
    """
    crs = normalise_crs(crs)
    drawing = _utm(DRAWING_ZONE)
    if crs in GEOGRAPHIC_CRS:

        def from_lon_lat(coords: np.ndarray) -> np.ndarray:
            x, y = drawing.forward(coords[:, 0], coords[:, 1])
            return np.column_stack([x, y])

        return from_lon_lat
    zone = _utm_zone(crs)
    if zone is None:
        raise UnsupportedCrsError(crs)
    if zone == DRAWING_ZONE:
        return None
    source = _utm(zone)

    def from_other_zone(coords: np.ndarray) -> np.ndarray:
        lon, lat = source.inverse(coords[:, 0], coords[:, 1])
        x, y = drawing.forward(lon, lat)
        return np.column_stack([x, y])

    return from_other_zone
