using System.Text.RegularExpressions;

namespace Modular.Hooks;

/// <summary>
/// The conditions of a hooks.d file (oci-hooks(5)). Schema 1.0.0 needs all given conditions
/// to hold; a 0.1.0 file converts with <see cref="Or"/> set, where any one is enough.
/// Patterns are unanchored extended regular expressions, as Go's regexp.MatchString reads them.
/// </summary>
public sealed record HookWhen
{
    public bool? Always { get; init; }
    public IReadOnlyDictionary<string, string> Annotations { get; init; } =
        new Dictionary<string, string>();
    public IReadOnlyList<string> Commands { get; init; } = [];
    public bool? HasBindMounts { get; init; }

    /// <summary>Any-of matching, for 0.1.0 files only.</summary>
    public bool Or { get; init; }

    /// <summary>Whether the hook applies to <paramref name="target"/>.</summary>
    public bool Matches(HookTarget target)
    {
        var matches = 0;
        foreach (var outcome in ConditionOutcomes(target))
        {
            if (outcome && Or)
            {
                return true;
            }

            if (!outcome && !Or)
            {
                return false;
            }

            matches += outcome ? 1 : 0;
        }

        // As in Podman, commands come last and decide alone once the others have held.
        if (Commands.Count > 0)
        {
            return Commands.Any(pattern => Regex.IsMatch(target.Command, pattern));
        }

        return matches > 0;
    }

    /// <summary>True when no condition is given: such a hook never fires.</summary>
    public bool IsEmpty => Always is null && HasBindMounts is null
        && Annotations.Count == 0 && Commands.Count == 0;

    private IEnumerable<bool> ConditionOutcomes(HookTarget target)
    {
        if (Always is { } always)
        {
            yield return always;
        }

        if (HasBindMounts is { } wanted)
        {
            yield return wanted && target.HasBindMounts;
        }

        foreach (var (keyPattern, valuePattern) in Annotations)
        {
            yield return target.Annotations.Any(pair =>
                Regex.IsMatch(pair.Key, keyPattern) && Regex.IsMatch(pair.Value, valuePattern));
        }
    }
}
