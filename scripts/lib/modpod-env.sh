# shellcheck shell=bash
# modpod in a store of its own: config files under one temp directory named by the
# environment variables modpod reads, and --root/--runroot inside it. Never the
# environment of the witness Podman. Source; modpod_init DIR [RUNTIME]; `mp ARGS...`.

modpod_init() {
    MODPOD_DIR=$1
    local runtime=${2:-crun} root plugins
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    MODPOD=${MODPOD:-$root/artifacts/stage/bin/modpod}
    plugins=${MODPOD_PLUGINS:-$(dirname "$(readlink -f "$MODPOD")")/../plugins}
    mkdir -p "$MODPOD_DIR"/{root,runroot,libexec,events}
    cat > "$MODPOD_DIR/containers.conf" <<CONF
[containers]
default_ulimits = []

[engine]
runtime = "$runtime"
cgroup_manager = "cgroupfs"
events_logfile_path = "$MODPOD_DIR/events/events.log"
CONF
    cat > "$MODPOD_DIR/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$MODPOD_DIR/root"
runroot = "$MODPOD_DIR/runroot"
CONF
    # No unqualified search: a short name must never reach a public registry.
    printf 'unqualified-search-registries = []\n' > "$MODPOD_DIR/registries.conf"
    cat > "$MODPOD_DIR/modular.conf" <<CONF
[modular]
plugin_dirs = ["$(readlink -f "$plugins")"]
helper_dir = "$MODPOD_DIR/libexec"
CONF
}

mp() {
    CONTAINERS_CONF=$MODPOD_DIR/containers.conf \
        CONTAINERS_STORAGE_CONF=$MODPOD_DIR/storage.conf \
        CONTAINERS_REGISTRIES_CONF=$MODPOD_DIR/registries.conf \
        MODULAR_CONF=$MODPOD_DIR/modular.conf \
        "$MODPOD" --root "$MODPOD_DIR/root" --runroot "$MODPOD_DIR/runroot" "$@"
}

# The same command line as text, for tools such as hyperfine that take a string.
mp_command() {
    printf 'CONTAINERS_CONF=%q CONTAINERS_STORAGE_CONF=%q CONTAINERS_REGISTRIES_CONF=%q MODULAR_CONF=%q %q --root %q --runroot %q' \
        "$MODPOD_DIR/containers.conf" "$MODPOD_DIR/storage.conf" "$MODPOD_DIR/registries.conf" \
        "$MODPOD_DIR/modular.conf" "$MODPOD" "$MODPOD_DIR/root" "$MODPOD_DIR/runroot"
}

# Removes modpod's containers, unmounts what is left under its dir, deletes it.
modpod_cleanup() {
    [ -n "${MODPOD_DIR:-}" ] && [ -d "$MODPOD_DIR" ] || return 0
    mp rm -f -a -t 0 >/dev/null 2>&1 || true
    # rm -a leaves infra containers to their pods, as Podman does.
    mp pod rm -f -a -t 0 >/dev/null 2>&1 || true
    local mnt
    while read -r mnt; do
        umount -l "$mnt" 2>/dev/null || true
    done < <(awk -v d="$MODPOD_DIR/" 'index($5, d) == 1 {print $5}' /proc/self/mountinfo | sort -r)
    rm -rf "$MODPOD_DIR"
}
