using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.Api.Compat;
using Modular.Api.Http;
using Modular.Api.Libpod;
using Modular.Api.Shared;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Export;

namespace Modular.Api;

/// <summary>Kestrel on the service's socket, with both route trees over the CLI's engine.</summary>
public static class ApiServer
{
    /// <summary>Largest request body outside the routes that take archives (413 above it).</summary>
    public const long DefaultBodyLimit = 16 * 1024 * 1024;

    public static async Task<int> RunAsync(
        CliContext context,
        ServiceOptions options,
        CancellationToken cancellationToken)
    {
        // SIGTERM is how systemd and kill stop a service: taken over from the start, so one
        // that comes before the host listens still ends in the clean stop below.
        using var terminated = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            terminated.Cancel();
        });
        var activated = SocketActivation.TakeListener();
        var endpoint = activated is null
            ? ServiceEndpoint.Parse(options.Uri)
            : new ServiceEndpoint(null, null); // systemd owns the socket: no path to chmod or remove.
        RefuseCleartextOffHost(endpoint, options);
        if (endpoint.SocketPath is { } socket)
        {
            SocketInUse.Refuse(socket);
        }

        _ = context.Host; // Build and validate the engine before listening.

        var app = Build(context, options, endpoint, activated);
        var idle = app.Services.GetRequiredService<IdleTracker>();
        // Bound in Build: from here on the socket is removed however the service ends.
        var owned = endpoint.SocketPath is { } listening ? FileIdentity.Of(listening) : null;
        // The host's console lifetime also takes SIGTERM over and only signals
        // ApplicationStopping: any of them ends the service, as SIGINT does.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken, app.Lifetime.ApplicationStopping, terminated.Token);
        try
        {
            await StartAsync(app, endpoint, stopping.Token);
            await idle.WaitUntilIdleAsync(TimeSpan.FromSeconds(options.IdleSeconds), stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // SIGINT/SIGTERM, even while starting: a clean stop, like an idle one.
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            // A service started on the same path after this one (while this one drained)
            // owns the file now: only the socket this one bound is ours to remove.
            if (endpoint.SocketPath is { } path && owned is not null && FileIdentity.Of(path) == owned)
            {
                File.Delete(path);
            }
        }

        return 0;
    }

    private static async Task StartAsync(
        WebApplication app,
        ServiceEndpoint endpoint,
        CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException && endpoint.SocketPath is { } bound)
        {
            throw SocketBindFailure.For(bound, e);
        }
    }

    private static WebApplication Build(
        CliContext context,
        ServiceOptions options,
        ServiceEndpoint endpoint,
        int? activated)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(context);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IdleTracker>();
        builder.Services.AddSingleton<PendingStarts>();
        builder.Services.AddSingleton<ResizeChannels>();
        builder.Services.AddSingleton<PendingAttaches>();
        builder.Services.AddSingleton<ExecSessions>();
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteOptions>(
            routes => routes.SetParameterPolicy<ChangesPathConstraint>(ChangesPathConstraint.Name));
        var bound = activated is null && endpoint.SocketPath is { } path ? BindSocket(path) : null;
        if (bound is not null)
        {
            builder.Services.AddSingleton(bound); // Held for the service's lifetime.
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = DefaultBodyLimit;
            kestrel.AddServerHeader = false;
            if (activated is { } descriptor)
            {
                kestrel.ListenHandle((ulong)descriptor, listen =>
                {
                    RawConnections.Track(listen);
                    listen.Use(HalfCloseConnection.Wrap);
                });
            }
            else if (bound is not null)
            {
                kestrel.ListenHandle((ulong)bound.Handle, listen =>
                {
                    RawConnections.Track(listen);
                    listen.Use(HalfCloseConnection.Wrap);
                });
            }
            else
            {
                kestrel.Listen(endpoint.Tcp!, listen =>
                {
                    TlsSetup.Apply(listen, options);
                    RawConnections.Track(listen);
                    listen.Use(HalfCloseConnection.Wrap);
                });
            }
        });

        var app = builder.Build();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseMiddleware<VersionPrefixMiddleware>();
        app.UseMiddleware<EncodedSlashMiddleware>();
        app.UseMiddleware<IdleTracker.Middleware>();

        // Routing runs after the prefix is taken off (WebApplication would otherwise put
        // it first, matching the path as the client sent it).
        app.UseRouting();
        app.UseMiddleware<BodyLimitMiddleware>();
        CompatSystemRoutes.Map(app);
        CompatDockerRoutes.Map(app);
        LibpodSystemRoutes.Map(app);
        app.MapFallback(UnmatchedRoute.WriteAsync);
        return app;
    }

    private static Socket BindSocket(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path); // A socket left by a killed service would refuse the bind.
        return UnixListener.Bind(path);
    }

    /// <summary>
    /// Plain TCP gives anyone who reaches the port the engine; it is served on loopback only.
    /// Any other address needs --tls-cert and --tls-key.
    /// </summary>
    private static void RefuseCleartextOffHost(ServiceEndpoint endpoint, ServiceOptions options)
    {
        if (endpoint.Tcp is { } tcp && !IPAddress.IsLoopback(tcp.Address)
            && (options.TlsCertificate is null || options.TlsKey is null))
        {
            throw new InvalidInputException(
                $"tcp://{tcp}: a non-loopback address needs --tls-cert and --tls-key");
        }
    }
}
