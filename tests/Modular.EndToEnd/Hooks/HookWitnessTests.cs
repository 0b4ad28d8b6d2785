using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Hooks;

/// <summary>
/// The same hooks.d folder given to the Podman 4.3.1 witness (runc, its own temp store and
/// hooks folder, cleaned up by the script's trap) and to modpod with runc: the annotation
/// hook fires for the same container only, sees a state with the same keys, and invalid
/// files and a failing prestart hook fail run with the same text and exit code.
/// </summary>
[Collection(Collections.Containers)]
public sealed class HookWitnessTests(ModpodFixture modpod)
{
    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-hookwit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        H=$WITNESS_DIR/hooks.d; O=$WITNESS_DIR/out; mkdir -p "$H" "$O"
        printf '#!/bin/sh\ncat > %s/"$1".json\n' "$O" > "$WITNESS_DIR/save"
        printf '#!/bin/sh\nexit 3\n' > "$WITNESS_DIR/fail"
        chmod +x "$WITNESS_DIR/save" "$WITNESS_DIR/fail"
        hook() { printf '{"version":"1.0.0","hook":{"path":"%s","args":%s},"when":%s,"stages":["%s"]}' "$1" "$2" "$3" "$4"; }
        hook "$WITNESS_DIR/save" '["save","annotated"]' '{"annotations":{"^org\\.example\\.dump$":"^yes$"}}' prestart > "$H/10-dump.json"
        run() { witness --hooks-dir "$H" run --rm --pull never "$@" localhost/busybox:latest true 2>&1 && echo "exit=0" || echo "exit=$?"; }
        run >/dev/null
        echo '===plain'; ls "$O"
        run --annotation org.example.dump=yes >/dev/null
        echo '===state'; cat "$O/annotated.json"; echo
        hook /bin/true '[]' '{"always":true}' bogus > "$H/20-bad.json"
        echo '===stage'; run
        echo '{' > "$H/20-bad.json"
        echo '===json'; run | sed "s|$H|HOOKS|"
        rm "$H/20-bad.json"
        hook "$WITNESS_DIR/fail" '[]' '{"always":true}' prestart > "$H/30-fail.json"
        echo '===fail'; run | tail -n 1
        """;

    [Fact]
    public async Task Hooks_fire_see_state_and_fail_as_they_do_under_podman()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var witness = await WitnessAsync();
        var hooks = new HookFolder(modpod.Directory);
        var folder = hooks.Folder("hooks.d");
        var dump = """{"annotations": {"^org\\.example\\.dump$": "^yes$"}}""";
        hooks.WriteCurrent(folder, "10-dump.json", hooks.StateSaver(), ["save", "annotated"], dump, "prestart");

        await Run(folder);
        var plain = Directory.GetFiles(hooks.Output);
        await Run(folder, "--annotation", "org.example.dump=yes");
        var state = hooks.State("annotated");
        hooks.WriteCurrent(folder, "20-bad.json", "/bin/true", [], """{"always": true}""", "bogus");
        var stage = await Run(folder);
        hooks.WriteHook(folder, "20-bad.json", "{");
        var json = (await Run(folder)).Replace(folder, "HOOKS", StringComparison.Ordinal);
        File.Delete(Path.Combine(folder, "20-bad.json"));
        hooks.WriteCurrent(folder, "30-fail.json", hooks.Script("fail", "#!/bin/sh\nexit 3\n"), [], """{"always": true}""", "prestart");
        var fail = await Run(folder);

        Assert.Equal(witness["plain"], string.Join('\n', plain));
        Assert.NotNull(state);
        var theirs = JsonNode.Parse(witness["state"])!.AsObject().Select(pair => pair.Key).Order();
        Assert.Equal(theirs, state.Select(pair => pair.Key).Order());
        Assert.Equal(witness["stage"], stage);
        Assert.Equal(witness["json"], json);
        Assert.Equal(witness["fail"], fail.Split('\n')[^1]);
    }

    // modpod run as the witness script runs it: combined output, then "exit=N".
    private async Task<string> Run(string folder, params string[] flags)
    {
        var result = await modpod.RunAsync(
            ["--hooks-dir", folder, "run", "--rm", "--runtime", "runc", .. flags, ModpodFixture.Busybox, "true"], null);
        return string.Join('\n', [.. result.ErrorLines, .. result.Lines, $"exit={result.ExitCode}"]);
    }

    private Task<Dictionary<string, string>> WitnessAsync() =>
        WitnessScript.WithBusyboxAsync(Script, Path.Combine(modpod.Directory, "work", "witness-hooks-busybox.tar"));
}
