using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Build;

/// <summary>
/// commit's image config compared with podman commit of the same container run (witness
/// 4.3.1, its own store): the same keys, command, working directory and --change results.
/// </summary>
[Collection(Collections.Containers)]
public sealed class CommitWitnessTests(ModpodFixture modpod)
{
    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-commitwit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        witness run --name wit-commit -e FOO=bar -w /tmp localhost/busybox:latest sh -c 'echo x > /x' >/dev/null
        witness commit -q -c 'ENV X=1' -c 'LABEL a=b' -c 'EXPOSE 80' -c 'CMD ["echo"]' wit-commit localhost/wit-commit >/dev/null
        echo '===config'; witness image inspect --format '{{json .Config}}' localhost/wit-commit
        echo '===run'; witness run --rm --entrypoint cat localhost/wit-commit /x
        """;

    [Fact]
    public async Task Commit_gives_the_config_podman_commit_gives()
    {
        var image = await modpod.EnsureBusyboxAsync();
        ModpodAssert.Exit(0, await modpod.RunAsync(
            "run", "--name", "mp-commit", "--network", "none", "-e", "FOO=bar", "-w", "/tmp", image, "sh", "-c", "echo x > /x"));

        var commit = await modpod.RunAsync(
            "commit", "-q", "-c", "ENV X=1", "-c", "LABEL a=b", "-c", "EXPOSE 80", "-c", "CMD [\"echo\"]", "mp-commit", "localhost/mp-commit");
        var config = JsonNode.Parse((await modpod.RunAsync("image", "inspect", "--format", "{{json .Config}}", "localhost/mp-commit")).Output)!;
        var run = await modpod.RunAsync("run", "--rm", "--network", "none", "--entrypoint", "cat", "localhost/mp-commit", "/x");
        var witness = await WitnessAsync();
        await modpod.RunAsync("rm", "-f", "mp-commit");

        ModpodAssert.Exit(0, commit);
        Assert.Matches("^[0-9a-f]{64}$", commit.Output);
        var expected = JsonNode.Parse(witness["config"])!;
        Assert.Equal(JsonKeys.Of(expected), JsonKeys.Of(config));
        foreach (var key in new[] { "Cmd", "WorkingDir", "ExposedPorts", "Labels" })
        {
            Assert.True(JsonNode.DeepEquals(expected[key], config[key]), $"{key}: {expected[key]} vs {config[key]}");
        }

        Assert.Contains("FOO=bar", config["Env"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Contains("X=1", config["Env"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(witness["run"], run.Output);
    }

    private Task<Dictionary<string, string>> WitnessAsync() =>
        WitnessScript.WithBusyboxAsync(Script, Path.Combine(modpod.Directory, "work", "witness-commit-busybox.tar"));
}
