using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Asks written in Turkish, as users write them: each reaches its tier, and the reasons say "(tr)".</summary>
public sealed class TurkishAskTests
{
    public static TheoryData<string> ReasoningAsks => new()
    {
        "İki tek sayının toplamının çift olduğunu kanıtlayın.",
        "İki zar atıldığında toplamın 7 olma olasılığı nedir?",
        "3x + 5 = 20 denklemini çöz.",
        "Hızlı sıralamanın en kötü durumdaki zaman karmaşıklığı nedir?",
        "5 kişi bir sıraya kaç farklı şekilde dizilebilir?",
        "Kök 2'nin irrasyonel olduğunu ispatla.",
        "Bir işi Ali 6 günde, Veli 3 günde bitiriyor. Birlikte kaç günde bitirirler?",
    };

    public static TheoryData<string> CodeAsks => new()
    {
        "Python'da bir listedeki en büyük sayıyı bulan bir fonksiyon yaz.",
        "Bu kodu düzelt, boş liste gelince hata veriyor.",
        "Java'da bağlı liste implemente et.",
        "Go'da JSON nasıl ayrıştırılır?",
        "Bir klasördeki tüm dosyaları yedekleyen bir Bash betiği oluştur.",
        "Bu sınıfı daha okunabilir olacak şekilde refactor et.",
        "Python'da bir sözlüğü değerlerine göre sıralayan bir fonksiyon yazabilir misiniz?",
    };

    public static TheoryData<string> WideScopeAsks => new()
    {
        "Yüksek erişilebilirliğe sahip bir ödeme sistemi mimarisi tasarla.",
        "Tüm projenin yapısını ve servislerin birbiriyle nasıl konuştuğunu açıkla.",
        "Monolitimizi mikroservislere taşımak için aşamalı bir plan ve riskleri hazırla.",
        "Olay güdümlü mimarinin artıları ve eksileri nelerdir, bizim sistemimiz için mantıklı mı?",
        "Milyonlarca kullanıcıya hizmet verecek bir mesajlaşma uygulamasının mimarisini nasıl kurardın?",
    };

    public static TheoryData<string> ImageAsks => new()
    {
        "Bu ekran görüntüsünde ne görüyorsun?",
        "Ekteki resmi açıklar mısın?",
        "Bu fotoğraftaki yazıyı okuyabilir misin?",
    };

    public static TheoryData<string> QuickAsks => new()
    {
        "\"Hala\" ile \"halen\" arasındaki fark nedir?",
        "\"Günaydın\" İngilizcede nasıl söylenir?",
        "\"Gönül\" kelimesi ne demek?",
        "\"Hızlı\" kelimesinin eş anlamlısı nedir?",
        "Merhaba, nasılsın?",
        "Annem için kısa bir doğum günü mesajı yaz.",
        "Yapay zeka nedir, kısaca anlatır mısın?",
        "Bu akşam ne yemek yapsam?",
    };

    [Theory]
    [MemberData(nameof(ReasoningAsks))]
    public void Reasoning_asks_reach_reasoning(string ask) => LanguageAsks.Reaches(ask, SignalClass.Reasoning, "tr");

    [Theory]
    [MemberData(nameof(CodeAsks))]
    public void Code_asks_reach_code(string ask) => LanguageAsks.Reaches(ask, SignalClass.Code, "tr");

    [Theory]
    [MemberData(nameof(WideScopeAsks))]
    public void WideScope_asks_reach_heavy(string ask) => LanguageAsks.Reaches(ask, SignalClass.Wide, "tr");

    [Theory]
    [MemberData(nameof(ImageAsks))]
    public void Image_asks_reach_vision(string ask) => LanguageAsks.Reaches(ask, SignalClass.Image, "tr");

    [Theory]
    [MemberData(nameof(QuickAsks))]
    public void Quick_asks_stay_quick(string ask) => LanguageAsks.StaysQuick(ask);
}
