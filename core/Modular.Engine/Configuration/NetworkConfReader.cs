using Tomlyn.Model;

namespace Modular.Engine.Configuration;

/// <summary>
/// Reads containers.conf <c>[network]</c> and <c>[engine] helper_binaries_dir</c> into
/// typed values. Keys Podman knows but Modular does not use are warned about, never
/// silently honoured.
/// </summary>
internal static class NetworkConfReader
{
    private const string Section = "network";

    private static readonly HashSet<string> KnownKeys =
        ["network_backend", "network_config_dir", "cni_plugin_dirs", "default_network",
         "default_subnet", "default_subnet_pools", "firewall_driver"];

    public static void Apply(TomlFile file, ConfigValues values)
    {
        var engine = file.Table("engine");
        if (engine is not null)
        {
            values.HelperBinariesDir =
                file.GetStringList(engine, "engine", "helper_binaries_dir") ?? values.HelperBinariesDir;
        }

        var network = file.Table(Section);
        if (network is null)
        {
            return;
        }

        ContainersConfReader.WarnUnknownKeys(file, values, network, Section, KnownKeys);
        foreach (var key in new[] { "network_backend", "network_config_dir", "default_network",
                     "default_subnet", "firewall_driver" })
        {
            if (file.GetString(network, Section, key) is { } text)
            {
                values.Network[key] = text;
            }
        }

        values.CniPluginDirs = file.GetStringList(network, Section, "cni_plugin_dirs") ?? values.CniPluginDirs;
        values.SubnetPools = ReadPools(file, network) ?? values.SubnetPools;
    }

    public static NetworkOptions Build(ConfigValues values)
    {
        var defaults = new NetworkOptions();
        var text = values.Network;
        return new NetworkOptions
        {
            NetworkBackend = NonEmpty(text.GetValueOrDefault("network_backend")) ?? defaults.NetworkBackend,
            NetworkConfigDir = NonEmpty(text.GetValueOrDefault("network_config_dir")),
            CniPluginDirs = values.CniPluginDirs ?? defaults.CniPluginDirs,
            HelperBinariesDir = values.HelperBinariesDir ?? defaults.HelperBinariesDir,
            DefaultNetwork = NonEmpty(text.GetValueOrDefault("default_network")) ?? defaults.DefaultNetwork,
            DefaultSubnet = NonEmpty(text.GetValueOrDefault("default_subnet")) ?? defaults.DefaultSubnet,
            DefaultSubnetPools = values.SubnetPools ?? defaults.DefaultSubnetPools,
            FirewallDriver = text.GetValueOrDefault("firewall_driver") ?? "",
        };
    }

    // Podman's form: default_subnet_pools = [{"base" = "10.89.0.0/16", "size" = 24}, ...].
    private static List<SubnetPool>? ReadPools(TomlFile file, TomlTable network)
    {
        if (!network.TryGetValue("default_subnet_pools", out var value))
        {
            return null;
        }

        const string key = "network.default_subnet_pools";
        if (value is not TomlArray and not TomlTableArray)
        {
            throw file.Invalid(key, "must be an array of {base, size} tables");
        }

        var pools = new List<SubnetPool>();
        foreach (var item in (System.Collections.IEnumerable)value)
        {
            if (item is not TomlTable table
                || table.TryGetValue("base", out var poolBase) is false || poolBase is not string baseText
                || table.TryGetValue("size", out var size) is false || size is not long bits)
            {
                throw file.Invalid(key, "must be an array of {base, size} tables");
            }

            pools.Add(new SubnetPool(baseText, (int)bits));
        }

        return pools;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
