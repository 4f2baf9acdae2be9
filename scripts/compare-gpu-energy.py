#!/usr/bin/env python3
"""Compares `cradle measure`'s GPU energy with nvidia-smi's power readings over the same window.

Usage: compare-gpu-energy.py OUT [RUN ...]   (OUT as written by scripts/verify-gpu.sh; runs default to gpu-fma)

For each run: Cradle's energy per GPU sensor (the last cumulative sample, NVML's total-energy counter) and its
sampling window (first to last sample offset, placed after the process start recorded by verify-gpu.sh); nvidia-smi's
power.draw integrated by the trapezoid rule over that window, and over the whole cradle process window as a bound.
nvidia-smi's power.draw is a 1 s trailing average on Ampere and newer, so its integral lags the counter by about 0.5 s
at each edge of the load; the longer the run, the smaller that share.
"""
import csv
import datetime
import sys
from pathlib import Path


def smi_series(path):
    """(unix seconds, watts) from an nvidia-smi --query-gpu=timestamp,power.draw,... CSV written with TZ=UTC."""
    series = []
    with open(path, newline="") as f:
        rows = csv.reader(f)
        next(rows, None)  # header
        for row in rows:
            if len(row) < 2:
                continue
            try:
                stamp = datetime.datetime.strptime(row[0].strip(), "%Y/%m/%d %H:%M:%S.%f")
                watts = float(row[1].strip())
            except ValueError:
                continue  # "[N/A]" or a partial last line
            series.append((stamp.replace(tzinfo=datetime.timezone.utc).timestamp(), watts))
    return series


def integrate(series, start, end):
    """Trapezoid integral of power over [start, end] in joules, interpolating at the edges."""
    def at(t):
        for (t0, w0), (t1, w1) in zip(series, series[1:]):
            if t0 <= t <= t1:
                return w0 if t1 == t0 else w0 + (w1 - w0) * (t - t0) / (t1 - t0)
        raise ValueError(f"{t} is outside the nvidia-smi log")
    points = [(start, at(start))] + [p for p in series if start < p[0] < end] + [(end, at(end))]
    return sum((t1 - t0) * (w0 + w1) / 2 for (t0, w0), (t1, w1) in zip(points, points[1:]))


def cradle_gpu_energy(samples_csv):
    """{sensor: (first offset s, last offset s, last energy J)} for the GPU sensors of an exported run."""
    result = {}
    with open(samples_csv, newline="") as f:
        for row in csv.DictReader(f):
            if not row["sensor_id"].startswith("gpu:") or row["energy_j"] == "":
                continue
            offset, energy = float(row["offset_s"]), float(row["energy_j"])
            first, _, _ = result.get(row["sensor_id"], (offset, 0, 0))
            result[row["sensor_id"]] = (min(first, offset), offset, energy)
    return result


def main():
    out = Path(sys.argv[1])
    series = smi_series(out / "smi-power.csv")
    for run in sys.argv[2:] or ["gpu-fma"]:
        process_start = float((out / f"{run}.start").read_text())
        process_end = float((out / f"{run}.end").read_text())
        whole = integrate(series, process_start, process_end)
        for sensor, (first, last, joules) in cradle_gpu_energy(out / f"{run}.samples.csv").items():
            # The sampler starts after the process (start-up, store, child): place its window at the end of the
            # process window, where the child's exit is, which bounds the start-up offset.
            end = process_end
            start = end - (last - first)
            smi = integrate(series, start, end)
            print(f"{run} {sensor}: cradle {joules:.1f} J over {last - first:.2f} s; nvidia-smi power.draw "
                  f"{smi:.1f} J over the same length ({100 * (joules - smi) / smi:+.2f} %); "
                  f"{whole:.1f} J over the whole cradle process ({process_end - process_start:.2f} s)")


if __name__ == "__main__":
    main()
