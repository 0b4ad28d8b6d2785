namespace Modular.Cli.Parsing;

/// <summary>
/// Like Podman, <c>run</c> and <c>create</c> stop parsing their own flags at the first
/// positional (the image): in <c>run --rm IMG sh -c 'exit 3'</c> the <c>-c</c> belongs to
/// the container. System.CommandLine cannot express "stop at the first positional", so
/// the argument vector is split here, knowing which flags take a value.
/// </summary>
public static class ArgvSplitter
{
    /// <summary>Global flags that take a value (Podman's persistent flags).</summary>
    public static readonly HashSet<string> GlobalValueFlags =
    [
        "--root", "--runroot", "--storage-driver", "--storage-opt", "--runtime",
        "--cgroup-manager", "--log-level", "--hooks-dir", "--out", "--runtime-flag",
        "--url", "--identity", "--connection",
        "--default-mounts-file",
    ];

    /// <summary>run/create flags that take a value; every other flag is a switch.</summary>
    public static readonly HashSet<string> RunValueFlags =
    [
        "--name", "-e", "--env", "--env-file", "--entrypoint", "-w", "--workdir", "-u", "--user",
        "-h", "--hostname", "--network", "--net", "--log-driver", "--log-opt", "-l", "--label",
        "--annotation", "--runtime", "--pull", "--stop-timeout", "--authfile", "--creds", "--platform",
        "--arch", "--os", "--variant", "--restart", "--health-cmd", "--health-interval",
        "--health-retries", "--health-start-period", "--health-timeout", "--health-on-failure",
        "--health-log-destination", "--health-max-log-count", "--health-max-log-size",
        "-v", "--volume", "--mount", "--tmpfs", "--volumes-from", "--image-volume",
        "-p", "--publish", "--expose", "--ip", "--ip6", "--mac-address", "--network-alias", "--dns",
        "--dns-search", "--dns-option", "--add-host", "--pod", "--detach-keys",
        "-m", "--memory", "--memory-swap", "--memory-reservation", "--memory-swappiness", "--cpus",
        "-c", "--cpu-shares", "--cpu-quota", "--cpu-period", "--cpuset-cpus", "--cpuset-mems",
        "--pids-limit", "--blkio-weight", "--oom-score-adj", "--cgroup-parent", "--cgroups",
        "--format", // hooks test only: run and create have no --format
        "--cgroup-conf", "--device-cgroup-rule", "--cidfile",
        "--tz", "--unsetenv", "--stop-signal",
        .. Commands.RunSecurityFlags.ValueFlags,
        .. Commands.RunLifetimeFlags.ValueFlags,
        .. Commands.RunStreamFlags.ValueFlags,
        .. Commands.RunSecretFlags.ValueFlags,
        .. Commands.RunProcessFlags.ValueFlags,
        .. Commands.RunIdMapFlags.ValueFlags,
        "--systemd",
    ];

    // exec, like run, stops at its first positional (the container): the rest is the command.
    // So does top (cobra's SetInterspersed(false)): `top CTR -eo pid` passes -eo to ps(1).
    private static readonly HashSet<string> SplitVerbs = ["run", "create", "exec", "top"];

    public static SplitArguments Split(IReadOnlyList<string> args)
    {
        var split = SplitAtImage(args);
        return split with { ParserArguments = ExpandEmptyValues(split.ParserArguments) };
    }

    /// <summary>
    /// System.CommandLine reads "--entrypoint=" as a flag without a value and then takes the
    /// next argument for it; Podman reads an empty value. Spelling it as two arguments keeps
    /// Podman's meaning (RUN-05: <c>--entrypoint=</c> clears the image's entrypoint).
    /// </summary>
    private static List<string> ExpandEmptyValues(IReadOnlyList<string> args)
    {
        var result = new List<string>(args.Count);
        foreach (var arg in args)
        {
            if (arg.Length > 3 && arg.StartsWith("--", StringComparison.Ordinal) && arg.EndsWith('=')
                && arg.IndexOf('=', StringComparison.Ordinal) == arg.Length - 1)
            {
                result.Add(arg[..^1]);
                result.Add("");
                continue;
            }

            result.Add(arg);
        }

        return result;
    }

    private static SplitArguments SplitAtImage(IReadOnlyList<string> args)
    {
        var verbIndex = FindVerb(args, 0);
        if (verbIndex < 0)
        {
            return new SplitArguments(args, []);
        }

        if (args[verbIndex] == "container")
        {
            verbIndex = FindVerb(args, verbIndex + 1);
        }

        // hooks test takes run's flags, IMAGE and a command, split the same way.
        var hooksTest = verbIndex >= 0 && args[verbIndex] == "hooks"
            && FindVerb(args, verbIndex + 1) is var sub && sub >= 0 && args[sub] == "test";
        if (hooksTest)
        {
            verbIndex = FindVerb(args, verbIndex + 1);
        }

        if (verbIndex < 0 || (!hooksTest && !SplitVerbs.Contains(args[verbIndex])))
        {
            return new SplitArguments(args, []);
        }

        var image = FindImage(args, verbIndex + 1);
        return image < 0
            ? new SplitArguments(args, [])
            : new SplitArguments(args.Take(image + 1).ToList(), args.Skip(image + 1).ToList());
    }

    /// <summary>Index of the first positional from <paramref name="start"/>, skipping global flags.</summary>
    private static int FindVerb(IReadOnlyList<string> args, int start)
    {
        for (var i = start; i < args.Count; i++)
        {
            if (!args[i].StartsWith('-') || args[i] == "-")
            {
                return i;
            }

            if (TakesValue(args[i], GlobalValueFlags))
            {
                i++;
            }
        }

        return -1;
    }

    private static int FindImage(IReadOnlyList<string> args, int start)
    {
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return i + 1 < args.Count ? i + 1 : -1;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                return i;
            }

            if (TakesValue(arg, RunValueFlags) || TakesValue(arg, GlobalValueFlags))
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>True when the flag's value is the next argument (not "--flag=value").</summary>
    private static bool TakesValue(string arg, HashSet<string> valueFlags)
    {
        if (arg.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            return valueFlags.Contains(arg);
        }

        // A bundle of short switches such as -dit: only its last letter may take a value.
        return valueFlags.Contains("-" + arg[^1]);
    }
}
