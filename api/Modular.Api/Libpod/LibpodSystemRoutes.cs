using Microsoft.AspNetCore.Builder;
using Modular.Api.Compat;

namespace Modular.Api.Libpod;

/// <summary>Podman's own tree: /libpod/_ping answers as the compatible one does.</summary>
public static class LibpodSystemRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapMethods("/libpod/_ping", ["GET", "HEAD"], CompatSystemRoutes.Ping);
    }
}
