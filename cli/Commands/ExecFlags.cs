using System.CommandLine;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The flags of <c>exec</c>, Podman's names and short forms.</summary>
public sealed class ExecFlags
{
    public Option<bool> Detach { get; } =
        Switch("--detach", "Run the exec session in detached mode (backgrounded)", "-d");

    public Option<string[]> Env { get; } = Values("--env", "Set environment variables", "-e");

    public Option<string[]> EnvFile { get; } =
        Values("--env-file", "Read in a file of environment variables");

    public Option<bool> Interactive { get; } =
        Switch("--interactive", "Make STDIN available to the contained process", "-i");

    public Option<bool> Privileged { get; } =
        Switch("--privileged", "Give the process extended Linux capabilities inside the container");

    public Option<bool> Tty { get; } = Switch("--tty", "Allocate a pseudo-TTY. The default is false", "-t");

    public Option<string?> User { get; } =
        Value("--user", "Sets the username or UID used and optionally the groupname or GID", "-u");

    public Option<string?> Workdir { get; } =
        Value("--workdir", "Working directory inside the container", "-w");

    public InteractiveFlags Attach { get; } = new();

    public PreserveFdFlags PreserveFds { get; } = new();

    public Argument<string> Name { get; } = One("CONTAINER");

    public Command AddTo(Command command) => PreserveFds.AddTo(command.With(
        Detach, Env, EnvFile, Interactive, Privileged, Tty, User, Workdir, Attach.DetachKeys, Name));

    /// <summary>
    /// Anything beyond output and an exit code needs the session's own conmon; passed-through
    /// descriptors go through conmon too, which closes the unlisted ones.
    /// </summary>
    public bool NeedsConmon(ParseResult r) =>
        r.GetValue(Detach) || r.GetValue(Interactive) || r.GetValue(Tty) || r.GetValue(Privileged)
        || PreserveFds.Given(r);
}
