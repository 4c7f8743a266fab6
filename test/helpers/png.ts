import { inflateSync } from 'node:zlib';

/** A decoded 8-bit PNG: `pixels` holds `height` rows of `width * channels` bytes, filters undone. */
export interface Png {
  width: number;
  height: number;
  channels: number;
  pixels: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** The PNG's chunks in order: type and data (lengths and CRCs are read, not checked). */
function chunks(buf: Buffer): Array<{ type: string; data: Buffer }> {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: bad signature');
  const out: Array<{ type: string; data: Buffer }> = [];
  let at = 8;
  while (at + 8 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    out.push({ type, data: buf.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return out;
}

/** Width and height from the IHDR chunk, which the format requires to come first. */
export function pngSize(buf: Buffer): { width: number; height: number } {
  const ihdr = chunks(buf)[0];
  if (ihdr?.type !== 'IHDR') throw new Error('not a PNG: the first chunk is not IHDR');
  return { width: ihdr.data.readUInt32BE(0), height: ihdr.data.readUInt32BE(4) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a non-interlaced 8-bit grey, grey+alpha, RGB or RGBA PNG (what Chromium's screenshots are). */
export function decodePng(buf: Buffer): Png {
  const all = chunks(buf);
  const { width, height } = pngSize(buf);
  const ihdr = all[0]!.data;
  const [depth, colorType, , , interlace] = [ihdr[8], ihdr[9], ihdr[10], ihdr[11], ihdr[12]];
  const channels = CHANNELS[colorType ?? -1];
  if (depth !== 8 || channels === undefined || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${interlace}`);
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`PNG data has ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels]! : 0;
      const b = y > 0 ? pixels[row - stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[row - stride + x - channels]! : 0;
      const v = line[x]!;
      const predicted = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : Number.NaN;
      if (Number.isNaN(predicted)) throw new Error(`bad PNG filter ${filter} on row ${y}`);
      pixels[row + x] = (v + predicted) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Variance of the pixels' brightness (0-255 scale): 0 for a blank image, hundreds or more for a page of text. */
export function brightnessVariance(png: Png): number {
  let sum = 0;
  let squares = 0;
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) {
    const at = i * png.channels;
    const y = png.channels >= 3 ? 0.299 * png.pixels[at]! + 0.587 * png.pixels[at + 1]! + 0.114 * png.pixels[at + 2]! : png.pixels[at]!;
    sum += y;
    squares += y * y;
  }
  const mean = sum / n;
  return squares / n - mean * mean;
}
