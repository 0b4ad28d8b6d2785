namespace Modular.TestImages;

/// <summary>
/// Text files of the images Podman's system tests expect (quay.io/libpod/testimage and
/// friends), rebuilt here on busybox-static. The passwd and group tables list the usual
/// Alpine accounts because the tests look some of them up (nobody 65534, group ping 999).
/// The stand-ins cover commands Debian's busybox lacks (printenv, getent, adduser).
/// </summary>
public static class PodmanSuiteFiles
{
    public const string TestImageTag = "20241011";

    public const string Passwd =
        "root:x:0:0:root:/root:/bin/ash\n" +
        "bin:x:1:1:bin:/bin:/sbin/nologin\n" +
        "daemon:x:2:2:daemon:/sbin:/sbin/nologin\n" +
        "adm:x:3:4:adm:/var/adm:/sbin/nologin\n" +
        "lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\n" +
        "sync:x:5:0:sync:/sbin:/bin/sync\n" +
        "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\n" +
        "halt:x:7:0:halt:/sbin:/sbin/halt\n" +
        "mail:x:8:12:mail:/var/mail:/sbin/nologin\n" +
        "news:x:9:13:news:/usr/lib/news:/sbin/nologin\n" +
        "uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin\n" +
        "operator:x:11:0:operator:/root:/sbin/nologin\n" +
        "man:x:13:15:man:/usr/man:/sbin/nologin\n" +
        "cron:x:16:16:cron:/var/spool/cron:/sbin/nologin\n" +
        "ftp:x:21:21::/var/lib/ftp:/sbin/nologin\n" +
        "sshd:x:22:22:sshd:/dev/null:/sbin/nologin\n" +
        "games:x:35:35:games:/usr/games:/sbin/nologin\n" +
        "ntp:x:123:123:NTP:/var/empty:/sbin/nologin\n" +
        "guest:x:405:100:guest:/dev/null:/sbin/nologin\n" +
        "nobody:x:65534:65534:nobody:/:/sbin/nologin\n";

    public const string Group =
        "root:x:0:root\n" +
        "bin:x:1:root,bin,daemon\n" +
        "daemon:x:2:root,bin,daemon\n" +
        "sys:x:3:root,bin,adm\n" +
        "adm:x:4:root,adm,daemon\n" +
        "tty:x:5:\n" +
        "disk:x:6:root,adm\n" +
        "lp:x:7:lp\n" +
        "kmem:x:9:\n" +
        "wheel:x:10:root\n" +
        "floppy:x:11:root\n" +
        "mail:x:12:mail\n" +
        "news:x:13:news\n" +
        "uucp:x:14:uucp\n" +
        "cron:x:16:cron\n" +
        "audio:x:18:\n" +
        "cdrom:x:19:\n" +
        "dialout:x:20:root\n" +
        "ftp:x:21:\n" +
        "sshd:x:22:\n" +
        "tape:x:26:root\n" +
        "video:x:27:root\n" +
        "games:x:35:\n" +
        "www-data:x:82:\n" +
        "users:x:100:games\n" +
        "ntp:x:123:\n" +
        "ping:x:999:\n" +
        "nogroup:x:65533:\n" +
        "nobody:x:65534:\n";

    public const string OsRelease =
        "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.4\n" +
        "PRETTY_NAME=\"Alpine Linux v3.19 (Modular busybox stand-in)\"\n";

    public const string AlpineRelease = "3.19.4\n";

    public const string LibpodAlpineRelease = "3.10.2\n";

    public const string Issue = "Welcome to Alpine Linux 3.19 (Modular busybox stand-in)\n\n";

    /// <summary>Loops until killed; the pod tests read its first line.</summary>
    public const string Pause =
        "#!/bin/sh\n# Used by the pod tests as an infra command.\n" +
        "echo Confirmed: testimage pause invoked as $0\nwhile :; do\n    sleep 0.1\ndone\n";

    /// <summary>Healthy until /uh-oh exists.</summary>
    public const string Healthcheck =
        "#!/bin/sh\nif test -e /uh-oh; then\n    echo \"Uh-oh on stdout!\"\n" +
        "    echo \"Uh-oh on stderr!\" >&2\n    exit 1\nelse\n    echo \"Life is Good on stdout\"\n" +
        "    echo \"Life is Good on stderr\" >&2\n    exit 0\nfi\n";

    /// <summary>Checks that a file holds the bytes its name says (name = sha256).</summary>
    public const string Bytecheck =
        "#!/bin/sh\nfor f in \"$@\"; do\n" +
        "    sum=$(sha256sum \"$f\" | cut -d' ' -f1)\n" +
        "    test \"$sum\" = \"$(basename \"$f\")\" || { echo \"$f: bad checksum\"; exit 1; }\n" +
        "done\necho ok\n";

    /// <summary>busybox-extras of Alpine is busybox with the network applets.</summary>
    public const string BusyboxExtras = "#!/bin/sh\nexec /bin/busybox \"$@\"\n";

