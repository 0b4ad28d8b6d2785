using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Build;

/// <summary>
/// The Containerfiles under Build/corpus, built by modpod and by the Podman 4.3.1 witness
/// (scripts/lib/witness.sh, its own temp store, --pull=never, busybox loaded as
/// localhost/busybox:latest): each image's runtime config must be the same. What 4.3.1
/// cannot build (heredocs) is compared with the expected config kept beside the file.
/// </summary>
[Collection(Collections.Containers)]
public sealed class BuildCorpusTests(ModpodFixture modpod)
{
    /// <summary>The config keys issue 8 names; Healthcheck is compared on its own.</summary>
    private static readonly string[] Compared =
        ["Env", "Cmd", "Entrypoint", "WorkingDir", "User", "ExposedPorts", "Labels", "Volumes", "StopSignal"];

    private static readonly string[] WitnessCases =
        ["multistage", "arg-scoping", "ignore-exceptions", "add-tar", "user-chown", "shell", "onbuild", "config-all"];

    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-buildwit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        for c in $CASES; do
          witness build --pull=never --format docker -q -t "localhost/build-corpus-$c" "$WORK/$c" >/dev/null
          echo "===$c"; witness image inspect --format '{{json .Config}}' "localhost/build-corpus-$c"
          echo "===$c.health"; witness image inspect --format '{{json .HealthCheck}}' "localhost/build-corpus-$c"
        done
        witness build --pull=never --format docker -q -t localhost/build-corpus-onbuild-child -f "$WORK/onbuild/Containerfile.child" "$WORK/onbuild" >/dev/null
        echo "===onbuild-child"; witness image inspect --format '{{json .Config}}' localhost/build-corpus-onbuild-child
        witness load -q -i "$SAVED" >/dev/null
        echo "===saved-run"; witness run --rm localhost/build-corpus-multistage
        """;

    [Fact]
    public async Task Every_corpus_image_has_the_config_podman_builds_and_podman_runs_a_saved_one()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        foreach (var name in WitnessCases)
        {
            work.CopyFrom(Path.Combine(CorpusDirectory, name), name);
            ModpodAssert.Exit(0, await BuildAsync(name, work.PathOf(name)));
        }

        ModpodAssert.Exit(0, await modpod.RunAsync(
            "build", "--format", "docker", "-q", "--network", "none", "-t", "localhost/build-corpus-onbuild-child",
            "-f", work.PathOf("onbuild/Containerfile.child"), work.PathOf("onbuild")));
        var saved = work.PathOf("saved.tar");
        ModpodAssert.Exit(0, await modpod.RunAsync("save", "-o", saved, "localhost/build-corpus-multistage"));
        var ours = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/build-corpus-multistage");

        var witness = await WitnessAsync(work.Path, saved);

        foreach (var name in WitnessCases.Append("onbuild-child"))
        {
            var config = await ConfigAsync(name);
            Assert.Equal(Selected(JsonNode.Parse(witness[name])), Selected(config));
            if (witness.TryGetValue(name + ".health", out var health) && health != "null")
            {
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(health), config["Healthcheck"]), $"{name}: {health} vs {config["Healthcheck"]}");
            }
        }

        Assert.Equal("built", ours.Output);
        Assert.Equal(ours.Output, witness["saved-run"]);
    }

    [Fact]
    public async Task A_heredoc_corpus_image_has_the_kept_expected_config_and_output()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.CopyFrom(Path.Combine(CorpusDirectory, "heredocs"), "heredocs");
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(work.PathOf("heredocs/expected.json")))!;

        var build = await BuildAsync("heredocs", work.PathOf("heredocs"));
        var config = await ConfigAsync("heredocs");
        var run = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/build-corpus-heredocs");

        ModpodAssert.Exit(0, build);
        Assert.Equal(Selected(expected["config"]), Selected(config));
        Assert.Equal(expected["output"]!.GetValue<string>(), run.Output);
    }

    private static string CorpusDirectory => Path.Combine(RepositoryPaths.Root, "tests", "Modular.EndToEnd", "Build", "corpus");

    private Task<ModpodResult> BuildAsync(string name, string directory) =>
        modpod.RunAsync("build", "--format", "docker", "-q", "--network", "none", "-t", $"localhost/build-corpus-{name}", directory);

    private async Task<JsonObject> ConfigAsync(string name) =>
        (JsonObject)JsonNode.Parse((await modpod.RunAsync(
            "image", "inspect", "--format", "{{json .Config}}", $"localhost/build-corpus-{name}")).Output)!;

    /// <summary>The compared keys, without buildah's own version label (allowlist.md).</summary>
    private static string Selected(JsonNode? config)
    {
        var selected = new JsonObject();
        foreach (var key in Compared)
        {
            if (config?[key] is { } value)
            {
                selected[key] = value.DeepClone();
            }
        }

        if (selected["Labels"] is JsonObject labels)
        {
            labels.Remove("io.buildah.version");
            if (labels.Count == 0)
            {
                selected.Remove("Labels");
            }
        }

        return Canonical(selected);
    }

    /// <summary>JSON with object keys sorted, so key order does not matter.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    private async Task<Dictionary<string, string>> WitnessAsync(string workDirectory, string saved)
    {
        var archive = Path.Combine(modpod.Directory, "work", "witness-build-busybox.tar");
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(ModpodFixture.Busybox), archive);
        try
        {
            var result = await Cli.Wrap("bash")
                .WithArguments(["-c", Script])
                .WithEnvironmentVariables(env => env
                    .Set("ROOT", RepositoryPaths.Root)
                    .Set("ARCHIVE", archive)
                    .Set("SAVED", saved)
                    .Set("WORK", workDirectory)
                    .Set("CASES", string.Join(' ', WitnessCases)))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
            Assert.True(result.ExitCode == 0, "witness failed: " + result.StandardError);
            return result.StandardOutput.Split("===", StringSplitOptions.RemoveEmptyEntries)
                .Select(section => section.Split('\n', 2))
                .ToDictionary(parts => parts[0].Trim(), parts => parts.Length > 1 ? parts[1].Trim() : "");
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
