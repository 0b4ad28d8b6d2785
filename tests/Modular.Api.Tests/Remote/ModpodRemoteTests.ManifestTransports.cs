using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>manifest push to a transport that is no registry: never a registry lookup, same Error remotely.</summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task Manifest_push_to_a_file_transport_fails_as_locally_without_a_registry_lookup()
    {
        const string list = "localhost/rnv-transport-list:1";
        Assert.Equal(0, (await Store.RunAsync("manifest", "create", list, ModpodFixture.Busybox)).ExitCode);
        var archive = Path.Combine(Store.Directory, "rnv-list.tar");

        foreach (var destination in new[] { "oci-archive:" + archive, "dir:" + archive + ".d", "oci:" + archive + ".oci" })
        {
            await AssertSameFailureAsync("manifest", "push", "-q", list, destination);
            var local = await Store.RunAsync("manifest", "push", "-q", list, destination);
            Assert.DoesNotContain("pinging", local.StandardError);
            Assert.DoesNotContain("pushing image", (await RemoteAsync("manifest", "push", "-q", list, destination)).StandardError);
        }

        Assert.Equal(0, (await Store.RunAsync("manifest", "rm", list)).ExitCode);
    }
}
