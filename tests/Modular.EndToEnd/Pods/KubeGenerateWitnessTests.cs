using System.Text.RegularExpressions;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// The key paths of <c>kube generate</c>'s YAML for the same container and pod, compared
/// with the Podman 4.3.1 witness (scripts/lib/witness.sh, its own temp store). Where 4.3.1
/// and current Podman differ, modpod follows current Podman; tests/witness/allowlist.md
/// lists those keys and they are skipped here.
/// </summary>
public sealed partial class KubeGenerateWitnessTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    // allowlist.md: keys Podman 4.3.1 writes and current Podman does not.
    private static readonly string[] OlderThanCurrent =
    [
        "spec.automountServiceAccountToken", "spec.enableServiceLinks", "status",
        "spec.containers.resources", "spec.restartPolicy", "spec.hostname",
    ];

    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-kubewit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        mkdir -p "$WITNESS_DIR/data"
        witness create --name wit-kube --network none -e KUBE=1 -w /tmp --cap-add NET_ADMIN \
            --cap-drop CHOWN -m 64m --cpus 0.5 -u 1000 -v "$WITNESS_DIR/data:/data:ro" \
            --annotation a.b=c \
            -v wit-kube-vol:/vol localhost/busybox:latest sleep 100 >/dev/null
        echo '===container'; witness generate kube wit-kube
        witness pod create --name wit-kube-pod --network none >/dev/null
        witness create --pod wit-kube-pod --name wit-kube-member --cap-add NET_ADMIN --cap-drop CHOWN \
            --annotation a.b=c \
            localhost/busybox:latest sleep 100 >/dev/null
        echo '===pod'; witness generate kube --service wit-kube-pod
        """;

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task Kube_generate_writes_the_keys_podman_writes_for_a_container_and_a_pod()
    {
        var image = await Modpod.EnsureBusyboxAsync();
        var witness = await WitnessAsync();
        var data = Directory.CreateDirectory(Path.Combine(Modpod.Directory, "work", "kube-wit-data")).FullName;
        await Modpod.RunAsync(
            "create", "--name", "wit-kube", "--network", "none", "-e", "KUBE=1", "-w", "/tmp",
            "--cap-add", "NET_ADMIN", "--cap-drop", "CHOWN", "-m", "64m", "--cpus", "0.5", "-u", "1000",
            "-v", data + ":/data:ro", "--annotation", "a.b=c", "-v", "wit-kube-vol:/vol", image,
            "sleep", "100");
        await Modpod.RunAsync("pod", "create", "--name", "wit-kube-pod", "--network", "none");
        await Modpod.RunAsync(
            "create", "--pod", "wit-kube-pod", "--name", "wit-kube-member", "--cap-add", "NET_ADMIN",
            "--annotation", "a.b=c", "--cap-drop", "CHOWN", image, "sleep", "100");
        try
        {
            var container = await Modpod.RunAsync("kube", "generate", "wit-kube");
            var pod = await Modpod.RunAsync("kube", "generate", "--service", "wit-kube-pod");

            ModpodAssert.Exit(0, container);
            ModpodAssert.Exit(0, pod);
            Assert.Equal("", Difference(Keys(witness["container"]), Keys(container.StandardOutput)));
            Assert.Equal("", Difference(Keys(witness["pod"]), Keys(pod.StandardOutput)));
            Assert.Equal(Header(witness["container"]), Header(container.StandardOutput));
        }
        finally
        {
            await Modpod.RunAsync("rm", "-f", "-t", "0", "wit-kube");
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "wit-kube-pod");
            await Modpod.RunAsync("volume", "rm", "wit-kube-vol");
        }
    }

    private static string Difference(SortedSet<string> podman, SortedSet<string> modpod) =>
        string.Join(' ', podman.Except(modpod).Select(k => "podman-only:" + k)
            .Concat(modpod.Except(podman).Select(k => "modpod-only:" + k)));

    // The comment lines, with the version line's program and number made neutral.
    private static string Header(string yaml) => VersionLine().Replace(
        string.Join('\n', yaml.Split('\n').TakeWhile(l => l.StartsWith('#'))), "# Created with X");

    /// <summary>
    /// The key paths (a.b.c) of every document, read from the block YAML's indentation;
    /// the contents of annotations, labels and selectors are data, not shape, and are left out.
    /// </summary>
    private static SortedSet<string> Keys(string yaml)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var stack = new List<(int Indent, string Key)>();
        foreach (var raw in yaml.Split('\n'))
        {
            if (raw.TrimStart().StartsWith('#') || raw.Trim() is "" or "---")
            {
                stack.Clear();
                continue;
            }

            var line = raw;
            while (SequenceItem().Match(line) is { Success: true } item)
            {
                line = new string(' ', item.Length) + line[item.Length..];
            }

            if (KeyLine().Match(line) is not { Success: true } match)
            {
                continue;
            }

            var indent = match.Groups[1].Length;
            stack.RemoveAll(s => s.Indent >= indent);
            var parent = string.Join('.', stack.Select(s => s.Key));
            stack.Add((indent, match.Groups[2].Value));
            if (!Regex.IsMatch(parent, @"(^|\.)(annotations|labels|matchLabels|selector)$")
                && !OlderThanCurrent.Contains(Join(parent, match.Groups[2].Value)))
            {
                keys.Add(Join(parent, match.Groups[2].Value));
            }
        }

        return keys;
    }

    private static string Join(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    [GeneratedRegex(@"^( *- )")]
    private static partial Regex SequenceItem();

    [GeneratedRegex(@"^( *)([A-Za-z0-9_./""-]+):( |$)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"# Created with \S+")]
    private static partial Regex VersionLine();

    private Task<Dictionary<string, string>> WitnessAsync() =>
        WitnessScript.WithBusyboxAsync(Script, Path.Combine(Modpod.Directory, "work", "witness-kube-busybox.tar"), body => body);
}
