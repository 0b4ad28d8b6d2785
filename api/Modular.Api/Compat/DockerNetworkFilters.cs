using Microsoft.AspNetCore.Http;
using Modular.Api.Http;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's network list filters the engine does not know: <c>type</c> (builtin: the
/// default network, which Docker clients see as "bridge"; custom: the others) and
/// <c>scope</c> (every network here is local). The rest go to the engine as they came.
/// </summary>
public sealed class DockerNetworkFilters
{
    private readonly List<string> _types = [];
    private readonly List<string> _scopes = [];

    private DockerNetworkFilters(IReadOnlyList<string> rest) => Rest = rest;

    public IReadOnlyList<string> Rest { get; }

    public static DockerNetworkFilters Take(IReadOnlyList<string> filters)
    {
        var taken = new DockerNetworkFilters(
            [.. filters.Where(f => !f.StartsWith("type=", StringComparison.Ordinal)
                && !f.StartsWith("scope=", StringComparison.Ordinal))]);
        foreach (var filter in filters)
        {
            var (key, value) = (filter.Split('=', 2)[0], filter.Split('=', 2)[1]);
            if (key == "type" && value is not ("builtin" or "custom"))
            {
                var message = $"invalid filter: 'type'='{value}'";
                throw new ApiException(StatusCodes.Status500InternalServerError, message, message);
            }

            (key == "type" ? taken._types : key == "scope" ? taken._scopes : []).Add(value);
        }

        return taken;
    }

    /// <summary>Values of one key are alternatives, as Docker walks them.</summary>
    public bool Matches(bool builtin) =>
        (_types.Count == 0 || _types.Contains(builtin ? "builtin" : "custom"))
        && (_scopes.Count == 0 || _scopes.Contains("local"));
}
