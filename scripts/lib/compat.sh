# shellcheck shell=bash
# The pieces of scripts/compat: netns, registry, images, private store, one bats file.
# Source after setting ROOT, WORK, NS, MODPOD, TESTS, RESULTS and FILE_TIMEOUT.

# The suite folder: $COMPAT_TESTS_DIR, else ../shared/podman-system-tests next to this
# checkout or next to the main checkout of this repository (worktrees live elsewhere).
compat_tests_dir() {
    local common candidate
    common=$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
    for candidate in "${COMPAT_TESTS_DIR:-}" "$ROOT/../shared/podman-system-tests" \
        "${common:+$(dirname "$common")/../shared/podman-system-tests}"; do
        if [ -n "$candidate" ] && [ -f "$candidate/helpers.bash" ]; then
            (cd "$candidate" && pwd)
            return 0
        fi
    done
    echo "compat: Podman's system tests not found; set COMPAT_TESTS_DIR" >&2
    return 1
}

compat_in_ns() {
    nsenter --net="/run/netns/$NS" "$@"
}

compat_netns_up() {
    ip netns add "$NS"
    NS_CREATED=1
    compat_in_ns ip link set lo up
}

compat_build_images() {
    dotnet build "$ROOT/tests/Modular.TestImages" -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null
    IMAGES=$ROOT/tests/Modular.TestImages/bin/Release/net10.0/Modular.TestImages
}

# The private store (modpod-env.sh), with the registry rewrite, a network config dir of
# its own, and the wrappers the suite finds first on PATH.
compat_store_init() {
    # shellcheck source=scripts/lib/modpod-env.sh
    . "$ROOT/scripts/lib/modpod-env.sh"
    modpod_init "$WORK/store" crun
    STORE=$WORK/store
    mkdir -p "$STORE/net" "$WORK/bin" "$WORK/tmp" "$WORK/registry"
    printf '\n[network]\nnetwork_config_dir = "%s"\n' "$STORE/net" >> "$STORE/containers.conf"
    cat > "$STORE/registries.conf" <<CONF
# Public names the suite uses, served by the loopback registry of the compat netns.
unqualified-search-registries = ["docker.io"]

[[registry]]
prefix = "quay.io"
location = "127.0.0.1:5000"
insecure = true

[[registry]]
prefix = "docker.io"
location = "127.0.0.1:5000"
insecure = true

[[registry]]
location = "127.0.0.1:5000"
insecure = true
CONF
    compat_write_wrappers
}

compat_write_wrappers() {
    # Config files only by default: the tests set CONTAINERS_CONF or storage.conf files
    # of their own; --root/--runroot keep even those off /var/lib/modular.
    cat > "$WORK/bin/modpod" <<SH
#!/bin/sh
export CONTAINERS_CONF="\${CONTAINERS_CONF:-$STORE/containers.conf}"
export CONTAINERS_STORAGE_CONF="\${CONTAINERS_STORAGE_CONF:-$STORE/storage.conf}"
export CONTAINERS_REGISTRIES_CONF="\${CONTAINERS_REGISTRIES_CONF:-$STORE/registries.conf}"
export MODULAR_CONF="$STORE/modular.conf"
root="--root $STORE/root" runroot="--runroot $STORE/runroot"
for arg in "\$@"; do
    case \$arg in
        --root|--root=*) root= ;;
        --runroot|--runroot=*) runroot= ;;
    esac
done
exec "$MODPOD" \$root \$runroot "\$@"
SH
    # OpenSSL 3.0 has no "req -quiet" (setup_suite's gen-tls uses it).
    cat > "$WORK/bin/openssl" <<'SH'
#!/bin/sh
if [ "$1" = req ]; then
    shift
    for arg in "$@"; do
        shift
        [ "$arg" = -quiet ] || set -- "$@" "$arg"
    done
    exec /usr/bin/openssl req "$@" 2>/dev/null
fi
exec /usr/bin/openssl "$@"
SH
    # Buildah keeps its store in /var/lib/containers, which this run must never touch
    # (040-ps and 030-run call it for "external" containers, which modpod has none of).
    cat > "$WORK/bin/buildah" <<'SH'
#!/bin/sh
echo "buildah: not available in the modpod compat run (it would use /var/lib/containers)" >&2
exit 127
SH
    ln -s "$ROOT/scripts/lib/compat-skopeo" "$WORK/bin/skopeo"
    chmod +x "$WORK/bin/modpod" "$WORK/bin/openssl" "$WORK/bin/buildah"
}

compat_registry_start() {
    cat > "$WORK/registry/config.yml" <<CONF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $WORK/registry/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:5000
CONF
    # nsenter itself, not the compat_in_ns function: a function sent to the background
    # runs in a subshell whose PID is $!, and killing it would leave the registry running.
    # nsenter (without --fork) execs the registry, so $! is the registry's own PID.
    nsenter --net="/run/netns/$NS" /usr/bin/docker-registry serve "$WORK/registry/config.yml" \
        >"$WORK/registry/log" 2>&1 &
    REGISTRY_PID=$!
    for _ in $(seq 100); do
        compat_in_ns curl -fsS http://127.0.0.1:5000/v2/ >/dev/null 2>&1 && return 0
        kill -0 "$REGISTRY_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "compat: the registry did not answer on 127.0.0.1:5000; its log:" >&2
    cat "$WORK/registry/log" >&2
    return 1
}

