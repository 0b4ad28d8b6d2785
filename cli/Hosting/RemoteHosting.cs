using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Modular.Remote;
using Modular.Remote.Connections;
using Modular.Remote.Services;

namespace Modular.Cli.Hosting;

/// <summary>
/// The one place the CLI touches Modular.Remote for running commands. Its methods are not
/// inlined, so a local command never loads the remote assembly, its HTTP client or SSH.NET.
/// </summary>
public static class RemoteHosting
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Func<IServiceProvider> Factory(bool remote, string? url, string? connection, string? identity)
    {
        var settings = new RemoteSettings(remote, url, connection, identity);
        return () => new RemoteServiceProvider(settings.Resolve(new ConnectionStore()));
    }

    /// <summary>The Server block of <c>version</c>: the service's own version, asked over the API.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<JsonObject> ServerVersionAsync(CliContext context, CancellationToken cancellationToken)
    {
        var info = (RemoteInfoProvider)context.Services.GetService(typeof(Engine.Info.IInfoProvider))!;
        return await info.ServerVersionAsync(cancellationToken);
    }
}
