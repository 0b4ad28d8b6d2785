using System.Globalization;

namespace Modular.Remote.Services;

/// <summary>Query strings the day-two verbs send, spelled as Podman's bindings spell them.</summary>
internal static class ControlQuery
{
    public static string Timeout(int? seconds) =>
        seconds is { } t ? "?t=" + t.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>top's descriptors go as one <c>ps_args</c> value, comma-separated as in Podman.</summary>
    public static string PsArgs(IReadOnlyList<string> descriptors) =>
        descriptors.Count == 0 ? "" : "?ps_args=" + LibpodClient.Escape(string.Join(',', descriptors));

    public static string Flag(bool value) => value ? "true" : "false";
}
