#!/usr/bin/env node
// Generates the ribbon / add-in icons in assets/ as real PNG files, with nothing but Node's
// zlib: shapes are drawn as signed-distance functions, 4x4 supersampled for anti-aliasing.
// Usage: node scripts/make-icons.js [outDir]   (default: assets/)
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];

// ---- PNG encoding ---------------------------------------------------------------------
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** rgba: Uint8Array of size*size*4 */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(
      raw,
      y * (size * 4 + 1) + 1,
    );
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- shapes in a unit square [0,1]x[0,1]; each returns a signed distance (<0 inside) -----
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r,
    hy = (y1 - y0) / 2 - r;
  const dx = Math.abs(x - cx) - hx,
    dy = Math.abs(y - cy) - hy;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const px = x - ax,
    py = y - ay,
    vx = bx - ax,
    vy = by - ay;
  const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - vx * t, py - vy * t) - w / 2;
};
const polyline = (pts, w) => (x, y) =>
  Math.min(...pts.slice(1).map((p, i) => segment(pts[i][0], pts[i][1], p[0], p[1], w)(x, y)));
/** ring arc centred at (cx,cy), radius r, stroke w, from angle a0 to a1 (radians, clockwise on screen) */
const arc = (cx, cy, r, w, a0, a1) => (x, y) => {
  let a = Math.atan2(y - cy, x - cx);
  const norm = (v) => ((v % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  const span = norm(a1 - a0);
  if (norm(a - a0) <= span) return Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;
  const e0 = [cx + r * Math.cos(a0), cy + r * Math.sin(a0)];
  const e1 = [cx + r * Math.cos(a1), cy + r * Math.sin(a1)];
  return Math.min(Math.hypot(x - e0[0], y - e0[1]), Math.hypot(x - e1[0], y - e1[1])) - w / 2;
};
const triangle = (p0, p1, p2) => (x, y) => {
  // inside test + distance to edges
  const edges = [
    [p0, p1],
    [p1, p2],
    [p2, p0],
  ];
  const d = Math.min(...edges.map(([a, b]) => segment(a[0], a[1], b[0], b[1], 0)(x, y)));
  const s = (a, b) => (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  const s0 = s(p0, p1),
    s1 = s(p1, p2),
    s2 = s(p2, p0);
  const inside = (s0 >= 0 && s1 >= 0 && s2 >= 0) || (s0 <= 0 && s1 <= 0 && s2 <= 0);
  return inside ? -d : d;
};

// ---- the icons: layers of [shape, [r,g,b]] painted in order -------------------------------
const WHITE = [255, 255, 255];
const BLUE = [31, 95, 168];
const GREEN = [16, 124, 65];
const ORANGE = [202, 80, 16];
const bg = (color) => [roundRect(0.03, 0.03, 0.97, 0.97, 0.16), color];

const ICONS = {
  // the add-in / task pane: a sheet with header row and a rising bar chart
  icon: [
    bg(GREEN),
    [roundRect(0.18, 0.2, 0.82, 0.8, 0.05), WHITE],
    [roundRect(0.22, 0.24, 0.78, 0.34, 0.02), GREEN],
    [roundRect(0.27, 0.56, 0.37, 0.74, 0.01), BLUE],
    [roundRect(0.45, 0.47, 0.55, 0.74, 0.01), BLUE],
    [roundRect(0.63, 0.39, 0.73, 0.74, 0.01), BLUE],
  ],
  // regenerate summary: circular arrow
  regenerate: [
    bg(BLUE),
    [arc(0.5, 0.52, 0.25, 0.11, -Math.PI * 0.35, Math.PI * 1.25), WHITE],
    [triangle([0.56, 0.1], [0.8, 0.3], [0.54, 0.42]), WHITE],
  ],
  // validate: check mark
  validate: [
    bg(ORANGE),
    [
      polyline(
        [
          [0.24, 0.52],
          [0.43, 0.7],
          [0.77, 0.3],
        ],
        0.13,
      ),
      WHITE,
    ],
  ],
};

function render(layers, size) {
  const out = new Uint8Array(size * size * 4);
  const SS = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0; // premultiplied accumulation
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let cr = 0,
            cg = 0,
            cb = 0,
            ca = 0;
          for (const [shape, col] of layers) {
            if (shape(x, y) <= 0) {
              [cr, cg, cb] = col;
              ca = 1;
            }
          }
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return out;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, layers] of Object.entries(ICONS)) {
    for (const size of SIZES) {
      const file = path.join(outDir, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, render(layers, size)));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
}

if (require.main === module) main();
module.exports = { encodePng, SIZES, ICONS };
