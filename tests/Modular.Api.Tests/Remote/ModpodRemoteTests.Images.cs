using System.Formats.Tar;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>
/// Remote image and container-filesystem commands (history, diff, image tree, commit, export,
/// save, load, import, image prune, push): the output and failures of the local commands.
/// Files named on the command line are written and read on the client's side.
/// </summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task History_matches_the_local_command()
    {
        await AssertSameAsync("history", "--format", "{{.ID}} {{.CreatedBy}} {{.Size}} {{.Comment}}", ModpodFixture.Busybox);
        await AssertSameAsync("history", "-q", "--no-trunc", ModpodFixture.Busybox);
        await AssertSameFailureAsync("history", "rimg-nosuch");
    }

    [Fact]
    public async Task Diff_of_a_container_and_an_image_matches_the_local_command()
    {
        var run = await Store.RunAsync(
            "run", "--name", "rimg-diff", "--network", "none", ModpodFixture.Busybox, "sh", "-c", "echo x > /added");
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            await AssertSameAsync("diff", "rimg-diff");
            await AssertSameAsync("diff", "--format", "json", "rimg-diff");
            await AssertSameAsync("diff", ModpodFixture.Busybox);
            await AssertSameFailureAsync("diff", "rimg-nosuch");
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "rimg-diff");
        }
    }

    [Fact]
    public async Task Image_tree_matches_the_local_command()
    {
        await AssertSameAsync("image", "tree", ModpodFixture.Busybox);
        await AssertSameAsync("image", "tree", "--whatrequires", ModpodFixture.Busybox);
        await AssertSameFailureAsync("image", "tree", "rimg-nosuch");
    }

    [Fact]
    public async Task Commit_stores_the_changes_messages_and_instructions()
    {
        var run = await Store.RunAsync(
            "run", "--name", "rimg-commit", "--network", "none", ModpodFixture.Busybox, "sh", "-c", "echo x > /made");
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            var commit = await RemoteAsync(
                "commit", "-q", "-f", "docker", "-m", "a message", "-a", "someone",
                "-c", "ENV RIMG=yes", "rimg-commit", "localhost/rimg-committed:v1");
            Assert.True(commit.ExitCode == 0, commit.ToString());
            Assert.Matches("^[0-9a-f]{64}$", commit.Output);
            var inspect = await Store.RunAsync(
                "image", "inspect", "--format", "{{.Id}} {{.Comment}} {{.Author}} {{.Config.Env}}",
                "localhost/rimg-committed:v1");
            Assert.StartsWith(commit.Output + " a message someone [", inspect.Output);
            Assert.Contains("RIMG=yes", inspect.Output);
            await AssertSameAsync("diff", "localhost/rimg-committed:v1");
            await AssertSameFailureAsync("commit", "rimg-nosuch");
            await AssertSameFailureAsync("commit", "-m", "oci has no comment", "rimg-commit");
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "rimg-commit");
            await Store.RunAsync("rmi", "-f", "localhost/rimg-committed:v1");
        }
    }

    [Fact]
    public async Task Export_writes_the_containers_files_on_the_client_side()
    {
        Assert.Equal(0, (await Store.RunAsync(
            "create", "--name", "rimg-export", "--network", "none", ModpodFixture.Busybox, "true")).ExitCode);
        var local = Path.Combine(Store.Directory, "rimg-export-local.tar");
        var remote = Path.Combine(Store.Directory, "rimg-export-remote.tar");
        try
        {
            Assert.Equal(0, (await Store.RunAsync("export", "-o", local, "rimg-export")).ExitCode);
            var result = await RemoteAsync("export", "-o", remote, "rimg-export");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(await EntriesAsync(local), await EntriesAsync(remote));
            await AssertSameFailureAsync("export", "-o", Path.Combine(Store.Directory, "rimg-none.tar"), "rimg-nosuch");
            Assert.False(File.Exists(Path.Combine(Store.Directory, "rimg-none.tar")));
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "rimg-export");
            File.Delete(local);
            File.Delete(remote);
        }
    }

    [Theory]
    [InlineData("docker-archive")]
    [InlineData("oci-archive")]
    [InlineData("oci-dir")]
    [InlineData("docker-dir")]
    public async Task Save_writes_what_the_local_command_writes(string format)
    {
        var local = Path.Combine(Store.Directory, "rimg-save-local-" + format);
        var remote = Path.Combine(Store.Directory, "rimg-save-remote-" + format);
        try
        {
            Assert.Equal(0, (await Store.RunAsync("save", "-q", "--format", format, "-o", local, ModpodFixture.Busybox)).ExitCode);
            var result = await RemoteAsync("save", "--format", format, "-o", remote, ModpodFixture.Busybox);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(await ContentsAsync(local), await ContentsAsync(remote));
        }
        finally
        {
            Remove(local);
            Remove(remote);
        }
    }

    [Fact]
    public async Task Save_of_several_images_and_of_a_missing_one_match_the_local_command()
    {
        var remote = Path.Combine(Store.Directory, "rimg-save-multi.tar");
        Assert.Equal(0, (await Store.RunAsync("tag", ModpodFixture.Busybox, "localhost/rimg-second:v2")).ExitCode);
        try
        {
            var result = await RemoteAsync("save", "-m", "-o", remote, ModpodFixture.Busybox, "localhost/rimg-second:v2");
            Assert.True(result.ExitCode == 0, result.ToString());
            var names = await EntriesAsync(remote);
            Assert.Contains(names, n => n.StartsWith("manifest.json ", StringComparison.Ordinal));
            await AssertSameFailureAsync("save", "-o", Path.Combine(Store.Directory, "rimg-no.tar"), "rimg-nosuch");
        }
        finally
        {
            // untag with no NAME would drop every name of the image, busybox's too.
            await Store.RunAsync("untag", "localhost/rimg-second:v2", "localhost/rimg-second:v2");
            File.Delete(remote);
        }
    }

    [Fact]
    public async Task Load_reads_the_clients_archive()
    {
        var archive = Path.Combine(Store.Directory, "rimg-load.tar");
        Assert.Equal(0, (await Store.RunAsync("tag", ModpodFixture.Busybox, "localhost/rimg-load:v1")).ExitCode);
        Assert.Equal(0, (await Store.RunAsync("save", "-q", "-o", archive, "localhost/rimg-load:v1")).ExitCode);
        Assert.Equal(0, (await Store.RunAsync("untag", ModpodFixture.Busybox, "localhost/rimg-load:v1")).ExitCode);
        try
        {
            var load = await RemoteAsync("load", "-i", archive);
            Assert.True(load.ExitCode == 0, load.ToString());
            Assert.Equal("Loaded image: localhost/rimg-load:v1", load.Output);
            Assert.Equal(0, (await Store.RunAsync("image", "exists", "localhost/rimg-load:v1")).ExitCode);
            await AssertSameFailureAsync("load", "-i", Path.Combine(Store.Directory, "rimg-missing.tar"));
        }
        finally
        {
            await Store.RunAsync("untag", ModpodFixture.Busybox, "localhost/rimg-load:v1");
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task Import_uploads_the_clients_tarball_with_changes_and_message()
    {
        Assert.Equal(0, (await Store.RunAsync(
            "create", "--name", "rimg-import", "--network", "none", ModpodFixture.Busybox, "true")).ExitCode);
        var tarball = Path.Combine(Store.Directory, "rimg-import.tar");
        try
        {
            Assert.Equal(0, (await Store.RunAsync("export", "-o", tarball, "rimg-import")).ExitCode);
            var import = await RemoteAsync(
                "import", "-q", "-c", "CMD [\"/bin/sh\"]", "-m", "imported", tarball, "localhost/rimg-imported:v1");
            Assert.True(import.ExitCode == 0, import.ToString());
            Assert.Matches("^sha256:[0-9a-f]{64}$", import.Output);
            var inspect = await Store.RunAsync(
                "image", "inspect", "--format", "{{.Config.Cmd}} {{.Comment}}", "localhost/rimg-imported:v1");
            Assert.Equal("[/bin/sh] imported", inspect.Output);
            await AssertSameFailureAsync("import", Path.Combine(Store.Directory, "rimg-missing.tar"));
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "rimg-import");
            await Store.RunAsync("rmi", "-f", "localhost/rimg-imported:v1");
            File.Delete(tarball);
        }
    }

    [Fact]
    public async Task Image_prune_prints_the_removed_ids_as_the_local_command()
    {
        await AssertSameAsync("image", "prune", "-f", "--filter", "label=rimg-no=such");
        var import = await Store.RunAsync("import", "-q", await RootfsTarballAsync());
        Assert.True(import.ExitCode == 0, import.ToString());
        var dangling = import.Output["sha256:".Length..];

        var prune = await RemoteAsync("image", "prune", "-f");

        Assert.True(prune.ExitCode == 0, prune.ToString());
        Assert.Contains(dangling, prune.Lines);
        Assert.NotEqual(0, (await Store.RunAsync("image", "exists", dangling)).ExitCode);
        await AssertSameFailureAsync("image", "prune", "-f", "--filter", "rimg=bad");
    }

    [Fact]
    public async Task Push_to_a_loopback_registry_prints_the_local_copy_lines()
    {
        var registry = new RegistryFixture();
        await registry.InitializeAsync();
        try
        {
            var push = await RemoteAsync(
                "push", "--tls-verify=false", ModpodFixture.Busybox, registry.Address + "/rimg/bb:v1");
            Assert.True(push.ExitCode == 0, push.ToString());
            Assert.StartsWith("Getting image source signatures", push.StandardError);
            Assert.Contains("Writing manifest to image destination", push.StandardError);
            var quiet = await RemoteAsync(
                "push", "-q", "--tls-verify=false", ModpodFixture.Busybox, registry.Address + "/rimg/bb:v2");
            Assert.True(quiet.ExitCode == 0, quiet.ToString());
            Assert.Equal("", quiet.StandardError);
            await AssertSameFailureAsync("push", "--tls-verify=false", "rimg-nosuch", registry.Address + "/rimg/x");
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    private async Task<string> RootfsTarballAsync()
    {
        var path = Path.Combine(Store.Directory, "rimg-rootfs-" + Guid.NewGuid().ToString("N") + ".tar");
        await using var file = File.Create(path);
        await using var writer = new TarWriter(file);
        await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "rimg-" + Guid.NewGuid().ToString("N"))
        {
            DataStream = new MemoryStream([1, 2, 3]),
        });
        return path;
    }

    private static async Task<List<string>> EntriesAsync(string tar)
    {
        var names = new List<string>();
        await using var file = File.OpenRead(tar);
        await using var reader = new TarReader(file);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name + " " + entry.Length);
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>A directory's files and sizes, or an archive's entries.</summary>
    private static async Task<List<string>> ContentsAsync(string path) => Directory.Exists(path)
        ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(path, f) + " " + new FileInfo(f).Length)
            .Order(StringComparer.Ordinal).ToList()
        : await EntriesAsync(path);

    private static void Remove(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        File.Delete(path);
    }
}
