"""Builds a broad request corpus for checking that a change to the policy or the signals leaves every decision as it was.

Run from the repository root:  python3 bench/Router.Bench/DecisionCorpus/make_corpus.py > /tmp/corpus.jsonl
Then route it with the build before and after the change and compare byte for byte (see docs/benchmarks.md).
The corpus mixes the labelled cases (eval/cases/*.jsonl),
every string literal in the tests, the docs' paragraphs, chunks of the sources, the benchmark requests, upper-cased
copies and seeded random splices with history and files in scope. A corpus is compared only with one made from the
same tree, so what it holds may change from tree to tree.
"""
import json, re, glob, random, os, sys
random.seed(7)
root = os.getcwd()
out = []
def add(req): req["id"] = "g%05d" % len(out); out.append(req)
texts = []
case_files = sorted(glob.glob(os.path.join(root, "eval", "cases", "*.jsonl")))
for line in (l for f in case_files for l in open(f, encoding="utf-8")):
    if not line.strip(): continue
    try: r = json.loads(line)
    except ValueError: continue
    if not isinstance(r, dict): continue
    for label in ("expect", "category", "lang"): r.pop(label, None)
    add(dict(r))
    for t in [r.get("text")] + [h.get("text") for h in r.get("history", [])]:
        if t: texts.append(t)
def unescape(s):
    try: return json.loads('"' + s + '"')
    except Exception: return s.replace('\\n', '\n')
for f in glob.glob(root + "/tests/**/*.cs", recursive=True):
    src = open(f, encoding="utf-8").read()
    for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', src):
        s = unescape(m.group(1))
        if len(s) >= 3: texts.append(s)
    for m in re.finditer(r'"""(.*?)"""', src, re.S): texts.append(m.group(1))
for f in glob.glob(root + "/docs/*.md") + [root + "/README.md", root + "/eval/README.md"]:
    if not os.path.exists(f): continue
    for para in open(f, encoding="utf-8").read().split("\n\n"):
        if para.strip(): texts.append(para)
srcs = glob.glob(root + "/src/**/*.cs", recursive=True)
for f in srcs[:60]:
    s = open(f, encoding="utf-8").read()
    for i in range(0, min(len(s), 12000), 3000):
        texts.append(s[i:i+4096])
for f in glob.glob(root + "/bench/Router.Bench/Requests/*.txt"): texts.append(open(f).read())
asks = ["fix this", "why does this fail?", "explain the design", "Refactor this to use hexagonal architecture across every module",
        "prove that it terminates", "what is the time complexity?", "look at this screenshot", "how do I do this in python?", ""]
base = list(dict.fromkeys(texts))
for t in base:
    add({"kind": "chat", "text": t})
    add({"kind": "chat", "text": t.upper()})
    add({"kind": "refactor", "text": t, "file": "src/a.cs"})
    add({"kind": "explain", "text": t})
for i in range(1500):
    a, b = random.choice(base), random.choice(base)
    k = random.choice(["chat", "chat", "refactor"])
    t = random.choice(asks) + "\n\n" + a[:2000] + "\n" + b[-2000:]
    if random.random() < 0.2: t = t.swapcase()
    hist = [{"kind": "chat", "text": random.choice(base)[:500], "minutesAgo": random.randint(0, 15)} for _ in range(random.randint(0, 3))]
    add({"kind": k, "text": t, "history": hist, "files": random.sample(["a.py", "b.py", "img.png", "c.cs", "x/y.ts"], random.randint(0, 3))})
    add({"kind": "completion", "prefix": a[:4096], "suffix": b[:4096], "text": ""})
for r in out:
    sys.stdout.write(json.dumps(r) + "\n")
print(len(out), "requests from", len(base), "texts", file=sys.stderr)
