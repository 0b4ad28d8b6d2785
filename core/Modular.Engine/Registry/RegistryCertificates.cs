using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Modular.Contracts.Errors;

namespace Modular.Engine.Registry;

/// <summary>
/// A registry's certs.d directory, as containers/image reads it: <c>*.crt</c> are CA
/// certificates trusted beside the system's, <c>NAME.cert</c> with <c>NAME.key</c> is a
/// client certificate. <c>--cert-dir</c> names the directory; else
/// /etc/containers/certs.d/HOST[:PORT] and /etc/docker/certs.d/HOST[:PORT] are used.
/// </summary>
internal static class RegistryCertificates
{
    private static readonly string[] Roots = ["/etc/containers/certs.d", "/etc/docker/certs.d"];

    /// <summary>Applies the directory's certificates to <paramref name="handler"/>.</summary>
    public static void Apply(SocketsHttpHandler handler, string domain, string? certDirectory, bool insecure)
    {
        var directory = certDirectory ?? Roots.Select(r => Path.Combine(r, domain)).FirstOrDefault(Directory.Exists);
        if (directory is null)
        {
            return;
        }

        if (!Directory.Exists(directory))
        {
            throw new InvalidInputException($"--cert-dir {directory}: no such directory");
        }

        var authorities = Directory.GetFiles(directory, "*.crt").Order(StringComparer.Ordinal)
            .SelectMany(LoadAll).ToList();
        var clients = Directory.GetFiles(directory, "*.cert").Order(StringComparer.Ordinal)
            .Select(cert => ClientCertificate(cert)).ToList();
        if (clients.Count > 0)
        {
            handler.SslOptions.ClientCertificates = [.. clients];
        }

        // With --tls-verify=false nothing is verified; client certificates still go.
        if (authorities.Count > 0 && !insecure)
        {
            handler.SslOptions.RemoteCertificateValidationCallback =
                (_, certificate, _, errors) => Trusted(certificate, errors, authorities);
        }
    }

    private static IEnumerable<X509Certificate2> LoadAll(string path)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(path);
        return collection;
    }

    private static X509Certificate2 ClientCertificate(string certPath)
    {
        var key = Path.ChangeExtension(certPath, ".key");
        return File.Exists(key)
            ? X509Certificate2.CreateFromPemFile(certPath, key)
            : throw new InvalidInputException($"missing key {Path.GetFileName(key)} for client certificate {certPath}");
    }

    private static bool Trusted(
        X509Certificate? certificate,
        SslPolicyErrors errors,
        List<X509Certificate2> authorities)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A wrong host name or no certificate is never excused by an extra CA.
        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities.ToArray());
        return chain.Build(new X509Certificate2(certificate));
    }
}
