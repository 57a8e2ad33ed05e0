using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace Identity.API.Extensions;

/// <summary>
/// The keys that sign and encrypt tokens are never made per process: a restart or a second replica must accept what
/// the first issued. Development keeps RSA keys in a folder of the data directory; elsewhere certificates come from configuration.
/// </summary>
internal static class SigningKeys
{
    public static void Configure(OpenIddictServerBuilder server, IdentityServerOptions options, IHostEnvironment environment)
    {
        if (options.SigningCertificate is { Path.Length: > 0 } signing)
        {
            server.AddSigningCertificate(Load(signing));
            server.AddEncryptionCertificate(Load(options.EncryptionCertificate is { Path.Length: > 0 } encryption ? encryption : signing));
            return;
        }
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Identity:SigningCertificate:Path (and its Password) must name the certificate that signs tokens outside Development.");
        }
        Directory.CreateDirectory(options.KeysDirectory);
        server.AddSigningKey(LoadOrCreate(Path.Combine(options.KeysDirectory, "signing.pem")));
        server.AddEncryptionKey(LoadOrCreate(Path.Combine(options.KeysDirectory, "encryption.pem")));
    }

    private static X509Certificate2 Load(CertificateOptions certificate) =>
        X509CertificateLoader.LoadPkcs12FromFile(certificate.Path, certificate.Password, X509KeyStorageFlags.EphemeralKeySet);

    private static RsaSecurityKey LoadOrCreate(string file)
    {
        var rsa = RSA.Create(2048);
        if (!File.Exists(file))
        {
            // Written aside, then moved into place without overwriting: of two replicas starting together, one key wins
            // and neither ever reads a half-written file.
            var aside = $"{file}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(aside, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(aside, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            try
            {
                File.Move(aside, file, overwrite: false);
                return new RsaSecurityKey(rsa) { KeyId = KeyId(rsa) };
            }
            catch (IOException) when (File.Exists(file))
            {
                File.Delete(aside);
            }
        }
        rsa.ImportFromPem(File.ReadAllText(file));
        return new RsaSecurityKey(rsa) { KeyId = KeyId(rsa) };
    }

    // Stable across processes: derived from the public key, so every replica names the key alike.
    private static string KeyId(RSA rsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportParameters(false).Modulus!)[..16]);
}
