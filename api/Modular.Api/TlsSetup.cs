using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Modular.Cli.Commands;
using Modular.Contracts.Errors;

namespace Modular.Api;

/// <summary>TLS for tcp:// listeners, and client certificates checked against --tls-client-ca.</summary>
public static class TlsSetup
{
    public static void Apply(ListenOptions listen, ServiceOptions options)
    {
        if (options.TlsCertificate is null && options.TlsKey is null)
        {
            return;
        }

        if (options.TlsCertificate is null || options.TlsKey is null)
        {
            throw new InvalidInputException("--tls-cert and --tls-key must be given together");
        }

        var certificate = X509Certificate2.CreateFromPemFile(options.TlsCertificate, options.TlsKey);
        listen.UseHttps(https =>
        {
            https.ServerCertificate = certificate;
            if (options.TlsClientCa is { } caFile)
            {
                var authorities = new X509Certificate2Collection();
                authorities.ImportFromPemFile(caFile);
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (client, _, _) => ChainsTo(client, authorities);
            }
        });
    }

    private static bool ChainsTo(X509Certificate2 client, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(client);
    }
}
