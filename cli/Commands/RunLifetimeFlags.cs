using System.CommandLine;
using System.Globalization;
using Modular.Cli.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// Flags of create and run about the container's lifetime and the files it leaves:
/// --rmi, --timeout, --conmon-pidfile, the --cidfile annotation, and --kernel-memory
/// (accepted with Podman's warning: cgroups no longer offer it).
/// </summary>
public sealed class RunLifetimeFlags
{
    /// <summary>The flags here that take a value, for <see cref="Parsing.ArgvSplitter"/>.</summary>
    public static readonly string[] ValueFlags = ["--timeout", "--conmon-pidfile", "--kernel-memory"];

    public Option<bool> Rmi { get; } =
        Switch("--rmi", "Remove image unless used by other containers, implies --rm");
    public Option<string?> Timeout { get; } =
        Value("--timeout", "Maximum length of time a container is allowed to run. The container will be killed automatically after the time expires.");
    public Option<string?> ConmonPidFile { get; } =
        Value("--conmon-pidfile", "Path to the file that will receive the PID of conmon");
    public Option<string?> KernelMemory { get; } =
        Value("--kernel-memory", "Kernel memory limit (no longer supported; ignored)");

    public Command AddTo(Command command) => command.With(Rmi, Timeout, ConmonPidFile, KernelMemory);

    /// <summary>
    /// Applies the flags; <paramref name="removeGiven"/> says whether --rm was typed, as
    /// --rmi implies --rm but refuses an explicit --rm=false.
    /// </summary>
    public CreateContainerRequest AddTo(
        ParseResult r,
        CreateContainerRequest request,
        bool removeGiven,
        string? cidFile,
        TextWriter warnings)
    {
        if (r.GetResult(KernelMemory) is { Implicit: false })
        {
            warnings.WriteLine("WARN[0000] The --kernel-memory flag is no longer supported. This flag is a noop.");
        }

        var rmi = r.GetValue(Rmi);
        if (rmi && removeGiven && !request.AutoRemove)
        {
            throw new UsageException("the --rmi option does not work without --rm");
        }

        var annotations = cidFile is null
            ? request.Annotations
            : [.. request.Annotations, $"{ContainerService.CidFileAnnotation}={cidFile}"];
        return request with
        {
            AutoRemove = request.AutoRemove || rmi,
            AutoRemoveImage = rmi,
            Timeout = ParseTimeout(r.GetValue(Timeout)),
            ConmonPidFile = r.GetValue(ConmonPidFile),
            Annotations = annotations,
        };
    }

    /// <summary>
    /// containers.conf <c>read_only</c> when --read-only was not typed (an explicit
    /// --read-only=false wins over the file, as in Podman).
    /// </summary>
    public static CreateContainerRequest WithConfigDefaults(
        ParseResult r,
        RunSecurityFlags security,
        CreateContainerRequest request,
        EngineOptions? options) =>
        options is { ReadOnly: true } && r.GetResult(security.ReadOnly) is not { Implicit: false }
            ? request with { Security = request.Security with { ReadOnly = true } }
            : request;

    // pflag's uint: the same words as Podman for a value that is not a number.
    private static uint ParseTimeout(string? value) =>
        value is null ? 0
        : uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds
        : throw new UsageException(
            $"invalid argument \"{value}\" for \"--timeout\" flag: strconv.ParseUint: parsing \"{value}\": invalid syntax");
}
