using Modular.Contracts.Errors;
using Modular.Contracts.Runtime;

namespace Modular.Plugins.Runtime.Recording;

/// <summary>
/// A test-only runtime: runc behind a wrapper script that first appends its arguments to a
/// log. Tests drop this plugin into a plugin folder and select it with one config line
/// (<c>runtime = "recording"</c>); the log then proves the plugin was really loaded and used.
/// </summary>
public sealed class RecordingRuntime : IOciRuntime
{
    public const string RuntimeId = "recording";

    /// <summary>Overrides where calls are logged; otherwise <c>StateRoot/recording.log</c>.</summary>
    public const string LogVariable = "MODULAR_RECORDING_LOG";

    private static readonly string[] RuncCandidates =
        ["/usr/bin/runc", "/usr/sbin/runc", "/usr/local/bin/runc", "/usr/local/sbin/runc"];

    public string Id => RuntimeId;

    public RuntimeFeatures Features { get; } = new(
        SupportsCgroupV1: true,
        SupportsCheckpoint: false,
        NeedsHybridCgroupWrapper: false);

    public CheckpointVerbs? Checkpoint => null;

    public OciRuntimeCommand Resolve(OciRuntimeContext context)
    {
        var runc = context.SearchPaths.Concat(RuncCandidates).FirstOrDefault(File.Exists)
            ?? throw new CapabilityMissingException(
                $"runtime \"recording\": runc not found in {string.Join(", ", RuncCandidates)}");
        var logPath = Environment.GetEnvironmentVariable(LogVariable) is { Length: > 0 } chosen
            ? chosen
            : Path.Combine(context.StateRoot, "recording.log");

        var wrapper = WrapperScript.Ensure(Path.Combine(context.StateRoot, "recording-runc"), runc, logPath);
        return new OciRuntimeCommand(wrapper, GlobalArguments(context), runc, "");
    }

    /// <summary>runc's wording (Go's exec errors), as the runc plugin reads it.</summary>
    public RuntimeFailureKind ClassifyFailure(string errorText)
    {
        if (errorText.Contains("executable file not found", StringComparison.Ordinal)
            || errorText.Contains("no such file or directory", StringComparison.Ordinal))
        {
            return RuntimeFailureKind.CommandNotFound;
        }

        return errorText.Contains("permission denied", StringComparison.Ordinal)
               || errorText.Contains("is a directory", StringComparison.Ordinal)
            ? RuntimeFailureKind.CannotInvoke
            : RuntimeFailureKind.Other;
    }

    // runc keeps container state in its own folder below ours, apart from the wrapper and log.
    private static IReadOnlyList<string> GlobalArguments(OciRuntimeContext context)
    {
        var arguments = new List<string> { "--root", Path.Combine(context.StateRoot, "state") };
        if (context.CgroupManager == "systemd")
        {
            arguments.Add("--systemd-cgroup");
        }

        return arguments;
    }
}
