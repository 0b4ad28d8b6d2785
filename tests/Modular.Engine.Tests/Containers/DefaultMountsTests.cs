using Modular.Engine.Containers;
using Xunit;

namespace Modular.Engine.Tests.Containers;

public sealed class DefaultMountsTests
{
    [Fact]
    public void Each_line_becomes_a_read_only_volume_unless_the_container_mounts_its_target()
    {
        var file = Path.GetTempFileName();
        var secrets = Directory.CreateTempSubdirectory("secrets").FullName;
        try
        {
            File.WriteAllText(file, $"# secrets\n{secrets}:/run/secrets\n\n/etc/same\n/missing/source:/x\n");
            var request = new CreateContainerRequest
            {
                Image = "img",
                Volumes = ["/mine:/etc/same"],
            };

            var applied = DefaultMounts.Apply(request, file);

            // /etc/same is the container's own mount; a missing source is skipped, as in Podman.
            Assert.Equal(["/mine:/etc/same", $"{secrets}:/run/secrets:ro"], applied.Volumes);
            Assert.Same(request, DefaultMounts.Apply(request, null));
        }
        finally
        {
            File.Delete(file);
            Directory.Delete(secrets);
        }
    }
}
