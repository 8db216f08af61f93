"""Load LogFlow window results (``WindowStats``) from the analytics job's file output.

The job writes one record per service, window definition and window under
``<output>/dt=YYYY-MM-DD/hour=HH/part-*.jsonl`` (or ``part-*.parquet``). Files still being
written are hidden (their names start with ``.``) and are skipped. A late event within the
allowed lateness re-emits its window with a higher ``revision``; :func:`load_windows` keeps the
highest revision of each (service, window, windowStart), as the dashboard does.

Only pandas, numpy and matplotlib are needed; Parquet files are read when pyarrow is installed.
"""

import io
import json
import os
import re
from pathlib import Path

import matplotlib

# Non-interactive: figures are rendered to PNG and shown as images, with or without a display.
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

ENV_VAR = "LOGFLOW_OUTPUT"
DEFAULT_OUTPUT = "../.logflow/output/log-metrics"

LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]
LATENCY_FIELDS = ["p50", "p90", "p95", "p99", "max"]
KEY = ["service", "window", "windowStart"]

try:  # Parquet is optional: JSON Lines needs nothing beyond pandas.
    import pyarrow.parquet as _pq
except ImportError:  # pragma: no cover - depends on the machine
    _pq = None


def output_dir(default=DEFAULT_OUTPUT):
    """The directory to read: ``$LOGFLOW_OUTPUT`` if set, else ``default``."""
    return Path(os.environ.get(ENV_VAR) or default).expanduser()


def committed_files(root):
    """Committed ``part-*.jsonl`` and ``part-*.parquet`` files below ``root``, sorted."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(
            f"No LogFlow output at {root.resolve()}: run `bin/logflow demo` first, or set "
            f"{ENV_VAR} (or OUTPUT in the first cell) to the job's output.files.path"
        )
    jsonl, parquet = [], []
    for path in sorted(root.rglob("part-*")):
        if any(part.startswith((".", "_")) for part in path.relative_to(root).parts):
            continue  # in-progress files, _SUCCESS markers and the like
        if path.name.endswith(".jsonl"):
            jsonl.append(path)
        elif path.name.endswith(".parquet"):
            parquet.append(path)
    return jsonl, parquet


def read_records(root):
    """All records below ``root`` as plain dicts (every revision), plus notes on what was skipped."""
    jsonl, parquet = committed_files(root)
    records, notes = [], []
    bad = 0
    for path in jsonl:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError:
                    bad += 1
    if bad:
        notes.append(f"skipped {bad} unparseable JSON line(s)")
    if parquet and _pq is None:
        notes.append(
            f"skipped {len(parquet)} Parquet file(s): install pyarrow "
            "(apt: python3-pyarrow where available, pip: pyarrow) to read them"
        )
    elif parquet:
        for path in parquet:
            records.extend(_normalize(r) for r in _pq.read_table(path).to_pylist())
    return records, notes


def _normalize(record):
    """A Parquet row in the JSON Lines shape: maps as dicts (pyarrow gives key/value pairs)."""
    for field in ("levelCounts", "statusClassCounts"):
        value = record.get(field)
        if isinstance(value, list):
            record[field] = {k: v for k, v in value}
    for field in ("topPaths", "topErrors"):
        value = record.get(field)
        if isinstance(value, dict):  # an unwrapped Avro array
            record[field] = value.get("array") or []
    return record


def to_frame(records):
    """Flattens records: latency.p95 -> latency_p95, levelCounts.ERROR -> level_ERROR, etc."""
    rows = []
    for r in records:
        row = {k: v for k, v in r.items() if k not in ("latency", "levelCounts", "statusClassCounts")}
        latency = r.get("latency") or {}
        for f in LATENCY_FIELDS:
            row[f"latency_{f}"] = latency.get(f)
        levels = r.get("levelCounts") or {}
        for level in LEVELS:
            row[f"level_{level}"] = levels.get(level, 0)
        for cls, n in (r.get("statusClassCounts") or {}).items():
            row[f"status_{cls}"] = n
        row["topPaths"] = r.get("topPaths") or []
        row["topErrors"] = r.get("topErrors") or []
        rows.append(row)
    df = pd.DataFrame(rows)
    if df.empty:
        return df
    for col in ("windowStart", "windowEnd", "emittedAt"):
        df[col] = pd.to_datetime(df[col], utc=True)
    for col, default in (("window", ""), ("revision", 0)):
        df[col] = df[col].fillna(default) if col in df else default
    df["revision"] = df["revision"].astype(int)
    for col in [c for c in df.columns if c.startswith(("latency_", "level_", "status_"))]:
        df[col] = pd.to_numeric(df[col], errors="coerce")
    df["errorRate"] = pd.to_numeric(df["errorRate"], errors="coerce")
    return df


def upsert(df):
    """Keeps the highest revision of each (service, window, windowStart)."""
    if df.empty:
        return df
    df = df.sort_values(["revision", "emittedAt"]).drop_duplicates(KEY, keep="last")
    return df.sort_values(["window", "service", "windowStart"]).reset_index(drop=True)


def with_rates(df):
    """Adds window_seconds, errors (ERROR + FATAL), events_per_s and errors_per_s."""
    df = df.copy()
    df["window_seconds"] = (df["windowEnd"] - df["windowStart"]).dt.total_seconds()
    df["errors"] = df["level_ERROR"] + df["level_FATAL"]
    df["events_per_s"] = df["count"] / df["window_seconds"]
    df["errors_per_s"] = df["errors"] / df["window_seconds"]
    return df


def pick_window(df, window=None):
    """Rows of one window definition: ``window`` if given, else the shortest tumbling one."""
    names = sorted(df["window"].unique())
    if window is not None:
        if window not in names:
            raise ValueError(f"No window definition {window!r}; the files have {names}")
        return df[df["window"] == window], window
    lengths = df.groupby("window")["window_seconds"].median()
    tumbling = [n for n in names if n.startswith("tumbling")] or names
    chosen = min(tumbling, key=lambda n: (lengths[n], n))
    return df[df["window"] == chosen], chosen


def load_windows(root=None, start=None, end=None, window=None, verbose=True):
    """Window results below ``root`` (default :func:`output_dir`): one window definition,
    highest revision per window, flattened, with per-second rates, inside [start, end)."""
    root = output_dir() if root is None else Path(root)
    records, notes = read_records(root)
    df = to_frame(records)
    if df.empty:
        raise ValueError(f"No window results in {root.resolve()} yet")
    raw = len(df)
    df = with_rates(upsert(df))
    if start is not None:
        df = df[df["windowStart"] >= pd.Timestamp(start, tz="UTC")]
    if end is not None:
        df = df[df["windowEnd"] <= pd.Timestamp(end, tz="UTC")]
    df, chosen = pick_window(df, window)
    df = df.reset_index(drop=True)
    if verbose:
        print(f"Read {raw} records from {root.resolve()}: {len(df)} windows of '{chosen}'"
              f" for {df['service'].nunique()} services,"
              f" {df['windowStart'].min()} .. {df['windowEnd'].max()}")
        for note in notes:
            print("Note:", note)
    return df


def complete_grid(df):
    """Adds the windows a service logged nothing in (the job emits no record for them) with
    count 0 and NaN metrics, so silences show up as zeros instead of gaps."""
    if df.empty:
        return df
    step = pd.to_timedelta(df["window_seconds"].median(), unit="s")
    grid = pd.date_range(df["windowStart"].min(), df["windowStart"].max(), freq=step)
    parts = []
    for service, g in df.groupby("service"):
        g = g.set_index("windowStart").reindex(grid)
        g.index.name = "windowStart"
        g["service"] = service
        g["window"] = df["window"].iloc[0]
        g["missing"] = g["count"].isna()
        for col in ("count", "errors", "events_per_s", "errors_per_s", "httpCount"):
            g[col] = g[col].fillna(0)
        g["window_seconds"] = step.total_seconds()
        g["windowEnd"] = g.index + step
        parts.append(g.reset_index())
    return pd.concat(parts, ignore_index=True)


def top_items(df, column):
    """One row per (service, windowStart, item) from ``topPaths`` or ``topErrors``.

    These are each window's top 10 (a frequent-items sketch), so rarer items are missing and
    counts summed over windows are lower bounds."""
    rows = [
        {"service": r.service, "windowStart": r.windowStart, "item": t["item"], "count": t["count"]}
        for r in df[["service", "windowStart", column]].itertuples(index=False)
        for t in getattr(r, column)
    ]
    return pd.DataFrame(rows, columns=["service", "windowStart", "item", "count"])


_MESSAGE_PATTERNS = [
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), "<ip>"),
    (re.compile(r"\b0x[0-9a-fA-F]+\b"), "<hex>"),
    (re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}\b"), "<uuid>"),
    (re.compile(r"'[^']{1,3}'"), "'<…>'"),  # short quoted tokens; names stay
    (re.compile(r"\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6,}\b"), "<id>"),
    (re.compile(r"\b\d+(?:\.\d+)?\b"), "<n>"),
]


def message_template(message):
    """An error message with its variable parts (addresses, ids, numbers, quoted tokens)
    replaced, so messages from the same code path group together."""
    for pattern, placeholder in _MESSAGE_PATTERNS:
        message = pattern.sub(placeholder, message)
    return message


def iso(ts):
    """``2026-11-26T10:00:00Z``."""
    return pd.Timestamp(ts).tz_convert("UTC").strftime("%Y-%m-%dT%H:%M:%SZ")


def show(fig):
    """Shows ``fig`` as a PNG image (rendered by Agg) and closes it."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    try:
        from IPython.display import Image, display
    except ImportError:  # plain Python: nothing to show on
        return
    display(Image(data=buf.getvalue(), format="png"))


