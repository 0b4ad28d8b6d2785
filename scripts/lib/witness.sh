# shellcheck shell=bash
# The witness Podman: its own containers.conf, storage.conf and store under one temp
# directory, never the environment modpod runs in and never /var/lib/containers.
# Source this file, call witness_init DIR, then run `witness ARGS...`.

witness_init() {
    WITNESS_DIR=$1
    mkdir -p "$WITNESS_DIR"/{root,runroot,tmp,net}
    local conf=$WITNESS_DIR/containers.conf
    # Start from the distribution defaults, then set the keys this host needs: rlimits
    # within root's hard limit (no CAP_SYS_RESOURCE here), runc, cgroupfs (PID 1 is not
    # systemd), and every path Podman would otherwise write under /run or /etc.
    cp /usr/share/containers/containers.conf "$conf"
    sed -i \
        -e "/^\[containers\]/a default_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]" \
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

witness() {
    CONTAINERS_CONF=$WITNESS_DIR/containers.conf \
        CONTAINERS_STORAGE_CONF=$WITNESS_DIR/storage.conf \
        podman --root "$WITNESS_DIR/root" --runroot "$WITNESS_DIR/runroot" \
        --tmpdir "$WITNESS_DIR/tmp" "$@"
}

# Removes the witness's containers, unmounts what it left under its own root, deletes it.
witness_cleanup() {
    [ -n "${WITNESS_DIR:-}" ] && [ -d "$WITNESS_DIR" ] || return 0
    witness rm -f -a >/dev/null 2>&1 || true
    witness system reset -f >/dev/null 2>&1 || true
    local mnt
    for mnt in $(awk -v d="$WITNESS_DIR/" 'index($5, d) == 1 {print $5}' /proc/self/mountinfo | sort -r); do
        umount -l "$mnt" 2>/dev/null || true
    done
    rm -rf "$WITNESS_DIR"
}
