using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modular.Engine.Build;

namespace Modular.Api.Compat;

/// <summary>
/// The /libpod/build parameters beyond the basic ones, read back into the same build flags
/// the local CLI sets: annotations, setenv, volume, omithistory, squash-all (squash with
/// layers off, as Podman's client sends it), tlsVerify, the RUN steps' container settings
/// (ulimits, securityopt, addcaps, dropcaps, dns*) and secrets.
/// </summary>
public static partial class BuildQuery
{
    /// <summary>
    /// Adds the carried flags to <paramref name="options"/>. Secret files arrive inside the
    /// context; each is moved to <paramref name="secretsDirectory"/> first so no COPY can
    /// put it in the image.
    /// </summary>
    public static BuildOptions WithCarried(
        BuildOptions options,
        IQueryCollection query,
        bool libpod,
        string secretsDirectory)
    {
        var squashAll = libpod && Flag(query, "squash") && query.ContainsKey("layers") && !Flag(query, "layers");
        return options with
        {
            Annotations = List(query, "annotations"),
            Env = Values(query, "setenv"),
            Volumes = Values(query, "volume"),
            OmitHistory = Flag(query, "omithistory"),
            SquashAll = squashAll,
            Squash = !squashAll && Flag(query, "squash"),
            // Layers is not consulted when squashing; the local default comes back.
            Layers = squashAll || options.Layers,
            TlsVerify = query.ContainsKey("tlsVerify") ? Flag(query, "tlsVerify") : null,
            Containers = new BuildContainerSettings
            {
                Ulimits = Ulimits(query),
                SecurityOpts = List(query, "securityopt"),
                CapAdd = List(query, "addcaps"),
                CapDrop = List(query, "dropcaps"),
                DnsServers = List(query, "dnsservers"),
                DnsSearch = List(query, "dnssearch"),
                DnsOptions = List(query, "dnsoptions"),
            },
            Secrets = MoveSecrets(List(query, "secrets"), options.ContextDirectory, secretsDirectory),
        };
    }

    private static bool Flag(IQueryCollection query, string name) =>
        query[name].ToString() is "1" or "true" or "True" or "TRUE";

    private static string[] Values(IQueryCollection query, string name) =>
        [.. query[name].Select(v => v ?? "").Where(v => v.Length > 0)];

    /// <summary>A JSON list of strings, Podman's form for list parameters; 400 when it does not parse.</summary>
    private static string[] List(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(text) ?? [];
        }
        catch (JsonException e)
        {
            throw BadParameter(name, text, e.Message);
        }
    }

    /// <summary>
    /// ulimits: Podman's JSON list of "name=soft:hard", or the docker CLI's list of
    /// {Name, Soft, Hard} objects (it sends "null" or "[]" on every build).
    /// </summary>
    private static string[] Ulimits(IQueryCollection query)
    {
        var text = query["ulimits"].ToString();
        if (text.Length == 0)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. document.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object
                ? $"{e.GetProperty("Name").GetString()}={e.GetProperty("Soft").GetInt64()}:{e.GetProperty("Hard").GetInt64()}"
                : e.GetString() ?? "")];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw BadParameter("ulimits", text, e.Message);
        }
    }

    /// <summary>secrets: "id=ID,src=NAME" with NAME a file at the context's top level.</summary>
    private static Dictionary<string, string> MoveSecrets(string[] secrets, string context, string target)
    {
        var moved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            var fields = secret.Split(',').Select(f => f.Split('=', 2)).Where(f => f.Length == 2)
                .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
            if (!fields.TryGetValue("id", out var id) || !fields.TryGetValue("src", out var name)
                || name.Length == 0 || name.Contains('/') || name is "." or ".."
                || !File.Exists(Path.Combine(context, name)))
            {
                throw BadParameter("secrets", secret, "a secret names a file sent at the top of the context");
            }

            Directory.CreateDirectory(target);
            var path = Path.Combine(target, name);
            File.Move(Path.Combine(context, name), path);
            moved[id] = path;
        }

        return moved;
    }
}
