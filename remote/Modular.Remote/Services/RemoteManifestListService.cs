using System.Text;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Manifests;

namespace Modular.Remote.Services;

/// <summary>
/// The manifest verbs over /libpod/manifests: create is a POST, add, remove and annotate
/// are PUTs of Podman's modify body (operation update, remove, annotate), rm a DELETE.
/// </summary>
public sealed class RemoteManifestListService(LibpodClient libpod) : IManifestListService
{
    public async Task<string> CreateAsync(
        string name,
        IReadOnlyList<string> imagesToAdd,
        bool amend,
        ManifestAddOptions add,
        CancellationToken cancellationToken)
    {
        var query = $"libpod/manifests?name={LibpodClient.Escape(name)}"
            + $"&amend={Flag(amend)}&all={Flag(add.All)}" + Tls(add, "&");
        var created = await libpod.PostJsonAsync(query, ManifestBody.Of("", imagesToAdd, add), cancellationToken);
        return IdOf(created);
    }

    public Task<string> AddAsync(
        string listName,
        string image,
        ManifestAddOptions add,
        CancellationToken cancellationToken) =>
        ModifyAsync(listName, ManifestBody.Of("update", [image], add), add, cancellationToken);

    public Task<string> AnnotateAsync(
        string listName,
        string? instance,
        ManifestAddOptions add,
        CancellationToken cancellationToken) =>
        ModifyAsync(
            listName,
            instance is null ? ManifestBody.Index(add) : ManifestBody.Of("annotate", [instance], add),
            add,
            cancellationToken);

    public Task<string> RemoveInstanceAsync(string listName, string digest, CancellationToken cancellationToken) =>
        ModifyAsync(listName, ManifestBody.Of("remove", [digest], new()), new(), cancellationToken);

    public async Task<byte[]> InspectAsync(string name, ManifestAddOptions add, CancellationToken cancellationToken)
    {
        using var response = await libpod.GetAsync($"libpod/manifests/{LibpodClient.Escape(name)}/json{Tls(add, "?")}", cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return Encoding.UTF8.GetBytes(text.TrimEnd('\n'));
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            using var _ = await libpod.GetAsync($"libpod/manifests/{LibpodClient.Escape(name)}/exists", cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <summary>rmi's lines back from Podman's remove report: untagged names, then the id.</summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await libpod.DeleteAsync($"libpod/manifests/{LibpodClient.Escape(name)}", cancellationToken);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return
        [
            .. Strings(report?["Untagged"]).Select(n => "Untagged: " + n),
            .. Strings(report?["Deleted"]).Select(id => "Deleted: " + id),
        ];
    }

    private async Task<string> ModifyAsync(
        string listName,
        JsonObject body,
        ManifestAddOptions add,
        CancellationToken cancellationToken)
    {
        var path = $"libpod/manifests/{LibpodClient.Escape(listName)}{Tls(add, "?")}";
        using var request = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = System.Net.Http.Json.JsonContent.Create(body),
        };
        using var response = await LibpodStreams.SendJsonAsync(libpod, request, cancellationToken);
        return IdOf(JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)));
    }

    private static string IdOf(JsonNode? report) =>
        report?["Id"]?.ToString() ?? throw new BackendException("manifest: the service answered no Id");

    private static IEnumerable<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(item => item?.ToString() ?? "").Where(s => s.Length > 0);

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Tls(ManifestAddOptions add, string separator) =>
        add.TlsVerify is { } tls ? $"{separator}tlsVerify={Flag(tls)}" : "";
}
