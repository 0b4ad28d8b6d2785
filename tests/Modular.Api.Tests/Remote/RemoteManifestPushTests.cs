using Modular.Api.Tests.Libpod;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>
/// `modpod --url ... manifest push` through POST /libpod/manifests/{name}/registry/{dest}
/// to a docker-registry on 127.0.0.1: progress on stderr, --digestfile and --rm on the
/// client side, as the local command.
/// </summary>
public sealed class RemoteManifestPushTests(LibpodServiceFixture service, RegistryFixture registry)
    : IClassFixture<LibpodServiceFixture>, IClassFixture<RegistryFixture>
{
    private ModpodFixture Store => service.Store;

    [Fact]
    public async Task Push_writes_the_list_to_the_registry_and_rm_removes_it()
    {
        const string list = "localhost/rnv-push:1";
        var create = await RemoteAsync("manifest", "create", list, ModpodFixture.Busybox);
        Assert.True(create.ExitCode == 0, create.ToString());
        var digestFile = Path.Combine(Store.Directory, "rnv-push.digest");
        var target = $"{registry.Address}/rnv/pushed:list";

        var push = await RemoteAsync(
            "manifest", "push", "--tls-verify=false", "--digestfile", digestFile, "--rm", list, target);

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Contains("Writing manifest list to image destination", push.StandardError);
        var expected = await registry.ContentDigestAsync(
            "rnv/pushed", "list", "application/vnd.oci.image.index.v1+json");
        Assert.Equal(expected, File.ReadAllText(digestFile));
        Assert.Equal(1, (await Store.RunAsync("manifest", "exists", list)).ExitCode);
    }

    [Fact]
    public async Task Push_of_a_missing_list_fails_as_local()
    {
        string[] args = ["manifest", "push", "--tls-verify=false", "localhost/rnv-no-list", $"{registry.Address}/rnv/x:1"];
        var local = await Store.RunAsync(args);
        var remote = await RemoteAsync(args);

        Assert.NotEqual(0, local.ExitCode);
        Assert.Equal(local.ExitCode, remote.ExitCode);
        Assert.Equal(local.StandardError.Trim(), remote.StandardError.Trim());
    }

    private Task<ModpodResult> RemoteAsync(params string[] args)
    {
        var home = Path.Combine(Store.Directory, "remote-home");
        Directory.CreateDirectory(home);
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = home,
            ["PODMAN_CONNECTIONS_CONF"] = Path.Combine(home, "podman-connections.json"),
            ["CONTAINER_HOST"] = null,
            ["CONTAINER_CONNECTION"] = null,
        };
        return Store.RunAsync(["--url", "unix://" + service.Socket, .. args], environment);
    }
}
