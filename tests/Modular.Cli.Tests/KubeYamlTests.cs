using System.Text.Json.Nodes;
using Modular.Cli.Commands;
using Modular.Contracts.Errors;

namespace Modular.Cli.Tests;

public sealed class KubeYamlTests
{
    private const string PodYaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web   # a comment
          labels:
            tier: "front"
        spec:
          restartPolicy: OnFailure
          containers:
          - command:
            - "true"
            args: [a, 'b c']
            image: quay.io/libpod/testimage:20241011
            name: ctr
            env:
              - name: A
                value: "1"
            ports:
            - containerPort: 80
              hostPort: 8080
          - name: side
            image: localhost/x
        ---
        kind: Pod
        metadata: {name: second}
        """;

    [Fact]
    public void Documents_maps_sequences_and_scalars_are_read()
    {
        var documents = KubeYaml.ParseDocuments(PodYaml);

        Assert.Equal(2, documents.Count);
        var first = documents[0];
        Assert.Equal("web", (string?)first["metadata"]!["name"]);
        Assert.Equal("front", (string?)first["metadata"]!["labels"]!["tier"]);
        var containers = first["spec"]!["containers"]!.AsArray();
        Assert.Equal(2, containers.Count);
        Assert.Equal("true", (string?)containers[0]!["command"]![0]);
        Assert.Equal("b c", (string?)containers[0]!["args"]![1]);
        Assert.Equal(8080, (long)containers[0]!["ports"]![0]!["hostPort"]!);
        Assert.Equal("second", (string?)documents[1]["metadata"]!["name"]);
    }

    [Fact]
    public void A_pod_becomes_podmans_names_and_policies()
    {
        var pod = KubePod.From(KubeYaml.ParseDocuments(PodYaml)[0])!;

        Assert.Equal("web", pod.Name);
        Assert.Equal("on-failure", pod.RestartPolicy);
        Assert.Equal(["tier=front"], pod.Labels);
        var ctr = pod.Containers[0];
        Assert.Equal(["true"], ctr.Command);
        Assert.Equal(["a", "b c"], ctr.Args);
        Assert.Equal(["A=1"], ctr.Env);
        Assert.Equal(["8080:80"], ctr.Ports);
    }

    [Fact]
    public void Kinds_other_than_pod_are_refused_by_name()
    {
        var document = KubeYaml.ParseDocuments("kind: Deployment\nmetadata:\n  name: d\n")[0];

        var error = Assert.Throws<InvalidInputException>(() => KubePod.From(document));

        Assert.Contains("Deployment", error.Message);
    }

    [Fact]
    public void Kinds_podman_does_not_play_are_passed_over()
    {
        var document = KubeYaml.ParseDocuments("kind: Service\nmetadata:\n  name: s\n")[0];

        Assert.Null(KubePod.From(document));
    }

    [Fact]
    public void Literal_blocks_keep_their_lines()
    {
        var node = KubeYaml.ParseDocuments("data: |\n  one\n  two\nnext: x\n")[0];

        Assert.Equal("one\ntwo\n", (string?)node["data"]);
        Assert.Equal("x", (string?)node["next"]);
    }
}
