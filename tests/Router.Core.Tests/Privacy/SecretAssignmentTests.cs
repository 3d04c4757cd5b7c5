using static Router.Core.Tests.Privacy.SyntheticSecret;

namespace Router.Core.Tests.Privacy;

/// <summary>Secret-like names given literal values, against code that only reads, names or describes secrets.</summary>
public sealed class SecretAssignmentTests
{
    public static TheoryData<string, string, string, string> Positives()
    {
        string password = Of(Alnum, 12, 201) + "%";
        string random = Of(Base64, 40, 202);
        string hex = Of(LowerHex, 64, 203);
        string storageKey = Of(Base64, 86, 204) + "==";

        return new TheoryData<string, string, string, string>
        {
            { "python constant", $"DB_PASSWORD = \"{password}\"", "password-assignment", password },
            { "go const block", $"const (\n\tsmtpHost     = \"smtp.lab.internal\"\n\tsmtpPassword = \"{password}\"\n)", "password-assignment", password },
            { "dotenv line", $"# db\nPOSTGRES_PASSWORD={password}\n", "password-assignment", password },
            { "yaml mapping", $"database:\n  user: app\n  password: {password}\n", "password-assignment", password },
            { "json property", $"{{\"user\": \"app\", \"password\": \"{password}\"}}", "password-assignment", password },
            { "python keyword argument", $"psycopg.connect(host=h, user=\"app\", password=\"{password}\")", "password-assignment", password },
            { "typed python default", $"def connect(password: str = \"{password}\"):", "password-assignment", password },
            { "php array", $"'password' => '{password}',", "password-assignment", password },
            { "xml element", $"<password>{password}</password>", "password-assignment", password },
            { "cli flag with equals", $"mysql -u root --password={password} shop", "password-assignment", password },
            { "ado connection string", $"\"Server=db;Database=shop;User Id=sa;Password={password};\"", "connection-string-password", password },
            { "ado pwd with plain word and digits", "Server=db;Uid=app;Pwd=hunter42;", "connection-string-password", "hunter42" },
            { "secret key hex", $"SECRET_KEY = '{hex}'", "secret-assignment", hex[..16] },
            { "api key camel case", $"const apiKey = \"{random}\";", "secret-assignment", random[..16] },
            { "header style api key", $"X-Api-Key: {random}", "secret-assignment", random[..16] },
            { "client secret in yaml", $"oauth:\n  client_secret: \"{random}\"", "secret-assignment", random[..16] },
            { "access token in query string", $"GET /v1/me?access_token={Of(Alnum, 32, 205)}&fields=id", "secret-assignment", "&fields" },
            { "aws secret access key", $"aws_secret_access_key = {random}", "aws-secret-key", random[..16] },
            { "password spelled out in prose", "my password is hunter" + "2 but the login fails", "password-in-prose", "hunter" },
            { "password after a colon in prose", "I can't log in, my password: Tr0ub" + "4dor" + "Blue7 keeps failing", "password-assignment", "Blue7" },
            { "azure sas signature in a url", $"https://media.blob.core.windows.net/c/a.mp4?sv=2022-11-02&sp=r&se=2030-01-01&sig={Of(Alnum, 40, 206)}%3D", "azure-sas-signature", "%3D" },
            { "azure storage account key", $"DefaultEndpointsProtocol=https;AccountName=media;AccountKey={storageKey};EndpointSuffix=core.windows.net", "azure-storage-key", storageKey[..16] },
        };
    }

    public static TheoryData<string, string> Negatives() => new()
    {
        { "read from the environment", "password = os.getenv(\"DB_PASSWORD\")" },
        { "read from os.environ", "DB_PASSWORD = os.environ[\"DB_PASSWORD\"]" },
        { "read from process.env", "const apiKey = process.env.OPENAI_API_KEY;" },
        { "shell variable", "export PGPASSWORD=$DB_PASSWORD" },
        { "template value", "password: \"${DB_PASSWORD}\"" },
        { "helm template", "password: {{ .Values.db.password }}" },
        { "github actions secret", "token: ${{ secrets.GITHUB_TOKEN }}" },
        { "variable passed on", "conn = connect(user=user, password=pw)" },
        { "attribute passed on", "client = Client(api_key=settings.api_key)" },
        { "type annotation", "def login(user: str, password: str) -> bool:" },
        { "typescript interface", "interface Credentials {\n  username: string;\n  password: string;\n}" },
        { "optional type with none", "token: Optional[str] = None" },
        { "comparison", "if password == confirm_password:" },
        { "length check", "if len(password) < 12 or password.length > 64:" },
        { "secret name lookup", "def secret_name_for(self, provider):\n    return f\"llm/{provider}/api-key\"" },
        { "prose about secrets", "How do the shared secrets in authenticator apps produce a new code every 30 seconds?" },
        { "angle placeholder", "api_key: \"<insert-key-here>\"" },
        { "replace me", "token: REPLACE_ME" },
        { "changeme", "DB_PASSWORD=changeme" },
        { "x placeholder", "SECRET_KEY = 'xxxxxxxxxxxxxxxxxxxx'" },
        { "stars placeholder", "password: ********" },
        { "your key here", "OPENAI_API_KEY=your-api-key-here" },
        { "empty value", "password = \"\"" },
        { "ui label", "\"forgotPassword\": \"Forgot your password?\"" },
        { "html input type", "<input type=\"password\" name=\"password\" autocomplete=\"current-password\">" },
        { "max tokens number", "max_tokens = 4096\ntokenizer = load_tokenizer()" },
        { "pagination token", "next_token = response[\"NextToken\"]\npage_token = \"CAEQAA\"" },
        { "public and primary keys", "public_key = load_pem(path)\nprimary_key = \"id\"\ncache_key = \"user:\" + uid" },
        { "uuid as an id", "{\"id\": \"08eb185f-2113-40d5-8b96-b6543d6bf573\", \"token_type\": \"bearer\"}" },
        { "version of a credentials package", "\"NuGet.Credentials\": \"7.9.0-rc.42413\"" },
        { "key file path", "private_key = \"keys/server/private.pem\"" },
        { "integrity hash", "\"integrity\": \"sha512-" + Of(Base64, 86, 210) + "==\"" },
        { "words about a token", "'X-TOKEN-SECRET': 'SuperSecretToken'" },
        { "short low-entropy secret", "secret = \"abc\"" },
        { "boolean flag", "show_password: true\nrequire_token: false" },
        { "docstring type", ":param password: the password to use\n:type passphrase: :py:data:`bytes`" },
        { "sig outside a url", "sig = compute_signature(body)\nsig: \"" + Of(Alnum, 40, 212) + "\"" },
        { "variable after a colon in js", "const options = { password: userPassword, token: authToken };" },
        { "password is a word in prose", "The password is required. Your password is incorrect; the password was reset." },
        { "password is a placeholder", "Your password is <password> and the password is ********." },
        { "csrf token field", "<input type=\"hidden\" name=\"csrf_token\" value=\"{{ csrf_token() }}\">" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Literal_secret_in_an_assignment_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Reading_naming_or_describing_a_secret_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }

    [Fact]
    public void Lock_file_hashes_are_not_judged_by_entropy()
    {
        string text = "\"node_modules/left-pad\": {\n  \"resolved_token\": \"" + Of(Alnum, 40, 211) + "\"\n}";

        Assert.NotNull(DetectorCase.Scanner.ScanText(text, "text"));
        Assert.Null(DetectorCase.Scanner.ScanText(text, "text", "web/package-lock.json"));
    }
}
