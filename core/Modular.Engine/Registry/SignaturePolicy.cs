using System.Text.Json;
using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Engine.Registry;

/// <summary>
/// policy.json (containers-policy.json(5)), shared read-only with Podman. Only the
/// requirements that need no signature are implemented: <c>insecureAcceptAnything</c> and
/// <c>reject</c>. Any other requirement (signedBy, sigstoreSigned, ...) refuses the image
/// with an error naming it: an unverified image must never pass a policy asking for proof.
/// </summary>
public sealed class SignaturePolicy
{
    public const string SystemPath = "/etc/containers/policy.json";

    private readonly IReadOnlyList<string> _default;
    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<string>>> _transports;

    private SignaturePolicy(
        IReadOnlyList<string> fallback,
        Dictionary<string, Dictionary<string, IReadOnlyList<string>>> transports)
    {
        _default = fallback;
        _transports = transports;
    }

    /// <summary>The flag's file, else $HOME/.config/containers/policy.json, else /etc's.</summary>
    public static string PathFor(string? flag)
    {
        if (!string.IsNullOrEmpty(flag))
        {
            return flag;
        }

        var home = Environment.GetEnvironmentVariable("HOME");
        var user = home is null ? null : Path.Combine(home, ".config", "containers", "policy.json");
        return user is not null && File.Exists(user) ? user : SystemPath;
    }

    /// <exception cref="InvalidInputException">The file is missing or not a valid policy.</exception>
    public static SignaturePolicy Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"open {path}: no such file or directory");
        }

        try
        {
            return SignaturePolicyParser.Parse(File.ReadAllBytes(path), Create);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidInputException($"invalid policy in \"{path}\": {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <summary>Checks a registry image; <paramref name="reference"/> is what is pulled or pushed.</summary>
    /// <exception cref="InvalidInputException">Rejected, or a requirement we cannot verify.</exception>
    public void CheckDocker(ImageReference reference) =>
        Check("docker", reference.ToString(), DockerScopes(reference));

    /// <summary>Checks an image of any transport against its most specific scope.</summary>
    public void Check(string transport, string identity, IEnumerable<string> scopes)
    {
        var requirements = _default;
        if (_transports.TryGetValue(transport, out var byScope))
        {
            var scope = scopes.Append("").FirstOrDefault(byScope.ContainsKey);
            requirements = scope is null ? _default : byScope[scope];
        }

        var image = $"{transport}://{identity}";
        if (requirements.Count == 0)
        {
            throw new InvalidInputException($"Source image rejected: no policy requirements for {image}");
        }

        foreach (var type in requirements)
        {
            Verify(type, image);
        }
    }

    /// <summary>repo:tag (or @digest), repo, each parent namespace, host, then *.domain wildcards.</summary>
    public static IEnumerable<string> DockerScopes(ImageReference reference)
    {
        yield return reference.ToString();
        var repository = reference.Repository;
        for (var cut = repository.Length; cut > 0; cut = repository.LastIndexOf('/', cut - 1))
        {
            yield return repository[..cut];
        }

        var host = reference.Domain ?? "";
        for (var dot = host.IndexOf('.'); dot >= 0; dot = host.IndexOf('.', dot + 1))
        {
            yield return "*" + host[dot..];
        }
    }

    private static void Verify(string type, string image)
    {
        switch (type)
        {
            case "insecureAcceptAnything":
                return;
            case "reject":
                throw new InvalidInputException(
                    $"Source image rejected: Running image {image} is rejected by policy.");
            default:
                // Limitation: no signature verification exists yet, so a policy that asks for
                // one refuses the image rather than letting it through unverified.
                throw new InvalidInputException(
                    $"Source image rejected: policy requirement \"{type}\" for {image} "
                    + "is not supported by modpod");
        }
    }

    private static SignaturePolicy Create(
        IReadOnlyList<string> fallback,
        Dictionary<string, Dictionary<string, IReadOnlyList<string>>> transports) =>
        new(fallback, transports);
}
