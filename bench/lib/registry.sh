# shellcheck shell=bash
# registry_start DIR: docker-registry on a free 127.0.0.1 port with its storage in DIR;
# sets REGISTRY (host:port) and REGISTRY_PID. registry_stop ends exactly that process.

registry_start() {
    local dir=$1 port
    mkdir -p "$dir/storage"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    REGISTRY=127.0.0.1:$port
    cat > "$dir/config.yml" <<CONF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: $REGISTRY
CONF
    /usr/bin/docker-registry serve "$dir/config.yml" >"$dir/access.log" 2>"$dir/log" &
    REGISTRY_PID=$!
    for _ in $(seq 100); do
        curl -fs "http://$REGISTRY/v2/" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "bench: docker-registry did not start: $(cat "$dir/log")" >&2
    return 1
}

registry_stop() {
    local pid
    for pid in ${REGISTRY_PID:-} ${SINK_PID:-}; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    REGISTRY_PID= SINK_PID=
}
