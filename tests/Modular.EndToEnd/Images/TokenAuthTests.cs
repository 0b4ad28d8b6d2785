using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// login, push, pull and a cross-repository mount against docker-registry with
/// <c>auth: token</c>, its tokens issued by the fake <see cref="TokenServer"/> on loopback.
/// </summary>
[Collection(Collections.Registry)]
public sealed class TokenAuthTests(ModpodFixture modpod) : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("modular-token-").FullName;
    private TokenServer? _tokens;
    private RegistryFixture? _registry;

    private string AuthFile => Path.Combine(_work, "auth.json");

    public async Task InitializeAsync()
    {
        _tokens = new TokenServer(_work);
        _registry = await RegistryFixture.StartWithTokenAuthAsync(_tokens);
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        if (_tokens is not null)
        {
            await _tokens.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Login_push_pull_and_mount_work_with_bearer_tokens_scoped_per_repository()
    {
        var unique = await TestImageCatalog.UniqueAsync("localhost/token-auth:latest", "token-auth");
        await modpod.LoadAsync(unique, expectSuccess: true);
        var address = _registry!.Address;
        string[] auth = ["--tls-verify=false", "--authfile", AuthFile];

        var login = await modpod.RunAsync(
            [.. new[] { "login", "-u", RegistryFixture.User, "-p", RegistryFixture.Password }, .. auth, address]);
        var push = await modpod.RunAsync(
            [.. new[] { "push", "-q" }, .. auth, "localhost/token-auth:latest", $"{address}/tok/a:v1"]);
        await modpod.RunAsync("rmi", "localhost/token-auth:latest");
        var pull = await modpod.RunAsync([.. new[] { "pull", "-q" }, .. auth, $"{address}/tok/a:v1"]);
        var seen = _tokens!.Scopes.Count;
        var mount = await modpod.RunAsync(
            [.. new[] { "push", "-q" }, .. auth, $"{address}/tok/a:v1", $"{address}/tok/b:v1"]);
        var run = await modpod.RunAsync("run", "--rm", $"{address}/tok/a:v1", "cat", "/etc/modular-token");
        var anonymous = await modpod.RunAsync(
            "pull", "-q", "--tls-verify=false", "--authfile", Path.Combine(_work, "none.json"), $"{address}/tok/b:v1");

        ModpodAssert.Exit(0, login);
        ModpodAssert.Exit(0, push);
        ModpodAssert.Exit(0, pull);
        ModpodAssert.Exit(0, mount);
        ModpodAssert.Exit(0, run);
        Assert.Equal("token-auth", run.Output);
        // The registry's challenge decides the order of actions; either order grants the same.
        Assert.Contains(_tokens.Scopes.Skip(seen), s =>
            (s.Contains("repository:tok/b:pull,push", StringComparison.Ordinal)
                || s.Contains("repository:tok/b:push,pull", StringComparison.Ordinal))
            && s.Contains("repository:tok/a:pull", StringComparison.Ordinal));
        Assert.Contains(await _registry.RequestsAsync(), r => r.StartsWith("POST /v2/tok/b/blobs/uploads/", StringComparison.Ordinal)
            && r.Contains("mount=", StringComparison.Ordinal) && r.EndsWith(" 201", StringComparison.Ordinal));
        Assert.NotEqual(0, anonymous.ExitCode);
        await modpod.RunAsync("rmi", "-f", $"{address}/tok/a:v1");
    }
}
