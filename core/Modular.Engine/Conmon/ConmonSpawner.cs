using System.ComponentModel;
using System.Runtime.InteropServices;
using static Modular.Engine.Conmon.NativeMethods;

namespace Modular.Engine.Conmon;

/// <summary>
/// Starts conmon with posix_spawn, the one exception to CliWrap: conmon reads its sync pipe
/// from fd 3 and its start pipe from fd 4 (_OCI_SYNCPIPE, _OCI_STARTPIPE), and .NET's
/// Process cannot hand a child any descriptor beyond stdio. posix_spawn (vfork+exec in
/// glibc) is safe in a multithreaded process, unlike fork.
/// </summary>
internal static unsafe class ConmonSpawner
{
    // Without passed-through descriptors the pipes sit at 3, 4 and 5; with them, right after.
    private const int FirstPipeFd = 3;

    /// <summary>
    /// Spawns conmon; the caller owns the returned parent ends of both pipes. With a null
    /// <paramref name="stderrPath"/> conmon shares this process's stdout and stderr, which
    /// the passthrough log driver hands on to the container. conmon starts in
    /// <paramref name="workingDirectory"/> when given: conmon 2.1 writes its <c>oom</c>
    /// file into its working directory, which must not be the user's. The environment gets
    /// _OCI_SYNCPIPE, _OCI_STARTPIPE (and _OCI_ATTACHPIPE) naming where the pipes landed.
    /// </summary>
    public static SpawnedConmon Spawn(
        string executable,
        IReadOnlyList<string> arguments,
        IReadOnlyList<string> environment,
        string? stderrPath,
        string? workingDirectory = null,
        bool attachPipe = false,
        FdPassthrough? preserved = null)
    {
        preserved ??= FdPassthrough.None;
        var first = FirstPipeFd + (int)preserved.Span;
        environment =
        [
            .. environment.Where(e => !e.StartsWith("_OCI_", StringComparison.Ordinal)),
            $"_OCI_SYNCPIPE={first}",
            $"_OCI_STARTPIPE={first + 1}",
            .. attachPipe ? [$"_OCI_ATTACHPIPE={first + 2}"] : Array.Empty<string>(),
        ];
        var (syncRead, syncWrite) = CreatePipe();
        var (startRead, startWrite) = CreatePipe();
        var (attachRead, attachWrite) = attachPipe ? CreatePipe() : (-1, -1);
        try
        {
            var pid = SpawnWith(
                executable,
                arguments,
                environment,
                new SpawnStdio(stderrPath, workingDirectory, preserved),
                new ChildPipes(syncWrite, startRead, attachWrite));
            return new SpawnedConmon(pid, syncRead, startWrite, attachRead);
        }
        catch
        {
            close(syncRead);
            close(startWrite);
            CloseIfOpen(attachRead);
            throw;
        }
        finally
        {
            // The child holds its own copies at 3, 4 (and 5); the parent keeps only its ends.
            close(syncWrite);
            close(startRead);
            CloseIfOpen(attachWrite);
        }
    }

    private static void CloseIfOpen(int fd)
    {
        if (fd >= 0)
        {
            close(fd);
        }
    }

