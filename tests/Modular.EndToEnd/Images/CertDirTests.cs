using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>A registry on HTTPS with a private CA that wants a client certificate.</summary>
[Collection(Collections.Registry)]
public sealed class CertDirTests(ModpodFixture modpod) : IAsyncLifetime
{
    private RegistryFixture? _registry;

    private RegistryFixture Registry => _registry!;

    public async Task InitializeAsync() => _registry = await RegistryFixture.StartWithTlsAsync();

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task Push_and_pull_verify_TLS_with_the_CA_and_client_certificate_of_cert_dir()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var target = $"{Registry.Address}/tls/bb:v1";
        var certs = Registry.Certificates!.CertDirectory;

        var push = await modpod.RunAsync("push", "--cert-dir", certs, image, target);

        ModpodAssert.Exit(0, push);
    }

    [Fact]
    public async Task A_registry_certificate_of_an_unknown_CA_is_refused_in_one_line()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var push = await modpod.RunAsync("push", image, $"{Registry.Address}/tls/refused:v1");

        ModpodAssert.Exit(125, push);
        var errors = push.ErrorLines.Where(l => l.StartsWith("Error: ", StringComparison.Ordinal)).ToList();
        Assert.Single(errors);
        Assert.Contains(Registry.Address, errors[0]);
    }
}
