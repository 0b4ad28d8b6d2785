using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// The secret routes of both trees, driven with curl on the service's socket: status codes,
/// JSON keys, SecretData only on request, and Docker's base64 body.
/// </summary>
public sealed class SecretRouteTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    [Fact]
    public async Task Libpod_secret_routes_create_list_inspect_exist_and_delete()
    {
        var (created, body) = await CurlAsync("POST", "/v5.0.0/libpod/secrets/create?name=api-secret&labels=%7B%22k%22%3A%22v%22%7D", "api-data");
        var id = Json(body)["ID"]!.ToString();
        var (taken, takenBody) = await CurlAsync("POST", "/libpod/secrets/create?name=api-secret", "again");
        var (listed, list) = await CurlAsync("GET", "/libpod/secrets/json?filters=%7B%22name%22%3A%5B%22api-secret%22%5D%7D");
        var (_, plain) = await CurlAsync("GET", "/libpod/secrets/api-secret/json");
        var (_, shown) = await CurlAsync("GET", "/libpod/secrets/api-secret/json?showsecret=true");
        var (exists, _) = await CurlAsync("GET", "/libpod/secrets/api-secret/exists");
        var (missing, missingBody) = await CurlAsync("GET", "/libpod/secrets/api-nonesuch/json");
        var (deleted, _) = await CurlAsync("DELETE", "/libpod/secrets/api-secret");
        var (gone, _) = await CurlAsync("GET", "/libpod/secrets/api-secret/exists");

        Assert.Equal(200, created);
        Assert.Matches("^[0-9a-f]{25}$", id);
        Assert.Equal(409, taken);
        Assert.Contains("secret name in use", takenBody);
        Assert.Equal(200, listed);
        Assert.Equal(id, JsonNode.Parse(list)![0]!["ID"]!.ToString());
        Assert.Equal("v", Json(plain)["Spec"]!["Labels"]!["k"]!.ToString());
        Assert.Null(Json(plain)["SecretData"]);
        Assert.Equal("api-data", Json(shown)["SecretData"]!.ToString());
        Assert.Equal(204, exists);
        Assert.Equal(404, missing);
        Assert.Equal("no secret with name or id \"api-nonesuch\": no such secret", Json(missingBody)["message"]!.ToString());
        Assert.Equal(204, deleted);
        Assert.Equal(404, gone);
    }

    [Fact]
    public async Task Docker_secret_routes_take_base64_data()
    {
        var data = Convert.ToBase64String("docker-data"u8.ToArray());
        var (created, body) = await CurlAsync("POST", "/v1.44/secrets/create", $"{{\"Name\":\"api-docker-secret\",\"Data\":\"{data}\"}}", json: true);
        var id = Json(body)["ID"]!.ToString();
        var (listed, list) = await CurlAsync("GET", "/v1.44/secrets");
        var (inspected, inspect) = await CurlAsync("GET", $"/v1.44/secrets/{id}");
        var (deleted, _) = await CurlAsync("DELETE", "/v1.44/secrets/api-docker-secret");
        var (missing, _) = await CurlAsync("GET", "/v1.44/secrets/api-docker-secret");

        Assert.Equal(201, created);
        Assert.Equal(200, listed);
        Assert.Contains(JsonNode.Parse(list)!.AsArray(), s => s?["ID"]?.ToString() == id);
        Assert.Equal(200, inspected);
        Assert.Equal("api-docker-secret", Json(inspect)["Spec"]!["Name"]!.ToString());
        Assert.Equal(1, Json(inspect)["Version"]!["Index"]!.GetValue<int>());
        Assert.Null(Json(inspect)["SecretData"]);
        Assert.Equal(204, deleted);
        Assert.Equal(404, missing);
    }

    private static JsonObject Json(string body) => JsonNode.Parse(body)!.AsObject();

    private async Task<(int Status, string Body)> CurlAsync(string method, string path, string? data = null, bool json = false)
    {
        List<string> args = ["-sS", "--unix-socket", service.Socket, "-X", method, "-w", "\n%{http_code}"];
        args.AddRange(json ? ["-H", "Content-Type: application/json"] : []);
        args.AddRange(data is null ? [] : ["--data-binary", data]);
        args.Add("http://d" + path);
        var result = await Cli.Wrap("curl").WithArguments(args)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var output = result.StandardOutput;
        var cut = output.LastIndexOf('\n');
        return (int.Parse(output[(cut + 1)..], System.Globalization.CultureInfo.InvariantCulture), output[..cut]);
    }
}
