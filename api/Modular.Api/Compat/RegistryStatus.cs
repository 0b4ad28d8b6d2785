using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Cli.Errors;
using Modular.Contracts.Errors;

namespace Modular.Api.Compat;

/// <summary>
/// The status code of a pull that failed before any progress went out, by Podman's rule
/// (HTTPStatusFromRegistryError): a registry's own error keeps its code (404 for an
/// unknown manifest or repository), any other failure (refused connection, TLS) is 500.
/// </summary>
public static class RegistryStatus
{
    public static async Task OnFailureAsync(Func<Task> pull)
    {
        try
        {
            await pull();
        }
        catch (Exception e) when (e is not (NotFoundException or ApiException or OperationCanceledException))
        {
            throw new ApiException(StatusCodes.Status500InternalServerError, ErrorMapper.MessageFor(e));
        }
    }
}
