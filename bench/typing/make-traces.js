// Writes the recorded typing traces in traces/ (run once; the files are committed so every run replays the same keys).
// A trace is the document a session starts from and the keystrokes typed at its end: [milliseconds from the first key,
// text the change inserts]. One keystroke is one didChange; a paste is one change of many characters.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// Deterministic jitter (mulberry32), so regenerating gives the same files.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const header = '"""Order totals for the invoicing job."""\nimport math\n\n\n';
const code = [
  'def subtotal(lines):',
  '    total = 0',
  '    for line in lines:',
  '        total += line.price * line.quantity',
  '    return total',
  '',
  '',
  'def vat(amount, rate=0.2):',
  '    return round(amount * rate, 2)',
  '',
  '',
  'def grand_total(lines, rate=0.2):',
  '    net = subtotal(lines)',
  '    return net + vat(net, rate)',
  '',
].join('\n');

function write(name, description, document, keys) {
  const trace = { name, description, document: { languageId: 'python', text: document }, keys };
  fs.writeFileSync(path.join(__dirname, 'traces', `${name}.json`),
    JSON.stringify(trace, null, 0).replace(/\],\[/g, '],\n[') + '\n');
}

/** One key per character of `text`, `gap()` milliseconds apart, starting at `start`. */
function type(text, start, gap) {
  const keys = [];
  let at = start;
  for (const ch of text) {
    keys.push([Math.round(at), ch]);
    at += gap();
  }
  return { keys, end: at };
}

{
  const r = random(10);
  const { keys } = type(code.slice(0, 240), 0, () => 100 + (r() - 0.5) * 30);
  write('steady-10', 'A steady typist: 10 keys a second (100 ms, ±15 ms), no pause until the end.', header, keys);
}
{
  const r = random(20);
  const keys = [];
  let at = 0;
  // Bursts of 3 to 12 keys at about 9 keys a second, then a pause of 100 to 800 ms.
  const text = code.slice(0, 160);
  let i = 0;
  while (i < text.length) {
    const burst = 3 + Math.floor(r() * 10);
    for (let j = 0; j < burst && i < text.length; j++, i++) {
      keys.push([Math.round(at), text[i]]);
      at += j < burst - 1 ? 110 + (r() - 0.5) * 40 : 100 + r() * 700;
    }
  }
  write('bursts', 'Bursts of 3 to 12 keys at about 9 keys a second (110 ms, ±20 ms), the last key of each followed by a pause of 100 to 800 ms.', header, keys);
}
{
  const r = random(30);
  const { keys } = type(code.slice(0, 40), 0, () => 500 + (r() - 0.5) * 100);
  write('slow-2', 'A slow typist: 2 keys a second (500 ms, ±50 ms).', header, keys);
}
{
  const r = random(40);
  const pasted = code.slice(0, 140);
  const keys = [[0, pasted]];
  const more = type(code.slice(140, 260), 900, () => 120 + (r() - 0.5) * 40);
  // A pause to read in the middle of the typing.
  const split = 60;
  keys.push(...more.keys.slice(0, split));
  const shift = 700;
  keys.push(...more.keys.slice(split).map(([at, text]) => [at + shift, text]));
  write('paste-then-type', 'A paste of 140 characters (one change), 900 ms to read it, then typing at about 8 keys a second (120 ms, ±20 ms) with one 700 ms pause.', header, keys);
}
