# shellcheck shell=bash
# A throw-away docker-registry on 127.0.0.1 with its storage in a temp directory.
# Source this file; registry_start DIR sets REGISTRY_ADDR (127.0.0.1:PORT) and
# REGISTRY_PID; registry_stop kills that PID only and deletes DIR.

free_port() {
    local port
    for _ in $(seq 50); do
        port=$((20000 + RANDOM % 40000))
        if [ -z "$(ss -Htln "sport = :$port")" ]; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port found on 127.0.0.1" >&2
    return 1
}

registry_start() {
    REGISTRY_DIR=$1
    mkdir -p "$REGISTRY_DIR/storage"
    local port
    port=$(free_port)
    REGISTRY_ADDR=127.0.0.1:$port
    cat > "$REGISTRY_DIR/config.yml" <<CONF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $REGISTRY_DIR/storage
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
CONF
    /usr/bin/docker-registry serve "$REGISTRY_DIR/config.yml" >"$REGISTRY_DIR/log" 2>&1 &
    REGISTRY_PID=$!
    for _ in $(seq 100); do
        if curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1; then
            return 0
        fi
        kill -0 "$REGISTRY_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "docker-registry did not answer on $REGISTRY_ADDR; its log:" >&2
    cat "$REGISTRY_DIR/log" >&2
    return 1
}

registry_stop() {
    if [ -n "${REGISTRY_PID:-}" ]; then
        kill "$REGISTRY_PID" 2>/dev/null || true
        wait "$REGISTRY_PID" 2>/dev/null || true
        REGISTRY_PID=
    fi
    if [ -n "${REGISTRY_DIR:-}" ]; then
        rm -rf "$REGISTRY_DIR"
    fi
}
