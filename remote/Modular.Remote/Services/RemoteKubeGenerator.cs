using System.Globalization;
using Modular.Contracts.Errors;
using Modular.Engine.Kube;

namespace Modular.Remote.Services;

/// <summary><c>kube generate</c> through GET /libpod/generate/kube: the service builds the YAML.</summary>
public sealed class RemoteKubeGenerator(LibpodClient libpod) : IKubeGenerator
{
    // The route words its failures as Podman's does; the local command prints them bare.
    private const string RoutePrefix = "generating YAML: ";

    public async Task<string> GenerateAsync(
        IReadOnlyList<string> namesOrIds,
        KubeGenerateOptions options,
        CancellationToken cancellationToken)
    {
        // Checked here too, so a refused flag never costs a round trip and reads as locally.
        KubeKinds.Validate(options);
        var query = string.Join('&', namesOrIds.Select(n => "names=" + LibpodClient.Escape(n)))
            + "&service=" + (options.Service ? "true" : "false")
            + "&type=" + LibpodClient.Escape(options.Type)
            + "&replicas=" + options.Replicas.ToString(CultureInfo.InvariantCulture)
            + "&podmanOnly=" + (options.PodmanOnly ? "true" : "false");
        try
        {
            using var response = await libpod.GetAsync("libpod/generate/kube?" + query, cancellationToken);
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (ModularException e) when (e.Message.StartsWith(RoutePrefix, StringComparison.Ordinal))
        {
            throw new BackendException(e.Message[RoutePrefix.Length..]);
        }
    }
}
