#!/usr/bin/env bash
# Checks `cradle measure` against nvidia-smi on a machine with an NVIDIA GPU (docs/measurement.md, "Verified on real
# hardware"). BUILD is a folder holding a linux-x64 publish (NativeAOT) of `cradle` and `gpu-load`
# (tools/Cradle.GpuLoad), made with:
#   dotnet publish src/Cradle.Cli -c Release -r linux-x64 -o artifacts/verify
#   dotnet publish tools/Cradle.GpuLoad -c Release -r linux-x64 -p:PublishAot=true -o artifacts/verify
# OUT receives the logs: nvidia-smi power at 100 ms (UTC timestamps), the measure summaries, the run store and its
# samples, and the window of each run. scripts/compare-gpu-energy.py integrates nvidia-smi's power over the window.
set -u
build=${1:?usage: verify-gpu.sh BUILD OUT [SECONDS]}
out=${2:?usage: verify-gpu.sh BUILD OUT [SECONDS]}
seconds=${3:-60}
mkdir -p "$out"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 TZ=UTC
cradle="$build/cradle"
store="$out/runs.db"

{
  nvidia-smi -L
  nvidia-smi --query-gpu=name,driver_version,power.limit,enforced.power.limit,mig.mode.current --format=csv
  nvidia-smi -q -d POWER
  uname -a
  grep -m1 "model name" /proc/cpuinfo
  ls /sys/class/powercap 2>&1
  for t in python3 nvcc; do printf '%s: ' "$t"; command -v "$t" || echo absent; done
} > "$out/machine.txt" 2>&1

# Two loggers: power.draw (every driver) and the instant/average fields (newer drivers; may be refused).
nvidia-smi --query-gpu=timestamp,power.draw,temperature.gpu,utilization.gpu --format=csv,nounits -lms 100 \
  > "$out/smi-power.csv" 2> "$out/smi-power.err" &
logger=$!
nvidia-smi --query-gpu=timestamp,power.draw.instant,power.draw.average --format=csv,nounits -lms 100 \
  > "$out/smi-power-instant.csv" 2> "$out/smi-power-instant.err" &
logger2=$!
sleep 3

run() { # NAME, then cradle measure's arguments: records the wall-clock window around the whole cradle process
  local name=$1; shift
  date +%s.%N > "$out/$name.start"
  "$cradle" measure --store "$store" --name "$name" "$@" > "$out/$name.stdout" 2> "$out/$name.stderr"
  echo $? > "$out/$name.rc"
  date +%s.%N > "$out/$name.end"
  sleep 3
}

run gpu-fma -- "$build/gpu-load" "$seconds"
run gpu-fma-json --format json --idle 5s --requests 1000 --model fma-burn --params 1 --precision fp32 \
  --site aws-us-east-1 -- "$build/gpu-load" 15
run cpu-only -- sleep 3
kill "$logger" "$logger2" 2>/dev/null
wait 2>/dev/null

for name in gpu-fma gpu-fma-json cpu-only; do
  "$cradle" runs show "$name" --store "$store" --format json > "$out/$name.run.json" 2>&1
  "$cradle" runs export "$name" --store "$store" --format csv -o "$out/$name.samples.csv" 2>> "$out/$name.stderr"
done
"$cradle" runs compare --store "$store" > "$out/runs-compare.txt" 2>&1
echo done > "$out/finished"
