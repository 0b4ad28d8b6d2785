using System.Text;
using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// kube play pulls the images its YAML names with its own --creds/--authfile and
/// --tls-verify, from a docker-registry with basic auth on 127.0.0.1.
/// </summary>
public sealed class KubePlayPullTests(PodFixture fixture) : IClassFixture<PodFixture>, IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modular-kube-pull-").FullName;
    private RegistryFixture _registry = null!;

    private ModpodFixture Modpod => fixture.Modpod;

    public async Task InitializeAsync() => _registry = await RegistryFixture.StartWithAuthAsync();

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Images_are_pulled_with_the_given_credentials_and_refused_without_them()
    {
        var image = $"{_registry.Address}/kube/pulled:v1";
        var auth = Path.Combine(_dir, "auth.json");
        var creds = $"{RegistryFixture.User}:{RegistryFixture.Password}";
        var entry = new JsonObject { ["auth"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(creds)) };
        var auths = new JsonObject { [_registry.Address] = entry };
        await File.WriteAllTextAsync(auth, new JsonObject { ["auths"] = auths }.ToJsonString());
        ModpodAssert.Exit(0, await Modpod.RunAsync("tag", await Modpod.EnsureBusyboxAsync(), image));
        ModpodAssert.Exit(0, await Modpod.RunAsync("push", "--tls-verify=false", "--creds", creds, image));
        ModpodAssert.Exit(0, await Modpod.RunAsync("rmi", image));
        var file = Path.Combine(_dir, "pod.yaml");
        await File.WriteAllTextAsync(file, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: kube-pull
            spec:
              containers:
              - command: ["true"]
                image: {image}
                name: ctr

            """);
        try
        {
            var refused = await Modpod.RunAsync("kube", "play", "--start=false", "--tls-verify=false", file);
            var played = await Modpod.RunAsync(
                "kube", "play", "--start=false", "--tls-verify=false", "--authfile", auth, file);

            ModpodAssert.Exit(125, refused);
            ModpodAssert.Exit(0, played);
            ModpodAssert.Exit(0, await Modpod.RunAsync("image", "exists", image));
        }
        finally
        {
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", "kube-pull");
            await Modpod.RunAsync("rmi", "-f", image);
        }
    }
}
