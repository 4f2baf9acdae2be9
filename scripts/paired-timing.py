#!/usr/bin/env python3
"""Times two commands as whole processes, in turn (A B A B ...), and prints medians and paired ratios.

Usage: paired-timing.py [-n RUNS] [--warmup K] --vs 'COMMAND_B' -- COMMAND_A [ARG ...]
       paired-timing.py [-n RUNS] [--warmup K] -- COMMAND_A [ARG ...]        (one command, no ratio)

Why pairs: on a shared or throttling machine the speed drifts during a measurement; two commands timed one after the
other in turn see the same drift, so the ratio of each pair stays meaningful when the absolute times do not. Each run's
wall time is a monotonic clock around the child, its CPU time (user + system) and peak memory are the operating
system's accounting of the finished child (resource.wait4). Output goes to /dev/null. A command that exits non-zero
stops the script with its exit code and the command line, since timing a failure would be meaningless.

docs/performance.md ("Issue 13 goals") uses it through scripts/performance-goals.sh.
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    """Runs argv once; returns (wall s, cpu s, peak MiB)."""
    start = time.monotonic()
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"paired-timing: '{shlex.join(argv)}' exited with {code}")
    # ru_maxrss is in KiB on Linux.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def describe(label, values, unit):
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{label:<12} {mid:10.3f} {unit:<4} (min {low:.3f}, max {high:.3f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="timed runs of each command (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs of each command first (default 1)")
    parser.add_argument("--vs", help="the second command (B), one string split as a shell would")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND_A [ARG ...]")
    args = parser.parse_args()
    command_a = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command_a or args.n < 1:
        parser.error("give a command after --, and -n of at least 1")
    commands = [command_a] + ([shlex.split(args.vs)] if args.vs else [])

    for _ in range(args.warmup):
        for argv in commands:
            run_once(argv)
    runs = [[] for _ in commands]
    for _ in range(args.n):
        for i, argv in enumerate(commands):
            runs[i].append(run_once(argv))

    for name, argv, measured in zip("AB", commands, runs):
        print(f"{name}: {shlex.join(argv)}")
        print("  " + describe("wall", [m[0] for m in measured], "s"))
        print("  " + describe("cpu", [m[1] for m in measured], "s"))
        print("  " + describe("peak", [m[2] for m in measured], "MiB"))
    if len(runs) == 2:
        print(f"A/B, {args.n} pairs:")
        print("  " + describe("wall", [a[0] / b[0] for a, b in zip(*runs)], ""))
        print("  " + describe("cpu", [a[1] / b[1] for a, b in zip(*runs)], ""))


if __name__ == "__main__":
    main()
