#!/bin/sh
# OCI hook (createRuntime): writes the container's network namespace, as the host
# sees it (/proc/PID/ns/net and its inode), to /etc/modular-netns inside the
# container, and appends it to LOGFILE on the host. Arguments: [LOGFILE].
# The state on stdin gives the pid and the bundle; the bundle's config.json gives
# the root filesystem. Hooks run with an empty environment, hence PATH here.
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
logfile=${1:-/var/log/modular-hooks/netns.log}
state=$(cat)
pid=$(printf '%s' "$state" | sed -n 's/.*"pid": *\([0-9]*\).*/\1/p')
bundle=$(printf '%s' "$state" | sed -n 's/.*"bundle": *"\([^"]*\)".*/\1/p')
id=$(printf '%s' "$state" | sed -n 's/.*"id": *"\([^"]*\)".*/\1/p')
rootfs=$(tr -d '\n' < "$bundle/config.json" \
    | sed -n 's/.*"root": *{ *"path": *"\([^"]*\)".*/\1/p')
case $rootfs in /*) ;; *) rootfs=$bundle/$rootfs ;; esac
netns=$(readlink "/proc/$pid/ns/net")
printf '/proc/%s/ns/net %s\n' "$pid" "$netns" > "$rootfs/etc/modular-netns"
mkdir -p "$(dirname "$logfile")"
printf '%s %s\n' "$id" "$netns" >> "$logfile"
