using CliWrap;
using CliWrap.Buffered;
using Xunit;

namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// The witnesses, Podman and skopeo, through scripts/lib/witness.sh: their own config and
/// store in a temp directory, each command in a private mount namespace with tmpfs over
/// /run and /var/lib, so neither touches Podman's state (skopeo writes a blob-info cache
/// under /var/lib/containers otherwise). Cleaned up by witness_cleanup in DisposeAsync.
/// </summary>
public sealed class WitnessFixture : IAsyncLifetime
{
    public string Directory { get; } =
        System.IO.Directory.CreateTempSubdirectory("modular-witness-").FullName;

    private static string Script => Path.Combine(RepositoryPaths.Root, "scripts", "lib", "witness.sh");

    public async Task InitializeAsync() => await ShellAsync("witness_init \"$WITNESS_DIR\"", []);

    public async Task DisposeAsync()
    {
        await ShellAsync("witness_cleanup", []);
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    public Task<ModpodResult> PodmanAsync(params string[] args) => ShellAsync("witness \"$@\"", args);

    public Task<ModpodResult> SkopeoAsync(params string[] args) =>
        ShellAsync(
            "unshare -m --propagation private sh -c \"$WITNESS_SHIELD\" \"$WITNESS_DIR\" skopeo \"$@\"",
            args);

    private async Task<ModpodResult> ShellAsync(string body, string[] args)
    {
        var script = $"set -e; . '{Script}'; WITNESS_DIR='{Directory}'; {body}";
        var result = await Cli.Wrap("bash")
            .WithArguments(new[] { "-c", script, "witness" }.Concat(args))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
