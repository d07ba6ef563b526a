"""Warm build time of the slip (Mẫu 01) beside its floors. Budget: a warm A4 slip in <= 30 ms.

usage: .venv/bin/python benchmarks/bench_slip.py [ROUNDS]
Floors: a bare ReportLab page (one line, built-in font) and a bare page in our embedded TTF font.
Exit status 1 when the warm A4 median is over budget.
"""

from __future__ import annotations

import io
import statistics
import sys
import time

BUDGET_MS = 30.0

t0 = time.perf_counter()
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from counter_app.printing import FormId, Paper, build_form, register_fonts  # noqa: E402
from counter_app.printing.fonts import REGULAR  # noqa: E402
from counter_app.printing.samples import sample  # noqa: E402

IMPORT_MS = (time.perf_counter() - t0) * 1000


def timed(fn, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    fn()  # warm
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def bare_page(font: str) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, initialFontName=font)
    canvas.drawString(72, 720, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả")
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def report(label: str, times: list[float]) -> float:
    median = statistics.median(times)
    p90 = sorted(times)[int(len(times) * 0.9) - 1]
    print(f"{label:<34} median {median:6.1f} ms   min {min(times):6.1f}   p90 {p90:6.1f}")
    return median


def main(rounds: int) -> int:
    start = time.perf_counter()
    register_fonts()
    register_ms = (time.perf_counter() - start) * 1000
    data = sample(FormId.SLIP)
    start = time.perf_counter()
    build_form(FormId.SLIP, data, Paper.A4)
    first_ms = (time.perf_counter() - start) * 1000
    print(
        f"imports {IMPORT_MS:.0f} ms | register 4 faces {register_ms:.0f} ms | "
        f"first A4 slip {first_ms:.0f} ms"
    )
    report("floor: bare page, Helvetica", timed(lambda: bare_page("Helvetica"), rounds))
    report("floor: bare page, embedded TTF", timed(lambda: bare_page(REGULAR), rounds))
    a4 = report("warm slip A4", timed(lambda: build_form(FormId.SLIP, data, Paper.A4), rounds))
    report("warm slip A5", timed(lambda: build_form(FormId.SLIP, data, Paper.A5), rounds))
    report("warm slip 80 mm receipt", timed(lambda: build_form(FormId.SLIP, data, Paper.ROLL_80MM), rounds))
    verdict = "OK" if a4 <= BUDGET_MS else "OVER BUDGET"
    print(f"warm A4 slip {a4:.1f} ms against a budget of {BUDGET_MS:.0f} ms: {verdict}")
    return 0 if a4 <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50))
