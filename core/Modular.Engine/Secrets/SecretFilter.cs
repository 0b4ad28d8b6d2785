using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Engine.Secrets;

/// <summary>
/// <c>secret ls --filter</c>: name and id match as (unanchored) regular expressions, label as
/// KEY or KEY=VALUE. Values of one key are alternatives; keys must all match.
/// </summary>
public sealed class SecretFilter
{
    private readonly Dictionary<string, List<string>> _filters = [];

    public static SecretFilter Parse(IReadOnlyList<string> filters)
    {
        var result = new SecretFilter();
        foreach (var filter in filters)
        {
            var split = filter.Split('=', 2);
            if (split.Length != 2)
            {
                throw new InvalidInputException($"invalid filter \"{filter}\"");
            }

            if (split[0] is not ("name" or "id" or "label"))
            {
                throw new InvalidInputException($"invalid filter \"{split[0]}\"");
            }

            result.Values(split[0]).Add(split[1]);
        }

        return result;
    }

    public bool Matches(SecretRecord secret) => _filters.All(pair => pair.Key switch
    {
        "name" => pair.Value.Exists(v => Regex.IsMatch(secret.Name, v)),
        "id" => pair.Value.Exists(v => Regex.IsMatch(secret.Id, v)),
        _ => pair.Value.Exists(v => LabelMatches(secret, v)),
    });

    private static bool LabelMatches(SecretRecord secret, string filter)
    {
        var split = filter.Split('=', 2);
        return secret.Labels.TryGetValue(split[0], out var value)
            && (split.Length == 1 || value == split[1]);
    }

    private List<string> Values(string key) =>
        _filters.TryGetValue(key, out var list) ? list : _filters[key] = [];
}
