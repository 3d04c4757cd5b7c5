// Draws the extension's 128x128 icon (images/icon.png) with no image library: one path coming
// in from the left and branching to three model dots, on a rounded dark square. Run:
// `node scripts/icon.mjs`; the PNG is committed, so packing does not need this script.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';

const size = 128;
const samples = 4; // per axis: 16 samples a pixel smooth the edges
const background = [0x1e, 0x29, 0x3b];
const line = [0xe2, 0xe8, 0xf0];
const dots = [[0x38, 0xbd, 0xf8], [0x4a, 0xde, 0x80], [0xfb, 0xbf, 0x24]];

const hub = [46, 64];
const targets = [[96, 32], [100, 64], [96, 96]];

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y, inset, radius) {
  const cx = Math.min(Math.max(x, inset + radius), size - inset - radius);
  const cy = Math.min(Math.max(y, inset + radius), size - inset - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** The colour at one sample point, or null outside the icon (transparent). */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, 4, 24)) return null;
  for (let i = 0; i < targets.length; i++) {
    if (Math.hypot(x - targets[i][0], y - targets[i][1]) <= 10) return dots[i];
  }
  const onPath = distanceToSegment(x, y, [22, 64], hub) <= 5 || targets.some((t) => distanceToSegment(x, y, hub, t) <= 5);
  return onPath || Math.hypot(x - hub[0], y - hub[1]) <= 8 ? line : background;
}

const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < size; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const c = colourAt(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples);
        if (c) {
          sum[0] += c[0]; sum[1] += c[1]; sum[2] += c[2]; sum[3] += 1;
        }
      }
    }
    const o = y * (size * 4 + 1) + 1 + x * 4;
    if (sum[3] > 0) {
      raw[o] = Math.round(sum[0] / sum[3]);
      raw[o + 1] = Math.round(sum[1] / sum[3]);
      raw[o + 2] = Math.round(sum[2] / sum[3]);
      raw[o + 3] = Math.round((255 * sum[3]) / (samples * samples));
    }
  }
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
