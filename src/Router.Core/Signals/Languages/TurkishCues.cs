namespace Router.Core.Signals.Languages;

/// <summary>How Turkish asks: verb stems carry their suffixes ("kanıtla", "kanıtlayın", "kanıtlayınız"), nouns their
/// case endings ("fonksiyonu", "fonksiyonunu"), and the dotless ı is read as i.</summary>
internal static class TurkishCues
{
    public static LanguageCues Cues { get; } = new("tr")
    {
        Evidence =
        [
            "bir|", "bu|", "için|", "ile|", "nasıl|", "olan|", "gibi|", "çok|", "daha|",
            "veya|", "neden|", "nedir|", "yok|", "bana|", "lütfen|", "olarak|", "kadar|", "değil|",
            "şey|", "hangi|", "niçin|", "merhaba|", "teşekkürler|", "istiyorum|", "misin|", "musun|", "mısın|", "yardım|",
            "nerede|", "zaman|", "sonra|", "benim|", "senin|",
        ],
        ProofVerbs = ["kanıtla", "kanıtı", "kanıtını", "ispatla", "ispatı", "ispat et", "olduğunu göster", "olduğunu gösteriniz", "çürüt"],
        DeriveVerbs = ["türet", "formülünü bul", "formülünü çıkar"],
        SolveVerbs = ["?çöz|", "çözün|", "çözünüz", "çözer misin", "çözebilir", "hesapla", "bulunuz|"],
        ComputeQuestions = ["kaç|", "kaç tane", "ne kadar", "kaçta", "kaçıncı", "kaç saat", "kaç dakika", "kaç gün", "hızı|", "hız|", "ortalama", "mesafe"],
        CountingQuestions = ["kaç farklı", "kaç yolla", "kaç şekilde", "kaç yol|", "kaç kombinasyon", "kaç permütasyon", "kaç alt küme"],
        MathTerms =
        [
            "asal sayı", "asal sayılar", "asal|", "teorem", "tümevarım", "tam sayı", "tamsayı", "doğal sayı", "bölünebil",
            "irrasyonel", "rasyonel", "polinom", "türev", "?integral", "denklem", "eşitsizli", "faktöriyel", "permütasyon",
            "kombinasyon", "kombinatorik", "güvercin yuvası", "çelişki", "sonsuz sayıda", "sonsuz tane", "sayılabilir",
            "ebob", "ekok", "logaritma", "karekök", "geometrik dizi", "aritmetik dizi", "özdeğer", "?determinant", "aksiyom",
            "üçgen", "iç açı", "çift sayı", "tek sayı", "çift olduğunu", "tek olduğunu", "fibonacci dizisi", "genel terim",
            "binom katsayısı", "rekürans", "indirgeme bağıntısı",
        ],
        ProbabilityTerms =
        [
            "olasılık", "beklenen değer", "hilesiz zar", "zar atış", "zar atıl", "zar at", "yazı tura", "iskambil", "rastgele seçil",
            "varyans", "standart sapma",
        ],
        ComplexityTerms =
        [
            "zaman karmaşıklı", "alan karmaşıklı", "hesaplama karmaşıklı", "algoritmanın karmaşıklı", "karmaşıklığı nedir",
            "büyük o|", "asimptotik", "np tam", "np zor",
            "en kötü durum", "ortalama durum",
        ],
        LogicPuzzles =
        [
            "bilmece", "bulmaca", "mantık sorusu", "mantık bulmaca", "her zaman yalan", "her zaman doğru söyle", "yalancı",
            "şövalyeler ve",
        ],
        ReasoningAsks = ["adım adım", "gerekçelendir", "akıl yürüt", "gerekçesiyle"],
        CodeVerbs =
        [
            "yaz|", "yazın|", "yazınız", "yazar mısın", "yazabilir", "yazmanı", "yazmak|", "oluştur", "üret|", "üretin",
            "üretir misin", "geliştir", "inşa et", "kodla", "dönüştür", "yeniden yaz", "ekle|", "ekleyin", "optimize et",
            "hazırla",
            "lazım", "ihtiyacım var", "optimize ed",
        ],
        ImplementVerbs = ["implemente et", "implement et", "gerçekle", "kodla", "kodlayın"],
        FixVerbs = ["düzelt", "onar|", "onarın", "gider", "iyileştir"],
        CodeOnlyVerbs = ["hata ayıkla", "debug et", "refactor et", "yeniden düzenle", "refaktör"],
        CodeNouns =
        [
            "fonksiyon", "metot", "metod", "sınıf", "betik", "?script", "sorgu", "düzenli ifade", "?regex", "programı|", "programını", "?program|",
            "algoritma", "kod|", "kodu", "kodun", "koda|", "kodda", "kodla", "bileşen", "modül|", "modülü|", "modülünü|", "kütüphane", "birim test",
            "döngü", "veri yapısı", "komut", "dekoratör", "uygulama", "?api|", "uç nokta", "?endpoint", "?singleton", "tasarım deseni",
            "hash tablosu", "ikili ağaç", "ikili arama ağacı", "bağlı liste", "öncelik kuyruğu", "yığın", "graf|",
            "kuyruk", "önbellek", "sunucu", "ikili arama", "ağaç|", "yığıt",
        ],
        BugNouns = ["?bug|", "hata|", "hatası", "hatayı", "hatalar", "istisna", "hata mesajı", "yığın izi"],
        TextNouns = ["cümle", "metin|", "metni", "e posta", "mektup", "paragraf", "yazım", "dilbilgisi", "çeviri", "mesaj", "makale", "şiir", "özgeçmiş"],
        ProblemReports =
        [
            "çalışmıyor", "derlenmiyor", "çöküyor", "hata veriyor", "hata alıyorum", "istisna fırlatıyor", "null döndürüyor",
            "bellek sızıntısı", "donuyor", "açılmıyor", "başlamıyor",
        ],
        HowWords = ["nasıl", "ne yapmalıyım", "yapmanın yolu"],
        Lookups = ["çevir", "tercüme", "ne demek", "anlamı nedir", "anlamı ne", "eş anlamlı", "zıt anlamlı", "ingilizcesi", "ingilizce", "türkçesi"],
        DesignVerbs = ["tasarla", "tasarım", "planla", "kurgula", "mimarisini oluştur", "mimarisini çiz"],
        SystemNouns =
        [
            "sistem", "mimari", "?platform", "altyapı", "?backend", "arka uç", "servis", "hizmet", "mikroservis",
            "veritabanı şeması", "veri modeli", "uygulama",
        ],
        ArchitectureTerms =
        [
            "mimari", "ölçeklenebil", "ölçekleme", "yüksek erişilebilir", "hata toleran", "dağıtık sistem", "dağıtık",
            "yük dengele", "replikasyon", "bölümleme", "mikroservis", "monolit|", "tutarlılık", "olay güdümlü", "olay tabanlı",
            "mesaj kuyruğu", "felaket kurtarma", "eşzamanlı kullanıcı", "yoğun trafik", "gecikme süresi",
        ],
        AllWords = ["tüm|", "tümü|", "bütün", "tamamı", "tamamını", "bütünü"],
        EachWords = ["tüm|", "bütün", "?her|", "hepsi", "birçok", "onlarca", "yüzlerce", "arasında"],
        CodebaseNouns = ["kod tabanı", "kod tabanını", "depo|", "deposu", "?repo|", "proje|", "projeyi", "projenin", "projede", "projesi", "projeler", "?monorepo", "kaynak kod", "?codebase", "uygulama", "sistem"],
        StructureNouns = ["yapı", "genel bakış", "genel yapı", "mimari"],
        PartsNouns =
        [
            "servisler", "hizmetler", "modüller", "paketler", "bileşenler", "takımlar", "ekipler", "katmanlar", "mikroservisler",
            "depolar|",
            "dosyalar", "dosyaları", "dosyalarda",
        ],
        ImageReferences = ["ekran görüntüsü", "ekran görüntüsünde", "ekran resmi", "?screenshot", "resimde", "görselde", "fotoğrafta", "resimdeki", "görseldeki"],
        ImageNouns = ["resim", "görsel", "fotoğraf", "görüntü", "resmi|", "resme|", "resmin|", "resimler"],
        DiagramNouns = ["diyagram", "şema|", "şemayı", "şemasını", "grafik", "çizim", "taslak", "slayt"],
        Deictics = ["bu|", "?şu|", "ekteki", "ekli|", "yüklediğim", "yukarıdaki", "aşağıdaki", "bunlar"],
        PuzzleHints =
        [
            "kum saati", "terazi", "tartı|", "tartım|", "mahkum", "şapka", "kova|", "kovası", "sahte para", "madeni para", "kim ne yapıyor", "tam olarak", "nehri geç",
            "kim nerede", "kim kimdir",
        ],
        ComplexityNouns =
        [
            "karmaşıklı",
        ],
        MigrationWords =
        [
            "taşı", "taşıma", "geçiş", "geçir", "göç|", "bölmek", "ayırmak",
        ],
        PlanNouns =
        [
            "?plan|", "planı|", "adımlar", "strateji", "aşamalar", "riskler", "takvim",
        ],
        Roadmaps =
        [
            "yol haritası", "yol haritasını", "?roadmap",
        ],
        ChooseWords =
        [
            "arasında seçim", "seçmeli", "karar ver", "artıları ve eksileri", "avantaj ve dezavantaj", "karşılaştır", "hangi yaklaşım", "hangisi daha iyi",
        ],
        WhyWords =
        [
            "neden|", "niçin", "niye|",
        ],
        StructureVerbs =
        [
            "yapılandır", "organize ed", "bölmeli", "bölerdin", "bölersin", "ayırmalı", "kurardın", "kurgular",
        ],
    };
}
