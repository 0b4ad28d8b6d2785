namespace Modular.Engine.Info;

/// <summary>The data of <c>modpod info</c> and <c>modpod version</c>, with Podman's keys.</summary>
public interface IInfoProvider
{
    /// <summary>
    /// host, store, registries, plugins, version, and our own <c>modularPlugins</c>. Loads the
    /// configured runtime and storage plugins (their failures show in <c>modularPlugins</c>).
    /// </summary>
    Task<InfoReport> GetInfoAsync(CancellationToken cancellationToken);

    /// <summary><c>{"Client": {APIVersion, Version, GoVersion, ...}}</c>; loads no plugin.</summary>
    InfoReport GetVersion();
}
