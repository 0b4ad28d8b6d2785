using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Copy;

/// <summary>
/// diff's A/C/D lines and JSON shape, and export's file list for a stopped container, compared
/// with the Podman 4.3.1 witness for the same changes on the same image; a running container's
/// export lists the same files as the stopped one.
/// </summary>
[Collection(Collections.Containers)]
public sealed class DiffWitnessTests(ModpodFixture modpod)
{
    private const string Changes =
        "echo x > /tmp/new; rm -f /etc/group; echo y >> /etc/passwd; mkdir -p /a/b";

    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-diffwit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        witness run --name wit-d --pull never localhost/busybox:latest sh -c "$CHANGES" >/dev/null
        echo '===lines'; witness diff wit-d
        echo '===json'; witness diff --format json wit-d
        echo '===export'; witness export wit-d | tar -t | sort
        """;

    [Fact]
    public async Task Diff_lines_and_json_and_export_listings_match_podmans()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var witness = await WitnessAsync();
        try
        {
            await modpod.RunAsync("run", "--name", "diff-d", "--network", "none", image, "sh", "-c", Changes);
            await modpod.RunAsync("run", "-d", "--name", "diff-r", "--network", "none", image, "sh", "-c", Changes + "; touch /ready; sleep 300");
            for (var i = 0; i < 100 && (await modpod.RunAsync("exec", "diff-r", "test", "-e", "/ready")).ExitCode != 0; i++)
            {
                await Task.Delay(100); // Polls the container's own marker that its changes are made.
            }

            var lines = await modpod.RunAsync("diff", "diff-d");
            var json = await modpod.RunAsync("container", "diff", "--format", "json", "diff-d");
            var stopped = await ExportListingAsync("diff-d");
            var running = await ExportListingAsync("diff-r");

            Assert.Equal(witness["lines"].Split('\n').Order(), lines.Lines.Order());
            Assert.Equal(JsonNode.Parse(witness["json"])!.ToJsonString(), Normalised(json.Output));
            Assert.Equal(WithoutEngineFiles(witness["export"].Split('\n')), WithoutEngineFiles(stopped));
            // The witness runs each command in a mount namespace of its own, so it cannot see a
            // running container's mount to export it; the running export is held to the stopped one.
            Assert.Equal(WithoutEngineFiles(stopped), WithoutEngineFiles(running).Where(n => n != "ready"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "diff-d", "diff-r");
        }
    }

    [Fact]
    public async Task Diff_of_an_unknown_name_and_an_unknown_format_fail_as_podmans()
    {
        await modpod.EnsureBusyboxAsync();

        var unknown = await modpod.RunAsync("diff", "no-such-thing");
        var badFormat = await modpod.RunAsync("diff", "--format", "table", ModpodFixture.Busybox);

        ModpodAssert.Exit(125, unknown);
        Assert.Equal("Error: no-such-thing not found: layer not known", unknown.StandardError.Trim());
        ModpodAssert.Exit(125, badFormat);
        Assert.Equal("Error: only supported value for '--format' is 'json'", badFormat.StandardError.Trim());
    }

    /// <summary>
    /// The files each engine writes into a container for itself (Podman's diff hides the same
    /// list): Podman 4.3.1 adds /etc/mtab and, with no network, no resolv.conf; these belong to
    /// run, not to export, so export is compared without them.
    /// </summary>
    private static IReadOnlyList<string> WithoutEngineFiles(IEnumerable<string> names) =>
        names.Where(n => n is not ("etc/mtab" or "etc/resolv.conf" or "etc/hosts" or "etc/hostname"
            or "run/.containerenv")).ToList();

    /// <summary>Podman's array order within a key follows its storage walk; compare as sorted sets.</summary>
    private static string Normalised(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var witnessOrder = new JsonObject();
        foreach (var (key, value) in node)
        {
            witnessOrder[key] = new JsonArray(value!.AsArray().Select(v => (JsonNode?)v!.GetValue<string>()).ToArray());
        }

        return witnessOrder.ToJsonString();
    }

    private async Task<IReadOnlyList<string>> ExportListingAsync(string container)
    {
        var (result, tar) = await modpod.RunToBytesAsync("export", container);
        ModpodAssert.Exit(0, result);
        return (await TarListing.ListAsync(tar)).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<Dictionary<string, string>> WitnessAsync()
    {
        var archive = Path.Combine(modpod.Directory, "work", "diff-witness-busybox.tar");
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(ModpodFixture.Busybox), archive);
        try
        {
            var result = await Cli.Wrap("bash")
                .WithArguments(["-c", Script])
                .WithEnvironmentVariables(env => env
                    .Set("ROOT", RepositoryPaths.Root).Set("ARCHIVE", archive).Set("CHANGES", Changes))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
            Assert.True(result.ExitCode == 0, "witness failed: " + result.StandardError);
            return result.StandardOutput.Split("===", StringSplitOptions.RemoveEmptyEntries)
                .Select(section => section.Split('\n', 2))
                .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
