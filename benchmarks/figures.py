"""What a benchmark case reports: figures beside their floors, and the small timing helpers they share."""

from __future__ import annotations

import importlib
import math
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


class NotBuiltYet(Exception):
    """A piece of the program a case measures does not exist yet (module or function missing)."""


def need(module: str, *names: str) -> Any:
    """The module (or its attributes) a case measures; NotBuiltYet when it is not there yet."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            raise NotBuiltYet(f"{module} missing") from exc
        raise
    missing = [n for n in names if not hasattr(mod, n)]
    if missing:
        raise NotBuiltYet(f"{module}.{', '.join(missing)} missing")
    values = [getattr(mod, n) for n in names]
    return mod if not names else values[0] if len(values) == 1 else tuple(values)


@dataclass
class Figure:
    case: str
    metric: str
    value: float | None
    unit: str
    floor: str = ""
    floor_value: float | None = None
    target: str = ""
    limit: float | None = None  # the target as a number in `unit`
    higher_better: bool = False
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """How many times the floor's cost this figure is (≥ 1 means slower than the floor)."""
        if self.value is None or not self.floor_value:
            return None
        return self.floor_value / self.value if self.higher_better else self.value / self.floor_value

    @property
    def verdict(self) -> str:
        if self.value is None or self.limit is None:
            return ""
        ok = self.value >= self.limit if self.higher_better else self.value <= self.limit
        return "ok" if ok else "MISS"

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio, "verdict": self.verdict}


def timed_ms(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def sample_ms(fn: Callable[[], Any], runs: int, warm: int = 1) -> list[float]:
    for _ in range(warm):
        fn()
    return [timed_ms(fn)[0] for _ in range(runs)]


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0–100), nearest rank: p95 of 20 samples is the 19th smallest."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)
