const {get_encoding}=require("tiktoken"); const fs=require("fs");
const e=get_encoding("cl100k_base");
let seed=12345; const rnd=()=>{ seed=(seed*1103515245+12345)%2147483648; return seed/2147483648; };
const pick=a=>a[Math.floor(rnd()*a.length)];
const samples=[
 ["empty",""],
 ["english","The quick brown fox jumps over the lazy dog. It's a well-known pangram; isn't it? We'll see, they'd say, you're right, I've done it, I'm sure."],
 ["contractions-upper","I'M SURE THEY'LL GO, WE'VE SEEN IT, YOU'RE 'SUP 'Dog 'LLama"],
 ["prose-paragraphs","First paragraph ends here.\n\nSecond paragraph, with   several   spaces and a tab\there.\n\n\n   Indented third.\n"],
 ["csharp","namespace Router.Core;\n\npublic sealed class TokenCounter\n{\n    public int Count(string text) => text.Length / 4;\n\n    private static readonly Dictionary<string, int> Cache = new(StringComparer.Ordinal);\n}\n"],
 ["python","def fib(n: int) -> int:\n    \"\"\"Return the n-th Fibonacci number.\"\"\"\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nif __name__ == '__main__':\n    print(fib(30))\n"],
 ["javascript","const xs = [1, 2, 3].map((x) => x ** 2).filter(Boolean);\nexport default async function main() { await fetch(`/api/${id}?q=${encodeURIComponent(q)}`); }\n"],
 ["rust","fn main() -> Result<(), Box<dyn std::error::Error>> {\n    let v: Vec<u64> = (0..1_000_000).filter(|x| x % 3 == 0).collect();\n    println!(\"{:?}\", &v[..10]);\n    Ok(())\n}\n"],
 ["go","package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int, 10)\n\tgo func() { ch <- 42 }()\n\tfmt.Println(<-ch)\n}\n"],
 ["sql","SELECT u.id, COUNT(*) AS n FROM users u JOIN orders o ON o.user_id = u.id WHERE o.created_at >= '2024-01-01' GROUP BY u.id HAVING COUNT(*) > 5;"],
 ["html","<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hi</title></head><body><div class=\"a b\">&nbsp;&amp;</div></body></html>"],
 ["json","{\"id\": \"08eb185f-2113-40d5-8b96-b6543d6bf573\", \"values\": [1.5, -2e10, null, true], \"nested\": {\"k\": \"v\"}}"],
 ["stack-trace","Traceback (most recent call last):\n  File \"/app/main.py\", line 42, in <module>\n    main()\nKeyError: 'user_id'\r\n   at Router.Core.Foo.Bar() in C:\\src\\Foo.cs:line 17\r\n"],
 ["cjk","我们今天去公园散步，天气很好。東京は日本の首都です。한국어 문장도 있습니다."],
 ["emoji","Launch 🚀🚀 today! 👍🏽 Family: 👨‍👩‍👧‍👦 flags 🇯🇵🇫🇷 and ❤️ hearts 😀abc"],
 ["math-letters","𝐀𝐁𝐂 bold and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 fraktur, ancient 𐌰𐌱𐌲 gothic"],
 ["whitespace-runs","a    b\t\t\tc \n \n  \n\n\n    d        \n\t\n         "],
 ["crlf","line one\r\nline two\r\n\r\n\r\nline three\r\n  \r\n"],
 ["trailing-spaces","ends with spaces     "],
 ["numbers","1 12 123 1234 12345 123456 3.14159 -42 1e-9 0x1F 1,000,000 ٠١٢٣٤٥ ½ ²³ Ⅻ"],
 ["long-identifier","thisIsAnExtremelyLongIdentifierNameThatKeepsGoingAndGoingWithoutAnySpacesAtAllForTestingPurposesOnlyAndMoreAndMoreAndMoreAndMoreAndMoreAndMoreAndMoreAndMore_and_snake_case_too"],
 ["long-letters","a".repeat(300)+" "+"ab".repeat(200)],
 ["long-punct","=".repeat(150)+"\n"+"-*".repeat(100)+"\n\n"],
 ["base64","MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvuNMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s"],
 ["urls","See https://example.com/path/to/page?query=1&x=%20y#frag and mailto:someone@example.org or ftp://files.example.net/pub."],
 ["markdown","# Title\n\n- item one\n- item **two**\n\n```python\nprint('hi')\n```\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"],
 ["mixed-scripts","Привет, мир! Γειά σου κόσμε. مرحبا بالعالم. שלום עולם. नमस्ते दुनिया। สวัสดีชาวโลก"],
 ["latin-diacritics","Café naïve façade résumé Ångström Øresund Straße señor ÇĞİÖŞÜ"],
 ["unicode-spaces","a\u00a0b\u2003c\u3000d\u2009e\u202ff  \u00a0 g"],
 ["apostrophes","rock 'n' roll, the '90s, O'Reilly's, l'été, 'single quoted', ''double''"],
 ["punct-newlines","end.\n\n\nfoo;\r\n}\n}\n\n\n// comment\n"],
 ["digits-letters","abc123def4567ghi89 x1y2z3 v2.0.1-beta+build.5"],
];
const ranges=[[0x20,0x7e],[0x20,0x7e],[0x20,0x7e],[0xa0,0xff],[0x100,0x17f],[0x391,0x3c9],[0x410,0x44f],[0x5d0,0x5ea],[0x620,0x64a],[0x660,0x669],[0x905,0x939],[0x3041,0x3096],[0x30a1,0x30fa],[0x4e00,0x9fa5],[0xac00,0xd7a3],[0x1f600,0x1f64f],[0x1f300,0x1f3ff],[0x2000,0x200a],[0x2190,0x21ff],[0x1d400,0x1d4ff]];
const ws=[" "," "," ","  ","\n","\r\n","\t","\n\n","   "];
for(let k=0;k<60;k++){
  let s=""; const n=5+Math.floor(rnd()*120);
  for(let i=0;i<n;i++){ if(rnd()<0.15){ s+=pick(ws); continue;} const r=pick(ranges); let cp=r[0]+Math.floor(rnd()*(r[1]-r[0]+1)); if(cp===0xfeff||cp===0x85) cp=0x20; s+=String.fromCodePoint(cp);}  
  samples.push(["random-"+k, s]);
}
const out=samples.map(([name,text])=>JSON.stringify({name,text,ids:Array.from(e.encode_ordinary(text))}));
fs.writeFileSync("cl100k_golden.jsonl", out.join("\n")+"\n");
console.log(out.length);
