# shellcheck shell=bash
# The witness Podman: its own containers.conf, storage.conf and store under one temp
# directory, never the environment modpod runs in and never /var/lib/containers.
# Source this file, call witness_init DIR, then run `witness ARGS...`.

witness_init() {
    WITNESS_DIR=$1
    mkdir -p "$WITNESS_DIR"/{root,runroot,tmp,net}
    local conf=$WITNESS_DIR/containers.conf
    # Start from the distribution defaults, then set the keys this host needs: rlimits
    # within root's hard limit (no CAP_SYS_RESOURCE here), no network by default (a
    # bridge would add podman0 and firewall rules to the host), runc, cgroupfs (PID 1
    # is not systemd), and every path Podman would otherwise write under /run or /etc.
    cp /usr/share/containers/containers.conf "$conf"
    sed -i \
        -e "/^\[containers\]/a default_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]\nnetns = \"none\"" \
        -e "/^\[network\]/a network_config_dir = \"$WITNESS_DIR/net\"" \
        -e "/^\[engine\]/a runtime = \"runc\"\ncgroup_manager = \"cgroupfs\"\nevents_logger = \"file\"\nevents_logfile_path = \"$WITNESS_DIR/events.log\"\ntmp_dir = \"$WITNESS_DIR/tmp\"" \
        "$conf"
    cat > "$WITNESS_DIR/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$WITNESS_DIR/root"
runroot = "$WITNESS_DIR/runroot"
CONF
}

# Podman as root writes its blob-info cache to /var/lib/containers/cache and netavark's
# run dir to /run/containers/networks whatever its config says. Each witness command
# therefore runs in a private mount namespace with tmpfs over /run and /var/lib; the
# runtimes' state dirs (/run/runc, /run/crun) are bound to the witness dir so that
# later commands, and conmon, see the same state. $0 of the script is the witness dir.
# shellcheck disable=SC2016 # expanded by the inner sh, not here
WITNESS_SHIELD='mount -t tmpfs -o size=64m witness-run /run \
    && mkdir -p /run/runc /run/crun /run/lock "$0/state/runc" "$0/state/crun" \
    && mount --bind "$0/state/runc" /run/runc && mount --bind "$0/state/crun" /run/crun \
    && mount -t tmpfs -o size=64m witness-varlib /var/lib && exec "$@"'

witness() {
    CONTAINERS_CONF=$WITNESS_DIR/containers.conf \
        CONTAINERS_STORAGE_CONF=$WITNESS_DIR/storage.conf \
        unshare -m --propagation private sh -c "$WITNESS_SHIELD" "$WITNESS_DIR" \
        podman --root "$WITNESS_DIR/root" --runroot "$WITNESS_DIR/runroot" \
        --tmpdir "$WITNESS_DIR/tmp" "$@"
}

# Removes the witness's containers, unmounts what it left under its own root, deletes it.
witness_cleanup() {
    [ -n "${WITNESS_DIR:-}" ] && [ -d "$WITNESS_DIR" ] || return 0
    witness rm -f -a >/dev/null 2>&1 || true
    witness system reset -f >/dev/null 2>&1 || true
    local mnt
    while read -r mnt; do
        umount -l "$mnt" 2>/dev/null || true
    done < <(awk -v d="$WITNESS_DIR/" 'index($5, d) == 1 {print $5}' /proc/self/mountinfo | sort -r)
    rm -rf "$WITNESS_DIR"
}

# The witness command line as text, for hyperfine.
witness_command() {
    printf 'CONTAINERS_CONF=%q CONTAINERS_STORAGE_CONF=%q unshare -m --propagation private sh -c %q %q podman --root %q --runroot %q --tmpdir %q' \
        "$WITNESS_DIR/containers.conf" "$WITNESS_DIR/storage.conf" "$WITNESS_SHIELD" "$WITNESS_DIR" \
        "$WITNESS_DIR/root" "$WITNESS_DIR/runroot" "$WITNESS_DIR/tmp"
}
