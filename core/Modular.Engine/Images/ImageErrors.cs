using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

/// <summary>
/// Turns whatever a pull or load threw into one line that names what the user asked for.
/// .NET's own messages ("Unable to parse number.", "Connection refused (host:port)") say
/// neither which input failed nor why in our terms, and some span lines.
/// </summary>
internal static class ImageErrors
{
    public static Exception ForPull(string reference, Exception error)
    {
        var context = $"pulling \"{reference}\"";
        return error switch
        {
            ModularException known => Prefixed(known, reference, context),
            HttpRequestException or IOException or SocketException =>
                new BackendException($"{context}: {NetworkReason(error)}", error),
            _ => new InvalidInputException($"{context}: {Reason(error)}", error),
        };
    }

    public static Exception ForPush(string reference, Exception error)
    {
        var context = $"pushing \"{reference}\"";
        return error switch
        {
            ModularException known => Prefixed(known, reference, context),
            HttpRequestException or IOException or SocketException =>
                new BackendException($"{context}: {NetworkReason(error)}", error),
            _ => new InvalidInputException($"{context}: {Reason(error)}", error),
        };
    }

    public static Exception ForLoad(string archivePath, Exception error)
    {
        var context = $"loading \"{archivePath}\"";
        if (Directory.Exists(archivePath))
        {
            return new InvalidInputException($"{context}: is a directory, not an archive", error);
        }

        return error switch
        {
            ModularException known => Prefixed(known, archivePath, context),
            FileNotFoundException or DirectoryNotFoundException =>
                new NotFoundException($"{context}: no such file", error),
            UnauthorizedAccessException => new InvalidInputException($"{context}: permission denied", error),
            _ => new InvalidInputException(
                $"{context}: not a docker-archive or oci-archive: {Reason(error)}", error),
        };
    }

    /// <summary>Whether the exception should be rewritten; cancellation never is.</summary>
    public static bool ShouldWrap(Exception error) => error is not OperationCanceledException;

    private static Exception Prefixed(ModularException error, string input, string context)
    {
        var message = OneLine(error.Message);
        var named = message.Contains(input, StringComparison.Ordinal);
        if (named && message == error.Message)
        {
            return error;
        }

        var text = named ? message : $"{context}: {message}";
        return error switch
        {
            NotFoundException => new NotFoundException(text, error),
            InvalidInputException => new InvalidInputException(text, error),
            WrongStateException => new WrongStateException(text, error),
            AlreadyExistsException => new AlreadyExistsException(text, error),
            BackendException => new BackendException(text, error),
            _ => error,
        };
    }

    private static string NetworkReason(Exception error)
    {
        if (Find<SocketException>(error) is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData => "no such host",
                SocketError.TimedOut => "connection timed out",
                SocketError.ConnectionReset => "connection reset by peer",
                _ => Reason(socket),
            };
        }

        return Find<HttpIOException>(error)?.HttpRequestError == HttpRequestError.ResponseEnded
            ? "the registry closed the connection before the response was complete"
            : Reason(error);
    }

    private static string Reason(Exception error) => error switch
    {
        JsonException => $"invalid JSON: {FirstSentence(error.Message)}",
        FormatException or InvalidDataException or EndOfStreamException =>
            $"corrupt or truncated data ({FirstSentence(error.Message)})",
        _ => FirstSentence(error.Message),
    };

    private static T? Find<T>(Exception error)
        where T : Exception
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The first sentence without .NET's trailing "(ErrorCode)" or position details.</summary>
    private static string FirstSentence(string message)
    {
        var line = OneLine(message);
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        line = end > 0 ? line[..end] : line.TrimEnd('.');
        return line.Length > 0 ? char.ToLowerInvariant(line[0]) + line[1..] : "unknown error";
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
