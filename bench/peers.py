#!/usr/bin/env python3
"""Helpers of bench/run: the large table, the pandas timing and the report.

  peers.py large TABLE OUT ROWS     OUT: ROWS rows drawn with replacement from TABLE, new IDs
  peers.py pandas FILE RUNS         pandas read_csv of FILE, RUNS times; JSON on stdout
  peers.py target TORCH.jsonl       PyTorch's median test AUC minus 0.005
  peers.py report DIR RUNS          docs/benchmarks.md from the measurements in DIR
"""
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import textwrap
import time


def large(table, out, rows):
    with open(table, encoding="utf-8") as source:
        header = source.readline()
        lines = [line.rstrip("\n") for line in source if line.strip()]
    draw = random.Random(7)
    with open(out, "w", encoding="utf-8") as target:
        target.write(header)
        for i in range(int(rows)):
            line = lines[draw.randrange(len(lines))]
            target.write(f"{i + 1}{line[line.index(','):]}\n")


def pandas_read(path, runs):
    import pandas as pd

    seconds = []
    shape = None
    for _ in range(int(runs)):
        start = time.perf_counter()
        frame = pd.read_csv(path)
        seconds.append(time.perf_counter() - start)
        shape = frame.shape
    print(json.dumps({"seconds": statistics.median(seconds), "runs": seconds,
                      "rows": shape[0], "columns": shape[1], "version": pd.__version__}))


def read_lines(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.startswith("{")]


def target(torch_path):
    aucs = [row["auc"] for row in read_lines(torch_path)]
    print(f"{statistics.median(aucs) - 0.005:.4f}")


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpu:
            for line in cpu:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo", encoding="utf-8") as mem:
            total_kb = int(mem.readline().split()[1])
    except OSError:
        total_kb = 0
    return f"{model}, {os.cpu_count()} cores, {total_kb / 1024 / 1024:.0f} GB, {platform.system()}"


def versions(pandas_version):
    import torch

    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    java_line = java.splitlines()[0] if java else "unknown"
    return [("Java", java_line), ("DL4J / ND4J", "1.0.0-M2.1 (nd4j-native, one native thread)"),
            ("Python", platform.python_version()), ("PyTorch", torch.__version__),
            ("pandas", pandas_version)]


def ratio(ours, theirs):
    return f"{ours / theirs:.2f}" if theirs else "n/a"


