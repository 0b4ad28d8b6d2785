using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Engine.Configuration;
using Modular.Engine.Registry;

namespace Modular.Api.Libpod;

/// <summary>
/// GET /libpod/images/{name}/resolve: the names a short name would be pulled as (an
/// alias, else one per unqualified-search registry), by the pull's own resolver.
/// </summary>
public static class LibpodImageResolveRoute
{
    public static Task<IResult> ResolveAsync(HttpContext http, string name)
    {
        var options = http.RequestServices.GetRequiredService<CliContext>().Services
            .GetRequiredService<EngineOptions>();
        var conf = RegistriesConfig.Load(options.RegistriesConfPath);

        // The API never prompts: every candidate is listed, whatever the short-name mode.
        var resolution = ShortNameResolver.Resolve(name, conf with { ShortNameMode = "permissive" }, false);
        var names = resolution.Candidates.Select(c => c.ToString()).ToArray();
        return Task.FromResult(Results.Json(new Dictionary<string, object> { ["Names"] = names }));
    }
}
