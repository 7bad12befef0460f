"""Cold start of the workstation on the big hotel: to the sign-in window, and from sign-in to the first results.

    python bench/bench_start.py [--runs 5] [--typing-ms 1500] [--reservations N]

Runs ``desk run`` as a new process (offscreen) on a copy of the big hotel (bench/big_hotel.py, SQLite,
statistics gathered), ``--runs`` times, and prints the medians of:

  sign-in window    from starting the process until the sign-in window is shown and painted
  first results     from the clerk's accepted sign-in until the main window shows its first results

and the CPU time the process had used by each (all its threads), which a busy shared machine
disturbs far less than the wall-clock figures.

Between the two the clerk types: the user name and password are entered ``--typing-ms`` after the
window shows (a clerk needs a second or two), and the sign-in is pressed. Issue 23's targets: the
sign-in window under 0.8 s (was 0.97 s); the first results were 1.3 s. The probe in the child patches
only the dialog's show event and looks for the main window among the top-level windows: the program
runs as it does for a clerk. Prints the load average with each run: the machine is shared.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.big_hotel import sqlite_copy

ROOT = Path(__file__).resolve().parents[1]
USERNAME, PASSWORD = "anna", "anna"  # the demo clerk the big hotel's settings hold

PROBE = """
import os, sys, time
started = float(os.environ["BENCH_STARTED"])
typing_ms = int(os.environ["BENCH_TYPING_MS"])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ui.sign_in

shown = ui.sign_in.SignInDialog.showEvent
marks = {}

def report(name):
    marks[name] = time.time()
    print(f"{name} {marks[name] - started:.4f}", flush=True)
    print(f"{name}-cpu {time.process_time():.4f}", flush=True)

def watch_for_main_window():
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "MainWindow":
            widget.search_finished.connect(lambda _rows: finished())
            return
    QTimer.singleShot(2, watch_for_main_window)

def finished():
    if "results" not in marks:
        report("results")
        QTimer.singleShot(0, QApplication.instance().quit)

def sign(dialog):
    dialog.signed_in.connect(lambda _actor: (report("accepted"), watch_for_main_window()))
    dialog.username_edit.setText(os.environ["BENCH_USER"])
    dialog.secret_edit.setText(os.environ["BENCH_SECRET"])
    report("typed")
    dialog.submit()

def show_event(self, event):
    shown(self, event)
    if "sign-in" not in marks:
        QTimer.singleShot(0, lambda: report("sign-in"))  # after the paint the show queued
        QTimer.singleShot(typing_ms, lambda: sign(self))

ui.sign_in.SignInDialog.showEvent = show_event
from desk.cli.main import main
sys.exit(main(["--database", os.environ["BENCH_URL"], "run", "--workstation", "BENCH-START"]))
"""


def one_start(url: str, typing_ms: int) -> dict[str, float]:
    env = {key: value for key, value in os.environ.items() if key != "DESK_DATABASE_URL"}
    env.update(QT_QPA_PLATFORM="offscreen", BENCH_URL=url, BENCH_TYPING_MS=str(typing_ms),
               BENCH_USER=USERNAME, BENCH_SECRET=PASSWORD)
    env["BENCH_STARTED"] = repr(time.time())
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300, check=False)
    marks = {}
    for line in result.stdout.splitlines():
        name, _, seconds = line.rpartition(" ")
        marks[name] = float(seconds)
    if "results" not in marks:
        raise RuntimeError(f"the workstation did not get to its results:\n{result.stdout}\n{result.stderr[-3000:]}")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--typing-ms", type=int, default=1500)
    parser.add_argument("--reservations", type=int, default=200_000)
    args = parser.parse_args()
    print("command: python bench/bench_start.py " + " ".join(sys.argv[1:]))
    with tempfile.TemporaryDirectory() as directory:
        url, _samples = sqlite_copy(Path(directory), args.reservations)
        one_start(url, args.typing_ms)  # the first start after a copy reads the file from disk, as no desk does
        to_sign_in, to_results, cpu_sign_in, cpu_results = [], [], [], []
        for run in range(args.runs):
            load = os.getloadavg()[0]
            marks = one_start(url, args.typing_ms)
            to_sign_in.append(marks["sign-in"])
            to_results.append(marks["results"] - marks["accepted"])
            cpu_sign_in.append(marks["sign-in-cpu"])
            cpu_results.append(marks["results-cpu"] - marks["accepted-cpu"])
            print(f"  run {run + 1}: sign-in window {marks['sign-in'] * 1000:6.0f} ms "
                  f"(CPU {cpu_sign_in[-1] * 1000:5.0f}), first results {to_results[-1] * 1000:6.0f} ms "
                  f"after the accepted sign-in "
                  f"(CPU {cpu_results[-1] * 1000:5.0f}; load {load:.2f})", flush=True)
    print(f"median of {args.runs}: sign-in window {statistics.median(to_sign_in) * 1000:.0f} ms "
          f"(CPU {statistics.median(cpu_sign_in) * 1000:.0f} ms; target 800), first results "
          f"{statistics.median(to_results) * 1000:.0f} ms after signing in "
          f"(CPU {statistics.median(cpu_results) * 1000:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
