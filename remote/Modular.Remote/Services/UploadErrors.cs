using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Remote.Services;

/// <summary>
/// The service spools an uploaded archive to its own temp file and words a failure as
/// Podman's API does ("unable to load image: loading \"/srv/tmp/api-load-…tar\": …").
/// Podman clients read that text, so the API keeps it; the CLI says what the local
/// command says: no API prefix, and the user's file in place of the server's temp path.
/// </summary>
internal static partial class UploadErrors
{
    public static ModularException Translate(ModularException e, string prefix, string userPath)
    {
        var message = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
        message = SpooledFile().Replace(message, _ => userPath);
        return message == e.Message ? e : Rewrap(e, message);
    }

    private static ModularException Rewrap(ModularException e, string message) => e switch
    {
        NotFoundException => new NotFoundException(message, e),
        InvalidInputException => new InvalidInputException(message, e),
        WrongStateException => new WrongStateException(message, e),
        AlreadyExistsException => new AlreadyExistsException(message, e),
        _ => new BackendException(message, e),
    };

    // The spool file the service names: <graphroot>/tmp/api-<what>-<32 hex>.tar.
    [GeneratedRegex(@"/[^\s""']*/tmp/api-[a-z]+-[0-9a-f]{32}\.tar")]
    private static partial Regex SpooledFile();
}
