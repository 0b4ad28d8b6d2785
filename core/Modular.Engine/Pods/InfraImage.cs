using System.Formats.Tar;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Engine.Pods;

/// <summary>
/// The default infra image, built on demand from the host's static catatonit and loaded
/// into the store as a one-layer docker-archive: no registry is ever asked. It is named
/// as Podman names its own (<c>localhost/podman-pause:VERSION-BUILD</c>), with modpod's
/// version, because tools and tests look for that name.
/// </summary>
public sealed class InfraImage(IImageService images)
{
    /// <summary>Where catatonit is looked for, in order.</summary>
    public static readonly string[] CatatonitPaths =
        ["/usr/libexec/podman/catatonit", "/usr/bin/catatonit", "/usr/libexec/catatonit/catatonit"];

    /// <summary><c>localhost/podman-pause:</c> and the running program's version.</summary>
    public static string DefaultName { get; } = "localhost/podman-pause:" + Version() + "-0";

    /// <summary>Podman's infra command: catatonit as a pause process.</summary>
    public static IReadOnlyList<string> Entrypoint { get; } = ["/catatonit", "-P"];

    /// <summary>The image's name, loading it first when the store lacks it.</summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await images.ResolveAsync(DefaultName, cancellationToken);
            return DefaultName;
        }
        catch (NotFoundException)
        {
            await BuildAsync(cancellationToken);
            return DefaultName;
        }
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        var catatonit = CatatonitPaths.FirstOrDefault(File.Exists)
            ?? throw new CapabilityMissingException(
                $"building the infra image: catatonit not found in {string.Join(", ", CatatonitPaths)}");
        var directory = Directory.CreateTempSubdirectory("modpod-infra-");
        try
        {
            var archive = Path.Combine(directory.FullName, "infra.tar");
            await WriteArchiveAsync(catatonit, archive, cancellationToken);
            await images.LoadAsync(archive, cancellationToken);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // The layer's times come from catatonit itself, so the image id is the same on every build.
    private static async Task WriteArchiveAsync(string catatonit, string archive, CancellationToken ct)
    {
        var created = File.GetLastWriteTimeUtc(catatonit);
        var layer = await LayerAsync(catatonit, created, ct);
        var diffId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(layer));
        var config = System.Text.Encoding.UTF8.GetBytes(ConfigJson(diffId, created).ToJsonString());
        var configName = Convert.ToHexStringLower(SHA256.HashData(config)) + ".json";
        var manifest = new JsonArray(new JsonObject
        {
            ["Config"] = configName,
            ["RepoTags"] = new JsonArray(DefaultName),
            ["Layers"] = new JsonArray("layer.tar"),
        });

        await using var file = File.Create(archive);
        await using var writer = new TarWriter(file, TarEntryFormat.Pax);
        await AddAsync(writer, configName, config, created, ct);
        await AddAsync(writer, "layer.tar", layer, created, ct);
        await AddAsync(writer, "manifest.json", System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString()), created, ct);
    }

    private static async Task<byte[]> LayerAsync(string catatonit, DateTime created, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            await AddAsync(writer, "catatonit", await File.ReadAllBytesAsync(catatonit, ct), created, ct);
        }

        return buffer.ToArray();
    }

    private static async Task AddAsync(
        TarWriter writer,
        string name,
        byte[] content,
        DateTime modified,
        CancellationToken ct)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(content),
            ModificationTime = modified,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
        };
        await writer.WriteEntryAsync(entry, ct);
    }

    private static JsonObject ConfigJson(string diffId, DateTime created)
    {
        var time = created.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["created"] = time,
            ["architecture"] = Architecture(),
            ["os"] = "linux",
            ["config"] = new JsonObject
            {
                ["Env"] = new JsonArray("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                ["Entrypoint"] = new JsonArray([.. Entrypoint.Select(arg => (JsonNode)arg)]),
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) },
            ["history"] = new JsonArray(
                new JsonObject { ["created"] = time, ["created_by"] = "COPY catatonit /catatonit" },
                new JsonObject
                {
                    ["created"] = time,
                    ["created_by"] = "ENTRYPOINT [\"/catatonit\", \"-P\"]",
                    ["empty_layer"] = true,
                }),
        };
    }

    // OCI's names for the host's architecture, which catatonit was built for.
    private static string Architecture() =>
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
            System.Runtime.InteropServices.Architecture.Arm => "arm",
            System.Runtime.InteropServices.Architecture.X86 => "386",
            _ => "amd64",
        };

    private static string Version() =>
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
