# shellcheck shell=bash
# Sourced by bench/run after the engines are set up: pull and push of a ~50 MB image of
# random (incompressible) data in six layers, from and to docker-registry on 127.0.0.1,
# each engine with its own store. Before every pull run the image is removed, so each
# run fetches every blob. Pushes go to a second registry (the sink) whose storage is
# emptied before every run. modpod mounts a blob the target registry already holds in
# another repository (from the sources it recorded at pull) while Podman 4.3.1 uploads it
# again, so pushing to a fresh repository of the first registry compared six mounts with
# 50 MB of uploads (seen in the registry's access log). The sink never saw the blobs, so
# every run of either engine uploads all of them.
# Sets TRANSFER_BENCHES to the hyperfine results it wrote.

PULL_RUNS=${PULL_RUNS:-5}
TRANSFER_BENCHES=()
registry_start "$WORK/sink"
SINK=$REGISTRY SINK_PID=$REGISTRY_PID
registry_start "$WORK/registry"
BIG=$REGISTRY/bench/big:latest
echo "bench: pushing the 50 MB image to $REGISTRY"
tests/Modular.TestImages/bin/Release/net10.0/Modular.TestImages random-50m --push "$BIG" >/dev/null

pull_cmds=()
if [ "$MODPOD_OK" = 1 ] && mp pull -q --tls-verify=false "$BIG" >/dev/null 2>&1; then
    pull_cmds+=(-n modpod --prepare "$MP rmi -f $BIG >/dev/null 2>&1 || true" "$MP pull -q --tls-verify=false $BIG")
fi
pull_cmds+=(-n podman --prepare "$PM rmi -f $BIG >/dev/null 2>&1 || true" "$PM pull -q --tls-verify=false $BIG")
hyperfine --shell=bash --runs "$PULL_RUNS" --style basic --export-json "$WORK/pull-50mb.json" "${pull_cmds[@]}"
TRANSFER_BENCHES+=(pull-50mb)

# Both stores hold the image now; push it to the emptied sink each run.
mp pull -q --tls-verify=false "$BIG" >/dev/null 2>&1 || true
witness pull -q --tls-verify=false "$BIG" >/dev/null
empty_sink="rm -rf $WORK/sink/storage/docker"
push_cmds=()
if [ "$MODPOD_OK" = 1 ] && mp push --tls-verify=false "$BIG" "$SINK/bench/probe:latest" >/dev/null 2>&1; then
    push_cmds+=(-n modpod --prepare "$empty_sink" "$MP push -q --tls-verify=false $BIG $SINK/bench/push:latest")
else
    echo "bench: modpod push is not available in this build; its push row is skipped" >&2
fi
push_cmds+=(-n podman --prepare "$empty_sink" "$PM push -q --tls-verify=false $BIG $SINK/bench/push:latest")
hyperfine --shell=bash --runs "$PULL_RUNS" --style basic --export-json "$WORK/push-50mb.json" "${push_cmds[@]}"
TRANSFER_BENCHES+=(push-50mb)
