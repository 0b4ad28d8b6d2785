using System.Diagnostics;

namespace Modular.EndToEnd.Checkpoint;

/// <summary>
/// Whether checkpoints can run here, asked once: a criu that passes `criu check` (the one
/// scripts/setup-criu builds, or the distribution's), and which runtimes have the verb.
/// Tests skip with the reason only where criu or the runtime truly cannot checkpoint.
/// </summary>
public static class CriuHost
{
    private static readonly string[] Candidates =
    [
        "/usr/local/lib/modular/criu/criu", "/usr/local/sbin/criu", "/usr/sbin/criu", "/usr/bin/criu",
    ];

    private static readonly Lazy<string?> UsableCriu = new(() => Candidates.FirstOrDefault(Passes));

    /// <summary>The criu that passes its check, or null.</summary>
    public static string? UsablePath => UsableCriu.Value;

    /// <summary>Why no checkpoint can run here, or null when criu works.</summary>
    public static string? CriuProblem => UsableCriu.Value is null
        ? "no criu here passes `criu check` (Debian 12's 3.17 cannot read this kernel's vDSO): run scripts/setup-criu"
        : null;

    /// <summary>True when the kernel offers soft-dirty tracking (pre-dumps).</summary>
    public static bool HasMemoryTracking =>
        UsableCriu.Value is { } criu && Exit(criu, "check", "--feature", "mem_dirty_track") == 0;

    /// <summary>As Podman's own tests ask: `RUNTIME checkpoint --help` succeeds.</summary>
    public static bool RuntimeCanCheckpoint(string runtime) =>
        File.Exists($"/usr/bin/{runtime}") && Exit($"/usr/bin/{runtime}", "checkpoint", "--help") == 0;

    private static bool Passes(string path) => File.Exists(path) && Exit(path, "check") == 0;

    // Synchronous on purpose: it decides a test attribute's Skip, before any test runs.
    private static int Exit(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
