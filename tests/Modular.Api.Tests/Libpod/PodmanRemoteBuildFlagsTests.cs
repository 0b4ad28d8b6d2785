using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// `podman --remote` 4.3.1 build with flags that travel in /libpod/build's query under
/// Podman's own names (annotations, setenv, ulimits). Limitation: podman 4.3.1 also tars a
/// --secret file under its absolute path, an entry this service refuses to unpack, so its
/// --secret is not tested here (modpod --remote sends secrets at the context's top).
/// </summary>
public sealed class PodmanRemoteBuildFlagsTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    private ModpodFixture Store => service.Store;

    [Fact]
    public async Task BuildFlagsSentByPodmanArriveInTheImage()
    {
        var context = Work("context");
        File.WriteAllText(
            Path.Combine(context, "Containerfile"),
            $"FROM {ModpodFixture.Busybox}\n"
            + "RUN ulimit -n > /ulimit\n");
        try
        {
            var build = await service.PodmanAsync(
                "build", "--pull=never", "--network", "none", "--annotation", "a=1", "--env", "E=1",
                "--ulimit", "nofile=1000:1000", "-t", "localhost/podman-remote-flags", context);
            Assert.True(build.ExitCode == 0, build.ToString());
            var fields = await Store.RunAsync(
                "image", "inspect", "--format", "{{json .Annotations}} {{json .Config.Env}}", "localhost/podman-remote-flags");
            Assert.Contains("\"a\":\"1\"", fields.Output);
            Assert.Contains("E=1", fields.Output);
            var run = await Store.RunAsync(
                "run", "--rm", "--network", "none", "localhost/podman-remote-flags", "cat", "/ulimit");
            Assert.Equal("1000", run.Output);
        }
        finally
        {
            await Store.RunAsync("rmi", "-f", "localhost/podman-remote-flags");
        }
    }

    private string Work(string name)
    {
        var path = Path.Combine(Store.Directory, "podman-remote-buildflags", name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Directory.CreateDirectory(path).FullName;
    }
}
