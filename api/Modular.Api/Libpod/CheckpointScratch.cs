namespace Modular.Api.Libpod;

/// <summary>A temporary directory for one exported or uploaded checkpoint archive, removed on dispose.</summary>
internal sealed class CheckpointScratch : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("modpod-api-checkpoint-").FullName;

    public string Archive => Path.Combine(_directory, "checkpoint.tar");

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
