"""`counter-app --self-test`: what an installer runs on a counter PC to know the program works there."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from counter_app.paths import resources_dir
from counter_app.selftest import ReceivedSlip, SelfTest, StepFailed
from counter_app.ui.selftest import check_slip_render, check_slip_text, ink_fraction, run_self_test

STEP_LINE = re.compile(r"^\s+\[ (ĐẠT|LỖI) \]\s+\d+\.\d ms  \S")


def blank_pdf() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_sound_installation_passes_every_step_and_prints_each_time(qapp, capsys):
    status = run_self_test()

    out = capsys.readouterr().out
    steps = [line for line in out.splitlines() if STEP_LINE.match(line)]
    assert status == 0, out
    assert len(steps) >= 12 and all("[ ĐẠT ]" in line for line in steps)
    assert "Tiếp nhận một hồ sơ" in out and "Đọc lại chữ trên giấy tiếp nhận" in out
    assert re.search(r"mã hồ sơ 000\.00\.99\.H56-\d{6}-0001", out)
    assert "Kết quả: ĐẠT" in out


def test_a_bundle_missing_its_fonts_fails_and_names_the_file(qapp, capsys, monkeypatch, tmp_path):
    partial = tmp_path / "resources"
    shutil.copytree(resources_dir(), partial)
    (partial / "fonts" / "LiberationSerif-Bold.ttf").unlink()
    monkeypatch.setenv("COUNTER_APP_RESOURCES", str(partial))

    status = run_self_test()

    out = capsys.readouterr().out
    assert status == 1
    assert "[ LỖI ]" in out and "LiberationSerif-Bold.ttf" in out
    assert "Tiếp nhận một hồ sơ" not in out  # later steps are not attempted on a broken installation
    assert "KHÔNG ĐẠT" in out


def test_a_slip_without_the_dossier_code_or_without_ink_is_refused(qapp):
    blank = ReceivedSlip("000.00.99.H56-261123-0001", "Nguyễn Văn Đức", blank_pdf())

    with pytest.raises(StepFailed, match="000.00.99.H56-261123-0001"):
        check_slip_text(blank)
    with pytest.raises(StepFailed, match="gần như trắng"):
        check_slip_render(blank)


def test_ink_is_measured_on_the_rendered_pixels(qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = QImage(101, 10, QImage.Format.Format_Grayscale8)  # odd width: rows carry padding bytes
    image.fill(Qt.GlobalColor.white)
    assert ink_fraction(image) == 0
    for x in range(0, 101, 4):
        for y in range(10):
            image.setPixel(x, y, 0)
    assert ink_fraction(image) == pytest.approx(26 / 101)


def test_steps_after_a_failure_are_skipped_and_the_cause_is_kept():
    ran: list[int] = []

    def disk_full() -> None:
        raise OSError("đĩa đầy")

    test = SelfTest()
    assert test.run("một", lambda: ran.append(1) or "xong") == "xong"
    assert test.run("hai", disk_full) is None
    assert test.run("ba", lambda: ran.append(3)) is None

    assert ran == [1]
    assert [r.ok for r in test.results] == [True, False]
    assert "OSError: đĩa đầy" in test.results[1].detail
    assert not test.ok and "KHÔNG ĐẠT" in test.summary()


@pytest.mark.slow_process
def test_the_command_line_flag_runs_it_headless_and_exits_zero():
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    done = subprocess.run([sys.executable, "-m", "counter_app", "--self-test"], capture_output=True, text=True,
                          env=env, timeout=300, cwd=Path(__file__).parent)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Kết quả: ĐẠT" in done.stdout
    assert "Traceback" not in done.stderr
