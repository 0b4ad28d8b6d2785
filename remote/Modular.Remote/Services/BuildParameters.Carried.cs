using System.Text.Json;
using Modular.Engine.Build;

namespace Modular.Remote.Services;

/// <summary>
/// The build flags beyond Podman's first binding: image metadata, RUN-step container settings
/// and secrets, under the names Podman's /libpod/build handler reads.
/// </summary>
internal static partial class BuildParameters
{
    private static void AddCarried(
        List<(string, string)> query,
        BuildOptions options,
        IReadOnlyDictionary<string, string> secretNames)
    {
        Json(query, "annotations", options.Annotations);
        query.AddRange(options.Env.Select(e => ("setenv", e)));
        query.AddRange(options.Volumes.Select(v => ("volume", v)));
        Flag(query, "omithistory", options.OmitHistory);
        var settings = options.Containers;
        Json(query, "ulimits", settings.Ulimits);
        Json(query, "securityopt", settings.SecurityOpts);
        Json(query, "addcaps", settings.CapAdd);
        Json(query, "dropcaps", settings.CapDrop);
        Json(query, "dnsservers", settings.DnsServers);
        Json(query, "dnssearch", settings.DnsSearch);
        Json(query, "dnsoptions", settings.DnsOptions);
        if (options.TlsVerify is { } verify)
        {
            query.Add(("tlsVerify", verify ? "true" : "false"));
        }

        // Podman's client sends each secret's file inside the context and names it there.
        Json(query, "secrets", [.. options.Secrets.Select(s => $"id={s.Key},src={secretNames[s.Key]}")]);
    }

    private static void Json(List<(string, string)> query, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            query.Add((name, JsonSerializer.Serialize(values)));
        }
    }
}
