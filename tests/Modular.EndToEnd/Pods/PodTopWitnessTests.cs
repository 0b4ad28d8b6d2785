using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// <c>pod top POD [DESCRIPTORS...]</c> against the Podman witness: the headers for the
/// default, for descriptors given as words and comma-separated, for the container
/// descriptors (seccomp, label), and psgo's words for an unknown descriptor. Each row is one
/// process of the infra or the member, each shown once.
/// </summary>
public sealed class PodTopWitnessTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-podtop.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        witness pod create --name wit-top >/dev/null
        witness run -d --pod wit-top --pull never localhost/busybox:latest sleep 300 >/dev/null
        echo '===default'; witness pod top wit-top
        echo '===words'; witness pod top wit-top pid,comm hpid user
        echo '===security'; witness pod top wit-top pid seccomp label
        echo '===unknown'; witness pod top wit-top pid bogus 2>&1 || true
        witness pod rm -f -t 0 wit-top >/dev/null
        """;

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task Pod_top_headers_and_descriptor_errors_match_podmans()
    {
        var witness = await WitnessAsync();
        var pod = "top-wit-" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod, "--network", "none"));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--pod", pod, ModpodFixture.Busybox, "sleep", "300"));

            var standard = await Modpod.RunAsync("pod", "top", pod);
            var words = await Modpod.RunAsync("pod", "top", pod, "pid,comm", "hpid", "user");
            var security = await Modpod.RunAsync("pod", "top", pod, "pid", "seccomp", "label");
            var unknown = await Modpod.RunAsync("pod", "top", pod, "pid", "bogus");

            Assert.Equal(Header(witness["default"]), Header(standard.Output));
            Assert.Equal(Header(witness["words"]), Header(words.Output));
            Assert.Equal(Header(witness["security"]), Header(security.Output));
            Assert.Equal(witness["unknown"], unknown.StandardError.Trim());
            ModpodAssert.Exit(125, unknown);
            Assert.Equal(3, standard.Lines.Count);
            Assert.Contains(words.Lines, line => line.Contains("catatonit", StringComparison.Ordinal));
            Assert.Contains(words.Lines, line => line.Contains("sleep", StringComparison.Ordinal));
        }
        finally
        {
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
        }
    }

    private static string[] Header(string table) =>
        table.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private async Task<Dictionary<string, string>> WitnessAsync()
    {
        var archive = Path.Combine(Modpod.Directory, "work", "podtop-busybox.tar");
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(ModpodFixture.Busybox), archive);
        try
        {
            var result = await Cli.Wrap("bash")
                .WithArguments(["-c", Script])
                .WithEnvironmentVariables(env => env.Set("ROOT", RepositoryPaths.Root).Set("ARCHIVE", archive))
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
