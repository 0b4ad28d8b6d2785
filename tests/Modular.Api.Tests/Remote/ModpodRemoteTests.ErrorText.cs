using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>Remote error texts and output that must read as the local command's (Issue #10).</summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task Load_of_a_garbage_archive_names_the_users_file()
    {
        var garbage = GarbageFile("fxb-load-garbage.tar");
        await AssertSameFailureAsync("load", "-i", garbage);
        var remote = await RemoteAsync("load", "-i", garbage);
        Assert.DoesNotContain("api-load-", remote.StandardError);
    }

    [Fact]
    public async Task Import_of_a_garbage_tarball_has_no_api_prefix()
    {
        var garbage = GarbageFile("fxb-import-garbage.tar");
        await AssertSameFailureAsync("import", garbage, "localhost/fxb-imp:2");
        var remote = await RemoteAsync("import", garbage, "localhost/fxb-imp:2");
        Assert.DoesNotContain("unable to import tarball", remote.StandardError);
    }

    [Fact]
    public async Task Build_with_a_missing_copy_source_names_the_users_context()
    {
        var context = Path.Combine(Store.Directory, "fxb-build-ctx");
        Directory.CreateDirectory(context);
        await File.WriteAllTextAsync(
            Path.Combine(context, "Containerfile"), $"FROM {ModpodFixture.Busybox}\nCOPY nofile /x\n");
        await AssertSameFailureAsync("build", "-t", "localhost/fxb-nocopy", context);
        var remote = await RemoteAsync("build", "-t", "localhost/fxb-nocopy", context);
        Assert.Contains(context, remote.StandardError);
    }

    [Fact]
    public async Task Save_to_a_missing_directory_matches_the_local_error()
    {
        await AssertSameFailureAsync("save", "-o", "/nonexist-fxb/dir/x.tar", ModpodFixture.Busybox);
    }

    [Fact]
    public async Task Commit_to_a_bad_name_names_it_as_typed()
    {
        await WithContainerAsync("fxb-commit", () => AssertSameFailureAsync("commit", "fxb-commit", "BAD:://"));
    }

    [Fact]
    public async Task Network_rm_of_a_missing_network_matches_the_local_error()
    {
        await AssertSameFailureAsync("network", "rm", "fxb-nosuch");
    }

    [Fact]
    public async Task Inspect_memory_swappiness_matches_the_local_number()
    {
        await WithContainerAsync("fxb-swap", async () =>
        {
            await AssertSameAsync("inspect", "fxb-swap", "--format", "{{.HostConfig.MemorySwappiness}}");
            await Store.RunAsync("create", "--name", "fxb-swap-mem", "--memory", "64m", "--network", "none",
                ModpodFixture.Busybox, "true");
            try
            {
                await AssertSameAsync("inspect", "fxb-swap-mem", "--format", "{{.HostConfig.MemorySwappiness}}");
            }
            finally
            {
                await Store.RunAsync("rm", "-f", "fxb-swap-mem");
            }
        });
    }

    [Fact]
    public async Task Images_format_json_has_the_local_keys()
    {
        await AssertSameAsync("images", "--format", "json");
    }

    [Fact]
    public async Task Run_of_a_missing_image_pulls_first_as_locally()
    {
        await AssertSameFailureAsync("run", "--rm", "--network", "none", "localhost/fxb-no-such-image");
    }

    [Fact]
    public async Task Pod_stats_of_a_missing_pod_matches_the_local_error()
    {
        await AssertSameFailureAsync("pod", "stats", "--no-stream", "fxb-nosuch-pod");
    }

    /// <summary>
    /// The libpod top route trims each row's last cell as Podman's does (its apiv2 suite reads
    /// "/catatonit -P" from pods/NAME/top), so remote rows lack the one trailing space of the
    /// local psgo-style rows, as podman-remote's do; everything else is the same.
    /// </summary>
    [Fact]
    public async Task Pod_top_rows_match_the_local_rows_but_their_trailing_space()
    {
        var created = await Store.RunAsync("pod", "create", "--name", "fxb-top", "--network", "none");
        Assert.True(created.ExitCode == 0, created.ToString());
        try
        {
            var run = await Store.RunAsync(
                "run", "-d", "--pod", "fxb-top", "--name", "fxb-top-c", ModpodFixture.Busybox, "sleep", "60");
            Assert.True(run.ExitCode == 0, run.ToString());
            var local = await Store.RunAsync("pod", "top", "fxb-top", "pid", "args");
            var remote = await RemoteAsync("pod", "top", "fxb-top", "pid", "args");
            Assert.True(remote.ExitCode == 0, remote.ToString());
            Assert.Equal(Rows(local.StandardOutput), Rows(remote.StandardOutput));
        }
        finally
        {
            await Store.RunAsync("pod", "rm", "-f", "-t", "0", "fxb-top");
        }
    }

    private static string[] Rows(string output) =>
        output.Split('\n').Select(line => line.TrimEnd()).ToArray();

    private string GarbageFile(string name)
    {
        var path = Path.Combine(Store.Directory, name);
        File.WriteAllText(path, "this is not an archive\n");
        return path;
    }

    private async Task WithContainerAsync(string name, Func<Task> body)
    {
        var created = await Store.RunAsync("create", "--name", name, "--network", "none", ModpodFixture.Busybox, "true");
        Assert.True(created.ExitCode == 0, created.ToString());
        try
        {
            await body();
        }
        finally
        {
            await Store.RunAsync("rm", "-f", name);
        }
    }
}
