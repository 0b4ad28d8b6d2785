namespace Modular.Remote.Services;

/// <summary>The words a local command says of a missing file, for the same command remotely.</summary>
internal static class RemoteArchiveErrors
{
    public static string Missing(string path) => $"open {path}: no such file or directory";
}
