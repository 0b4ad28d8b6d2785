namespace Modular.Engine.Build;

/// <summary>
/// What <c>build</c> asks of the engine: build from parsed options, write the progress to
/// the options' writers, return the image ID. The local engine runs the steps itself; the
/// remote client sends the context to the service and relays its output.
/// </summary>
public interface IImageBuilder
{
    /// <summary>Builds; returns the final image's ID (hex).</summary>
    /// <exception cref="BuildRunException">A RUN step failed; its exit code is the build's.</exception>
    Task<string> BuildAsync(BuildOptions options, CancellationToken cancellationToken);
}
