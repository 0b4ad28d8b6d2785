using Modular.Contracts.Errors;

namespace Modular.Remote.Services;

/// <summary>The words a local command says of a missing file or image, for the same command remotely.</summary>
internal static class RemoteArchiveErrors
{
    private const string LookupPrefix = "failed to find image ";

    /// <summary>load's words, as the local archive reader says them.</summary>
    public static string Missing(string path) => $"opening archive {path}: Could not find file '{path}'.";

    /// <summary>
    /// The service says "failed to find image X: X: image not known", as Podman's API does;
    /// the local CLI says the cause alone.
    /// </summary>
    public static NotFoundException ImageNotKnown(NotFoundException e, string name) =>
        e.Message.StartsWith(LookupPrefix + name + ": ", StringComparison.Ordinal)
            ? new NotFoundException(e.Message[(LookupPrefix.Length + name.Length + 2)..])
            : e;
}
