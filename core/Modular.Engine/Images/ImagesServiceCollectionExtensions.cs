using Microsoft.Extensions.DependencyInjection;

namespace Modular.Engine.Images;

/// <summary>Registers the image services. Stub; the images work fills it in.</summary>
public static class ImagesServiceCollectionExtensions
{
    public static IServiceCollection AddModularImages(this IServiceCollection services) => services;
}
