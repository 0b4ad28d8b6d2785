using System.Text.Json;
using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Engine.Registry;

/// <summary>
/// A parsed image manifest or index. An image manifest has a config and layers; an index
/// (manifest list) has child manifests with platforms.
/// </summary>
public sealed record Manifest(
    string MediaType,
    Descriptor? Config,
    IReadOnlyList<Descriptor> Layers,
    IReadOnlyList<Descriptor> Children,
    IReadOnlyDictionary<string, string> Annotations)
{
    public bool IsIndex => MediaTypes.IsIndex(MediaType);

    /// <summary>Parses a manifest; <paramref name="mediaType"/> from Content-Type may be empty.</summary>
    /// <exception cref="InvalidInputException">Schema 1, unknown type, or bad descriptors.</exception>
    public static Manifest Parse(ReadOnlySpan<byte> body, string? mediaType)
    {
        using var document = ParseJson(body);
        var root = document.RootElement;
        var type = DetectType(root, mediaType);
        if (MediaTypes.IsIndex(type))
        {
            var children = Array(root, "manifests").Select(ReadDescriptor).ToList();
            return new Manifest(type, null, [], children, ReadAnnotations(root));
        }

        var config = root.TryGetProperty("config", out var c)
            ? ReadDescriptor(c)
            : throw new InvalidInputException("image manifest has no config");
        var layers = Array(root, "layers").Select(ReadDescriptor).ToList();
        return new Manifest(type, config, layers, [], ReadAnnotations(root));
    }

    /// <summary>The child for <paramref name="wanted"/>, first match in list order.</summary>
    /// <exception cref="NotFoundException">No child runs on that platform.</exception>
    public Descriptor Choose(Platform wanted)
    {
        var exact = Children.FirstOrDefault(d => d.Platform is { } p && p == wanted);
        var match = exact ?? Children.FirstOrDefault(d => d.Platform is { } p && wanted.Accepts(p));
        return match ?? throw new NotFoundException(
            $"no image found in manifest list for architecture {wanted.Architecture}, "
            + $"variant \"{wanted.Variant}\", OS {wanted.Os}");
    }

    private static JsonDocument ParseJson(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException e)
        {
            // .NET appends the line and byte position, which means nothing to the user.
            var reason = e.Message.Split(" LineNumber:")[0].Split('\n')[0].Trim();
            throw new InvalidInputException($"invalid manifest: {reason}", e);
        }
    }

    private static string DetectType(JsonElement root, string? header)
    {
        var declared = root.TryGetProperty("mediaType", out var m) ? m.GetString() : null;
        var type = declared ?? (string.IsNullOrEmpty(header) || header == "application/json" ? null : header);
        type ??= root.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex : MediaTypes.OciManifest;
        if (type is MediaTypes.DockerSchema1 or MediaTypes.DockerSchema1Signed)
        {
            throw new InvalidInputException("Docker schema 1 manifests are not supported");
        }

        return MediaTypes.Manifests.Contains(type)
            ? type
            : throw new InvalidInputException($"unsupported manifest type \"{type}\"");
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().ToList()
            : [];

    private static Descriptor ReadDescriptor(JsonElement element)
    {
        var digest = element.TryGetProperty("digest", out var d) ? d.GetString() : null;
        if (!Digests.IsValid(digest))
        {
            throw new InvalidInputException($"invalid descriptor digest \"{digest}\"");
        }

        var mediaType = element.TryGetProperty("mediaType", out var m) ? m.GetString() ?? "" : "";
        var size = element.TryGetProperty("size", out var s) ? s.GetInt64() : -1;
        return new Descriptor(mediaType, digest!, size, ReadPlatform(element), ReadAnnotations(element));
    }

    private static Platform? ReadPlatform(JsonElement element)
    {
        if (!element.TryGetProperty("platform", out var p))
        {
            return null;
        }

        string Get(string key) => p.TryGetProperty(key, out var v) ? v.GetString() ?? "" : "";
        return Platform.Normalise(Get("os"), Get("architecture"), Get("variant"));
    }

    private static Dictionary<string, string> ReadAnnotations(JsonElement element)
    {
        var result = new Dictionary<string, string>();
        if (element.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in a.EnumerateObject())
            {
                result[property.Name] = property.Value.GetString() ?? "";
            }
        }

        return result;
    }
}
