using System.Runtime.InteropServices;

namespace Modular.Engine.Conmon;

/// <summary>libc calls for starting conmon and talking to its socket.</summary>
internal static unsafe partial class NativeMethods
{
    public const int OCloexec = 0x80000;
    public const int ORdonly = 0;
    public const int OWronly = 1;
    public const int OCreat = 0x40;
    public const int OAppend = 0x400;
    public const int OPath = 0x200000;
    public const int ODirectory = 0x10000;
    public const int FDupfdCloexec = 1030;
    public const short PosixSpawnSetSigDef = 0x04;
    public const short PosixSpawnSetSigMask = 0x08;
    public const int AfUnix = 1;
    public const int SockSeqpacket = 5;
    public const int SockCloexec = 0x80000;
    public const int Eintr = 4;

    // glibc's posix_spawnattr_t is 336 bytes, posix_spawn_file_actions_t 80 and sigset_t 128
    // on x86_64 and arm64; the buffers are larger so a different libc layout cannot overrun.
    public const int SpawnAttrSize = 1024;
    public const int FileActionsSize = 512;
    public const int SigSetSize = 256;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int pipe2(int* fds, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int fcntl(int fd, int cmd, int arg);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int waitpid(int pid, int* status, int options);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newFd);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_addclose(void* actions, int fd);

    // glibc 2.29 and later; Debian 12 has 2.36.
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn_file_actions_addchdir_np(void* actions, string path);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn_file_actions_addopen(
        void* actions,
        int fd,
        string path,
        int flags,
        int mode);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_setsigdefault(void* attributes, void* signals);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_setsigmask(void* attributes, void* signals);

    [LibraryImport("libc")]
    public static partial int sigfillset(void* signals);

    [LibraryImport("libc")]
    public static partial int sigemptyset(void* signals);

    [LibraryImport("libc")]
    public static partial int posix_spawn(
        int* pid,
        nint path,
        void* fileActions,
        void* attributes,
        nint* argv,
        nint* envp);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int connect(int fd, byte* address, int length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int kill(int pid, int signal);
}
