using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Asks written in Japanese, as users write them: each reaches its tier, and the reasons say "(ja)".</summary>
public sealed class JapaneseAskTests
{
    public static TheoryData<string> ReasoningAsks => new()
    {
        "二つの奇数の和が偶数になることを証明してください。",
        "サイコロを2回振って合計が7になる確率は？",
        "方程式 2x + 6 = 14 を解いてください。",
        "クイックソートの最悪の場合の計算量はいくつですか？",
        "5人を一列に並べる方法は何通りありますか？",
        "正直者は常に本当のことを言い、嘘つきは常に嘘をつきます。Aは「Bは嘘つきだ」と言いました。誰が正直者ですか？",
        "Aさんは6日、Bさんは3日で仕事を終えます。二人でやると何日かかりますか？",
    };

    public static TheoryData<string> CodeAsks => new()
    {
        "Pythonで文字列を逆順にする関数を書いてください。",
        "このコードを修正してください。空のリストでエラーになります。",
        "JavaでLRUキャッシュを実装してください。",
        "TypeScriptで配列の重複を削除するにはどうすればいいですか？",
        "フォルダ内のファイルを一括でリネームするシェルスクリプトを作ってください。",
        "このクラスをリファクタリングしてテストしやすくしてください。",
        "JavaScriptで日付をフォーマットする関数を書いていただけますか？",
    };

    public static TheoryData<string> WideScopeAsks => new()
    {
        "高可用性の動画配信サービスのアーキテクチャを設計してください。",
        "リポジトリ全体の構成と、各モジュールの役割を説明してください。",
        "モノリスをマイクロサービスに移行したいです。段階的な移行計画とリスクを教えてください。",
        "イベント駆動アーキテクチャのメリットとデメリットを、うちの注文システムの観点から教えてください。",
        "数百万人が使うチャットアプリのアーキテクチャをどう設計しますか？",
    };

    public static TheoryData<string> ImageAsks => new()
    {
        "このスクリーンショットには何が写っていますか？",
        "添付した画像を説明してください。",
        "この写真の文字を読めますか？",
    };

    public static TheoryData<string> QuickAsks => new()
    {
        "「はし」と「はし」の違いは何ですか？",
        "「ありがとう」を英語で言うと？",
        "「木漏れ日」とはどういう意味ですか？",
        "「嬉しい」の類義語を教えてください。",
        "こんにちは、元気ですか？",
        "友達への誕生日メッセージを書いてください。",
        "アルゴリズムとは何ですか？簡単に教えてください。",
        "おすすめの映画を教えてください。",
    };

    [Theory]
    [MemberData(nameof(ReasoningAsks))]
    public void Reasoning_asks_reach_reasoning(string ask) => LanguageAsks.Reaches(ask, SignalClass.Reasoning, "ja");

    [Theory]
    [MemberData(nameof(CodeAsks))]
    public void Code_asks_reach_code(string ask) => LanguageAsks.Reaches(ask, SignalClass.Code, "ja");

    [Theory]
    [MemberData(nameof(WideScopeAsks))]
    public void WideScope_asks_reach_heavy(string ask) => LanguageAsks.Reaches(ask, SignalClass.Wide, "ja");

    [Theory]
    [MemberData(nameof(ImageAsks))]
    public void Image_asks_reach_vision(string ask) => LanguageAsks.Reaches(ask, SignalClass.Image, "ja");

    [Theory]
    [MemberData(nameof(QuickAsks))]
    public void Quick_asks_stay_quick(string ask) => LanguageAsks.StaysQuick(ask);
}
