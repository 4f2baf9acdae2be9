#!/usr/bin/env python3
"""Regenerates src/Cradle.Catalog/Production/Data/ademe-gpu-lca.csv from the ADEME / Hubblo GPU calculator files.

Usage: python3 scripts/ademe-gpu-data.py /work/shared/reference-data/raw/hubblo-gpu-calculator > \
           src/Cradle.Catalog/Production/Data/ademe-gpu-lca.csv

Input: gpus_impact_factors.csv, average_model.json, transport_impacts.csv and gpus.json of hubblo-org/gpu-calculator
at commit 2308a62 (CC BY-SA 4.0). Each value written is the sum of the manufacturing, transport and end_of_life stage
columns of one row (use is excluded, as in the study), for four criteria: GWP, ADPe, TPE, WU. Cells with a decimal
comma are read as numbers; empty cells as 0 (as the calculator does).
"""
import csv, json, sys

CRITERIA = ["GWP", "ADPe", "TPE", "WU"]
STAGES = ["manufacturing", "transport", "end_of_life"]
CATALOG_IDS = {
    "NVIDIA GeForce GTX 1080 Ti": "nvidia-geforce-gtx-1080-ti",
    "NVIDIA Tesla P100 PCIe 16GB": "nvidia-p100-pcie-16gb",
    "NVIDIA L4": "nvidia-l4",
    "NVIDIA A100 PCIe 40GB": "nvidia-a100-pcie-40gb",
    "NVIDIA A100 SXM4 40GB": "nvidia-a100-sxm4-40gb",
    "NVIDIA H100 PCIe 80GB": "nvidia-h100-pcie-80gb",
}


def num(text):
    return 0.0 if text is None or text.strip() == "" else float(text.replace(",", "."))


def stage_sum(row, criterion):
    return sum(num(str(row.get(f"{s}_{criterion}", ""))) for s in STAGES)


def fmt(x):
    return f"{x:.6g}"


def main(raw):
    out = csv.writer(sys.stdout, lineterminator="\n")
    print("# ADEME / Hubblo GPU life cycle assessment data, adapted for Cradle. Licence: CC BY-SA 4.0")
    print("# (https://creativecommons.org/licenses/by-sa/4.0/). Cite: Lees-Perasso, E., Ekchajzer, D., Roussilhe, G.,")
    print("# De Latour, T. (2026). Analyses de cycle de vie de GPU pour l'intelligence artificielle. ADEME.")
    print("# Adapted from hubblo-org/gpu-calculator commit 2308a62 (src/data/gpu/) by scripts/ademe-gpu-data.py: each value")
    print("# is the sum of the manufacturing, transport and end-of-life stages (use excluded). Units: gwp kg CO2e, adpe kg")
    print("# Sb eq, tpe MJ (total primary energy), wu m3 world-eq deprived (AWARE), each per card for 'measured', per")
    print("# 'unit' for factor sets (kg, cm2 of PCB, mm2 of effective die area, kg of card, kg.km). Changes: stage sums,")
    print("# four criteria kept, board parameters from gpus.json in grams and cm2/mm2 as published.")
    out.writerow(["set", "item", "unit", "gwp", "adpe", "tpe", "wu"])
    totals = {}
    for row in csv.DictReader(open(f"{raw}/gpus_impact_factors.csv", encoding="utf-8")):
        card, component = row["graphics_card"], row["component"]
        if card == "Average":
            unit = {"casing": "kg", "heatsink": "kg", "printed_wiring_board": "cm2", "graphics_processing_unit": "mm2",
                    "video_ram": "mm2", "upstream_transport": "kg", "end_of_life": "kg"}[component]
            out.writerow(["table2", component, unit] + [fmt(stage_sum(row, c)) for c in CRITERIA])
            continue
        t = totals.setdefault(card, [0.0] * 4)
        for i, c in enumerate(CRITERIA):
            t[i] += stage_sum(row, c)
    model = json.load(open(f"{raw}/average_model.json", encoding="utf-8"))["components"]
    for component in ["casing", "heatsink", "printed_wiring_board", "graphics_processing_unit", "video_ram",
                      "upstream_transport", "end_of_life"]:
        unit = {"printed_wiring_board": "cm2", "graphics_processing_unit": "mm2", "video_ram": "mm2"}.get(component, "kg")
        out.writerow(["calculator", component, unit] + [fmt(stage_sum(model[component], c)) for c in CRITERIA])
    for row in csv.DictReader(open(f"{raw}/transport_impacts.csv", encoding="utf-8")):
        out.writerow(["transport", row["transport_mode"].removeprefix("transport_"), "kg.km"] + [fmt(num(row[c])) for c in CRITERIA])
    for card, t in totals.items():
        kind = "parametric" if card == "NVIDIA H100 PCIe 80GB" else "measured"
        out.writerow([kind, card, "card"] + [fmt(x) for x in t])
    print("# board: card, catalog id, total mass g, casing g, heatsink g, PCB cm2, VRAM GB, VRAM dies, VRAM die mm2")
    print("# (empty when unpublished), GPU die mm2 (without losses). From gpus.json.")
    out.writerow(["board", "card", "catalog_id", "total_g", "casing_g", "heatsink_g", "pcb_cm2", "vram_gb", "vram_dies",
                  "vram_die_mm2", "gpu_die_mm2"])
    for g in json.load(open(f"{raw}/gpus.json", encoding="utf-8")):
        out.writerow(["board", g["name"], CATALOG_IDS.get(g["name"], ""), g["totalWeight"], g["casingWeight"],
                      g["heatsinkWeight"], g["cardSurface"], g["videoRamCapacity"], g["videoRamDies"],
                      g.get("videoRamDieSurface", ""), g["gpuSurface"]])


main(sys.argv[1])
