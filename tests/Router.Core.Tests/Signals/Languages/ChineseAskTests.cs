using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Asks written in Chinese, as users write them: each reaches its tier, and the reasons say "(zh)".</summary>
public sealed class ChineseAskTests
{
    public static TheoryData<string> ReasoningAsks => new()
    {
        "证明两个奇数之和一定是偶数。",
        "掷两个骰子，点数之和为7的概率是多少？",
        "解方程 3x + 4 = 19。",
        "快速排序在最坏情况下的时间复杂度是多少？为什么？",
        "5个人排成一排，有多少种不同的排法？",
        "有三个人，一个总是说真话，一个总是说假话，一个随机回答。怎么用三个问题找出他们？",
        "一个水池，甲管6小时注满，乙管3小时注满，两管一起开要多少小时？",
    };

    public static TheoryData<string> CodeAsks => new()
    {
        "用Python写一个函数，判断一个字符串是不是回文。",
        "帮我修复这段代码，它在列表为空时报错。",
        "用Go实现一个简单的LRU缓存。",
        "在JavaScript里怎么深拷贝一个对象？",
        "写一个Shell脚本，每天凌晨备份数据库。",
        "重构这个类，让它更容易测试。",
        "能帮我写一个Python脚本，把文件夹里的图片批量重命名吗？",
    };

    public static TheoryData<string> WideScopeAsks => new()
    {
        "设计一个高可用的短视频推荐系统架构。",
        "请解释整个代码库的结构，以及各个模块之间的依赖关系。",
        "我们要把单体应用拆分成微服务，请给出分阶段的迁移方案和风险。",
        "事件驱动架构对我们的订单系统有哪些优缺点？",
        "如何设计一个支持千万用户的分布式消息系统？",
    };

    public static TheoryData<string> ImageAsks => new()
    {
        "这张截图里显示的是什么？",
        "请描述一下附件里的图片。",
        "你能看清这张照片上的文字吗？",
    };

    public static TheoryData<string> QuickAsks => new()
    {
        "“的”“地”“得”有什么区别？",
        "“谢谢”用英语怎么说？",
        "“内卷”是什么意思？",
        "给我一个“高兴”的近义词。",
        "你好，今天过得怎么样？",
        "帮我写一句给老师的节日祝福。",
        "什么是算法？请简单解释一下。",
        "推荐一部好看的电影吧。",
    };

    [Theory]
    [MemberData(nameof(ReasoningAsks))]
    public void Reasoning_asks_reach_reasoning(string ask) => LanguageAsks.Reaches(ask, SignalClass.Reasoning, "zh");

    [Theory]
    [MemberData(nameof(CodeAsks))]
    public void Code_asks_reach_code(string ask) => LanguageAsks.Reaches(ask, SignalClass.Code, "zh");

    [Theory]
    [MemberData(nameof(WideScopeAsks))]
    public void WideScope_asks_reach_heavy(string ask) => LanguageAsks.Reaches(ask, SignalClass.Wide, "zh");

    [Theory]
    [MemberData(nameof(ImageAsks))]
    public void Image_asks_reach_vision(string ask) => LanguageAsks.Reaches(ask, SignalClass.Image, "zh");

    [Theory]
    [MemberData(nameof(QuickAsks))]
    public void Quick_asks_stay_quick(string ask) => LanguageAsks.StaysQuick(ask);
}
