namespace Modular.Engine.Conmon;

/// <summary>conmon's command line for one container (conmon 2.1, API version 1).</summary>
internal static class ConmonArguments
{
    public static List<string> Build(ConmonRequest request)
    {
        var args = new List<string>
        {
            "--api-version", "1",
            "-c", request.ContainerId,
            "-u", request.ContainerId,
            "-r", request.RuntimeExecutable,
            "-b", request.BundlePath,
            "-p", request.PidFile,
            "-n", request.Name,
            "--exit-dir", request.ExitDirectory,
            "--persist-dir", request.PersistDirectory,
            // --full-attach puts the attach socket at BUNDLE/attach whatever its length; the
            // engine connects through /proc/self/fd/N/attach, which is always short enough.
            "--full-attach",
            "--socket-dir-path", request.SocketDirectory,
            "--log-level", request.LogLevel,
            "--conmon-pidfile", request.ConmonPidFile,
        };
        foreach (var runtimeArgument in request.RuntimeArguments)
        {
            args.Add("--runtime-arg");
            args.Add(runtimeArgument);
        }

        if (request.Timeout > 0)
        {
            // conmon kills the container after this many seconds and records exit code -1.
            args.Add("--timeout");
            args.Add(request.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (request.Preserved is { Span: > 0 } preserved)
        {
            // conmon hands --runtime-opt to `runtime create`, which keeps 3 to SPAN+2 open.
            args.AddRange(["--runtime-opt", "--preserve-fds", "--runtime-opt",
                preserved.Span.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        AddLogging(request, args);
        AddStdio(request, args);
        AddRestore(request, args);
        args.Add("--exit-command");
        args.Add(request.ExitCommand);
        foreach (var exitArgument in request.ExitCommandArguments)
        {
            args.Add("--exit-command-arg");
            args.Add(exitArgument);
        }

        return args;
    }

    // As Podman: a terminal carries stdin itself, so -i is only for a process without one.
    // Without --leave-stdin-open, a client closing its attach socket closes that stdin.
    private static void AddStdio(ConmonRequest request, List<string> args)
    {
        if (request.Terminal)
        {
            args.Add("-t");
        }
        else if (request.Stdin)
        {
            args.Add("-i");
        }
    }

    // conmon then runs `runtime restore --detach --image-path PATH --work-path BUNDLE` and
    // appends each --runtime-opt; the restored container runs at once, without `start`.
    private static void AddRestore(ConmonRequest request, List<string> args)
    {
        if (request.RestorePath is null)
        {
            return;
        }

        args.Add("--restore");
        args.Add(request.RestorePath);
        foreach (var option in request.RuntimeOptions ?? [])
        {
            args.Add("--runtime-opt");
            args.Add(option);
        }
    }

    private static void AddLogging(ConmonRequest request, List<string> args)
    {
        args.Add("-l");
        args.Add(request.LogDriver switch
        {
            // conmon reads "DRIVER:PATH"; without a path it would take the driver for a k8s-file path.
            "none" => "none:/dev/null",
            "passthrough" => "passthrough:/dev/null",
            "journald" => "journald",
            _ => $"k8s-file:{request.LogPath}",
        });
        if (request.LogSizeMax > 0)
        {
            args.Add("--log-size-max");
            args.Add(request.LogSizeMax.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
