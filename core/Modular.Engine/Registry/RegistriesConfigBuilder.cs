namespace Modular.Engine.Registry;

/// <summary>The registries.conf chain as it accumulates, file by file.</summary>
internal sealed class RegistriesConfigBuilder
{
    public List<string> Search { get; } = [];

    public string SearchOrigin { get; set; } = "";

    public string? ShortNameMode { get; set; }

    public Dictionary<string, RegistryEntry> Registries { get; } = [];

    public Dictionary<string, ShortNameAlias> Aliases { get; } = [];

    public RegistriesConfig Build(string source, string dropIns) =>
        new([.. Search], [.. Registries.Values], source)
        {
            ShortNameMode = ShortNameMode ?? "permissive",
            Aliases = new Dictionary<string, ShortNameAlias>(Aliases),
            SearchOrigin = SearchOrigin.Length == 0 ? source : SearchOrigin,
            DropInDirectory = dropIns,
        };
}
