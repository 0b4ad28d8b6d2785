using Microsoft.Extensions.DependencyInjection;

namespace Modular.Contracts.Plugins;

/// <summary>
/// The one type the host instantiates in a plugin assembly, named by the manifest's
/// <c>module</c> key. It registers implementations of one kind for the selected id only;
/// the host has already read the manifest, so a module need not validate the id.
/// Scanning (Scrutor, System.Composition) may happen here, inside the chosen plugin.
/// </summary>
public interface IPluginModule
{
    /// <summary>Registers the implementation of <paramref name="id"/> in the services.</summary>
    /// <exception cref="Errors.InvalidInputException">The id is not one this module provides.</exception>
    void Register(IServiceCollection services, string id);
}
