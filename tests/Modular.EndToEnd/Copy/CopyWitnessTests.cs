using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Copy;

/// <summary>cp's refusals, word for word and with their exit codes, against the Podman 4.3.1 witness.</summary>
[Collection(Collections.Containers)]
public sealed class CopyWitnessTests(ModpodFixture modpod) : IDisposable
{
    private readonly string _host = Directory.CreateTempSubdirectory("modular-cpwit-").FullName;

    /// <summary>Each case's arguments; HOST stands for a temp dir with a file f and a dir d.</summary>
    private static readonly string[][] Cases =
    [
        ["cw:/nope", "HOST/x"],
        ["HOST/d", "cw:/missing/"],
        ["HOST/d", "cw:/missing/deeper"],
        ["HOST/d", "cw:/etc/passwd"],
        ["cw:/etc", "HOST/f"],
        ["HOST/nope", "cw:/tmp"],
        ["cw:/etc", "HOST/nodir/x"],
        ["no-such-ctr:/x", "HOST/"],
        ["HOST/f", "HOST/g"],
        ["cw:", "HOST/"],
        ["cw:/etc", "/dev/null"],
    ];

    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-cpwit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        witness create --name cw --pull never localhost/busybox:latest true >/dev/null
        while IFS= read -r line; do
            eval "set -- $line"
            rc=0; err=$(witness cp "$@" 2>&1 >/dev/null) || rc=$?
            echo "$rc $err"
        done < "$CASES"
        """;

    [Fact]
    public async Task Cp_refusals_match_podmans_messages_and_exit_codes()
    {
        var image = await modpod.EnsureBusyboxAsync();
        File.WriteAllText(Path.Combine(_host, "f"), "f\n");
        Directory.CreateDirectory(Path.Combine(_host, "d"));
        var witness = await WitnessAsync();
        await modpod.RunAsync("create", "--name", "cw", "--network", "none", image, "true");

        var ours = new List<string>();
        foreach (var args in Cases)
        {
            var result = await modpod.RunAsync(["cp", .. args.Select(Expand)]);
            ours.Add($"{result.ExitCode} {result.StandardError.Trim()}");
        }

        Assert.Equal(witness, ours);
    }

    public void Dispose()
    {
        modpod.RunAsync("rm", "-f", "cw").GetAwaiter().GetResult();
        Directory.Delete(_host, recursive: true);
    }

    private string Expand(string arg) => arg.Replace("HOST", _host);

    private async Task<IReadOnlyList<string>> WitnessAsync()
    {
        var archive = Path.Combine(modpod.Directory, "work", "cp-witness-busybox.tar");
        var cases = Path.Combine(_host, "cases");
        await File.WriteAllLinesAsync(cases, Cases.Select(c => string.Join(' ', c.Select(a => $"'{Expand(a)}'"))));
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(ModpodFixture.Busybox), archive);
        try
        {
            var result = await Cli.Wrap("bash")
                .WithArguments(["-c", Script])
                .WithEnvironmentVariables(env => env
                    .Set("ROOT", RepositoryPaths.Root).Set("ARCHIVE", archive).Set("CASES", cases))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
            Assert.True(result.ExitCode == 0, "witness failed: " + result.StandardError);
            return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete(archive);
            File.Delete(cases);
        }
    }
}
