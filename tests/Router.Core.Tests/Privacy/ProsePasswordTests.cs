namespace Router.Core.Tests.Privacy;

/// <summary>Passwords and PINs told in a sentence, in the languages users write in, against sentences about passwords.</summary>
public sealed class ProsePasswordTests
{
    public static TheoryData<string, string, string> Disclosures() => new()
    {
        { "en", "I changed it yesterday, the new password is Lantern$42 and Outlook still asks", "Lantern$42" },
        { "de", "Das WLAN-Passwort lautet Zugspitze_88, aber der Drucker verbindet sich nicht.", "Zugspitze_88" },
        { "de compound", "Unser Datenbankkennwort ist Rhein2019! – wie ändere ich es?", "Rhein2019!" },
        { "fr", "Mon mot de passe Gmail est Tournesol77, pourquoi est-il refusé ?", "Tournesol77" },
        { "es", "mi contraseña del correo es Girasol#12 y no me deja entrar", "Girasol#12" },
        { "es without accent", "la contrasena de la base de datos: Mate-2024x", "Mate-2024x" },
        { "pt", "A senha do Wi-Fi é Cajueiro!45, como coloco na TV?", "Cajueiro!45" },
        { "it", "La password del router è Vesuvio_1944, come la cambio?", "Vesuvio_1944" },
        { "pl", "Moje hasło do banku to Wisla#2023, czy jest bezpieczne?", "Wisla#2023" },
        { "tr possessive without a verb", "Modem şifrem Kapadokya55 ama bağlanmıyor", "Kapadokya55" },
        { "ru", "Пароль от почты — Baikal_2021, почему не подходит?", "Baikal_2021" },
        { "uk", "Моє гасло від Wi-Fi: Dnipro!77", "Dnipro!77" },
        { "zh", "我的邮箱密码是Changjiang2020，为什么登录不了？", "Changjiang2020" },
        { "zh traditional with colon", "資料庫密碼：Taipei101!ok", "Taipei101!ok" },
        { "ja", "ルーターのパスワードはKyoto_1200です。変えたほうがいいですか？", "Kyoto_1200" },
        { "ja object particle", "メールのパスワードを「Hokkaido9!」にしました", "Hokkaido9!" },
        { "ko", "집 와이파이 비밀번호는 Hangang#55 인데 연결이 안 돼요", "Hangang#55" },
        { "ko pin", "체크카드 비밀번호가 7391인데 괜찮을까요?", "7391" },
        { "nl", "Mijn wachtwoord is Tulpen!2022, klopt dat?", "Tulpen!2022" },
        { "sv", "Lösenordet är Granskog88 för routern", "Granskog88" },
        { "vi", "Mật khẩu wifi là Hanoi#2024 nhé", "Hanoi#2024" },
        { "tr pin", "Banka kartımın şifresi 4826, nereye yazayım?", "4826" },
        { "en pin", "my PIN is 5093, can the bank see it?", "5093" },
    };

    public static TheoryData<string, string> Questions() => new()
    {
        { "en reset", "How do I reset my password after 3 failed attempts?" },
        { "en policy", "The password policy requires 12 characters and 1 digit; is SHA-256 hashing enough?" },
        { "en hash", "How do I hash a password with bcrypt in Node 20?" },
        { "en code", "password = os.getenv(\"DB_PASSWORD\")\nif not password: raise SystemExit(2)" },
        { "de forgot", "Wie setze ich mein vergessenes Windows-Passwort zurück?" },
        { "de policy", "Passwort-Richtlinie: mindestens 12 Zeichen, 1 Ziffer, 1 Sonderzeichen." },
        { "fr question", "Comment changer le mot de passe de mon compte Windows11 ?" },
        { "es length", "¿Qué longitud mínima debe tener una contraseña segura en 2024?" },
        { "pt placeholder", "A senha é <sua_senha> no arquivo de exemplo." },
        { "it strength", "La password deve contenere almeno 8 caratteri e una cifra." },
        { "pl forgot", "Zapomniałem hasła do konta, jak je odzyskać?" },
        { "tr forgot", "e-Devlet şifremi unuttum, nasıl yenilerim?" },
        { "ru policy", "Как задать политику сложности паролей в Active Directory 2019?" },
        { "zh reset", "如何在Django里实现密码重置功能？" },
        { "zh length", "密码长度至少8位，必须包含数字和字母吗？" },
        { "ja forgot", "パスワードを忘れた場合の再設定方法を教えてください。" },
        { "ko encryption", "비밀번호를 bcrypt로 암호화하는 방법을 알려주세요" },
        { "email after the word", "my password for admin@example.com stopped working" },
        { "env var named in prose", "the password is in DB_PASSWORD, not in the repo" },
        { "gpio pin", "Connect the LED to pin 13 and the button to pin 2." },
    };

    [Theory]
    [MemberData(nameof(Disclosures))]
    public void Password_told_in_a_sentence_is_private(string language, string text, string secret)
    {
        Assert.NotNull(language);
        Router.Core.Privacy.PrivacyFinding? finding = DetectorCase.Scanner.ScanText(text, "text");

        Assert.NotNull(finding);
        Assert.Contains(finding.Detector, new[] { "password-in-prose", "pin-in-prose", "password-assignment" });
        Assert.DoesNotContain(secret, finding.Description, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void Sentence_about_passwords_is_not_private(string language, string text)
    {
        Assert.NotNull(language);
        DetectorCase.AssertClean(text);
    }

    [Fact]
    public void Recovery_phrase_after_its_name_is_private()
    {
        DetectorCase.AssertFlagged(
            "我的助记词是 orbit velvet canal humble tiger oxygen plunge ribbon sketch armor dial pilot，怎么导入？",
            "seed-phrase",
            "velvet");
    }

    [Fact]
    public void Twelve_plain_words_without_a_recovery_phrase_cue_are_not_private() =>
        DetectorCase.AssertClean("we want the cat and the dog to rest near the warm fire when cold winds blow");
}
