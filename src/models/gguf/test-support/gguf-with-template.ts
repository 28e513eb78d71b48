import { readFile, writeFile } from 'node:fs/promises';

/**
 * Copies a GGUF v3 file, adding one string key (e.g. `tokenizer.chat_template`) to its metadata. The
 * tensor infos and data are kept; the data start is re-padded to the file's alignment. Tests use it to
 * give the template-less test model a chat template, so the chat path runs against a real model.
 */
export async function copyWithStringKey(source: string, dest: string, key: string, value: string): Promise<void> {
  const buf = await readFile(source);
  const r = new Reader(buf);
  if (buf.toString('latin1', 0, 4) !== 'GGUF') throw new Error(`${source} is not a GGUF file`);
  r.pos = 4;
  const version = r.u32();
  if (version !== 3) throw new Error(`${source}: GGUF v${version}, only v3 is handled`);
  const tensorCount = r.u64();
  const kvCount = r.u64();
  const kvStart = r.pos;
  let alignment = 32;
  for (let i = 0n; i < kvCount; i++) {
    const name = r.str();
    const type = r.u32();
    if (name === 'general.alignment' && type === 4) alignment = buf.readUInt32LE(r.pos);
    r.skipValue(type);
  }
  const kvEnd = r.pos;
  for (let i = 0n; i < tensorCount; i++) {
    r.str();
    const dims = r.u32();
    r.pos += dims * 8 + 4 + 8; // dims, type, offset
  }
  const infoEnd = r.pos;
  const dataStart = pad(infoEnd, alignment);

  const head = Buffer.alloc(24);
  head.write('GGUF', 0, 'latin1');
  head.writeUInt32LE(3, 4);
  head.writeBigUInt64LE(tensorCount, 8);
  head.writeBigUInt64LE(kvCount + 1n, 16);
  const added = Buffer.concat([ggufString(key), u32(8), ggufString(value)]);
  const body = Buffer.concat([head, buf.subarray(kvStart, kvEnd), added, buf.subarray(kvEnd, infoEnd)]);
  const padding = Buffer.alloc(pad(body.length, alignment) - body.length);
  await writeFile(dest, Buffer.concat([body, padding, buf.subarray(dataStart)]));
}

function pad(n: number, alignment: number): number {
  return Math.ceil(n / alignment) * alignment;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function ggufString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(bytes.length));
  return Buffer.concat([len, bytes]);
}

// GGUF value types: 0 u8, 1 i8, 2 u16, 3 i16, 4 u32, 5 i32, 6 f32, 7 bool, 8 string, 9 array, 10 u64, 11 i64, 12 f64
const SIZES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  u32(): number {
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  u64(): bigint {
    const v = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    return v;
  }

  str(): string {
    const len = Number(this.u64());
    const s = this.buf.toString('utf8', this.pos, this.pos + len);
    this.pos += len;
    return s;
  }

  skipValue(type: number): void {
    if (type === 8) {
      this.str();
    } else if (type === 9) {
      const elementType = this.u32();
      const count = Number(this.u64());
      for (let i = 0; i < count; i++) this.skipValue(elementType);
    } else {
      const size = SIZES[type];
      if (size === undefined) throw new Error(`unknown GGUF value type ${type}`);
      this.pos += size;
    }
  }
}
