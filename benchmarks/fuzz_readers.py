"""20,000 seeded mutations of real atlas files through every reader; prints what went wrong.

Run: ``python benchmarks/fuzz_readers.py [--count 20000] [--seed 18]``. Seeds are small real
files of each kind from ``../shared`` (a v2 atlas file, its data file, the smallest map, the
smallest CSV, a manifest and a settings file made here), each input one of them mutated:
bytes flipped, cut, repeated or inserted; tokens put in (``NaN``, ``Infinity``, ``1e400``,
5,000-digit integers, deep ``[[[``, quotes, semicolons, NUL, a BOM); a JSON value replaced
anywhere by a wrong type, a non-finite number or a reference out of the folder; or the file
replaced by a FIFO, a folder, a link out or a 65 MB sparse file.

Inputs run in worker processes, 500 to a worker; each input has 20 s (``signal.alarm``).

Counts printed: ``crashes`` (a worker killed by a signal: a segfault), ``hangs`` (an input over
its time), ``tracebacks`` (an exception out of a reader), ``outside reads`` (a file opened under
the ``outside/`` folder beside the atlas folder, seen by an audit hook), ``harness errors`` (the
script's own failures), and inputs read. Atlas content (atlas, data, map and CSV files) is read
the way the library reads it; the manifest and settings file by their own functions.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from fuzz_targets import CONFINED, KINDS, prepare, read  # noqa: E402

CHUNK = 500
TIMEOUT = 20
TOKENS = [b"NaN", b"Infinity", b"-Infinity", b"1e400", b"9" * 5000, b"[" * 5000, b'"', b";",
          b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"{", b"}", b"]", b",", b"null", b"true",
          b"../../../outside/secret.json", b"file:///etc/passwd"]  # fmt: skip
WRONG = [None, True, 0, -1, 1e308, float("nan"), float("inf"), 10**40, "", "x" * 300, [], {},
         [[[[[]]]]], {"type": ["x"]}, "../../../outside/secret.json", "/etc/passwd",
         "file:///etc/passwd", "/helseatlas/img/../../../outside/secret.png"]  # fmt: skip


def seeds(shared: Path) -> dict[str, bytes]:
    """One small real file per kind (chosen by size, not by name)."""
    v2 = shared / "helseatlas"
    atlas_files = sorted((v2 / "posts/atlas").glob("*.json"), key=lambda p: p.stat().st_size)
    data_files = sorted((v2 / "public/data").rglob("*.json"), key=lambda p: p.stat().st_size)
    maps = sorted(
        (shared / "helseatlas-v1/geojson").glob("*.geojson"), key=lambda p: p.stat().st_size
    )
    csvs = sorted((shared / "helseatlas-v1/csv").glob("*.csv"), key=lambda p: p.stat().st_size)
    digest = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"  # of "{}"
    entry = {"size": 2, "sha256": digest}
    manifest = {"format": 1, "algorithm": "sha256", "files": {"helseatlas/public/a.json": entry}}
    settings = {"language": "nb", "window_geometry": "01d9", "last_atlas": "lab", "last_box": 3,
                "selection": ["UNN"], "data_folders": []}  # fmt: skip
    return {
        "atlas": atlas_files[0].read_bytes(),
        "data": data_files[len(data_files) // 4].read_bytes(),
        "map": maps[0].read_bytes(),
        "csv": csvs[0].read_bytes(),
        "manifest": json.dumps(manifest).encode(),
        "settings": json.dumps(settings).encode(),
    }


def _walk(value, rng: random.Random):
    """A random place in a JSON value: (container, key) or None."""
    places = []
    stack = [value]
    while stack and len(places) < 5000:
        node = stack.pop()
        items = (
            node.items()
            if isinstance(node, dict)
            else enumerate(node)
            if isinstance(node, list)
            else ()
        )
        for key, child in items:
            places.append((node, key))
            if isinstance(child, (dict, list)):
                stack.append(child)
    return rng.choice(places) if places else None


def mutate(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One mutation of ``raw``; the second value names a special file instead of bytes."""
    roll = rng.random()
    if roll < 0.04:
        return b"", rng.choice(["fifo", "folder", "symlink", "sparse", "dev-zero"])
    if roll < 0.45:
        try:
            value = json.loads(raw.decode("utf-8-sig"))
        except ValueError:
            value = None
        if value is not None:
            for _ in range(rng.randint(1, 4)):
                place = _walk(value, rng)
                if place is None:
                    break
                container, key = place
                if rng.random() < 0.2 and isinstance(container, dict):
                    del container[key]
                else:
                    container[key] = copy.deepcopy(rng.choice(WRONG))
            return json.dumps(value, allow_nan=True).encode(), ""
    data = bytearray(raw)
    for _ in range(rng.randint(1, 6)):
        if not data:
            data.extend(rng.choice(TOKENS))
            continue
        at = rng.randrange(len(data))
        action = rng.randrange(5)
        if action == 0:
            data[at] = rng.randrange(256)
        elif action == 1:
            del data[at : at + rng.randint(1, 200)]
        elif action == 2:
            data[at:at] = rng.choice(TOKENS)
        elif action == 3:
            del data[at:]
        else:
            data[at:at] = data[at : at + rng.randint(1, 300)]
    return bytes(data), ""