def robust_band(values, periods, k=4.0, floor=None):
    """Rolling median and MAD over ``periods`` windows, centred; returns (median, scale, z).

    The median and the MAD ignore up to half the windows they see, so an incident shorter than
    half of ``periods`` does not drag the band along. ``scale`` is 1.4826·MAD (a standard
    deviation for normal data), at least ``floor`` (a Series or number) so quiet series with a
    MAD of zero do not flag every wiggle. ``z`` is how many scales a value lies above the median."""
    values = pd.Series(values, dtype=float)
    roll = values.rolling(periods, center=True, min_periods=max(3, periods // 4))
    median = roll.median()
    mad = (values - median).abs().rolling(periods, center=True, min_periods=max(3, periods // 4))
    scale = 1.4826 * mad.median()
    if floor is not None:
        scale = np.maximum(scale, floor)
    z = (values - median) / scale
    return median, scale, z


def load_side_output(root, name, time_field):
    """Another output of the job written next to the results, as a frame.

    ``name`` is ``logs-dlq`` (dead letters, timed by ``recordTimestamp``) or ``logs-late``
    (events later than the allowed lateness, timed by ``timestamp``). None when the job was not
    configured to write it (``output.files.dead-letters-path`` / ``late-events-path``).
    """
    directory = Path(root).parent / name
    if not directory.is_dir():
        return None
    records, _ = read_records(directory)
    frame = pd.DataFrame(records)
    if not frame.empty:
        frame[time_field] = pd.to_datetime(frame[time_field], utc=True)
    return frame
