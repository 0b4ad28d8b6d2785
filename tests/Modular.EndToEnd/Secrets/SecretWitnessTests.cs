using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Secrets;

/// <summary>
/// secret ls's header, secret inspect's recursive key set and the system df tables compared
/// with the Podman 4.3.1 witness (scripts/lib/witness.sh, its own temp store, removed by
/// the script's trap). Differences from current Podman are in tests/witness/allowlist.md.
/// </summary>
[Collection(Collections.Containers)]
public sealed class SecretWitnessTests(ModpodFixture modpod)
{
    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-secwit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        printf 'witness-data' > "$WITNESS_DIR/data"
        witness secret create --label k=v wit-secret "$WITNESS_DIR/data" >/dev/null
        echo '===ls'; witness secret ls
        echo '===inspect'; witness secret inspect wit-secret
        echo '===df'; witness system df
        echo '===dfv'; witness system df -v
        """;

    [Fact]
    public async Task Secret_ls_header_and_inspect_keys_match_podmans()
    {
        var witness = await WitnessAsync();
        var data = Path.Combine(modpod.Directory, "work", "wit-secret.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        await File.WriteAllTextAsync(data, "modpod-data");
        await modpod.RunAsync("secret", "create", "--label", "k=v", "wit-secret", data);

        var ls = await modpod.RunAsync("secret", "ls", "--filter", "name=wit-secret");
        var inspect = JsonNode.Parse((await modpod.RunAsync("secret", "inspect", "wit-secret")).Output)!;

        Assert.Equal(Header(witness["ls"]), Header(ls.Output));
        Assert.Equal(JsonKeys.Of(JsonNode.Parse(witness["inspect"])), JsonKeys.Of(inspect));
        await modpod.RunAsync("secret", "rm", "wit-secret");
        File.Delete(data);
    }

    [Fact]
    public async Task System_df_headers_match_podmans()
    {
        var witness = await WitnessAsync();

        var df = await modpod.RunAsync("system", "df");
        var verbose = await modpod.RunAsync("system", "df", "-v");

        Assert.Equal(witness["df"].Split('\n')[0], df.StandardOutput.Split('\n')[0]);
        Assert.Equal(["Images", "Containers", "Local Volumes"], df.Lines.Skip(1).Select(l => l.Split("  ")[0]));
        Assert.Equal(Headings(witness["dfv"]), Headings(verbose.StandardOutput));
    }

    // Column widths follow the rows (ages differ), so the words are compared.
    private static string Header(string table) =>
        string.Join(' ', table.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));

    // Section titles and column headers: the lines that are not rows of some object.
    private static List<string> Headings(string text) =>
        [.. text.Split('\n').Select(l => l.TrimEnd())
            .Where(l => l.EndsWith(':') || l.StartsWith("REPOSITORY", StringComparison.Ordinal)
                || l.StartsWith("CONTAINER ID", StringComparison.Ordinal) || l.StartsWith("VOLUME NAME", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))];

    private static Task<Dictionary<string, string>> WitnessAsync() =>
        WitnessScript.SectionsAsync(Script, archive: null, body => body.TrimEnd());
}
