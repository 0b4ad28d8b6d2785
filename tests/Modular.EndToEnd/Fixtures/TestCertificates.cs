using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// A throw-away CA, a server certificate for 127.0.0.1 and a client certificate, written
/// as PEM: the server's for the registry, and a certs.d-style directory (ca.crt,
/// client.cert, client.key) for --cert-dir. Made with the BCL, so no tool is needed.
/// </summary>
public sealed class TestCertificates
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string ServerCertificate => Path.Combine(Directory, "server.crt");

    public string ServerKey => Path.Combine(Directory, "server.key");

    public string Authority => Path.Combine(Directory, "ca.pem");

    /// <summary>The directory to pass as --cert-dir.</summary>
    public string CertDirectory => Path.Combine(Directory, "certs.d");

    public static TestCertificates Create(string directory)
    {
        var certificates = new TestCertificates(directory);
        System.IO.Directory.CreateDirectory(certificates.CertDirectory);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=modular test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(certificates.Authority, ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(certificates.CertDirectory, "ca.crt"), ca.ExportCertificatePem());

        var server = Issue(ca, "CN=127.0.0.1", serverAuth: true);
        File.WriteAllText(certificates.ServerCertificate, server.Certificate);
        File.WriteAllText(certificates.ServerKey, server.Key);
        var client = Issue(ca, "CN=modular test client", serverAuth: false);
        File.WriteAllText(Path.Combine(certificates.CertDirectory, "client.cert"), client.Certificate);
        File.WriteAllText(Path.Combine(certificates.CertDirectory, "client.key"), client.Key);
        return certificates;
    }

    private static (string Certificate, string Key) Issue(X509Certificate2 ca, string subject, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        var usage = serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2";
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(8);
        using var certificate = request.Create(
            ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), serial);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
