"""Timing a whole process the way the benchmarks do: wall-clock seconds and its peak memory.

Every benchmark that starts a process goes through `run_process`, so that each figure in the
table of `bench/run_all.py` comes with the peak resident memory of the process that made it
(read from the kernel's accounting of that one child, `os.wait4`, not from a sampling loop).

Python's bytecode cache decides much of a start-up: `bytecode_env(True, folder)` has Python
compile into a folder of its own and keep what it compiled (as an installed VisitDesk runs);
`bytecode_env(False, folder)` points Python at an empty folder and forbids writing, so every
module, the libraries' included, is compiled from source on every start.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Runs:
    """The values (seconds, or counts) of several runs of one thing, and the highest peak
    memory among them."""

    values: list[float] = field(default_factory=list)
    peak_kb: int = 0
    output: str = ""  # the standard output of the last run

    def add(self, value: float, peak_kb: int = 0) -> None:
        self.values.append(value)
        self.peak_kb = max(self.peak_kb, peak_kb)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    @property
    def spread(self) -> float:
        """Slowest minus fastest run: how far the median can be trusted on a shared machine."""
        return max(self.values) - min(self.values) if self.values else float("nan")

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024


def _gnu_time() -> str | None:
    """GNU time, when installed: the peak memory of the child alone.

    The kernel's own figure for a child (`wait4`) counts the memory of the process that started
    it as well (Python starts children with vfork, and Linux carries the high-water mark across
    exec), so every figure would read at least as much as this benchmark itself holds.
    """
    found = shutil.which("time")
    if found is None or sys.platform != "linux":
        return None
    probe = subprocess.run([found, "-f", "%M", "true"], capture_output=True, text=True)
    return found if probe.returncode == 0 and probe.stderr.strip().isdigit() else None


GNU_TIME = _gnu_time()
PEAK_SOURCE = (
    "peak memory by GNU time, of each process alone"
    if GNU_TIME
    else "peak memory from wait4 (no GNU time here: it includes the benchmark's own, ~20-60 MB)"
)


def _wait(process: subprocess.Popen[bytes]) -> tuple[int, int]:
    """Exit status and peak resident kilobytes of a child (0 where the OS does not tell)."""
    if hasattr(os, "wait4"):
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        # Linux gives kilobytes, macOS bytes.
        peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
        return process.returncode, int(peak)
    return process.wait(), 0


def run_once(
    command: Sequence[str],
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float | None = None,
) -> tuple[float, int, str]:
    """Seconds from start to exit, peak kilobytes and standard output of one run.

    Raises RuntimeError with the program's own message if it fails: a figure of a failed run
    would be a lie. A run past `timeout` seconds is stopped (a window benchmark waiting on a
    dialog nobody answers would otherwise hang the whole table).
    """
    # Output goes to files, not pipes: the child is reaped with wait4 (for its peak memory),
    # which a pipe left full would block.
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r", suffix=".peak") as peak_file,
    ):
        wrapped = list(command)
        if GNU_TIME:
            wrapped = [GNU_TIME, "-q", "-f", "%M", "-o", peak_file.name, *wrapped]
        began = time.perf_counter()
        process = subprocess.Popen(
            wrapped,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=dict(env) if env is not None else None,
            cwd=cwd,
        )
        stop = threading.Timer(timeout, process.kill) if timeout else None
        if stop is not None:
            stop.start()
        try:
            code, peak = _wait(process)
        finally:
            if stop is not None:
                stop.cancel()
        elapsed = time.perf_counter() - began
        if GNU_TIME:
            written = peak_file.read().split()
            peak = int(written[-1]) if written and written[-1].isdigit() else 0
        out.seek(0)
        err.seek(0)
        printed, complaint = out.read().decode(errors="replace"), err.read()
    if code != 0:
        if timeout and elapsed >= timeout:
            complaint += f"\nstopped after {timeout:.0f} s".encode()
        tail = complaint.decode(errors="replace").strip().splitlines()[-8:]
        raise RuntimeError(f"{' '.join(command[:4])}… failed ({code}): " + "\n".join(tail))
    return elapsed, peak, printed


def run_process(
    command: Sequence[str],
    runs: int,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Runs:
    result = Runs()
    for _ in range(runs):
        seconds, peak, result.output = run_once(command, env, cwd)
        result.add(seconds, peak)
    return result


def bytecode_env(
    cached: bool, folder: Path, base: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The environment of a child with (cached=True) or without any compiled bytecode."""
    env = dict(os.environ if base is None else base)
    folder.mkdir(parents=True, exist_ok=True)
    env["PYTHONPYCACHEPREFIX"] = str(folder)
    if cached:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def bytecode_note() -> str:
    """How this environment treats bytecode, for the head of the table."""
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return (
            "PYTHONDONTWRITEBYTECODE=1 is set here: Python never writes .pyc files, so every "
            "start compiles what it imports unless a cache exists already"
        )
    return "bytecode caching is on here (PYTHONDONTWRITEBYTECODE is not set)"


@dataclass
class Figure:
    """One line of the table: a measured value, what it is compared with, and its goal."""

    name: str
    runs: Runs
    unit: str = "s"  # "s", "ms" (values are still seconds), or "" for counts
    baseline: str = ""
    base: Runs | None = None
    max_value: float | None = None  # in the figure's own values (seconds or a count)
    max_ratio: float | None = None  # to the baseline
    max_mb: float | None = None  # peak memory
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.base is None or not self.base.values or not self.base.median:
            return None
        return self.runs.median / self.base.median

    def goal(self) -> str:
        parts = []
        if self.max_value is not None:
            parts.append(f"≤ {self.show(self.max_value)}")
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}x")
        if self.max_mb is not None:
            parts.append(f"< {self.max_mb:g} MB")
        return ", ".join(parts)

    def met(self) -> bool | None:
        """None when the figure has no goal (or its baseline could not be measured)."""
        checks = []
        if self.max_value is not None:
            checks.append(self.runs.median <= self.max_value)
        if self.max_ratio is not None:
            ratio = self.ratio
            if ratio is None:
                return None
            checks.append(ratio <= self.max_ratio)
        if self.max_mb is not None:
            checks.append(self.runs.peak_mb < self.max_mb)
        return all(checks) if checks else None

    def show(self, value: float) -> str:
        if self.unit == "ms":
            return f"{value * 1000:.1f} ms"
        if self.unit == "s":
            return f"{value:.3f} s"
        return f"{value:g}"

    def line(self) -> str:
        """The figure as one sentence, for a benchmark run on its own."""
        text = f"{self.name}: {self.show(self.runs.median)}"
        if len(self.runs.values) > 1:
            text += f" (median of {len(self.runs.values)}, spread {self.show(self.runs.spread)})"
        if self.base is not None and self.ratio is not None:
            text += f"; {self.baseline} {self.show(self.base.median)}, ratio {self.ratio:.2f}x"
        if self.runs.peak_kb:
            text += f"; peak {self.runs.peak_mb:.0f} MB"
        if self.goal():
            text += f"; goal {self.goal()}: " + ("met" if self.met() else "NOT met")
        return text + (f" [{self.note}]" if self.note else "")
