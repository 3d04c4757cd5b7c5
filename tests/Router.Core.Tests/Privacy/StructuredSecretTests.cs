using static Router.Core.Tests.Privacy.SyntheticSecret;

namespace Router.Core.Tests.Privacy;

/// <summary>Secrets recognised by structure rather than prefix: key blocks, JWTs, URLs with passwords, authorization headers.</summary>
public sealed class StructuredSecretTests
{
    private static readonly string KeyLine1 = Of(Base64, 64, 101);
    private static readonly string KeyLine2 = Of(Base64, 64, 102);

    public static TheoryData<string, string, string, string> Positives()
    {
        string header = SyntheticSecret.Base64UrlOf("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        string payload = SyntheticSecret.Base64UrlOf("{\"sub\":\"user-42\",\"roles\":[\"admin\"],\"exp\":1893456000}");
        string signature = Of(Base64Url, 43, 103);
        string jwt = $"{header}.{payload}.{signature}";
        string basic = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("deploy:" + Of(Alnum, 14, 104)));
        string bearer = Of(Base64Url, 40, 105);
        string dbPassword = Of(Alnum, 10, 106) + "!";

        return new TheoryData<string, string, string, string>
        {
            { "rsa key in a java text block", $"String KEY = \"\"\"\n-----BEGIN RSA PRIVATE KEY-----\n{KeyLine1}\n{KeyLine2}\n-----END RSA PRIVATE KEY-----\n\"\"\";", "private-key", KeyLine1[..16] },
            { "openssh key file", $"-----BEGIN OPENSSH PRIVATE KEY-----\n{KeyLine1}\n-----END OPENSSH PRIVATE KEY-----", "private-key", KeyLine1[..16] },
            { "pkcs8 key in json with escaped newlines", $"{{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n{KeyLine1}\\n-----END PRIVATE KEY-----\\n\"}}", "private-key", KeyLine1[..16] },
            { "encrypted pem with headers", $"-----BEGIN ENCRYPTED PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00FF\n\n{KeyLine2}\n-----END ENCRYPTED PRIVATE KEY-----", "private-key", KeyLine2[..16] },
            { "pgp private key block", $"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{KeyLine1}\n=AbCd\n-----END PGP PRIVATE KEY BLOCK-----", "private-key", KeyLine1[..16] },
            { "jwt in a test fixture", $"const adminJwt = \"{jwt}\";", "jwt", signature },
            { "jwt in an authorization header", $"Authorization: Bearer {jwt}", "jwt", signature },
            { "postgres url with password", $"DATABASE_URL=postgres://app:{dbPassword}@db.internal:5432/app", "credential-url", dbPassword },
            { "mongodb srv url", $"client = MongoClient(\"mongodb+srv://reporting:{dbPassword}@cluster0.abcde.mongodb.net/test\")", "credential-url", dbPassword },
            { "redis url with only a password", $"redis://:{dbPassword}@cache:6379/0", "credential-url", dbPassword },
            { "https clone url with token", $"git clone https://ci:{dbPassword}@git.example.org/team/repo.git", "credential-url", dbPassword },
            { "bearer token in curl", $"curl -H \"Authorization: Bearer {bearer}\" https://api.internal/v1/items", "bearer-token", bearer },
            { "basic auth header", $"Authorization: Basic {basic}", "basic-auth", basic },
        };
    }

    public static TheoryData<string, string> Negatives() => new()
    {
        { "code that only names the pem header", "if line.startswith('-----BEGIN RSA PRIVATE KEY-----'):\n    return parsePrivateKeyFromEnvironmentVariable(line)" },
        { "public key block", $"-----BEGIN PUBLIC KEY-----\n{KeyLine1}\n-----END PUBLIC KEY-----" },
        { "certificate block", $"-----BEGIN CERTIFICATE-----\n{KeyLine1}\n-----END CERTIFICATE-----" },
        { "elided private key", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----" },
        { "private key placeholder", "key: |\n  -----BEGIN RSA PRIVATE KEY-----\n  <paste your key here>\n  -----END RSA PRIVATE KEY-----" },
        { "jwt.io documentation sample", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + SyntheticSecret.Base64UrlOf("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}") + "." + Of(Base64Url, 43, 110) },
        { "base64 json that is not a jwt", SyntheticSecret.Base64UrlOf("{\"type\":\"config\",\"v\":1}") + "." + SyntheticSecret.Base64UrlOf("{\"a\":1,\"b\":2,\"c\":3}") + ".xyz" },
        { "eyj inside a word", "heyJude.eyJhbGciOiJIUzI1NiJ9x" },
        { "url without password", "postgres://app@db.internal:5432/app and https://github.com/org/repo" },
        { "url with placeholder password", "postgres://user:password@localhost:5432/mydb" },
        { "url with template password", "postgres://app:${DB_PASSWORD}@db:5432/app" },
        { "url with angle placeholder", "mysql://root:<password>@127.0.0.1/db" },
        { "url with default credentials", "amqp://guest:guest@localhost:5672/" },
        { "url with port only", "http://localhost:8080/path?x=1" },
        { "ssh style git remote", "git@github.com:org/repo.git" },
        { "bearer token placeholder", "Authorization: Bearer <token>" },
        { "bearer token variable", "headers = {\"Authorization\": f\"Bearer {token}\"}" },
        { "bearer word in prose", "The bearer token is sent on every request." },
        { "basic auth word in prose", "Basic authentication is fine for internal tools." },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Structured_secret_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Structure_without_a_secret_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
