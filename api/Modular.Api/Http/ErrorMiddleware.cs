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
        var colon = message.LastIndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? message : message[(colon + 2)..];
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
