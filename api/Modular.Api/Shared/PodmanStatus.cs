using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Cli.Errors;
using Modular.Contracts.Errors;

namespace Modular.Api.Shared;

/// <summary>
/// Podman's handlers answer most engine failures with 500, keeping 404 (and, where a
/// handler says so, 409) for the few it tells apart; the error middleware would map a
/// wrong state to 409 and bad input to 400 instead.
/// </summary>
public static class PodmanStatus
{
    /// <summary>Runs <paramref name="action"/>; a failure other than the kept kinds becomes a 500.</summary>
    public static async Task<T> ServerErrorAsync<T>(Func<Task<T>> action, params Type[] kept)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is not ApiException and not OperationCanceledException
            && !kept.Any(k => k.IsInstanceOfType(e)))
        {
            var message = ErrorMapper.MessageFor(e);
            throw new ApiException(
                StatusCodes.Status500InternalServerError,
                message,
                ErrorMiddleware.InnermostCause(message));
        }
    }
}