def report(directory, runs):
    studio = {row["measure"]: row for row in read_lines(os.path.join(directory, "studio.jsonl"))}
    torch32 = read_lines(os.path.join(directory, "torch-32.jsonl"))
    torch256 = read_lines(os.path.join(directory, "torch-256.jsonl"))
    with open(os.path.join(directory, "pandas.json"), encoding="utf-8") as source:
        pandas = json.load(source)
    t32 = statistics.median(r["train_seconds"] for r in torch32)
    t256 = statistics.median(r["train_seconds"] for r in torch256)
    s32 = statistics.median(r["steps_per_second"] for r in torch32)
    s256 = statistics.median(r["steps_per_second"] for r in torch256)
    auc = statistics.median(r["auc"] for r in torch32)
    torch_rows = round(torch32[0]["rows_per_second"] * torch32[0]["train_seconds"]
                       / torch32[0]["epochs"])

    ref, b256, to_auc = studio["reference"], studio["batch256"], studio.get("to-auc")
    imp, score = studio["import"], studio["scoring"]
    to_auc_seconds = to_auc["seconds"] if to_auc else float("nan")

    def goal(met):
        return "met" if met else "**missed**"

    rows = [
        ("a. reference recipe, 50 epochs, batch 32", f"{ref['seconds']:.2f} s",
         f"{t32:.2f} s", ratio(ref["seconds"], t32), "≤ 1.00", goal(ref["seconds"] <= t32)),
        ("a. optimiser steps per second, batch 32", f"{ref['steps_per_second']:,}",
         f"{s32:,}", ratio(ref["steps_per_second"], s32), "", ""),
        ("b. same at batch 256", f"{b256['seconds']:.2f} s", f"{t256:.2f} s",
         ratio(b256["seconds"], t256), "", ""),
        ("b. optimiser steps per second, batch 256", f"{b256['steps_per_second']:,}",
         f"{s256:,}", ratio(b256["steps_per_second"], s256), "", ""),
        (f"c. to validation AUC {to_auc['target_auc'] if to_auc else '?'} "
         "(PyTorch's test AUC − 0.005), product defaults",
         f"{to_auc_seconds:.2f} s", f"{t32:.2f} s (reference recipe)",
         ratio(to_auc_seconds, t32), "≤ 0.25", goal(to_auc_seconds <= 0.25 * t32)),
        ("d. import of 1,000,000 rows × 24 columns", f"{imp['seconds']:.2f} s",
         f"{pandas['seconds']:.2f} s (pandas read_csv)", ratio(imp["seconds"], pandas["seconds"]),
         "≤ 1.50", goal(imp["seconds"] <= 1.5 * pandas["seconds"])),
        ("e. scoring in memory (preprocessing, network, score)",
         f"{score['rows_per_second']:,} rows/s", "", "", "≥ 1,000,000 rows/s",
         goal(score["rows_per_second"] >= 1_000_000)),
    ]
    what_if = studio.get("what-if")
    if what_if:
        rows.append(("f. what-if update (every task, score, grade, reasons), 95th percentile",
                     f"{what_if['p95_ms']:.2f} ms", "", "", "< 100 ms",
                     goal(what_if["p95_ms"] < 100)))

    out = []
    out.append("# Benchmarks")
    out.append("")
    out.append("Written by `bench/run` on " + time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
               + f". Each figure is the median of {runs} runs in the same session; the ratio "
               "is ours over the peer's (below 1 is faster for times, above 1 is faster for "
               "rates). Reproduce with `bench/run` (`RUNS=5 bench/run` for more runs).")
    out.append("")
    out.append(f"Machine: {machine()}.")
    out.append("")
    out.append("| piece | version |")
    out.append("| --- | --- |")
    for name, version in versions(pandas["version"]):
        out.append(f"| {name} | {version} |")
    out.append("")
    out.append("| measure | Credit MTL Studio | peer | ratio | goal | |")
    out.append("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        out.append("| " + " | ".join(row) + " |")
    out.append("")
    out.append("What each figure is:")
    out.append("")
    out.append(f"- a, b: training time of the network alone, data already in memory. Ours trains "
               f"on {ref['train_rows']:,} rows ({ref['steps']:,} steps at batch 32) and measures "
               "the training and validation loss of every task after each epoch; the PyTorch "
               f"peer (`peer_mtl.py`) trains on about {torch_rows:,} rows with no validation, so "
               "it takes more steps: the steps per second compare equal work.")
    if to_auc:
        out.append(f"- c: from the start of training to the end of the first epoch whose "
                   f"validation AUC of the default task reaches the target; runs needed "
                   f"{to_auc['epochs_needed']} epochs at batch {to_auc['batch']}, rate "
                   f"{to_auc['learning_rate']} and reached "
                   f"{[round(a, 4) for a in to_auc['auc_reached']]}. "
                   f"PyTorch's median test AUC was {auc:.4f}.")
    out.append(f"- d: `CsvImporter` from file to table, every cell read as a double, against "
               f"`pandas.read_csv` with default options ({pandas['rows']:,} rows, "
               f"{pandas['columns']} columns).")
    out.append(f"- e: {score['rows']:,} applicants already in memory, in chunks of 65,536: "
               "imputation and standardisation, the network, every task's prediction in original"
               " units and the credit score.")
    if what_if:
        out.append(f"- f: `WhatIf.change` of a test applicant's {what_if['feature']} on a study "
                   f"trained for {what_if['epochs']} epochs: encoding, the network's prediction "
                   "of every task, score, grade and the reasons with their sentences; "
                   f"{what_if['updates']:,} updates a run after a warm-up. Median "
                   f"{what_if['median_ms']:.3f} ms; slowest single update "
                   f"{what_if['max_ms']:.0f} ms.")
    out.append("")
    out.append("Individual runs, seconds:")
    out.append("")
    for name, values in [("ours, reference", ref["runs"]), ("ours, batch 256", b256["runs"]),
                         ("ours, to AUC", to_auc["runs"] if to_auc else []),
                         ("ours, import", imp["runs"]), ("ours, scoring", score["runs"]),
                         ("PyTorch, batch 32", [r["train_seconds"] for r in torch32]),
                         ("PyTorch, batch 256", [r["train_seconds"] for r in torch256]),
                         ("pandas read_csv", pandas["runs"])]:
        out.append(f"- {name}: " + ", ".join(f"{v:.2f}" for v in values))
    if what_if:
        out.append("- ours, what-if 95th percentile, ms: "
                   + ", ".join(f"{v:.2f}" for v in what_if["runs_p95_ms"]))
    out.append("")
    out.append("How training is made fast, what was tried and what bounds it: "
               "[decisions/0004-fused-training-step.md](decisions/0004-fused-training-step.md).")
    print("\n".join(wrap(line) for line in out))


def wrap(line):
    """Prose wrapped at 100 columns like the rest of the docs; table rows left whole."""
    if line.startswith("|") or len(line) <= 100:
        return line
    indent = "  " if line.startswith("- ") else ""
    return textwrap.fill(line, 100, subsequent_indent=indent, break_on_hyphens=False)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    action, args = sys.argv[1], sys.argv[2:]
    if action == "large":
        large(*args)
    elif action == "pandas":
        pandas_read(*args)
    elif action == "target":
        target(*args)
    elif action == "report":
        report(*args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
