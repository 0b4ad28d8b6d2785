using System.Text.Json.Nodes;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// Docker-tree network and volume objects have the keys the witness Podman's compat
/// service gives for the same objects (maps of user data compared as maps only).
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerResourceWitnessTests(DockerServiceFixture service, PodmanServiceWitness witness)
    : IClassFixture<PodmanServiceWitness>
{
    // tests/witness/allowlist.md: Podman 5's compat handler (moby's newer types) adds EnableIPv4.
    private static readonly HashSet<string> NewerThanWitness = ["EnableIPv4"];

    // Maps whose keys are user data or ids, not part of the shape.
    private static readonly HashSet<string> Maps = ["Labels", "Options", "Containers"];

    private const string Network = """
        {"Name":"apinet-w","Driver":"bridge","IPAM":{"Config":[{"Subnet":"10.215.6.0/24","Gateway":"10.215.6.1"}]},
         "Labels":{"by":"witness"},"Internal":true,"CheckDuplicate":true}
        """;

    private const string Volume = """{"Name":"apinet-wv","Labels":{"by":"witness"},"Driver":"local"}""";

    [Fact]
    public async Task NetworkAndVolumeObjectsHaveThePodmanServiceKeys()
    {
        using var modpod = new UnixHttp(service.Socket);
        using var podman = new UnixHttp(witness.Socket);
        try
        {
            foreach (var (method, path, body) in Requests())
            {
                var ours = await modpod.SendAsync(method, path, body);
                var theirs = await podman.SendAsync(method, path, body);

                Assert.True(ours.Status == theirs.Status, $"{path}: {ours.Status} vs {theirs.Status} {ours.Body}");
                Assert.Equal(Keys(theirs.Body, path), Keys(ours.Body, path));
            }
        }
        finally
        {
            foreach (var client in new[] { modpod, podman })
            {
                await client.SendAsync(HttpMethod.Delete, "networks/apinet-w");
                await client.SendAsync(HttpMethod.Delete, "volumes/apinet-wv");
            }
        }
    }

    private static IEnumerable<(HttpMethod, string, string?)> Requests() =>
    [
        (HttpMethod.Post, "networks/create", Network),
        (HttpMethod.Get, "networks/apinet-w", null),
        (HttpMethod.Get, "networks?filters=" + Uri.EscapeDataString("""{"name":["apinet-w"]}"""), null),
        (HttpMethod.Get, "networks/apinet-missing", null),
        (HttpMethod.Post, "volumes/create", Volume),
        (HttpMethod.Get, "volumes/apinet-wv", null),
        (HttpMethod.Get, "volumes?filters=" + Uri.EscapeDataString("""{"name":["apinet-wv"]}"""), null),
        (HttpMethod.Delete, "volumes/apinet-wv", null),
        (HttpMethod.Delete, "networks/apinet-w", null),
    ];

    private static SortedSet<string> Keys(JsonNode? node, string path)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        Collect(node, path, keys);
        return keys;
    }

    private static void Collect(JsonNode? node, string prefix, SortedSet<string> keys)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.Where(p => !NewerThanWitness.Contains(p.Key)))
                {
                    keys.Add(prefix + "/" + key);
                    if (!Maps.Contains(key))
                    {
                        Collect(value, prefix + "/" + key, keys);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, prefix + "[]", keys);
                }

                break;
        }
    }
}
