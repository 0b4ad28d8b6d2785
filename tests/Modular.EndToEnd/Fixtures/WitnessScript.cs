using CliWrap;
using CliWrap.Buffered;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// The witness tests' one way to ask Podman: a bash script (sourcing scripts/lib/witness.sh
/// from $ROOT) prints sections headed <c>===NAME</c>; the busybox test image reaches it as a
/// docker archive in $ARCHIVE, so the witness never pulls.
/// </summary>
public static class WitnessScript
{
    /// <summary>Runs the script and returns its sections by name, bodies trimmed.</summary>
    public static Task<Dictionary<string, string>> SectionsAsync(string script, string? archive = null) =>
        SectionsAsync(script, archive, body => body.Trim());

    /// <summary>The same, with the caller's own cleaning of each section's body.</summary>
    public static async Task<Dictionary<string, string>> SectionsAsync(
        string script,
        string? archive,
        Func<string, string> clean)
    {
        var result = await Cli.Wrap("bash")
            .WithArguments(["-c", script])
            .WithEnvironmentVariables(env =>
            {
                env.Set("ROOT", RepositoryPaths.Root);
                if (archive is not null)
                {
                    env.Set("ARCHIVE", archive);
                }
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, "witness failed: " + result.StandardError);
        return result.StandardOutput.Split("===", StringSplitOptions.RemoveEmptyEntries)
            .Select(section => section.Split('\n', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => clean(parts.Length > 1 ? parts[1] : ""));
    }

    /// <summary>
    /// Runs the script with the busybox test image written to <paramref name="archive"/>,
    /// removed again afterwards.
    /// </summary>
    public static async Task<Dictionary<string, string>> WithBusyboxAsync(
        string script,
        string archive,
        Func<string, string>? clean = null)
    {
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(ModpodFixture.Busybox), archive);
        try
        {
            return await SectionsAsync(script, archive, clean ?? (body => body.Trim()));
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
