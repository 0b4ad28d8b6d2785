using System.Text;
using System.Text.Json;
using Modular.Engine.Build;
using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>The query of POST /libpod/build, named as Podman's bindings name them.</summary>
internal static partial class BuildParameters
{
    public static string Query(BuildOptions options, string? dockerfile, IReadOnlyDictionary<string, string>? secretNames = null)
    {
        var query = new List<(string, string)>();
        AddCarried(query, options, secretNames ?? new Dictionary<string, string>());
        query.AddRange(options.Tags.Select(t => ("t", t)));
        if (dockerfile is not null)
        {
            query.Add(("dockerfile", JsonSerializer.Serialize(new[] { dockerfile })));
        }

        if (options.BuildArgs.Count > 0)
        {
            query.Add(("buildargs", JsonSerializer.Serialize(options.BuildArgs)));
        }

        if (options.Labels.Count > 0)
        {
            query.Add(("labels", JsonSerializer.Serialize(Pairs(options.Labels))));
        }

        Add(query, "target", options.Target);
        Add(query, "platform", options.Platform);
        Add(query, "networkmode", options.Network);
        // Podman's client sends --squash-all as squash with layers off; a squashing build never
        // consults layers, so --squash sends them on and the two stay apart.
        query.Add(("layers", (options.Layers || options.Squash) && !options.SquashAll ? "true" : "false"));
        query.Add(("pullpolicy", PullPolicy(options.Pull)));
        query.Add(("outputformat", options.Docker
            ? "application/vnd.docker.distribution.manifest.v2+json"
            : "application/vnd.oci.image.manifest.v1+json"));
        Flag(query, "nocache", options.NoCache);
        Flag(query, "q", options.Quiet);
        Flag(query, "squash", options.Squash || options.SquashAll);
        if (options.Timestamp is { } timestamp)
        {
            query.Add(("timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var text = new StringBuilder();
        foreach (var (name, value) in query)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }

    private static Dictionary<string, string> Pairs(IEnumerable<string> items) =>
        items.Select(i => i.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);

    private static string PullPolicy(PullPolicyMode mode) => mode switch
    {
        PullPolicyMode.Always => "always",
        PullPolicyMode.Never => "never",
        PullPolicyMode.Newer => "ifnewer",
        _ => "missing",
    };

    private static void Add(List<(string, string)> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add((name, value));
        }
    }

    private static void Flag(List<(string, string)> query, string name, bool value)
    {
        if (value)
        {
            query.Add((name, "1"));
        }
    }
}
