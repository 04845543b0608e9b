"""Fuzzing every reader with hypothesis, CI-sized (about a second or two each).

Inputs are random JSON (NaN, Infinity, huge numbers, wrong types at every place), JSON built
like each file kind with any value at any field, and random or mutated bytes. A reader must
return problems and never raise. The long seeded run is ``benchmarks/fuzz_readers.py``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_targets import KINDS, prepare, read

BUDGET = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["../../../etc/passwd", "file:///etc/passwd", "/helseatlas/img/../../x"])
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


def _fields(names: list[str]) -> st.SearchStrategy[dict]:
    return st.dictionaries(st.sampled_from(names), values, max_size=len(names))


def _item(kinds: list[str], names: list[str]) -> st.SearchStrategy[dict]:
    return st.builds(
        lambda kind, rest: {"type": kind, **rest}, st.sampled_from(kinds) | values, _fields(names)
    )


DOCUMENTS = {
    "atlas": st.builds(
        lambda head, chapters: {**head, "kapittel": chapters},
        _fields(["lang", "mainTitle", "publisert", "image", "ingress", "date", "filename"]),
        st.lists(
            st.builds(
                lambda title, items: {"overskrift": title, "innhold": items},
                values,
                st.lists(_item(["tekst", "faktaboks", "resultatboks"],
                               ["tekst", "overskrift", "data", "kart", "resultat", "publisert"]),
                         max_size=4),
            )
            | values,
            max_size=3,
        )
        | values,
    ),
    "data": st.builds(
        lambda items: {"innhold": items},
        st.lists(
            _item(["data", "barchart", "linechart", "table", "map"],
                  ["data", "label", "national", "x", "y", "jenks", "columns", "format"])
            | st.builds(lambda rows: {"type": "data", "label": "d", "data": rows},
                        st.lists(_fields(["area", "rate", "value", "borhf"]), max_size=5)),
            max_size=5,
        ),
    ),
    "map": st.builds(
        lambda crs, features: {"type": "FeatureCollection", "crs": crs, "features": features},
        values,
        st.lists(
            st.builds(
                lambda props, kind, coords: {"type": "Feature", "properties": props,
                                             "geometry": {"type": kind, "coordinates": coords}},
                _fields(["area", "BoHF_num", "navn"]) | values,
                st.sampled_from(["Polygon", "MultiPolygon", "Point", "Nope"]) | values,
                st.recursive(st.floats(allow_nan=True, allow_infinity=True) | st.integers(),
                             lambda inner: st.lists(inner, max_size=5), max_leaves=30) | values,
            ),
            max_size=4,
        )
        | values,
    ),
    "manifest": st.builds(lambda files: {"files": files}, st.dictionaries(
        st.sampled_from(["helseatlas/public/a.json", "helseatlas/../x", "y"]),
        _fields(["size", "sha256"]) | values, max_size=3) | values),
    "settings": _fields(["language", "window_geometry", "last_box", "selection"]) | values,
}  # fmt: skip


def _csv_text() -> st.SearchStrategy[bytes]:
    header = "level1_name;level2_name;area_name;value;numerator;denominator"
    cell = st.text(alphabet=st.sampled_from(list('abc;"\n\r 0123.,-NaInfy\x00æ')), max_size=8)
    line = st.lists(cell, min_size=0, max_size=8).map(";".join)
    return st.lists(line, max_size=6).map(lambda ls: "\n".join([header, *ls]).encode("utf-8"))


def _write_and_read(kind: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = prepare(Path(tmp) / "root", kind)
        path.write_bytes(content)
        problems = read(kind, path)
        assert isinstance(problems, list)


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "csv"])
@BUDGET
@given(data=st.data())
def test_structured_json_never_raises(kind, data):
    document = data.draw(DOCUMENTS[kind])
    _write_and_read(kind, json.dumps(document, allow_nan=True).encode("utf-8"))


@pytest.mark.parametrize("kind", KINDS)
@BUDGET
@given(content=st.binary(max_size=300) | values.map(lambda v: json.dumps(v).encode()))
def test_random_bytes_and_json_never_raise(kind, content):
    _write_and_read(kind, content)


@BUDGET
@given(content=_csv_text())
def test_csv_like_text_never_raises(content):
    _write_and_read("csv", content)
