using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Images;

namespace Modular.Remote.Services;

/// <summary>
/// run and create pull a missing image first, as podman-remote does: POST
/// /libpod/images/pull with the --pull policy, its progress lines on the request's
/// PullProgress writer, so the remote command prints what the local one prints.
/// </summary>
internal static class RemoteImplicitPull
{
    public static async Task EnsureAsync(LibpodClient libpod, CreateContainerRequest request, CancellationToken cancellationToken)
    {
        if (request.Image is not { Length: > 0 } image || request.Pull == PullPolicyMode.Never
            || (request.Pull == PullPolicyMode.Missing && await ExistsAsync(libpod, image, cancellationToken)))
        {
            return;
        }

        var query = new QueryText("libpod/images/pull")
            .Add("reference", image)
            .Add("policy", request.Pull == PullPolicyMode.Missing ? "missing" : request.Pull.ToString().ToLowerInvariant());
        query = request.TlsVerify is { } verify ? query.Add("tlsVerify", verify) : query;
        var printed = false;
        try
        {
            using var response = await libpod.PostAsync(query.ToString(), null, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var report = JsonNode.Parse(line);
                if (report?["stream"]?.ToString() is { Length: > 0 } words)
                {
                    request.PullProgress?.Write(words);
                    printed = true;
                }

                if (report?["error"]?.ToString() is { Length: > 0 } error)
                {
                    throw new BackendException(error);
                }
            }
        }
        catch (ModularException) when (!printed && FirstAttempt(image) is { } attempt)
        {
            // The service holds its lines until a blob moves, so a pull that fails at once
            // answers with the error alone; the local pull has said which name it tried.
            request.PullProgress?.WriteLine(attempt);
            throw;
        }
    }

    private static async Task<bool> ExistsAsync(LibpodClient libpod, string image, CancellationToken cancellationToken)
    {
        try
        {
            using var _ = await libpod.GetAsync($"libpod/images/{LibpodClient.Escape(image)}/exists", cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <summary>The local puller's first line, for a name with one candidate only.</summary>
    private static string? FirstAttempt(string image) =>
        ImageReference.TryParse(image, out var reference) && reference is { IsFullyQualified: true }
            ? $"Trying to pull {reference.WithDefaultTag()}..."
            : null;
}