    /// <summary>
    /// printenv: no argument prints the environment; names print values, 1 if unset. An awk
    /// script, since a shell would add PATH, PWD and SHLVL that printenv must not show.
    /// </summary>
    public const string Printenv =
        "#!/usr/bin/awk -f\n# Stand-in: Debian's busybox-static has no printenv applet.\n" +
        "BEGIN {\n    if (ARGC < 2) { for (name in ENVIRON) print name \"=\" ENVIRON[name]; exit 0 }\n" +
        "    rc = 0\n    for (i = 1; i < ARGC; i++) { if (ARGV[i] in ENVIRON) print ENVIRON[ARGV[i]]; else rc = 1 }\n" +
        "    exit rc\n}\n";

    /// <summary>getent passwd|group [KEY]: lines of the file by name or number.</summary>
    public const string Getent =
        "#!/bin/sh\n# Stand-in: Debian's busybox-static has no getent applet.\n" +
        "db=$1\nshift\ncase $db in passwd|group) ;; *) exit 1 ;; esac\n" +
        "if [ $# -eq 0 ]; then\n    cat /etc/$db\n    exit 0\nfi\nrc=0\nfor key in \"$@\"; do\n" +
        "    awk -F: -v k=\"$key\" '$1 == k || $3 == k { print; found = 1; exit } " +
        "END { exit !found }' /etc/$db || rc=2\ndone\nexit $rc\n";

    /// <summary>adduser -u UID -G GROUP -D -g GECOS -s SHELL [-h HOME] NAME (Alpine flags).</summary>
    public const string Adduser =
        "#!/bin/sh\n# Stand-in: Debian's busybox-static has no adduser applet.\n" +
        "uid= gid= gecos= shell=/bin/sh home=\n" +
        "while getopts u:G:g:s:h:DSH opt; do\n    case $opt in\n" +
        "        u) uid=$OPTARG ;;\n        G) gid=$(awk -F: -v g=\"$OPTARG\" '$1 == g { print $3 }' /etc/group) ;;\n" +
        "        g) gecos=$OPTARG ;;\n        s) shell=$OPTARG ;;\n        h) home=$OPTARG ;;\n" +
        "        *) ;;\n    esac\ndone\nshift $((OPTIND - 1))\nname=$1\n" +
        "[ -n \"$name\" ] || { echo 'adduser: missing user name' >&2; exit 1; }\n" +
        "[ -n \"$uid\" ] || uid=$(awk -F: 'BEGIN { m = 999 } $3 > m && $3 < 60000 { m = $3 } " +
        "END { print m + 1 }' /etc/passwd)\n" +
        "[ -n \"$gid\" ] || gid=$uid\n[ -n \"$home\" ] || home=/home/$name\n" +
        "echo \"$name:x:$uid:$gid:$gecos:$home:$shell\" >> /etc/passwd\n" +
        "mkdir -p \"$home\" && chown \"$uid:$gid\" \"$home\"\n";

    /// <summary>
    /// nc: busybox's own, with its error lines in musl's words. Alpine's busybox (Podman's
    /// test image) is built on musl, whose strerror differs from glibc's for some network
    /// errors, and the tests match the text ("nc: bind: Address in use"). The exit status
    /// is nc's (pipefail); stdin and stdout pass straight through.
    /// </summary>
    public const string Nc =
        "#!/bin/sh\n# Stand-in: glibc's busybox-static words some errors unlike Alpine's musl.\n" +
        "set -o pipefail\n" +
        "{ /bin/busybox nc \"$@\" 2>&1 1>&3 3>&- | /bin/busybox sed" +
        " -e 's/Address already in use/Address in use/'" +
        " -e 's/Connection timed out/Operation timed out/'" +
        " -e 's/No route to host/Host is unreachable/'" +
        " -e 's/Network is unreachable/Network unreachable/' >&2 3>&-; } 3>&1\n";

    /// <summary>The k8s pause stand-in: sleeps until a signal ends it.</summary>
    public const string K8sPause =
        "#!/bin/sh\ntrap 'exit 0' INT TERM\nwhile :; do\n    sleep 3600 &\n    wait $!\ndone\n";

    /// <summary>A registry config like the registry image's: storage in /var/lib/registry.</summary>
    public const string RegistryConfig =
        "version: 0.1\nlog:\n  fields:\n    service: registry\nstorage:\n  cache:\n" +
        "    blobdescriptor: inmemory\n  filesystem:\n    rootdirectory: /var/lib/registry\n" +
        "http:\n  addr: :5000\n";

    /// <summary>The registry image's entrypoint: a config path becomes "registry serve".</summary>
    public const string RegistryEntrypoint =
        "#!/bin/sh\nset -e\ncase \"$1\" in\n    *.yaml|*.yml) set -- registry serve \"$@\" ;;\n" +
        "    serve|garbage-collect|help|-*) set -- registry \"$@\" ;;\nesac\nexec \"$@\"\n";
}
