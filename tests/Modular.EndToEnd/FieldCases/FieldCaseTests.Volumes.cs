using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

public sealed partial class FieldCaseTests
{
    [Fact]
    public async Task RUN08_a_missing_host_directory_is_refused_and_not_created_while_a_bare_name_makes_a_volume()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var missing = Path.Combine(Path.GetTempPath(), "run08-missing-" + Guid.NewGuid().ToString("N")[..8]);
        await modpod.RunAsync("volume", "rm", "-f", "run08vol");

        var refused = await modpod.RunAsync("run", "--rm", "-v", missing + ":/data", image, "true");
        var named = await modpod.RunAsync("run", "--rm", "-v", "run08vol:/data", image, "sh", "-c", "echo hi > /data/f && cat /data/f");
        var listed = await modpod.RunAsync("volume", "ls", "--format", "{{.Name}}", "--filter", "name=run08vol");

        Assert.Equal(125, refused.ExitCode);
        Assert.Contains(missing, refused.StandardError);
        Assert.Contains("no such file or directory", refused.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.False(Path.Exists(missing));
        ModpodAssert.Exit(0, named);
        Assert.Equal("hi", named.Output);
        Assert.Equal("run08vol", listed.Output);
        await modpod.RunAsync("volume", "rm", "run08vol");
    }

    [Fact]
    public async Task RUN09_a_relative_host_path_is_bound_from_the_current_directory_and_ro_z_combine()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var work = Directory.CreateTempSubdirectory("run09-");
        Directory.CreateDirectory(Path.Combine(work.FullName, "data"));
        await File.WriteAllTextAsync(Path.Combine(work.FullName, "data", "f"), "rel-ok\n");

        var read = await modpod.RunInAsync(work.FullName, "run", "--rm", "-v", "./data:/data:ro,z", image, "cat", "/data/f");
        var write = await modpod.RunInAsync(work.FullName, "run", "--rm", "-v", "./data:/data:ro,z", image, "sh", "-c", "echo x > /data/g");

        ModpodAssert.Exit(0, read);
        Assert.Equal("rel-ok", read.Output);
        Assert.NotEqual(0, write.ExitCode);
        Assert.False(File.Exists(Path.Combine(work.FullName, "data", "g")));
        Assert.NotEqual(0, (await modpod.RunAsync("volume", "exists", "data")).ExitCode);
        work.Delete(recursive: true);
    }
}
