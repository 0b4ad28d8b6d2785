using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Copy;

/// <summary>
/// The small output files of flags (push and manifest push --digestfile, run and create
/// --cidfile, pod create --pod-id-file): a path that cannot be written fails with one
/// <c>Error:</c> line naming it, in Podman's words, before anything is created or pushed.
/// </summary>
[Collection(Collections.Containers)]
public sealed class OutputFileFlagTests(ModpodFixture modpod)
{
    private const string Missing = "/nonexistdir-modpod-test/out";

    [Fact]
    public async Task Push_digestfile_in_a_missing_directory_fails_before_pushing()
    {
        var image = await modpod.EnsureBusyboxAsync();

        // Port 9 (discard) on loopback: nothing is listening, and nothing is contacted.
        var result = await modpod.RunAsync(
            "push", "--digestfile", Missing, "--tls-verify=false", image, "127.0.0.1:9/six3/none:1");

        ModpodAssert.Exit(125, result);
        Assert.Equal($"Error: open {Missing}: no such file or directory", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Manifest_push_digestfile_in_a_missing_directory_fails_before_pushing()
    {
        const string list = "localhost/six3-digestfile-list:1";
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("manifest", "create", list));

            var result = await modpod.RunAsync(
                "manifest", "push", "--digestfile", Missing, "--tls-verify=false", list, "127.0.0.1:9/six3/list:1");

            ModpodAssert.Exit(125, result);
            Assert.Equal($"Error: open {Missing}: no such file or directory", Assert.Single(result.ErrorLines));
        }
        finally
        {
            await modpod.RunAsync("manifest", "rm", list);
        }
    }

    [Fact]
    public async Task Cidfile_is_truncated_when_taken_removed_with_the_container_and_refused_when_unwritable()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var file = Path.Combine(modpod.Directory, "work", $"cid-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, new string('x', 120));
        var before = (await modpod.RunAsync("ps", "-a", "-q")).Lines.Count;
        string? created = null;
        try
        {
            // Podman 4.4 and later replace what a taken file holds (podman#16273).
            var first = await modpod.RunAsync("create", "--cidfile", file, "--network", "none", image, "true");
            created = first.Output;
            var inspected = await modpod.RunAsync("inspect", "--format", "{{.HostConfig.ContainerIDFile}}", created);
            var missing = await modpod.RunAsync("run", "--rm", "--cidfile", Missing, "--network", "none", image, "true");

            ModpodAssert.Exit(0, first);
            Assert.Equal(created, File.ReadAllText(file));
            Assert.Equal(file, inspected.Output);
            ModpodAssert.Exit(125, missing);
            Assert.Equal($"Error: opening cidfile {Missing}", Assert.Single(missing.ErrorLines));
            Assert.Equal(before + 1, (await modpod.RunAsync("ps", "-a", "-q")).Lines.Count);

            ModpodAssert.Exit(0, await modpod.RunAsync("rm", created));
            created = null;
            Assert.False(File.Exists(file), "rm removes the container's --cidfile");
        }
        finally
        {
            if (created is { Length: > 0 })
            {
                await modpod.RunAsync("rm", "-f", created);
            }

            File.Delete(file);
        }
    }

    [Fact]
    public async Task Pod_id_file_is_written_and_an_unwritable_one_creates_no_pod()
    {
        var file = Path.Combine(modpod.Directory, "work", $"podid-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var name = $"six3-podid-{Guid.NewGuid().ToString("N")[..6]}";
        try
        {
            var missing = await modpod.RunAsync("pod", "create", "--infra=false", "--name", name, "--pod-id-file", Missing);

            ModpodAssert.Exit(125, missing);
            Assert.Equal($"Error: failed to write pod ID to file: open {Missing}: no such file or directory",
                Assert.Single(missing.ErrorLines));
            ModpodAssert.Exit(1, await modpod.RunAsync("pod", "exists", name));

            var written = await modpod.RunAsync("pod", "create", "--infra=false", "--name", name, "--pod-id-file", file);

            ModpodAssert.Exit(0, written);
            Assert.Equal(written.Output, File.ReadAllText(file));
        }
        finally
        {
            await modpod.RunAsync("pod", "rm", "-f", "--ignore", name);
            File.Delete(file);
        }
    }
}
