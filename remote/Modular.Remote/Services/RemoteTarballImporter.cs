using Modular.Contracts.Errors;
using Modular.Engine.Images.Transports;

namespace Modular.Remote.Services;

/// <summary><c>import</c> over POST /libpod/images/import: the tarball is the body.</summary>
public sealed class RemoteTarballImporter(LibpodClient libpod) : ITarballImporter
{
    public async Task<string> ImportAsync(string path, TarballImportOptions options, CancellationToken cancellationToken)
    {
        var query = new QueryText("libpod/images/import")
            .AddAll("changes", options.Changes)
            .Add("message", options.Message)
            .Add("OS", options.Os)
            .Add("Architecture", options.Architecture)
            .Add("Variant", options.Variant)
            .Add("reference", options.Reference);
        HttpResponseMessage response;
        try
        {
            response = await ArchiveUpload.PostFileAsync(
                libpod, query.ToString(), path, $"importing \"{path}\": no such file", cancellationToken);
        }
        catch (ModularException e)
        {
            throw UploadErrors.Translate(e, "unable to import tarball: ", path);
        }

        using var owned = response;
        var report = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var id = report?["Id"]?.ToString() ?? throw new BackendException($"import {path}: empty answer");
        return id.StartsWith("sha256:", StringComparison.Ordinal) ? id["sha256:".Length..] : id;
    }
}
