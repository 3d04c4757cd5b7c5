namespace Router.Core.Tests.Privacy;

/// <summary>A literal that reaches a credential slot through a name, in the same text, is as private as one written there.</summary>
public sealed class LiteralFlowTests
{
    public static TheoryData<string, string, string> Flows() => new()
    {
        { "keyword argument", "x1 = \"Vq4!mareNord\"\nconn = psycopg2.connect(host=\"db\", user=\"app\", password=x1)", "password-via-name" },
        { "dictionary value", "cfg_x = 'Vq4!mareNord'\ncfg = {\"user\": \"app\", \"password\": cfg_x}", "password-via-name" },
        { "connection string template", "v_conn := \"Vq4!mareNord\"\ndsn := fmt.Sprintf(\"Host=db;Username=app;Password={v_conn};\")", "password-via-name" },
        { "f-string url", "cfg_db = \"Vq4!mareNord\"\nengine = create_engine(f\"mysql://app:{cfg_db}@db/shop\")", "credential-url" },
        { "percent template", "wert = \"Vq4!mareNord\"\nurl = \"Password=%(wert)s;Server=db\"", "password-via-name" },
    };

    public static TheoryData<string, string> NoFlows() => new()
    {
        { "name read from the environment", "x1 = os.environ[\"DB_PASS\"]\nconn = connect(user=\"app\", password=x1)" },
        { "name never assigned here", "conn = connect(user=\"app\", password=senha_do_cofre)" },
        { "name assigned a placeholder", "x1 = \"<password>\"\nconn = connect(password=x1)" },
        { "url template of an unassigned name", "engine = create_engine(f\"mysql://app:{db_pass}@db/shop\")" },
        { "comparison is not an assignment", "if x1 == \"Vq4!mareNord\":\n    conn = connect(password=x1)" },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void Literal_passed_on_through_a_name_is_private(string name, string text, string detector)
    {
        Assert.NotNull(name);
        DetectorCase.AssertFlagged(text, detector, "Vq4!mareNord");
    }

    [Theory]
    [MemberData(nameof(NoFlows))]
    public void Name_without_a_literal_in_the_text_is_not_private(string name, string text)
    {
        Assert.NotNull(name);
        DetectorCase.AssertClean(text);
    }
}
