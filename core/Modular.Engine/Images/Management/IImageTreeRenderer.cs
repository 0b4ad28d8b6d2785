namespace Modular.Engine.Images.Management;

/// <summary><c>image tree</c>: the image's layer hierarchy as the text the CLI prints.</summary>
public interface IImageTreeRenderer
{
    /// <exception cref="Contracts.Errors.NotFoundException">No such image.</exception>
    Task<string> RenderAsync(string nameOrId, bool whatRequires, CancellationToken cancellationToken);
}
