# shellcheck shell=bash
# Sourced by bench/run after the engines are set up: pull and push of a ~50 MB image of
# random (incompressible) data in six layers, from and to docker-registry on 127.0.0.1,
# each engine with its own store. Before every pull run the image is removed, so each
# run fetches every blob; each push goes to a fresh repository, so every blob is sent.
# Sets TRANSFER_BENCHES to the hyperfine results it wrote.

PULL_RUNS=${PULL_RUNS:-5}
TRANSFER_BENCHES=()
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

# Both stores hold the image now; push it to a new repository each run.
mp pull -q --tls-verify=false "$BIG" >/dev/null 2>&1 || true
witness pull -q --tls-verify=false "$BIG" >/dev/null
push_cmds=()
if [ "$MODPOD_OK" = 1 ] && mp push --tls-verify=false "$BIG" "$REGISTRY/bench/probe:latest" >/dev/null 2>&1; then
    push_cmds+=(-n modpod "$MP push -q --tls-verify=false $BIG $REGISTRY/bench/mp-\$RANDOM\$RANDOM:latest")
else
    echo "bench: modpod push is not available in this build; its push row is skipped" >&2
fi
push_cmds+=(-n podman "$PM push -q --tls-verify=false $BIG $REGISTRY/bench/pm-\$RANDOM\$RANDOM:latest")
hyperfine --shell=bash --runs "$PULL_RUNS" --style basic --export-json "$WORK/push-50mb.json" "${push_cmds[@]}"
TRANSFER_BENCHES+=(push-50mb)
