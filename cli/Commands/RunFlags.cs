using System.CommandLine;
using System.Globalization;
using Modular.Cli.Errors;
using Modular.Cli.Parsing;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The flags <c>create</c> and <c>run</c> share, and the request they build.</summary>
public sealed class RunFlags
{
    public Option<bool> Detach { get; } =
        Switch("--detach", "Run container in background and print container ID", "-d");
    public Option<bool> Remove { get; } =
        Switch("--rm", "Remove container and any anonymous volumes after exit");
    public Option<string?> Name { get; } = Value("--name", "Assign a name to the container");
    public Option<string[]> Env { get; } =
        Values("--env", "Set environment variables in container", "-e");
    public Option<string[]> EnvFile { get; } =
        Values("--env-file", "Read in a file of environment variables");
    public Option<string?> Entrypoint { get; } =
        Value("--entrypoint", "Overwrite the default ENTRYPOINT of the image");
    public Option<string?> Workdir { get; } =
        Value("--workdir", "Working directory inside the container", "-w");
    public Option<string?> User { get; } =
        Value("--user", "Username or UID (format: <name|uid>[:<group|gid>])", "-u");
    public Option<string?> Hostname { get; } = Value("--hostname", "Set container hostname", "-h");
    public Option<string?> Network { get; } =
        Value("--network", "Connect a container to a network", "--net");
    public Option<bool> Rootfs { get; } =
        Switch("--rootfs", "The first argument is not an image but the rootfs to the exploded container");
    public Option<string?> LogDriver { get; } =
        Value("--log-driver", "Logging driver for the container");
    public Option<string[]> LogOpt { get; } = Values("--log-opt", "Logging driver options");
    public Option<string[]> Label { get; } = Values("--label", "Set metadata on container", "-l");
    public Option<string?> Runtime { get; } =
        Value("--runtime", "Path to the OCI runtime or its name");
    public Option<string?> Pull { get; } =
        Value("--pull", "Pull image policy (always, missing, never, newer)");
    public Option<bool?> TlsVerify { get; } =
        new("--tls-verify") { Description = "Require HTTPS and verify certificates" };
    public Option<int?> StopTimeout { get; } =
        Number("--stop-timeout", "Timeout (in seconds) that containers stopped by user command have to exit");
    public Option<bool> Interactive { get; } =
        Switch("--interactive", "Make STDIN available to the contained process", "-i");
    public Option<bool> Tty { get; } = Switch("--tty", "Allocate a pseudo-TTY for container", "-t");
    public Option<string?> AuthFile { get; } =
        Value("--authfile", "Path of the authentication file");
    public Argument<string> Image { get; } = One("IMAGE");

    public Command AddTo(Command command) => command.With(
        Detach, Remove, Name, Env, EnvFile, Entrypoint, Workdir, User, Hostname, Network, Rootfs,
        LogDriver, LogOpt, Label, Runtime, Pull, TlsVerify, StopTimeout, Interactive, Tty, AuthFile, Image);

    /// <summary>Builds the engine request; <paramref name="attach"/> is false for -d and create.</summary>
    public CreateContainerRequest ToRequest(
        ParseResult r,
        IReadOnlyList<string> command,
        bool attach,
        Func<string, string?> hostEnv)
    {
        RefuseTerminalFlags(r, attach);
        var rootfs = r.GetValue(Rootfs);
        return new CreateContainerRequest
        {
            Image = rootfs ? null : r.GetValue(Image),
            Rootfs = rootfs ? r.GetValue(Image) : null,
            Name = r.GetValue(Name),
            Command = command,
            Entrypoint = r.GetValue(Entrypoint),
            Env = EnvironmentResolver.Resolve(r.GetValue(EnvFile)!, r.GetValue(Env)!, hostEnv),
            WorkingDir = r.GetValue(Workdir),
            User = r.GetValue(User),
            Hostname = r.GetValue(Hostname),
            Network = r.GetValue(Network),
            LogDriver = r.GetValue(LogDriver),
            LogOptions = r.GetValue(LogOpt)!,
            AutoRemove = r.GetValue(Remove),
            Runtime = r.GetValue(Runtime),
            StopTimeout = r.GetValue(StopTimeout),
            Labels = r.GetValue(Label)!,
            Attach = attach,
            Pull = PullPolicy(r.GetValue(Pull)),
            TlsVerify = r.GetValue(TlsVerify),
        };
    }

    // Limitation: no terminal and no stdin are wired to containers yet. -t is refused; -i
    // is accepted only with -d, where Podman too leaves stdin unread.
    private void RefuseTerminalFlags(ParseResult r, bool attach)
    {
        if (r.GetValue(Tty))
        {
            throw new UsageException("--tty is not supported by modpod yet: containers run without a terminal");
        }

        if (r.GetValue(Interactive) && attach)
        {
            throw new UsageException("--interactive is not supported by modpod yet without --detach: stdin is not forwarded");
        }
    }

    public static PullPolicyMode PullPolicy(string? value) => value?.ToLowerInvariant() switch
    {
        null or "missing" or "ifmissing" or "ifnotpresent" => PullPolicyMode.Missing,
        "always" or "true" => PullPolicyMode.Always,
        "never" or "false" => PullPolicyMode.Never,
        "newer" or "ifnewer" => PullPolicyMode.Newer,
        _ => throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"invalid pull policy \"{value}\"")),
    };
}
