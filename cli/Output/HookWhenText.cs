using Modular.Hooks;

namespace Modular.Cli.Output;

/// <summary>A hook's conditions in one table cell: <c>annotations[^a$=b] and commands[sh$]</c>.</summary>
public static class HookWhenText
{
    public static string Describe(HookWhen when)
    {
        var parts = new List<string>();
        if (when.Always is { } always)
        {
            parts.Add(always ? "always" : "always=false");
        }

        if (when.HasBindMounts is { } binds)
        {
            parts.Add(binds ? "hasBindMounts" : "hasBindMounts=false");
        }

        if (when.Annotations.Count > 0)
        {
            var pairs = when.Annotations.Select(pair => $"{pair.Key}={pair.Value}");
            parts.Add($"annotations[{string.Join(' ', pairs)}]");
        }

        if (when.Commands.Count > 0)
        {
            parts.Add($"commands[{string.Join(' ', when.Commands)}]");
        }

        // A hook without conditions never fires, as in Podman.
        return parts.Count == 0 ? "never" : string.Join(when.Or ? " or " : " and ", parts);
    }
}
