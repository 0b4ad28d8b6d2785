using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Engine.Registry;

/// <summary>
/// Turns what a user typed into the references to pull, as containers/image's short-name
/// rules do: a fully-qualified name as it is; else an alias; else every unqualified-search
/// registry, narrowed by the short-name mode when there is more than one.
/// </summary>
public static class ShortNameResolver
{
    /// <param name="interactive">Both stdin and stdout are terminals (Podman would prompt).</param>
    /// <exception cref="InvalidInputException">No alias and no search registry, or enforcing mode
    /// with several candidates.</exception>
    public static ShortNameResolution Resolve(string input, RegistriesConfig conf, bool interactive)
    {
        var reference = ImageReference.Parse(input);
        if (reference.IsFullyQualified)
        {
            return new ShortNameResolution([reference.WithDefaultTag()], null);
        }

        if (conf.Alias(reference.Path) is { } alias)
        {
            var named = ImageReference.Parse(alias.Value) with { Tag = reference.Tag, Digest = reference.Digest };
            return new ShortNameResolution(
                [named.WithDefaultTag()],
                $"Resolved \"{reference.Path}\" as an alias ({alias.Origin})");
        }

        return BySearchRegistries(input, reference, conf, interactive);
    }

    private static ShortNameResolution BySearchRegistries(
        string input,
        ImageReference reference,
        RegistriesConfig conf,
        bool interactive)
    {
        if (conf.UnqualifiedSearchRegistries.Count == 0)
        {
            throw new InvalidInputException(File.Exists(conf.Source)
                ? $"short-name \"{input}\" did not resolve to an alias and no unqualified-search "
                    + $"registries are defined in \"{conf.SearchOrigin}\""
                : $"short-name \"{input}\" did not resolve to an alias and no "
                    + "containers-registries.conf(5) was found");
        }

        var candidates = conf.UnqualifiedSearchRegistries
            .Select(r => reference.Qualify(r).WithDefaultTag())
            .ToList();
        var resolution = new ShortNameResolution(
            candidates,
            $"Resolving \"{reference.Path}\" using unqualified-search registries ({conf.SearchOrigin})");
        if (conf.ShortNameMode == "disabled" || candidates.Count == 1
            || conf.ShortNameMode == "permissive")
        {
            return resolution;
        }

        // Limitation: Podman prompts for a choice on a terminal; modpod has no prompt, so
        // enforcing mode refuses an ambiguous short name either way and says how to fix it.
        throw new InvalidInputException(interactive
            ? $"short-name \"{input}\" is ambiguous ({candidates.Count} unqualified-search "
                + "registries) and modpod cannot prompt for a choice: use a fully-qualified name"
            : "short-name resolution enforced but cannot prompt without a TTY");
    }
}
