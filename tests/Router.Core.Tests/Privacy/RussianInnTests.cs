namespace Router.Core.Tests.Privacy;

/// <summary>Russian INNs: ten digits with one weighted check digit or twelve with two, always named in the text.</summary>
/// <remarks>The numbers are made up and computed with the published rules.</remarks>
public sealed class RussianInnTests
{
    public static TheoryData<string, string, string, string> Positives() => new()
    {
        { "russian sentence, person", "Мой ИНН 771403856150, помоги заполнить декларацию 3-НДФЛ.", "ru-inn", "856150" },
        { "organisation before its KPP", "ООО «Ромашка», ИНН/КПП 7736051247/773601001", "ru-inn", "051247" },
        { "declined abbreviation", "Проверь, совпадает ли с ИННом 662301998486 из договора.", "ru-inn", "998486" },
        { "full name of the number", "идентификационный номер налогоплательщика: 540211759318", "ru-inn", "759318" },
        { "latin capitals", "Supplier INN: 5042168935, payment terms 30 days", "ru-inn", "168935" },
        { "code", "var company = new Company { Inn = \"7736051247\" };", "ru-inn", "051247" },
    };

    public static TheoryData<string, string> Negatives() => new()
    {
        { "wrong check digit", "ИНН организации 7736051248" },
        { "wrong second check digit", "Мой ИНН 771403856151" },
        { "bare digits without keyword", "заказ 771403856150 отправлен" },
        { "keyword inside a longer word", "инновационный проект 7736051247 одобрен" },
        { "region 00", "ИНН 0012345673" },
        { "same digits in a phone number", "ИНН уточните по телефону 773 605-12-47" },
        { "same digits as a timestamp", "{\"ts\": 7736051247}" },
        { "inside a hex hash", "ИНН sha 7736051247ab" },
        { "inside a longer number", "ИНН 77360512470" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Inn_is_private(string name, string text, string detector, string secretPart)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, secretPart);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Number_that_is_no_inn_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
