# shellcheck shell=bash
# Default networks of their own for the "run --rm on the default network" rows: each engine
# gets a podman network file (netavark's format) on a bridge and a 10.203.N.0/24 claimed
# like the end-to-end tests claim theirs (/tmp/modular-e2e-subnets), so a benchmark never
# shares a bridge or a subnet with a test run, another engine, or a real Podman.

BENCH_CLAIMS=()

# claim_octet: sets CLAIMED (no subshell, so BENCH_CLAIMS keeps the claim for cleanup).
claim_octet() {
    local n
    mkdir -p /tmp/modular-e2e-subnets
    for n in $(shuf -i 0-255); do
        ip -4 -o addr | grep -q " 10\.203\.$n\." && continue
        if (set -o noclobber; : > "/tmp/modular-e2e-subnets/$n") 2>/dev/null; then
            BENCH_CLAIMS+=("$n")
            CLAIMED=$n
            return 0
        fi
    done
    return 1
}

# default_network_file DIR BRIDGE OCTET: DIR/podman.json for netavark.
default_network_file() {
    mkdir -p "$1"
    cat > "$1/podman.json" <<JSON
{"name": "podman", "id": "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9",
 "driver": "bridge", "network_interface": "$2", "created": "2026-01-01T00:00:00Z",
 "subnets": [{"subnet": "10.203.$3.0/24", "gateway": "10.203.$3.1"}], "ipv6_enabled": false,
 "internal": false, "dns_enabled": false, "ipam_options": {"driver": "host-local"}}
JSON
}

# bench_networks_init: points both engines' network_config_dir at their own files.
bench_networks_init() {
    claim_octet
    default_network_file "$MODPOD_DIR/net" mpbench0m "$CLAIMED"
    printf '\n[network]\nnetwork_backend = "netavark"\nnetwork_config_dir = "%s"\n' "$MODPOD_DIR/net" \
        >> "$MODPOD_DIR/containers.conf"
    claim_octet
    default_network_file "$WITNESS_DIR/net" mpbench0p "$CLAIMED"
    sed -i "/^\[network\]/a network_backend = \"netavark\"" "$WITNESS_DIR/containers.conf"
}

# bench_networks_cleanup: the bridges (netavark removes them with their last container,
# this covers an interrupted run) and the claims.
bench_networks_cleanup() {
    local link n
    for link in mpbench0m mpbench0p; do
        [ -e "/sys/class/net/$link" ] && ip link delete "$link" 2>/dev/null
    done
    for n in "${BENCH_CLAIMS[@]}"; do
        rm -f "/tmp/modular-e2e-subnets/$n"
    done
    return 0
}
