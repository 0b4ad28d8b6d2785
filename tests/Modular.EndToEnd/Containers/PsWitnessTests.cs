using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// ps headers (plain, --size, --ns, --pod), the recursive key sets of ps --format json
/// with and without --size, and the errors of bad filters and sort fields, compared with
/// the Podman 4.3.1 witness (scripts/lib/witness.sh, its own temp store).
/// </summary>
[Collection(Collections.Containers)]
public sealed class PsWitnessTests(ModpodFixture modpod)
{
    // allowlist.md: current Podman's ps JSON has these keys, 4.3.1's does not.
    private static readonly string[] NewerThanWitness = ["CIDFile", "ExposedPorts", "Restarts"];

    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-pswit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        witness create --name wit-ps --label k=v -v /anon --expose 8080 localhost/busybox:latest true >/dev/null
        echo '===ps'; witness ps -a
        echo '===size'; witness ps -a --size
        echo '===ns'; witness ps -a --ns
        echo '===pod'; witness ps -a --pod
        echo '===json'; witness ps -a --format json
        echo '===sizejson'; witness ps -a --size --format json
        echo '===badkey'; witness ps -a --filter bogus=1 2>&1 | head -n 1 || true
        echo '===badsort'; witness ps -a --sort bogus 2>&1 | head -n 1 || true
        echo '===exited'; witness ps -a --filter exited=abc 2>&1 || true
        """;

    [Fact]
    public async Task Ps_headers_json_keys_and_errors_match_podmans()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var witness = await WitnessAsync();
        await modpod.RunAsync("rm", "-f", "-v", "wit-ps");
        await modpod.RunAsync("create", "--name", "wit-ps", "--label", "k=v", "-v", "/anon", "--expose", "8080", image, "true");
        var mine = new[] { "ps", "-a", "--filter", "name=^wit-ps$" };

        foreach (var (section, flag) in new[] { ("ps", "--all"), ("size", "--size"), ("ns", "--ns"), ("pod", "--pod") })
        {
            var table = await modpod.RunAsync([.. mine, flag]);
            Assert.Equal(Header(witness[section]), Header(table.StandardOutput));
        }

        var json = JsonNode.Parse((await modpod.RunAsync([.. mine, "--format", "json"])).Output);
        var sized = JsonNode.Parse((await modpod.RunAsync([.. mine, "--size", "--format", "json"])).Output);
        Assert.Equal(JsonKeys.Of(JsonNode.Parse(witness["json"])), Comparable(json));
        Assert.Equal(JsonKeys.Of(JsonNode.Parse(witness["sizejson"])), Comparable(sized));

        Assert.Equal(witness["badkey"], (await modpod.RunAsync([.. mine, "--filter", "bogus=1"])).StandardError.Trim());
        Assert.Equal(witness["badsort"], (await modpod.RunAsync([.. mine, "--sort", "bogus"])).ErrorLines[0]);
        Assert.Equal(witness["exited"], (await modpod.RunAsync([.. mine, "--filter", "exited=abc"])).StandardError.Trim());
        await modpod.RunAsync("rm", "-v", "wit-ps");
    }

    private static SortedSet<string> Comparable(JsonNode? node) =>
        new(JsonKeys.Of(node).Where(k => !NewerThanWitness.Contains(k.Split('.')[0])), StringComparer.Ordinal);

    // Column titles, with the runs of spaces between them made one.
    private static string Header(string table) =>
        string.Join(' ', table.Split('\n')[0].Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim()));

    private Task<Dictionary<string, string>> WitnessAsync() =>
        WitnessScript.WithBusyboxAsync(Script, Path.Combine(modpod.Directory, "work", "witness-ps-busybox.tar"));
}