def _place(path: Path, content: bytes, special: str, outside: Path) -> None:
    if special == "fifo":
        os.mkfifo(path)
    elif special == "folder":
        path.mkdir()
    elif special == "symlink":
        path.symlink_to(outside / "secret.json")
    elif special == "dev-zero":
        path.symlink_to("/dev/zero")
    elif special == "sparse":
        with path.open("wb") as handle:
            handle.truncate(65 << 20)
    else:
        path.write_bytes(content)


def worker(start: int, count: int, seed: int, shared: Path, progress: Path) -> None:
    """Run inputs ``start`` .. ``start + count``; print one JSON line of counts."""
    originals = seeds(shared)
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    opened: list[str] = []
    watched: list[str] = []

    def audit(event: str, args: tuple) -> None:
        if (
            event == "open"
            and watched
            and args
            and isinstance(args[0], str)
            and args[0].startswith(watched[0])
        ):
            opened.append(args[0])

    sys.addaudithook(audit)

    def alarm(signum, frame):
        raise TimeoutError

    signal.signal(signal.SIGALRM, alarm)
    with tempfile.TemporaryDirectory() as tmp:
        outside = Path(tmp) / "outside"
        outside.mkdir()
        (outside / "secret.json").write_text('{"innhold": []}')
        watched.append(str(outside))
        for index in range(start, start + count):
            progress.write_text(str(index))
            rng = random.Random(seed * 1_000_003 + index)
            kind = KINDS[index % len(KINDS)]
            content, special = mutate(originals[kind], rng)
            if special == "symlink" and kind not in CONFINED:
                special = "fifo"  # the manifest and settings are not atlas content
            path = prepare(Path(tmp) / "root", kind)
            _place(path, content, special, outside)
            opened.clear()
            signal.alarm(TIMEOUT)
            try:
                if read(kind, path):
                    counts["inputs with problems"] += 1
            except TimeoutError:
                counts["hangs"] += 1
                examples.setdefault(f"hang {kind}", f"input {index}")
            except BaseException as exc:  # noqa: BLE001 - counted, not raised
                counts["tracebacks"] += 1
                examples.setdefault(
                    f"{kind} {type(exc).__name__}", f"input {index}: {str(exc)[:120]}"
                )
            finally:
                signal.alarm(0)
            if opened:
                counts["outside reads"] += 1
                examples.setdefault(f"outside {kind}", f"input {index}: {opened[0]}")
            counts["inputs"] += 1
    print(json.dumps({"counts": counts, "examples": examples}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--worker", nargs=2, type=int, metavar=("START", "COUNT"))
    parser.add_argument("--progress", type=Path)
    args = parser.parse_args()
    shared = HERE.parents[1] / "shared"
    if args.worker:
        worker(*args.worker, args.seed, shared, args.progress)
        return
    totals: Counter[str] = Counter()
    examples: dict[str, str] = {}
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        progress = Path(tmp) / "progress"
        start = 0
        while start < args.count:
            count = min(CHUNK, args.count - start)
            result = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--worker",
                    str(start),
                    str(count),
                    "--seed",
                    str(args.seed),
                    "--progress",
                    str(progress),
                ],  # fmt: skip
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:  # killed: count the input it died on, go on after it
                died = int(progress.read_text()) if progress.exists() else start
                totals["crashes" if result.returncode < 0 else "harness errors"] += 1
                examples.setdefault(
                    f"crash (exit {result.returncode})", f"input {died}: {result.stderr[-200:]}"
                )
                totals["inputs"] += died - start + 1
                start = died + 1
                continue
            report = json.loads(result.stdout.strip().splitlines()[-1])
            totals.update(report["counts"])
            for key, value in report["examples"].items():
                examples.setdefault(key, value)
            start += count
    elapsed = time.perf_counter() - began
    print(
        f"inputs: {totals['inputs']} (seed {args.seed}; {len(KINDS)} file kinds), {elapsed:.0f} s"
    )
    for name in ("crashes", "hangs", "tracebacks", "outside reads", "harness errors"):
        print(f"{name}: {totals[name]}")
    print(f"inputs that gave at least one problem: {totals['inputs with problems']}")
    for key, value in sorted(examples.items()):
        print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
