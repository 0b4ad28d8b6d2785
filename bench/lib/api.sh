# shellcheck shell=bash
# Sourced by bench/run after the engines are set up: `docker run --rm IMG true` (docker
# 28's CLI, --network none) through modpod's API (`modpod system service`) against the
# same through the witness Podman's `podman system service`, each on a socket of its own
# in $WORK and on its own store. Both services are stopped by their PID. Sets
# API_BENCHES to the results (none when the docker CLI is missing).

API_BENCHES=()
API_PIDS=()
DOCKER_CLI=${DOCKER_CLI:-/usr/local/bin/docker}

api_stop() {
    local pid
    for pid in "${API_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    API_PIDS=()
}

# api_wait SOCKET: until the service answers /_ping (30 s at most).
api_wait() {
    local i
    for i in $(seq 300); do
        curl -sf --unix-socket "$1" http://d/_ping >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

if [ -x "$DOCKER_CLI" ]; then
    API_CONFIG=$WORK/docker-config
    mkdir -p "$API_CONFIG"
    api_cmds=()
    if [ "$MODPOD_OK" = 1 ]; then
        # exec (env, for the leading VAR=value words) in the background subshell, so that
        # $! is the service's own PID: a backgrounded shell function would leave the
        # service a child of a subshell, out of reach of kill $!.
        (eval "exec env $MP system service -t 0 unix://$WORK/modpod-api.sock" >"$WORK/modpod-api.log" 2>&1) &
        API_PIDS+=($!)
        if api_wait "$WORK/modpod-api.sock"; then
            api_cmds+=(-n modpod "DOCKER_CONFIG=$API_CONFIG DOCKER_HOST=unix://$WORK/modpod-api.sock $DOCKER_CLI run --rm --network none $IMG true")
        else
            echo "bench: modpod system service did not answer; its api row is skipped" >&2
        fi
    fi
    # env, unshare and sh exec in turn (scripts/lib/witness.sh): $! is podman's own PID.
    (eval "exec env $PM system service -t 0 unix://$WORK/podman-api.sock" >"$WORK/podman-api.log" 2>&1) &
    API_PIDS+=($!)
    if api_wait "$WORK/podman-api.sock"; then
        api_cmds+=(-n podman "DOCKER_CONFIG=$API_CONFIG DOCKER_HOST=unix://$WORK/podman-api.sock $DOCKER_CLI run --rm --network none $IMG true")
        hyperfine --shell=bash --runs "$RUNS" --warmup 1 --style basic --export-json "$WORK/api-run.json" "${api_cmds[@]}"
        API_BENCHES+=(api-run)
    else
        echo "bench: podman system service did not answer; the api row is skipped" >&2
    fi
    api_stop
fi
