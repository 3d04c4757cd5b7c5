using static Router.Core.Tests.Privacy.SyntheticSecret;

namespace Router.Core.Tests.Privacy;

/// <summary>Secrets kept under names in the languages developers name things in, in every casing, compound and file
/// format; and the same names where nothing secret is stored.</summary>
public sealed class MultilingualSecretNameTests
{
    private const string Password = "Kx7!wertPaso";

    public static TheoryData<string, string> PasswordNames() => new()
    {
        { "de screaming snake", $"DATENBANK_PASSWORT = \"{Password}\"" },
        { "de compound", $"datenbankKennwort = '{Password}'" },
        { "de umlaut free compound in yaml", $"smtp:\n  zugangskennwort: {Password}\n" },
        { "fr words joined by underscores", $"MOT_DE_PASSE_BDD = \"{Password}\"" },
        { "fr camel case", $"const motDePasse = \"{Password}\";" },
        { "fr abbreviation", $"mdp_admin = \"{Password}\"" },
        { "es with tilde", $"contraseña_admin = \"{Password}\"" },
        { "es without tilde", $"CONTRASENA_SMTP=\"{Password}\"" },
        { "es clave with a qualifier after it", $"clave_bd = \"{Password}\"" },
        { "pt camel case", $"senhaBanco = \"{Password}\"" },
        { "pt european joined words", $"palavra_passe = \"{Password}\"" },
        { "it password word in italian code", $"password_utente = \"{Password}\"" },
        { "pl with ogonek", $"hasło_bazy = \"{Password}\"" },
        { "pl ascii inflected", $"HASLA_SMTP = \"{Password}\"" },
        { "tr possessive", $"veritabani_sifresi = \"{Password}\"" },
        { "tr dotted", $"şifre := \"{Password}\"" },
        { "ru cyrillic", $"пароль = \"{Password}\"" },
        { "ru cyrillic inflected", $"пароль_от_бд = \"{Password}\"" },
        { "ru transliterated", $"parol_bd = \"{Password}\"" },
        { "uk cyrillic", $"гасло = \"{Password}\"" },
        { "nl compound", $"databasewachtwoord = \"{Password}\"" },
        { "sv with ring", $"lösenord = \"{Password}\"" },
        { "da", $"adgangskode = \"{Password}\"" },
        { "no", $"passord = \"{Password}\"" },
        { "fi", $"salasana = \"{Password}\"" },
        { "cs", $"heslo_db = \"{Password}\"" },
        { "hu with accent", $"jelszó = \"{Password}\"" },
        { "vi joined", $"mat_khau = \"{Password}\"" },
        { "id joined", $"kata_sandi = \"{Password}\"" },
        { "zh simplified compound", $"数据库密码 = \"{Password}\"" },
        { "zh traditional", $"資料庫密碼 = \"{Password}\"" },
        { "zh key in json", $"{{\"用户名\": \"app\", \"数据库密码\": \"{Password}\"}}" },
        { "ja key in yaml", $"db:\n  パスワード: {Password}\n" },
        { "ko hangul", $"비밀번호 = \"{Password}\"" },
        { "ar joined by underscore", $"كلمة_المرور = \"{Password}\"" },
        { "he", $"סיסמה = \"{Password}\"" },
        { "hi", $"पासवर्ड = \"{Password}\"" },
        { "th", $"รหัสผ่าน = \"{Password}\"" },
        { "el", $"κωδικός = \"{Password}\"" },
        { "toml", $"[db]\nsenha = \"{Password}\"\n" },
        { "ini", $"[smtp]\npasswort={Password}\n" },
        { "properties", $"db.haslo={Password}\n" },
        { "dotenv", $"CONTRASENA_BD={Password}\n" },
        { "keyword argument", $"conectar(usuario=\"app\", senha=\"{Password}\")" },
        { "full width colon", $"数据库密码：{Password}" },
    };

    public static TheoryData<string, string> SecretNames() => new()
    {
        { "de compound access key", "ZUGANGSSCHLUESSEL = \"" + Of(Alnum, 28, 601) + "\"" },
        { "de key with qualifier", "api_schlüssel = \"" + Of(Alnum, 32, 602) + "\"" },
        { "fr key with qualifier", "cle_api = \"" + Of(Alnum, 32, 603) + "\"" },
        { "es secret", "secreto_cliente = \"" + Of(Base64, 40, 604) + "\"" },
        { "pt key with qualifier", "chave_de_acesso = \"" + Of(Alnum, 32, 605) + "\"" },
        { "it secret", "segreto = \"" + Of(Alnum, 32, 606) + "\"" },
        { "pl key", "klucz_api = \"" + Of(Alnum, 32, 607) + "\"" },
        { "tr key inflected", "api_anahtari = \"" + Of(Alnum, 32, 608) + "\"" },
        { "ru token", "токен_бота = \"" + Of(Alnum, 35, 609) + "\"" },
        { "ru key of access", "ключ_доступа = \"" + Of(Alnum, 32, 610) + "\"" },
        { "ru transliterated key", "API_KLYUCH = \"" + Of(Alnum, 32, 611) + "\"" },
        { "zh key", "{\"应用密钥\": \"" + Of(Alnum, 32, 612) + "\"}" },
        { "ja token in yaml", "トークン: " + Of(Alnum, 40, 613) + "\n" },
        { "ko api key", "API키 = \"" + Of(Alnum, 32, 614) + "\"" },
    };

    public static TheoryData<string, string> Harmless() => new()
    {
        { "password length rule", "passwort_laenge = \"12\"\nlongitud_contraseña = 'min8max64'" },
        { "password hash", "senha_hash = \"$2b$12$" + Of(Base64, 53, 620) + "\"" },
        { "policy in russian", "политика_пароля = \"strict_v2\"" },
        { "chinese length", "密码长度 = \"8到64\"" },
        { "korean encryption", "암호화_방식 = \"AES256_GCM\"" },
        { "japanese reset url", "パスワードリセット = \"/account/reset-2\"" },
        { "read from the environment", "SENHA = os.environ[\"SENHA\"]\nclave_bd = os.getenv(\"CLAVE_BD\")" },
        { "placeholders", "contraseña: \"<tu_contraseña>\"\nsenha = \"${SENHA}\"\nparol = \"changeme\"" },
        { "spanish key of a map", "clave = \"nombre\"\nclave_orden = \"fecha_desc\"" },
        { "primary key", "clave_primaria = \"id_usuario2\"" },
        { "key without a qualifier", "schluessel = \"kunde_nr\"\nключ = \"user_id\"" },
        { "random value under a key word without qualifier", "cache_schluessel = \"" + Of(Alnum, 32, 621) + "\"" },
        { "ui label", "\"mot_de_passe_oublie\": \"Mot de passe oublié ?\"" },
        { "form field name", "campo_senha = \"senha_usuario\"" },
    };

    [Theory]
    [MemberData(nameof(PasswordNames))]
    public void Password_under_a_name_in_any_language_is_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, "password-assignment", Password);
    }

    [Theory]
    [MemberData(nameof(SecretNames))]
    public void Random_secret_under_a_key_or_token_name_in_any_language_is_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, "secret-assignment", "=");
    }

    [Theory]
    [MemberData(nameof(Harmless))]
    public void Names_about_secrets_and_values_that_are_not_secret_are_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
