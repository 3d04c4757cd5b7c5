using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Asks written in Korean, as users write them: each reaches its tier, and the reasons say "(ko)".</summary>
public sealed class KoreanAskTests
{
    public static TheoryData<string> ReasoningAsks => new()
    {
        "두 홀수의 합이 짝수임을 증명하세요.",
        "주사위 두 개를 던져서 합이 7이 될 확률은 얼마인가요?",
        "방정식 4x - 2 = 10을 풀어 주세요.",
        "병합 정렬의 시간 복잡도는 무엇이고 왜 그런가요?",
        "5명을 한 줄로 세우는 경우의 수는 몇 가지인가요?",
        "기사는 항상 진실만 말하고 악당은 항상 거짓말을 합니다. A가 \"B는 악당이다\"라고 말했습니다. 누가 기사인가요?",
        "기차가 2시간 동안 180km를 달렸습니다. 평균 속력은 얼마인가요?",
    };

    public static TheoryData<string> CodeAsks => new()
    {
        "자바스크립트로 배열을 정렬하는 함수를 작성해 주세요.",
        "이 코드를 고쳐 주세요. 빈 리스트가 들어오면 오류가 납니다.",
        "Go로 간단한 웹 서버를 구현해 주세요.",
        "파이썬에서 딕셔너리를 값 기준으로 정렬하려면 어떻게 하나요?",
        "매일 로그 파일을 압축하는 쉘 스크립트를 만들어 줘.",
        "이 클래스를 리팩토링해서 더 읽기 쉽게 만들어 주세요.",
        "파이썬으로 텍스트 파일의 단어 수를 세는 함수를 작성해 주실 수 있나요?",
    };

    public static TheoryData<string> WideScopeAsks => new()
    {
        "고가용성 채팅 서비스의 아키텍처를 설계해 주세요.",
        "전체 코드베이스의 구조와 각 모듈의 역할을 설명해 주세요.",
        "모놀리식 애플리케이션을 마이크로서비스로 전환하려고 합니다. 단계별 계획과 위험 요소를 정리해 주세요.",
        "이벤트 기반 아키텍처의 장단점을 우리 주문 시스템 관점에서 알려 주세요.",
        "수백만 명이 사용하는 채팅 앱의 아키텍처를 어떻게 설계하시겠어요?",
    };

    public static TheoryData<string> ImageAsks => new()
    {
        "이 스크린샷에 무엇이 보이나요?",
        "첨부한 이미지를 설명해 주세요.",
        "이 사진에 있는 글자를 읽을 수 있나요?",
    };

    public static TheoryData<string> QuickAsks => new()
    {
        "\"되\"와 \"돼\"의 차이가 뭔가요?",
        "\"감사합니다\"를 영어로 어떻게 말해요?",
        "\"눈치\"가 무슨 뜻이에요?",
        "\"기쁘다\"의 유의어를 알려 주세요.",
        "안녕하세요, 오늘 기분 어때요?",
        "친구 생일 축하 메시지를 짧게 써 줘.",
        "알고리즘이 뭔가요? 쉽게 설명해 주세요.",
        "오늘 저녁 메뉴 추천해 줘.",
    };

    [Theory]
    [MemberData(nameof(ReasoningAsks))]
    public void Reasoning_asks_reach_reasoning(string ask) => LanguageAsks.Reaches(ask, SignalClass.Reasoning, "ko");

    [Theory]
    [MemberData(nameof(CodeAsks))]
    public void Code_asks_reach_code(string ask) => LanguageAsks.Reaches(ask, SignalClass.Code, "ko");

    [Theory]
    [MemberData(nameof(WideScopeAsks))]
    public void WideScope_asks_reach_heavy(string ask) => LanguageAsks.Reaches(ask, SignalClass.Wide, "ko");

    [Theory]
    [MemberData(nameof(ImageAsks))]
    public void Image_asks_reach_vision(string ask) => LanguageAsks.Reaches(ask, SignalClass.Image, "ko");

    [Theory]
    [MemberData(nameof(QuickAsks))]
    public void Quick_asks_stay_quick(string ask) => LanguageAsks.StaysQuick(ask);
}
