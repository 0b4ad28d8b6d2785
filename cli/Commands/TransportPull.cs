using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Containers;
using Modular.Engine.Images.Transports;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>pull</c> from docker-archive:, oci-archive:, oci: and dir: sources; registry names
/// (with or without <c>docker://</c>) stay with the registry pull.
/// </summary>
public static class TransportPull
{
    /// <summary>True when <paramref name="reference"/> names a file transport.</summary>
    public static bool Handles(string reference) =>
        TransportReference.HasTransport(reference)
        && TransportReference.ParseOrRegistry(reference).Kind is not TransportKind.Docker;

    public static async Task<int> RunAsync(
        CliContext context,
        string reference,
        bool quiet,
        CancellationToken cancellationToken)
    {
        var source = TransportReference.Parse(reference);
        var transports = context.Services.GetRequiredService<IImageTransports>();
        var options = new ImportOptions(Quiet: quiet, Progress: quiet ? null : context.Error);
        var names = await transports.ImportAsync(source, options, cancellationToken);
        var image = await context.Images.ResolveAsync(names[^1], cancellationToken);
        context.Out.WriteLine(ImageView.HexId(image.Id));
        return ExitCodes.Success;
    }

    /// <summary>
    /// run and create with a file transport as the image (<c>run docker-archive:PATH</c>):
    /// the image is loaded first, with pull's progress lines, and the container uses it.
    /// </summary>
    public static async Task<CreateContainerRequest> ForContainerAsync(
        CliContext context,
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        if (request.Image is not { } reference || !Handles(reference))
        {
            return request;
        }

        var transports = context.Services.GetRequiredService<IImageTransports>();
        var options = new ImportOptions(Quiet: false, Progress: context.Error);
        var names = await transports.ImportAsync(TransportReference.Parse(reference), options, cancellationToken);
        return request with { Image = names[^1] };
    }
}
