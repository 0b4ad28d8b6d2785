using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// stdin piping, exec exit codes and the refusals of exec and attach, compared with the
/// Podman 4.3.1 witness (scripts/lib/witness.sh, its own temp store, cleaned by its trap),
/// except where tests/witness/allowlist.md says current Podman differs.
/// </summary>
[Collection(Collections.Containers)]
public sealed class InteractiveWitnessTests(ModpodFixture modpod)
{
    // Each case prints its output and exit code on one line: "NAME CODE OUTPUT...".
    private const string Cases = """
        echo "pipe $(echo x | $MP run -i --rm --network none localhost/busybox:latest cat; echo " $?")"
        $MP run -d --name wit-ia --network none localhost/busybox:latest sleep 300 >/dev/null
        echo "code9 $($MP exec wit-ia sh -c 'exit 9'; echo $?)"
        echo "code127 $($MP exec -i wit-ia /no/such </dev/null 2>/dev/null; echo $?)"
        echo "code126 $($MP exec -i wit-ia /etc/passwd </dev/null 2>/dev/null; echo $?)"
        $MP stop -t 0 wit-ia >/dev/null
        echo "stopped $($MP exec -it wit-ia true 2>&1; echo " $?")"
        echo "attach $($MP attach wit-ia 2>&1; echo " $?")"
        $MP rm -f -t 0 wit-ia >/dev/null
        """;

    [Fact]
    public async Task Pipes_exec_codes_and_refusals_match_podmans()
    {
        var image = await modpod.EnsureBusyboxAsync();
        Assert.Equal(ModpodFixture.Busybox, image);

        var witness = await RunCasesAsync("""
            set -e
            . "$ROOT/scripts/lib/witness.sh"
            WITNESS_DIR=$(mktemp -d /tmp/modular-iawit.XXXXXX)
            trap witness_cleanup EXIT
            witness_init "$WITNESS_DIR"
            witness load -q -i "$ARCHIVE" >/dev/null
            set +e
            MP=witness
            """, await WriteArchiveAsync());
        var ours = await RunCasesAsync("set +e; MP=modpod_here", null);

        // allowlist.md: 4.3.1 exits 255 for exec on a stopped container; current Podman 125.
        Assert.Equal(witness.Replace("improper\n 255", "improper\n 125", StringComparison.Ordinal), ours);
    }

    private async Task<string> WriteArchiveAsync()
    {
        var archive = Path.Combine(modpod.Directory, "work", "ia-witness-busybox.tar");
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(ModpodFixture.Busybox), archive);
        return archive;
    }

    private async Task<string> RunCasesAsync(string prelude, string? archive)
    {
        // modpod_here runs the staged modpod on this fixture's store.
        var function = $"modpod_here() {{ {modpod.ShellCommand()} \"$@\"; }}";
        try
        {
            var result = await Cli.Wrap("bash")
                .WithArguments(["-c", $"{function}\n{prelude}\n{Cases}"])
                .WithEnvironmentVariables(env => env.Set("ROOT", RepositoryPaths.Root).Set("ARCHIVE", archive))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
            return result.StandardOutput.Trim();
        }
        finally
        {
            if (archive is not null)
            {
                File.Delete(archive);
            }
        }
    }
}
