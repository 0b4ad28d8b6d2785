using System.Text.Json.Nodes;

namespace Modular.Engine.Security;

/// <summary>
/// The default seccomp profile for hosts without containers-common's seccomp.json: the same
/// rules, restated as data. Source of the rules: containers-common's default profile
/// (github.com/containers/common, pkg/seccomp/seccomp.json), itself derived from Docker's
/// default: allow a list of syscalls, deny a few with EPERM, make the rest fail with ENOSYS
/// so new syscalls look unimplemented, and allow privileged syscalls only with the matching
/// capability. Refresh this table when containers-common's profile changes.
/// </summary>
public static partial class BuiltinSeccompProfile
{
    private const int Enosys = 38;

    private static readonly string[][] ArchMap =
    [
        ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
        ["SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"],
        ["SCMP_ARCH_MIPS64", "SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64N32"],
        ["SCMP_ARCH_MIPS64N32", "SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64"],
        ["SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64N32"],
        ["SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64"],
        ["SCMP_ARCH_S390X", "SCMP_ARCH_S390"],
    ];

    private static readonly JsonObject[] Rules =
    [
        Errno(1,
            "bdflush io_pgetevents kexec_file_load kexec_load migrate_pages " +
            "move_pages nfsservctl nice oldfstat oldlstat oldolduname oldstat " +
            "olduname pciconfig_iobase pciconfig_read pciconfig_write sgetmask " +
            "ssetmask swapcontext swapoff swapon sysfs uselib userfaultfd ustat " +
            "vm86 vm86old vmsplice"),
        Allow(
            "_llseek _newselect accept accept4 access adjtimex alarm bind brk " +
            "capget capset chdir chmod chown chown32 clock_adjtime clock_adjtime64 " +
            "clock_getres clock_getres_time64 clock_gettime clock_gettime64 " +
            "clock_nanosleep clock_nanosleep_time64 clone clone3 close close_range " +
            "connect copy_file_range creat dup dup2 dup3 epoll_create epoll_create1 " +
            "epoll_ctl epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait " +
            "epoll_wait_old eventfd eventfd2 execve execveat exit exit_group " +
            "faccessat faccessat2 fadvise64 fadvise64_64 fallocate fanotify_mark " +
            "fchdir fchmod fchmodat fchown fchown32 fchownat fcntl fcntl64 " +
            "fdatasync fgetxattr flistxattr flock fork fremovexattr fsconfig " +
            "fsetxattr fsmount fsopen fspick fstat fstat64 fstatat64 fstatfs " +
            "fstatfs64 fsync ftruncate ftruncate64 futex futex_time64 futimesat " +
            "get_mempolicy get_robust_list get_thread_area getcpu getcwd getdents " +
            "getdents64 getegid getegid32 geteuid geteuid32 getgid getgid32 " +
            "getgroups getgroups32 getitimer getpeername getpgid getpgrp getpid " +
            "getppid getpriority getrandom getresgid getresgid32 getresuid " +
            "getresuid32 getrlimit getrusage getsid getsockname getsockopt gettid " +
            "gettimeofday getuid getuid32 getxattr inotify_add_watch inotify_init " +
            "inotify_init1 inotify_rm_watch io_cancel io_destroy io_getevents " +
            "io_setup io_submit ioctl ioprio_get ioprio_set ipc keyctl kill " +
            "landlock_add_rule landlock_create_ruleset landlock_restrict_self " +
            "lchown lchown32 lgetxattr link linkat listen listxattr llistxattr " +
            "lremovexattr lseek lsetxattr lstat lstat64 madvise mbind membarrier " +
            "memfd_create memfd_secret mincore mkdir mkdirat mknod mknodat mlock " +
            "mlock2 mlockall mmap mmap2 mount mount_setattr move_mount mprotect " +
            "mq_getsetattr mq_notify mq_open mq_timedreceive mq_timedreceive_time64 " +
            "mq_timedsend mq_timedsend_time64 mq_unlink mremap msgctl msgget msgrcv " +
            "msgsnd msync munlock munlockall munmap name_to_handle_at nanosleep " +
            "newfstatat open open_tree openat openat2 pause pidfd_getfd pidfd_open " +
            "pidfd_send_signal pipe pipe2 pivot_root pkey_alloc pkey_free " +
            "pkey_mprotect poll ppoll ppoll_time64 prctl pread64 preadv preadv2 " +
            "prlimit64 process_mrelease process_vm_readv process_vm_writev pselect6 " +
            "pselect6_time64 ptrace pwrite64 pwritev pwritev2 read readahead " +
            "readdir readlink readlinkat readv reboot recv recvfrom recvmmsg " +
            "recvmmsg_time64 recvmsg remap_file_pages removexattr rename renameat " +
            "renameat2 restart_syscall rmdir rseq rt_sigaction rt_sigpending " +
            "rt_sigprocmask rt_sigqueueinfo rt_sigreturn rt_sigsuspend " +
            "rt_sigtimedwait rt_sigtimedwait_time64 rt_tgsigqueueinfo " +
            "sched_get_priority_max sched_get_priority_min sched_getaffinity " +
            "sched_getattr sched_getparam sched_getscheduler sched_rr_get_interval " +
            "sched_rr_get_interval_time64 sched_setaffinity sched_setattr " +
            "sched_setparam sched_setscheduler sched_yield seccomp select semctl " +
            "semget semop semtimedop semtimedop_time64 send sendfile sendfile64 " +
            "sendmmsg sendmsg sendto set_mempolicy set_robust_list set_thread_area " +
            "set_tid_address setfsgid setfsgid32 setfsuid setfsuid32 setgid " +
            "setgid32 setgroups setgroups32 setitimer setns setpgid setpriority " +
            "setregid setregid32 setresgid setresgid32 setresuid setresuid32 " +
            "setreuid setreuid32 setrlimit setsid setsockopt setuid setuid32 " +
            "setxattr shmat shmctl shmdt shmget shutdown sigaction sigaltstack " +
            "signal signalfd signalfd4 sigpending sigprocmask sigreturn sigsuspend " +
            "socketcall socketpair splice stat stat64 statfs statfs64 statx symlink " +
            "symlinkat sync sync_file_range syncfs syscall sysinfo syslog tee " +
            "tgkill time timer_create timer_delete timer_getoverrun timer_gettime " +
            "timer_gettime64 timer_settime timer_settime64 timerfd timerfd_create " +
            "timerfd_gettime timerfd_gettime64 timerfd_settime timerfd_settime64 " +
            "times tkill truncate truncate64 ugetrlimit umask umount umount2 uname " +
            "unlink unlinkat unshare utime utimensat utimensat_time64 utimes vfork " +
            "wait4 waitid waitpid write writev"),
        Allow("personality", args: [Arg(0, 0, "EQ")]),
        Allow("personality", args: [Arg(0, 8, "EQ")]),
        Allow("personality", args: [Arg(0, 131072, "EQ")]),
        Allow("personality", args: [Arg(0, 131080, "EQ")]),
        Allow("personality", args: [Arg(0, 4294967295, "EQ")]),
        Allow("sync_file_range2", arches: "ppc64le"),
        Allow(
            "arm_fadvise64_64 arm_sync_file_range breakpoint cacheflush set_tls " +
            "sync_file_range2", arches: "arm arm64"),
        Allow("arch_prctl", arches: "amd64 x32"),
        Allow("modify_ldt", arches: "amd64 x32 x86"),
        Allow("s390_pci_mmio_read s390_pci_mmio_write s390_runtime_instr", arches: "s390 s390x"),
        Allow("open_by_handle_at", needs: "CAP_DAC_READ_SEARCH"),
        Errno(1, "open_by_handle_at", unless: "CAP_DAC_READ_SEARCH"),
        Allow(
            "bpf fanotify_init lookup_dcookie perf_event_open quotactl " +
            "setdomainname sethostname setns", needs: "CAP_SYS_ADMIN"),
        Errno(1,
            "bpf fanotify_init lookup_dcookie perf_event_open quotactl " +
            "setdomainname sethostname setns", unless: "CAP_SYS_ADMIN"),
        Allow("chroot", needs: "CAP_SYS_CHROOT"),
        Errno(1, "chroot", unless: "CAP_SYS_CHROOT"),
        Allow("delete_module finit_module init_module query_module", needs: "CAP_SYS_MODULE"),
        Errno(1, "delete_module finit_module init_module query_module", unless: "CAP_SYS_MODULE"),
        Allow("acct", needs: "CAP_SYS_PACCT"),
        Errno(1, "acct", unless: "CAP_SYS_PACCT"),
        Allow("kcmp process_madvise", needs: "CAP_SYS_PTRACE"),
        Errno(1, "kcmp process_madvise", unless: "CAP_SYS_PTRACE"),
        Allow("ioperm iopl", needs: "CAP_SYS_RAWIO"),
        Errno(1, "ioperm iopl", unless: "CAP_SYS_RAWIO"),
        Allow("clock_settime clock_settime64 settimeofday stime", needs: "CAP_SYS_TIME"),
        Errno(1, "clock_settime clock_settime64 settimeofday stime", unless: "CAP_SYS_TIME"),
        Allow("vhangup", needs: "CAP_SYS_TTY_CONFIG"),
        Errno(1, "vhangup", unless: "CAP_SYS_TTY_CONFIG"),
        Errno(22, "socket", unless: "CAP_AUDIT_WRITE", args: [Arg(0, 16, "EQ"), Arg(2, 9, "EQ")]),
        Allow("socket", unless: "CAP_AUDIT_WRITE", args: [Arg(2, 9, "NE")]),
        Allow("socket", unless: "CAP_AUDIT_WRITE", args: [Arg(0, 16, "NE")]),
        Allow("socket", unless: "CAP_AUDIT_WRITE", args: [Arg(2, 9, "NE")]),
        Allow("socket", needs: "CAP_AUDIT_WRITE"),
    ];
}
