#!/usr/bin/env bash
# Builds the gVisor runtime plugin outside Modular's solution, against the packed
# Modular.Contracts (and tests it with the packed Modular.Conformance kit).
#   build.sh                      publish to out/runtime-runsc
#   build.sh --install DIR        also copy it to DIR/runtime-runsc (a plugin_dirs folder)
#   build.sh --test               run the conformance kit (against the installed copy
#                                 when --install was given); needs root and runsc
# The packages come from ../../artifacts/packages (Modular's scripts/build packs them);
# when missing they are packed here. Safe to run again.
set -euo pipefail

cd "$(dirname "$0")"
HERE=$PWD
REPO=$(cd ../.. && pwd)
OUT=$HERE/out/runtime-runsc
install_dir="" run_tests=0
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

while [ $# -gt 0 ]; do
    case $1 in
        --install) install_dir=$2; shift 2 ;;
        --test) run_tests=1; shift ;;
        *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

packages=$REPO/artifacts/packages
if ! ls "$packages"/Modular.Contracts.*.nupkg "$packages"/Modular.Conformance.*.nupkg >/dev/null 2>&1; then
    echo "runsc: packing Modular.Contracts and Modular.Conformance"
    for project in core/Modular.Contracts conformance/Modular.Conformance; do
        dotnet pack "$REPO/$project" -c Release --nologo -v quiet -clp:ErrorsOnly -o "$packages"
    done
fi

# A same-version repack must not be hidden by the private cache of an earlier build.
rm -rf obj/nuget-packages/modular.contracts obj/nuget-packages/modular.conformance

echo "runsc: publish to $OUT"
rm -rf "$OUT"
dotnet publish Modular.Examples.Runtime.Runsc.csproj -c Release --nologo -v quiet \
    -clp:ErrorsOnly -o "$OUT"

plugin=$OUT
if [ -n "$install_dir" ]; then
    plugin=$install_dir/runtime-runsc
    rm -rf "$plugin"
    mkdir -p "$plugin"
    cp -r "$OUT"/. "$plugin"/
    echo "runsc: installed in $plugin"
fi

if [ "$run_tests" = 1 ]; then
    MODULAR_RUNSC_PLUGIN_DIR=$plugin dotnet test tests/Modular.Examples.Runtime.Runsc.Tests.csproj \
        -c Release --nologo --logger "console;verbosity=minimal"
fi
