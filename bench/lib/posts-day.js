// The blog post's mixed day of asks: 30 quick, 5 code, 2 vision and 1 reasoning request, in a fixed interleaving (the few
// long requests spread among the quick ones, as they come in a working day). bench/mixed-day and bench/placement-day
// replay it.
'use strict';

const quick = [
  'What is the difference between a process and a thread?',
  'Summarise what a reverse proxy does in two sentences.',
  'What does HTTP status 409 mean?',
  'What does a 502 Bad Gateway usually mean?',
  'What is the default port of PostgreSQL?',
  'Explain what a CIDR block is.',
  'What does the sticky bit do on a directory?',
  'How many bytes are in a kibibyte?',
  'What is the difference between TCP and UDP?',
  'What does idempotent mean for an HTTP method?',
  'How do I list open ports on Linux?',
  'What is a semantic version pre-release tag?',
  'What does CORS protect against?',
  'What is the difference between a hard link and a symbolic link?',
  'How long is a UUID in characters?',
  'What is a race condition?',
  'Translate "the build is green again" into German.',
  'What is the difference between UTF-8 and UTF-16?',
  'What does the umask 022 mean?',
  'Name three common causes of a memory leak.',
  'What does DNS TTL control?',
  'What is the difference between authentication and authorisation?',
  'Write a one-line commit message for bumping a dependency version.',
  'What should go on the agenda of a release planning meeting?',
  'What does a load balancer health check do?',
  'What is the difference between a queue and a topic?',
  'Explain eventual consistency in one paragraph.',
  'What does the HTTP header ETag do?',
  'What is the difference between latency and throughput?',
  'Suggest a short name for a tool that cleans up old log files.',
];
const code = [
  'Write a Python function that parses an ISO 8601 date string and returns a datetime, with tests.',
  'Fix this function, it returns None for empty lists:\n```python\ndef mean(xs):\n    if xs:\n        return sum(xs) / len(xs)\n```',
  'Implement a TypeScript debounce function with a cancel method.',
  'Refactor this Go code to return an error instead of panicking:\n```go\nfunc mustOpen(p string) *os.File {\n\tf, err := os.Open(p)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\treturn f\n}\n```',
  'Debug this stack trace and tell me the fix:\n```\nTraceback (most recent call last):\n  File "app.py", line 12, in <module>\n    total = sum(prices)\nTypeError: unsupported operand type(s) for +: \'int\' and \'str\'\n```',
];
const vision = [
  'What is wrong with the layout in this screenshot?',
  'Describe the architecture shown in the attached diagram image.',
];
const reasoning = [
  'Prove that the sum of the first n odd numbers is n squared, step by step.',
];

/** The day in a fixed interleaving: the few long requests spread among the quick ones, as they come in a working day. */
function day() {
  const rest = [...code.map((p) => ['code', p]), ...vision.map((p) => ['vision', p]), ...reasoning.map((p) => ['reasoning', p])];
  const requests = [];
  const every = Math.floor(quick.length / rest.length);
  quick.forEach((p, i) => {
    requests.push(['quick', p]);
    if ((i + 1) % every === 0 && rest.length > 0) requests.push(rest.shift());
  });
  requests.push(...rest);
  return requests;
}

module.exports = { quick, code, vision, reasoning, day };
