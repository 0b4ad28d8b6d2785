using Microsoft.Extensions.DependencyInjection;
using Modular.Engine;
using Modular.Engine.Containers;
using Modular.Engine.Events;
using Modular.Engine.Images;
using Modular.Engine.Plugins;

namespace Modular.Cli.Hosting;

/// <summary>
/// What one modpod invocation shares between its commands: the streams, the global flags,
/// the container command split off before parsing, and the engine, built on first use so
/// that <c>version</c> and <c>--help</c> never build it.
/// </summary>
public sealed class CliContext(
    TextWriter stdout,
    TextWriter stderr,
    IReadOnlyList<string> containerCommand)
    : IAsyncDisposable
{
    private EngineHost? _host;

    /// <summary>Stdout; the global --noout and --out flags replace it before the command runs.</summary>
    public TextWriter Out { get; set; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>Arguments after the image of run/create; the parser never saw them.</summary>
    public IReadOnlyList<string> ContainerCommand { get; } = containerCommand;

    public GlobalFlags Flags { get; set; } = new();

    /// <summary>Stdout as a stream, for attached containers that write raw bytes.</summary>
    public Func<Stream> OpenStdout { get; init; } = Console.OpenStandardOutput;

    public Func<Stream> OpenStderr { get; init; } = Console.OpenStandardError;

    /// <summary>The clock used for "X ago" columns; tests fix it.</summary>
    public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>True while a container is attached: signals then belong to the container.</summary>
    public bool Attached { get; set; }

    public bool Debug => Flags.LogLevel is "debug" or "trace";

    /// <summary>The failure the last command reported, for the API to map to a status.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Builds the engine for the global flags on first use.</summary>
    public EngineHost Host
    {
        get
        {
            if (_host is null)
            {
                // The remote client never touches the local store.
                if (IsRemote)
                {
                    throw new Contracts.Errors.CapabilityMissingException(
                        "this command is not supported by the modpod remote client yet");
                }

                // Kept before validating, so the context disposes it even when refused.
                _host = EngineHost.Create(Flags);

                // Every command that reaches the engine touches the store: a driver nobody
                // provides, or not the store's own, is refused before anything changes.
                _host.Services.GetRequiredService<StorageDriverProvider>().Validate();
            }

            return _host;
        }
    }

    /// <summary>
    /// Services to use instead of the engine's. Only the CLI's own tests set it, with
    /// Fake services standing for an engine they do not exercise.
    /// </summary>
    public IServiceProvider? ServiceOverride { get; init; }

    /// <summary>
    /// Set when --remote, --url, --connection, CONTAINER_HOST or CONTAINER_CONNECTION ask for
    /// the remote client: builds the services that talk to the API (see RemoteHosting). Kept
    /// as a factory so --help and parse errors never resolve a connection.
    /// </summary>
    public Func<IServiceProvider>? RemoteFactory { get; set; }

    public bool IsRemote => RemoteFactory is not null;

    /// <summary>The global --url as typed, for <c>system dial-stdio</c>.</summary>
    public string? RemoteUrl { get; set; }

    private IServiceProvider? _remote;

    public IServiceProvider Services => ServiceOverride ?? RemoteServices ?? Host.Services;

    private IServiceProvider? RemoteServices => RemoteFactory is null ? null : _remote ??= RemoteFactory();

    public IImageService Images => Services.GetRequiredService<IImageService>();

    public IContainerService Containers => Services.GetRequiredService<IContainerService>();

    public IEventLog Events => Services.GetRequiredService<IEventLog>();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_remote is IAsyncDisposable remote)
        {
            await remote.DisposeAsync();
        }
    }
}
