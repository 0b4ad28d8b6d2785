#!/bin/sh
# OCI hook: saves the container state the runtime passes on stdin as
# LOGDIR/<container id>.<status>.json (status: creating/created at createRuntime,
# stopped at poststop). Argument: [LOGDIR], /var/log/modular-hooks by default.
# Hooks run with an empty environment, hence PATH here.
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
logdir=${1:-/var/log/modular-hooks}
state=$(cat)
field() {
    printf '%s' "$state" | sed -n "s/.*\"$1\": *\"\\([^\"]*\\)\".*/\\1/p"
}
id=$(field id)
status=$(field status)
mkdir -p "$logdir"
printf '%s\n' "$state" > "$logdir/${id:-unknown}.${status:-unknown}.json"
