using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>build flags that travel in /libpod/build's query, and registry credentials.</summary>
public sealed partial class ModpodRemoteTests
{
    private const string BuiltFields =
        "{{json .Annotations}} {{json .Config.Env}} {{len .RootFS.Layers}} {{len .History}}";

    [Fact]
    public async Task Build_carries_image_flags_secrets_volumes_and_run_settings_as_locally()
    {
        var context = Work("build-flags");
        var shared = Work("build-flags-volume");
        File.WriteAllText(Path.Combine(shared, "seen"), "from the volume\n");
        var secret = Path.Combine(Work("build-flags-secret"), "token");
        File.WriteAllText(secret, "s3cret");
        File.WriteAllText(
            Path.Combine(context, "Containerfile"),
            $"FROM {ModpodFixture.Busybox}\n"
            + "RUN --mount=type=secret,id=tok cat /run/secrets/tok > /secret-copy; "
            + "cat /mnt/seen > /volume-copy; ulimit -n > /ulimit\n"
            + "COPY . /ctx/\n");
        string[] flags =
        [
            "--pull=never", "--no-cache", "--network", "none", "--annotation", "a=1", "--env", "E=1",
            "--omit-history", "--squash-all", "--secret", $"id=tok,src={secret}", "--volume", $"{shared}:/mnt:ro",
            "--ulimit", "nofile=1000:1000", "--cap-add", "NET_ADMIN", context,
        ];
        try
        {
            var local = await Store.RunAsync(["build", "-t", "localhost/rbf:local", .. flags]);
            var remote = await RemoteAsync(["build", "-t", "localhost/rbf:remote", .. flags]);
            Assert.True(local.ExitCode == 0, local.ToString());
            Assert.True(remote.ExitCode == 0, remote.ToString());
            var localFields = await Store.RunAsync("image", "inspect", "--format", BuiltFields, "localhost/rbf:local");
            var remoteFields = await Store.RunAsync("image", "inspect", "--format", BuiltFields, "localhost/rbf:remote");
            Assert.Equal(localFields.Output, remoteFields.Output);
            const string script = "cat /secret-copy /volume-copy /ulimit; ls -A /ctx";
            var localRun = await Store.RunAsync("run", "--rm", "--network", "none", "localhost/rbf:local", "sh", "-c", script);
            var remoteRun = await Store.RunAsync("run", "--rm", "--network", "none", "localhost/rbf:remote", "sh", "-c", script);
            Assert.Equal(localRun.Output, remoteRun.Output);
            Assert.Contains("s3cret", remoteRun.Output);
            Assert.Contains("1000", remoteRun.Output);
            Assert.DoesNotContain(".secret-", remoteRun.Output);
        }
        finally
        {
            await Store.RunAsync("rmi", "-f", "localhost/rbf:local", "localhost/rbf:remote");
        }
    }

    [Fact]
    public async Task Build_refuses_what_cannot_travel_with_one_error_line()
    {
        var context = Work("build-refused");
        File.WriteAllText(Path.Combine(context, "Containerfile"), $"FROM {ModpodFixture.Busybox}\n");

        var r = await RemoteAsync("build", "--pull=never", "--runtime", "runc", context);

        Assert.Equal(125, r.ExitCode);
        Assert.Equal("Error: build --runtime is not supported by the modpod remote client yet", r.StandardError.Trim());
        await AssertSameFailureAsync(
            "build", "--pull=never", "--secret", "id=x,src=" + Path.Combine(context, "no-such-secret"), context);
    }

    [Fact]
    public async Task Pull_push_and_build_use_the_clients_credentials()
    {
        var registry = await RegistryFixture.StartWithAuthAsync();
        var creds = $"{RegistryFixture.User}:{RegistryFixture.Password}";
        var image = registry.Address + "/rbf/bb:v1";
        try
        {
            await AssertSameFailureAsync("push", "--tls-verify=false", ModpodFixture.Busybox, image);
            var push = await RemoteAsync("push", "-q", "--tls-verify=false", "--creds", creds, ModpodFixture.Busybox, image);
            Assert.True(push.ExitCode == 0, push.ToString());

            await AssertSameFailureAsync("pull", "-q", "--tls-verify=false", image);
            var pull = await RemoteAsync("pull", "-q", "--tls-verify=false", "--creds", creds, image);
            Assert.True(pull.ExitCode == 0, pull.ToString());

            const string list = "localhost/rbf-list:1";
            var create = await RemoteAsync("manifest", "create", list, ModpodFixture.Busybox);
            Assert.True(create.ExitCode == 0, create.ToString());
            string[] manifestPush = ["manifest", "push", "-q", "--tls-verify=false", list, registry.Address + "/rbf/list:1"];
            // The service words a failed list push as Podman's API does ("pushing image ..."),
            // so only the cause is compared with the local line.
            var refused = await RemoteAsync(manifestPush);
            Assert.Equal(125, refused.ExitCode);
            Assert.Contains("unauthorized: authentication required", refused.StandardError);
            var pushed = await RemoteAsync([.. manifestPush[..4], "--creds", creds, .. manifestPush[4..]]);
            Assert.True(pushed.ExitCode == 0, pushed.ToString());
            await Store.RunAsync("manifest", "rm", list);

            var context = Work("build-auth");
            File.WriteAllText(Path.Combine(context, "Containerfile"), $"FROM {image}\nRUN true\n");
            var authFile = Path.Combine(Work("build-auth-file"), "auth.json");
            var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(creds));
            File.WriteAllText(authFile, $"{{\"auths\":{{\"{registry.Address}\":{{\"auth\":\"{encoded}\"}}}}}}");
            await Store.RunAsync("rmi", "-f", image);
            var build = await RemoteAsync(
                "build", "--pull=always", "--tls-verify=false", "--network", "none", "--authfile", authFile,
                "-t", "localhost/rbf-auth", context);
            Assert.True(build.ExitCode == 0, build.ToString());
        }
        finally
        {
            await Store.RunAsync("rmi", "-f", image, "localhost/rbf-auth");
            await registry.DisposeAsync();
        }
    }
}
