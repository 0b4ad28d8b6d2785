using Modular.Contracts.Errors;
using Modular.Engine.Commit;
using Modular.Engine.Images;

namespace Modular.Remote.Services;

/// <summary><c>commit</c> over POST /libpod/commit; the service answers the new image's id.</summary>
public sealed class RemoteContainerCommitter(LibpodClient libpod) : IContainerCommitter
{
    public async Task<string> CommitAsync(string nameOrId, CommitOptions options, CancellationToken cancellationToken)
    {
        if (options.Name is { } given)
        {
            // Checked here as the local committer checks it, so the error names what the
            // user typed (the service would see repo and tag apart and add ":latest").
            _ = ImageReference.Parse(given);
        }

        var (repo, tag) = options.Name is { } name ? SplitName(name) : (null, null);
        var query = new QueryText("libpod/commit")
            .Add("container", nameOrId)
            .Add("repo", repo)
            .Add("tag", tag)
            .Add("comment", options.Message)
            .Add("author", options.Author)
            .Add("format", options.Docker ? "docker" : "oci")
            .AddAll("changes", options.Changes ?? []);
        query = options.Pause ? query.Add("pause", true) : query;
        query = options.Squash ? query.Add("squash", true) : query;
        query = options.IncludeVolumes ? query.Add("includeVolumes", true) : query;
        var report = await libpod.PostJsonAsync(query.ToString(), null, cancellationToken);
        var id = report?["Id"]?.ToString() ?? throw new BackendException($"commit {nameOrId}: empty answer");
        return id.StartsWith("sha256:", StringComparison.Ordinal) ? id["sha256:".Length..] : id;
    }

    /// <summary>repo[:tag]; a colon before the last slash is a registry's port.</summary>
    private static (string Repo, string? Tag) SplitName(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? (name[..colon], name[(colon + 1)..]) : (name, null);
    }
}
