# shellcheck shell=bash
# Sourced by bench/run after the engines are set up: a 10-step build (FROM, ENV, LABEL,
# WORKDIR, three RUNs, two COPYs, CMD) of the busybox image, cold (--no-cache: every step
# runs and commits) and warm (every step from the layer cache), modpod against the
# witness, both --network none and --pull=never. Sets BUILD_BENCHES to the results.

BUILD_RUNS=${BUILD_RUNS:-5}
BUILD_BENCHES=()
BUILD_CTX=$WORK/build-context
mkdir -p "$BUILD_CTX"
head -c 65536 /dev/urandom > "$BUILD_CTX/blob.bin"
printf 'bench\n' > "$BUILD_CTX/note.txt"
cat > "$BUILD_CTX/Containerfile" <<'CF'
FROM localhost/busybox:latest
ENV BENCH=1
LABEL bench=build
WORKDIR /bench
RUN echo one > one.txt
COPY note.txt note.txt
RUN cat note.txt one.txt > both.txt
COPY blob.bin blob.bin
RUN sha256sum blob.bin > blob.sum
CMD ["cat", "both.txt"]
CF

build_cmds() {
    local flags=$1
    local -a cmds=()
    if [ "$MODPOD_OK" = 1 ] && mp build -q --network none --pull=never -t localhost/bench-build "$BUILD_CTX" >/dev/null 2>&1; then
        cmds+=(-n modpod "$MP build -q --network none --pull=never $flags -t localhost/bench-build $BUILD_CTX >/dev/null")
    fi
    cmds+=(-n podman "$PM build -q --network none --pull=never $flags -t localhost/bench-build $BUILD_CTX >/dev/null")
    printf '%s\0' "${cmds[@]}"
}

mapfile -d '' COLD_CMDS < <(build_cmds --no-cache)
hyperfine --shell=bash --runs "$BUILD_RUNS" --warmup 1 --style basic --export-json "$WORK/build-cold.json" "${COLD_CMDS[@]}"
BUILD_BENCHES+=(build-cold)

mapfile -d '' WARM_CMDS < <(build_cmds "")
hyperfine --shell=bash --runs "$BUILD_RUNS" --warmup 1 --style basic --export-json "$WORK/build-warm.json" "${WARM_CMDS[@]}"
BUILD_BENCHES+=(build-warm)
