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
        catch (ApiStatusException e) when (!http.Response.HasStarted)
        {
            await ApiError.WriteAsync(http, e.Status, e.Message, e.Cause);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            await ApiError.WriteAsync(http, StatusFor(e), ErrorMapper.MessageFor(e));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: what the request held is released by the cancellation.
        }
    }

    public static int StatusFor(Exception error) => error switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        AlreadyExistsException or WrongStateException => StatusCodes.Status409Conflict,
        InvalidInputException or UsageException => StatusCodes.Status400BadRequest,
        BadHttpRequestException { StatusCode: var code } => code,
        _ => StatusCodes.Status500InternalServerError,
    };
}
