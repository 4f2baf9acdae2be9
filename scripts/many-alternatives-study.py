#!/usr/bin/env python3
"""Writes the example study with N synthetic alternatives, for timing comparisons of many alternatives.

Usage: many-alternatives-study.py N OUT   (e.g. 100 /tmp/study100.yaml)

The study is examples/olmo2-7b/study.yaml with its 'alternatives' replaced by variant-000 … variant-(N-1), which
differ only in serving_energy (0.0300 kWh, then 0.004 kWh more each). docs/performance.md ("Comparing many
alternatives") times `cradle compare OUT --mc 10000` on the study with N = 100;
bench/Cradle.Benchmarks/ManyAlternativesComparisonBenchmarks.cs builds the same alternatives in process.
"""
import sys
from pathlib import Path


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    example = Path(__file__).resolve().parent.parent / "examples" / "olmo2-7b" / "study.yaml"
    text = example.read_text(encoding="utf-8")
    head = text[: text.index("\nalternatives:")]
    tail = text[text.index("\ninterpretation:"):]
    variants = "".join(
        f"  variant-{i:03d}:\n"
        f"    description: Synthetic variant {i}.\n"
        f"    parameters:\n"
        f"      serving_energy:\n"
        f"        value: {0.03 + 0.004 * i:.4f} kWh\n"
        f"        provenance: measured\n"
        f"        source: synthetic\n"
        for i in range(count)
    )
    out.write_text(head + "\nalternatives:\n" + variants + tail, encoding="utf-8")


if __name__ == "__main__":
    main()
