using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Cli.Commands;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>The libpod build parameters podman-remote (and modpod --remote) send.</summary>
public static partial class BuildQuery
{
    /// <summary>
    /// dockerfile: one path in the context (Docker), or Podman's JSON list of them.
    /// </summary>
    public static string[] Containerfiles(string value)
    {
        if (value.Length == 0)
        {
            return [];
        }

        if (!value.StartsWith('['))
        {
            return [value];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(value) ?? [];
        }
        catch (JsonException e)
        {
            throw BadParameter("dockerfile", value, e.Message);
        }
    }

    /// <summary>pullpolicy (Podman: missing, always, never, ifnewer) wins over Docker's pull flag.</summary>
    public static PullPolicyMode PullPolicy(HttpContext http)
    {
        var policy = http.Request.Query["pullpolicy"].ToString();
        if (policy.Length > 0)
        {
            return RunFlags.PullPolicy(policy);
        }

        return http.QueryFlag("pull") ? PullPolicyMode.Always : PullPolicyMode.Missing;
    }

    /// <summary>
    /// networkmode: a name (Docker, modpod) or Podman's number (0 default, 1 disabled, 2 enabled).
    /// </summary>
    public static string NetworkMode(string value) => value switch
    {
        "0" or "2" => "",
        "1" => "none",
        _ => value,
    };

    /// <summary>timestamp: seconds since the epoch for every created file and the image.</summary>
    public static DateTimeOffset? Timestamp(HttpContext http)
    {
        var text = http.Request.Query["timestamp"].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw BadParameter("timestamp", text, "invalid syntax");
    }
}
