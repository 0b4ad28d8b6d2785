namespace Modular.Engine.Configuration;

/// <summary>
/// containers.conf <c>default_subnet_pools</c> entry: new networks take the first free
/// subnet of <paramref name="Size"/> bits inside <paramref name="Base"/>.
/// </summary>
public sealed record SubnetPool(string Base, int Size);
