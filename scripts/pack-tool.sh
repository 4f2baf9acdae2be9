#!/usr/bin/env bash
# Packs the .NET tool (docs/performance.md, "Start-up"; README, "Install") into a folder:
#
#   scripts/pack-tool.sh [OUT]      default OUT: artifacts/tool
#
# Three packages, as .NET 10's RID-specific tools are made (ToolPackageRuntimeIdentifiers in src/Cradle.Cli):
#   Cradle.Cli.<version>.nupkg            the pointer package 'dotnet tool install Cradle.Cli' reads first;
#   Cradle.Cli.linux-x64.<version>.nupkg  the NativeAOT executable, what linux-x64 gets;
#   Cradle.Cli.any.<version>.nupkg        the portable, framework-dependent build every other platform gets.
# The NativeAOT package needs a C toolchain (clang or clang-NN, or gcc) and zlib1g-dev; it must be built on linux-x64.
# Install from the folder:  dotnet tool install -g Cradle.Cli --add-source OUT
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/tool}
mkdir -p "$out"
# PublishAot (set in the project only with a RID) makes the RID-less pack write the pointer package alone.
dotnet pack src/Cradle.Cli -c Release -p:PublishAot=true -o "$out"
dotnet pack src/Cradle.Cli -c Release -r linux-x64 -o "$out"
dotnet pack src/Cradle.Cli -c Release -r any -p:PublishAot=false -o "$out"
ls -l "$out"/*.nupkg
