using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Engine.Configuration;

namespace Modular.Cli.Commands;

/// <summary>
/// Where stdin or stdout archives are spooled: the store's tmp, so they stay on the store's
/// file system; a client without a store (the remote one) uses the system's temp folder.
/// </summary>
public static class SpoolDirectory
{
    public static string For(CliContext context)
    {
        var directory = context.Services.GetService<EngineOptions>() is { } options
            ? Path.Combine(options.GraphRoot, "tmp")
            : Path.GetTempPath();
        Directory.CreateDirectory(directory);
        return directory;
    }
}
