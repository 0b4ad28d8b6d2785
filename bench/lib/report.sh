# shellcheck shell=bash
# write_report FILE WORKDIR NAME...: medians of each hyperfine JSON and their ratio to
# the fastest engine row (podman when modpod is missing), plus host facts.

median_ms() {
    jq -r --arg n "$2" '.results[] | select(.command == $n) | .median * 1000 | floor' "$1"
}

write_report() {
    local file=$1 work=$2
    shift 2
    {
        echo "# Benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
        echo
        echo "Host: kernel $(uname -r), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))," \
            "cgroup $(stat -fc %T /sys/fs/cgroup), PID 1 $(cat /proc/1/comm)."
        echo "Versions: $(podman --version); runc $(runc --version | head -n1 | awk '{print $3}');" \
            "crun $(crun --version | head -n1 | awk '{print $3}'); $(conmon --version | head -n1);" \
            "$(hyperfine --version); dotnet $(dotnet --version)."
        echo "Like for like: both engines use runc, --network none (run-net: each engine's default" \
            "bridge network through netavark, on a bridge and subnet of its own), their own temp stores;" \
            "raw crun runs in a private mount namespace without the cgroup v2 mount (hybrid host)." \
            "Each podman command also pays for unshare and two tmpfs mounts (scripts/lib/witness.sh)" \
            "that keep it off /var/lib/containers and /run/containers."
        if [ "${MODPOD_OK:-0}" != 1 ]; then
            echo
            echo "modpod was not measured: it could not run the image in this build ($MODPOD)."
        fi
        echo
        echo "| benchmark | command | median (ms) | vs podman |"
        echo "|---|---|---|---|"
        local name json podman cmd ms
        for name in "$@"; do
            json=$work/$name.json
            podman=$(median_ms "$json" podman)
            while read -r cmd; do
                ms=$(median_ms "$json" "$cmd")
                echo "| $name | $cmd | $ms | $(awk -v a="$ms" -v b="$podman" 'BEGIN { printf "%.2fx", (b > 0 ? a / b : 0) }') |"
            done < <(jq -r '.results[].command' "$json")
        done
    } > "$file"
}
