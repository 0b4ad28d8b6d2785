using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Checkpoint;

namespace Modular.Plugins.Checkpoint.Criu;

/// <summary>
/// CRIU as the checkpointer. The first candidate that passes <c>criu check</c> wins: the
/// engine's search paths, then the criu that <c>scripts/setup-criu</c> builds, then the
/// distribution's. Debian 12's criu 3.17 fails the check on these kernels (it cannot read
/// their vDSO), so a host without the built one reports criu as unusable, with criu's reason.
/// </summary>
public sealed class CriuCheckpointer : ICheckpointer
{
    public const string CheckpointerId = "criu";

    /// <summary>Where setup-criu installs criu 4.x, kept off PATH on purpose (see the script).</summary>
    public static readonly IReadOnlyList<string> DefaultPaths =
    [
        "/usr/local/lib/modular/criu/criu",
        "/usr/local/sbin/criu",
        "/usr/sbin/criu",
        "/usr/bin/criu",
    ];

    private readonly IReadOnlyList<string> _defaults;

    public CriuCheckpointer()
        : this(DefaultPaths)
    {
    }

    /// <summary>Tries <paramref name="defaults"/> after the engine's search paths instead of <see cref="DefaultPaths"/>.</summary>
    public CriuCheckpointer(IReadOnlyList<string> defaults)
    {
        _defaults = defaults;
    }

    public string Id => CheckpointerId;

    public CheckpointLayout Layout { get; } = new();

    public async Task<CheckpointerProbe> ProbeAsync(
        CheckpointerContext context,
        CancellationToken cancellationToken)
    {
        var candidates = context.SearchPaths.Concat(_defaults).Where(File.Exists).Distinct().ToList();
        if (candidates.Count == 0)
        {
            return Unusable("", "criu binary not found");
        }

        var firstProblem = "";
        foreach (var path in candidates)
        {
            var check = await RunAsync(path, ["check"], cancellationToken);
            if (check.ExitCode == 0)
            {
                return new CheckpointerProbe(
                    true,
                    path,
                    await VersionAsync(path, cancellationToken),
                    "",
                    await CapabilitiesAsync(path, cancellationToken));
            }

            if (firstProblem.Length == 0)
            {
                firstProblem = $"{path} check failed: {LastLine(check.StandardError + check.StandardOutput)}";
            }
        }

        return Unusable(candidates[0], firstProblem);
    }

    // `criu check` (the default set) already verifies TCP repair, which --tcp-established needs;
    // the optional features are asked one by one, as `criu check --feature NAME` exits 0 or 1.
    private static async Task<CheckpointCapabilities> CapabilitiesAsync(
        string path,
        CancellationToken cancellationToken)
    {
        var dirtyTracking = await HasFeatureAsync(path, "mem_dirty_track", cancellationToken);
        var userfaults = await HasFeatureAsync(path, "uffd-noncoop", cancellationToken);
        return new CheckpointCapabilities(
            PreDump: dirtyTracking,
            LazyPages: userfaults,
            TcpEstablished: true);
    }

    private static async Task<bool> HasFeatureAsync(
        string path,
        string feature,
        CancellationToken cancellationToken) =>
        (await RunAsync(path, ["check", "--feature", feature], cancellationToken)).ExitCode == 0;

    // `criu --version` prints "Version: 4.1.1" on its first line.
    private static async Task<string> VersionAsync(string path, CancellationToken cancellationToken)
    {
        var result = await RunAsync(path, ["--version"], cancellationToken);
        var line = result.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith("Version:", StringComparison.Ordinal));
        return line is null ? "" : line["Version:".Length..].Trim();
    }

    private static Task<BufferedCommandResult> RunAsync(
        string path,
        string[] arguments,
        CancellationToken cancellationToken) =>
        Cli.Wrap(path)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken)
            .Task;

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault() ?? "no output";

    private static CheckpointerProbe Unusable(string path, string problem) =>
        new(false, path, "", problem, CheckpointCapabilities.None);
}
