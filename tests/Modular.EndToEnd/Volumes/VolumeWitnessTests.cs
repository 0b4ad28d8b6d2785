using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Volumes;

/// <summary>
/// volume ls's header and the recursive key sets of volume inspect and of a container's
/// Mounts, compared with the Podman 4.3.1 witness (scripts/lib/witness.sh, its own temp
/// store, cleaned up by the script's own trap). Keys current Podman has and 4.3.1 lacks
/// are listed in tests/witness/allowlist.md and skipped here.
/// </summary>
[Collection(Collections.Containers)]
public sealed class VolumeWitnessTests(ModpodFixture modpod)
{
    // allowlist.md: LockNumber is in current Podman's volume inspect, not in 4.3.1's.
    private static readonly string[] NewerThanWitness = ["LockNumber"];

    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-volwit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        witness volume create --label k=v wit-vol >/dev/null
        echo '===ls'; witness volume ls
        echo '===inspect'; witness volume inspect wit-vol
        witness create --name wit-c -v wit-vol:/data -v /anon localhost/busybox:latest true >/dev/null
        echo '===mounts'; witness inspect --format '{{json .Mounts}}' wit-c
        """;

    [Fact]
    public async Task Volume_ls_header_and_inspect_keys_match_podmans()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var witness = await WitnessAsync();
        await modpod.RunAsync("volume", "create", "--label", "k=v", "wit-vol");
        await modpod.RunAsync("create", "--name", "wit-c", "-v", "wit-vol:/data", "-v", "/anon", image, "true");

        var ls = await modpod.RunAsync("volume", "ls", "--filter", "name=wit-vol");
        var inspect = JsonNode.Parse((await modpod.RunAsync("volume", "inspect", "wit-vol")).Output)!;
        var mounts = JsonNode.Parse((await modpod.RunAsync("inspect", "--format", "{{json .Mounts}}", "wit-c")).Output)!;

        Assert.Equal(witness["ls"].Split('\n')[0], ls.Lines[0]);
        Assert.Equal(JsonKeys.Of(JsonNode.Parse(witness["inspect"])), JsonKeys.Of(inspect).Except(NewerThanWitness));
        Assert.Equal(JsonKeys.Of(JsonNode.Parse(witness["mounts"])), JsonKeys.Of(mounts));
        await modpod.RunAsync("rm", "-v", "wit-c");
        await modpod.RunAsync("volume", "rm", "wit-vol");
    }

    private Task<Dictionary<string, string>> WitnessAsync() =>
        WitnessScript.WithBusyboxAsync(Script, Path.Combine(modpod.Directory, "work", "witness-busybox.tar"));
}
