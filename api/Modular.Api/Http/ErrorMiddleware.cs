using Microsoft.AspNetCore.Http;
using Modular.Cli.Errors;
using Modular.Contracts.Errors;

namespace Modular.Api.Http;

/// <summary>
/// Engine failures become Docker's error object with the status code clients branch on
/// (404 missing, 409 conflict or wrong state, 400 bad input, 413 too large, 500 else).
/// The message is the CLI's one-line text, so both front ends say the same thing.
/// </summary>
public sealed class ErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            var message = e is ApiException ? e.Message : ErrorMapper.MessageFor(e);
            var cause = (e as ApiException)?.Cause ?? InnermostCause(message);
            await ApiError.WriteAsync(http, StatusFor(e), message, cause);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: what the request held is released by the cancellation.
        }
    }

    /// <summary>
    /// Podman's <c>cause</c> is the innermost wrapped error; Go wraps as "context: inner",
    /// so it is the text after the last ": " of the message.
    /// </summary>
    public static string InnermostCause(string message)
    {
        var parts = message.Split(": ");
        var cause = parts[^1];

        // Some of Go's single errors hold a colon before the value they name
        // ("invalid CIDR address: 10.10.134.0"): keep those whole.
        return parts.Length > 1 && parts[^2].StartsWith("invalid ", StringComparison.Ordinal)
            && !cause.Contains(' ', StringComparison.Ordinal)
            ? parts[^2] + ": " + cause
            : cause;
    }

    public static int StatusFor(Exception error) => error switch
    {
        ApiException api => api.Status,
        NotFoundException => StatusCodes.Status404NotFound,
        AlreadyExistsException or WrongStateException => StatusCodes.Status409Conflict,
        InvalidInputException or UsageException => StatusCodes.Status400BadRequest,
        BadHttpRequestException { StatusCode: var code } => code,
        _ => StatusCodes.Status500InternalServerError,
    };
}