compat_push_images() {
    compat_in_ns "$IMAGES" push-podman-suite 127.0.0.1:5000 > "$WORK/registry/pushed"
}

# The suite's clean_setup keeps the test image but would fetch it with skopeo if absent.
compat_preload() {
    compat_in_ns "$WORK/bin/modpod" pull -q quay.io/libpod/testimage:20241011 >/dev/null
}

# compat_run_file NNN-name.bats: runs it, rewrites its TAP, prints its table row and
# sets FILE_PASS, FILE_FAIL, FILE_SKIP.
compat_run_file() {
    local file=$1 name=${1%.bats} start=$SECONDS
    # COMPAT_FILTER: a bats --filter regex, to run only the tests whose names match.
    local filter=()
    [ -z "${COMPAT_FILTER:-}" ] || filter=(--filter "$COMPAT_FILTER")
    compat_in_ns env PATH="$WORK/bin:$PATH" PODMAN="$WORK/bin/modpod" \
        COMPAT_MODPOD="$WORK/bin/modpod" COMPAT_REGISTRIES_CONF="$STORE/registries.conf" \
        TMPDIR="$WORK/tmp" \
        timeout -k 30 "$FILE_TIMEOUT" bats --tap "${filter[@]}" "$TESTS/$file" \
        >"$RESULTS/$name.raw.tap" 2>"$RESULTS/$name.stderr" </dev/null || true
    local counts
    counts=$(compat_tap_rewrite "$file" <"$RESULTS/$name.raw.tap" 3>"$RESULTS/$name.tap")
    read -r FILE_PASS FILE_FAIL FILE_SKIP <<<"$counts"
    printf '%-22s %7d %7d %7d %8d\n' "$file" "$FILE_PASS" "$FILE_FAIL" "$FILE_SKIP" \
        $((SECONDS - start))
}

# TAP on stdin -> TAP on fd 3 with machine-listed tests turned into skips; prints
# "passed failed skipped". Tests the plan promised but TAP never reported (a timeout)
# count as failed; with no plan at all, every @test of the file does.
compat_tap_rewrite() {
    local file=$1 planned
    planned=$(grep -c '^@test ' "$TESTS/$file" || true)
    awk -v file="$file" -v planned="$planned" -v skips="$ROOT/tests/compat/machine-skips" '
        BEGIN {
            FS = "\n"
            while ((getline line < skips) > 0) {
                if (line ~ /^#/ || line !~ /\|/) continue
                n = split(line, part, /[ \t]*\|[ \t]*/)
                sub(/^[ \t]+/, "", part[1])
                if (part[1] == file) machine[part[2]] = part[3]
            }
        }
        function name_of(text) {
            sub(/^(not )?ok [0-9]+ /, "", text)
            sub(/^\[[0-9]+\] /, "", text)
            return text
        }
        /^1\.\.[0-9]+$/ { plan = substr($0, 4) + 0; print > "/dev/fd/3"; next }
        /^(not )?ok [0-9]+ / {
            seen++
            desc = name_of($0)
            if (desc ~ / # skip/) { skipped++; print > "/dev/fd/3"; next }
            if (desc in machine) {
                skipped++
                sub(/^not ok/, "ok")
                print $0 " # skip (machine: " machine[desc] ")" > "/dev/fd/3"
                next
            }
            if ($0 ~ /^not ok/) failed++; else passed++
            print > "/dev/fd/3"
            next
        }
        { print > "/dev/fd/3" }
        END {
            total = plan > 0 ? plan : planned
            if (seen < total) failed += total - seen
            printf "%d %d %d\n", passed, failed, skipped
        }'
}

# Empties the store (containers first, as modpod_cleanup does), stops the registry by
# its PID, deletes the netns, unmounts what is left under WORK and removes it.
compat_cleanup() {
    local status=$?
    set +e
    if [ -n "${STORE:-}" ] && [ -d "$STORE" ] && [ -n "${NS_CREATED:-}" ]; then
        compat_in_ns "$WORK/bin/modpod" pod rm -a -f -t 0 >/dev/null 2>&1
        compat_in_ns "$WORK/bin/modpod" rm -a -f -t 0 >/dev/null 2>&1
        compat_in_ns "$WORK/bin/modpod" volume rm -a -f >/dev/null 2>&1
    fi
    if [ -n "${REGISTRY_PID:-}" ]; then
        kill "$REGISTRY_PID" 2>/dev/null
        wait "$REGISTRY_PID" 2>/dev/null
    fi
    [ -n "${NS_CREATED:-}" ] && ip netns delete "$NS"
    if [ -n "${WORK:-}" ] && [ -d "$WORK" ]; then
        local mnt
        while read -r mnt; do
            umount -l "$mnt" 2>/dev/null
        done < <(awk -v d="$WORK/" 'index($5, d) == 1 {print $5}' /proc/self/mountinfo | sort -r)
        [ -n "${COMPAT_KEEP:-}" ] && echo "compat: kept $WORK" >&2 || rm -rf "$WORK"
    fi
    return "$status"
}