    /// <summary>Reaps the conmon parent, which exits once it has forked the monitor.</summary>
    public static int WaitForExit(int pid)
    {
        int status;
        while (waitpid(pid, &status, 0) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Eintr)
            {
                throw new Win32Exception(errno, "waitpid conmon");
            }
        }

        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
    }

    private static (int Read, int Write) CreatePipe()
    {
        var fds = stackalloc int[2];
        if (pipe2(fds, OCloexec) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "pipe2");
        }

        // Lift both ends above the low descriptors so dup2 onto 3 and 4 never meets itself
        // (dup2 of an fd onto itself would keep its close-on-exec flag).
        return (Raise(fds[0]), Raise(fds[1]));
    }

    private static int Raise(int fd)
    {
        var raised = fcntl(fd, FDupfdCloexec, 100);
        var errno = Marshal.GetLastPInvokeError();
        close(fd);
        return raised >= 0 ? raised : throw new Win32Exception(errno, "fcntl F_DUPFD_CLOEXEC");
    }

    private static int SpawnWith(
        string executable,
        IReadOnlyList<string> arguments,
        IReadOnlyList<string> environment,
        SpawnStdio stdio,
        ChildPipes pipes)
    {
        var stderrPath = stdio.StderrPath;
        var actions = stackalloc byte[FileActionsSize];
        var attributes = stackalloc byte[SpawnAttrSize];
        var signals = stackalloc byte[SigSetSize];
        posix_spawn_file_actions_init(actions);
        posix_spawnattr_init(attributes);
        var strings = new List<nint>();
        try
        {
            posix_spawn_file_actions_addopen(actions, 0, "/dev/null", ORdonly, 0);
            if (stderrPath is not null)
            {
                posix_spawn_file_actions_addopen(actions, 1, "/dev/null", OWronly, 0);
                posix_spawn_file_actions_addopen(actions, 2, stderrPath, OWronly | OCreat | OAppend, 0x180);
            }

            if (stdio.WorkingDirectory is { } directory)
            {
                posix_spawn_file_actions_addchdir_np(actions, directory);
            }

            // Passed-through descriptors keep their numbers (inherited, not close-on-exec);
            // the unlisted ones between them are closed. glibc ignores closing a free number.
            foreach (var fd in stdio.Preserved.Closed)
            {
                posix_spawn_file_actions_addclose(actions, fd);
            }

            var first = FirstPipeFd + (int)stdio.Preserved.Span;
            posix_spawn_file_actions_adddup2(actions, pipes.SyncWrite, first);
            posix_spawn_file_actions_adddup2(actions, pipes.StartRead, first + 1);
            if (pipes.AttachWrite >= 0)
            {
                // exec --exec-attach: conmon says on _OCI_ATTACHPIPE that its socket listens.
                posix_spawn_file_actions_adddup2(actions, pipes.AttachWrite, first + 2);
            }

            // .NET ignores SIGPIPE and may block signals on this thread; conmon and the
            // container would inherit both, so every signal is reset and unblocked.
            sigfillset(signals);
            posix_spawnattr_setsigdefault(attributes, signals);
            sigemptyset(signals);
            posix_spawnattr_setsigmask(attributes, signals);
            posix_spawnattr_setflags(attributes, PosixSpawnSetSigDef | PosixSpawnSetSigMask);

            return Invoke(executable, arguments, environment, actions, attributes, strings);
        }
        finally
        {
            strings.ForEach(Marshal.FreeCoTaskMem);
            posix_spawn_file_actions_destroy(actions);
            posix_spawnattr_destroy(attributes);
        }
    }

    private static int Invoke(
        string executable,
        IReadOnlyList<string> arguments,
        IReadOnlyList<string> environment,
        byte* actions,
        byte* attributes,
        List<nint> strings)
    {
        nint Alloc(string value)
        {
            var pointer = Marshal.StringToCoTaskMemUTF8(value);
            strings.Add(pointer);
            return pointer;
        }

        var argv = stackalloc nint[arguments.Count + 2];
        argv[0] = Alloc(executable);
        for (var i = 0; i < arguments.Count; i++)
        {
            argv[i + 1] = Alloc(arguments[i]);
        }

        argv[arguments.Count + 1] = 0;
        var envp = stackalloc nint[environment.Count + 1];
        for (var i = 0; i < environment.Count; i++)
        {
            envp[i] = Alloc(environment[i]);
        }

        envp[environment.Count] = 0;
        int pid;
        var rc = posix_spawn(&pid, argv[0], actions, attributes, argv, envp);
        return rc == 0 ? pid : throw new Win32Exception(rc, $"posix_spawn {executable}");
    }

    private sealed record SpawnStdio(string? StderrPath, string? WorkingDirectory, FdPassthrough Preserved);

    private readonly record struct ChildPipes(int SyncWrite, int StartRead, int AttachWrite);
}
