using Microsoft.AspNetCore.Builder;

namespace Modular.Api.Compat;

/// <summary>Every route of the Docker-compatible tree, mapped in one place for ApiServer.</summary>
public static class CompatDockerRoutes
{
    public static void Map(WebApplication app)
    {
        CompatInfoRoutes.Map(app);
        ContainerRoutes.Map(app);
        ContainerLifecycleRoutes.Map(app);
        ContainerWaitRoute.Map(app);
        ContainerLogsRoute.Map(app);
        ContainerAttachRoute.Map(app);
        ExecRoutes.Map(app);
        ImageRoutes.Map(app);
        NetworkRoutes.Map(app);
        VolumeRoutes.Map(app);
        SystemDfRoute.Map(app);
        SecretRoutes.Map(app);
        BuildRoute.Map(app);
        EventRoutes.Map(app);
        ContainerArchiveRoutes.Map(app);
        Shared.ContainerPruneRoutes.Map(app);
        Shared.ContainerTopRoutes.Map(app);
        ContainerStateRoutes.Map(app);
        Shared.ContainerChangeRoutes.Map(app);
        Shared.ContainerUpdateRoutes.Map(app);
        Shared.ImageSearchRoutes.Map(app);
    }
}
