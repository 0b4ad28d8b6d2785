# shellcheck shell=bash
# make_bundle DIR ARCHIVE: an OCI bundle whose rootfs is the busybox layer from a
# docker-archive and whose process is `true`, for raw runtime timings.

make_bundle() {
    local dir=$1 archive=$2 layer
    mkdir -p "$dir/rootfs"
    layer=$(tar -tf "$archive" | grep '/layer.tar$' | head -n 1)
    tar -xOf "$archive" "$layer" | tar -x -C "$dir/rootfs"
    (cd "$dir" && runc spec)
    # No terminal (hyperfine has none), `true` as the process, rlimits within root's
    # hard limit (root here lacks CAP_SYS_RESOURCE).
    jq '.process.terminal = false | .process.args = ["true"]
        | .process.rlimits = [{"type": "RLIMIT_NOFILE", "hard": 1024, "soft": 1024}]' \
        "$dir/config.json" > "$dir/config.json.new"
    mv "$dir/config.json.new" "$dir/config.json"
}
