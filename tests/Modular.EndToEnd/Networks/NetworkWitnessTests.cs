using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Networks;

/// <summary>
/// modpod's network ls header and network inspect keys against the Podman 4.3.1 witness
/// (scripts/lib/witness.sh: its own store and network_config_dir; creating a network
/// there writes one file and touches no host interface). Podman 5's <c>containers</c>
/// key is absent from 4.3.1 and listed in tests/witness/allowlist.md.
/// </summary>
public sealed class NetworkWitnessTests
{
    private static readonly string[] CreateArgs =
        ["network", "create", "--subnet", "10.202.61.0/24", "--ip-range", "10.202.61.128/25",
         "--label", "a=b", "-o", "mtu=1400", "--internal", "e2e-witness"];

    [Fact]
    public async Task Ls_header_and_inspect_keys_match_the_Podman_witness()
    {
        await using var store = await NetworkStore.CreateAsync("netavark");
        await store.RunAsync(CreateArgs);
        var ours = await store.RunAsync("network", "ls");
        var inspect = await store.RunAsync("network", "inspect", "e2e-witness");

        var (witnessHeader, witnessInspect) = await WitnessAsync();

        Assert.Equal(witnessHeader, ours.Lines[0]);
        var expected = Keys(JsonNode.Parse(witnessInspect)!);
        var actual = Keys(JsonNode.Parse(inspect.Output)!).Where(k => !k.StartsWith("[].containers", StringComparison.Ordinal));
        Assert.Equal(expected.Order(), actual.Order());
    }

    private static async Task<(string Header, string Inspect)> WitnessAsync()
    {
        var script = $"""
            set -e
            . "{RepositoryPaths.Root}/scripts/lib/witness.sh"
            dir=$(mktemp -d /tmp/modular-witness-net.XXXXXX)
            witness_init "$dir"
            trap witness_cleanup EXIT
            witness {string.Join(' ', CreateArgs)} >/dev/null
            witness network ls | head -n 1
            echo '----'
            witness network inspect e2e-witness
            """;
        var result = await Cli.Wrap("bash").WithArguments(["-c", script])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, "witness failed: " + result.StandardError);
        var parts = result.StandardOutput.Split("----\n", 2);
        return (parts[0].Trim(), parts[1]);
    }

    // Every path of keys: "[].name", "[].subnets[].lease_range.start_ip" ...
    private static HashSet<string> Keys(JsonNode node, string prefix = "")
    {
        var keys = new HashSet<string>();
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var path = $"{prefix}.{key}";
                    keys.Add(path);
                    if (value is not null && key is not ("labels" or "options" or "ipam_options"))
                    {
                        keys.UnionWith(Keys(value, path));
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    keys.UnionWith(Keys(item, prefix + "[]"));
                }

                break;
        }

        return keys;
    }
}
