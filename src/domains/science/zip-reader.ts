import type { FileHandle } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';

/**
 * A small zip reader: finds the central directory from the end of the file, then reads only the
 * entries asked for, by offset, so a large archive (ARC's zip also holds a 1.4 GB corpus) is never
 * loaded whole. Supports stored and deflated entries and zip64 sizes and offsets. Throws a plain
 * Error on anything malformed; the caller turns it into a ReliabenchError.
 */

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw new Error(`zip: unexpected end of file at byte ${position + bytesRead}`);
  return buf;
}

function u64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('zip: a size or offset is too large');
  return Number(value);
}

/** Lists every entry from the central directory. */
export async function listZipEntries(fh: FileHandle): Promise<ZipEntry[]> {
  const { size } = await fh.stat();
  if (size < 22) throw new Error('zip: file too short to be a zip archive');
  const tailLength = Math.min(size, 22 + MAX_COMMENT);
  const tail = await readAt(fh, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('zip: no end-of-central-directory record (not a zip file?)');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);

  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locatorAt = eocd - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR) throw new Error('zip: zip64 locator missing');
    const z64 = await readAt(fh, u64(tail, locatorAt + 8), 56);
    if (z64.readUInt32LE(0) !== ZIP64_EOCD) throw new Error('zip: bad zip64 end-of-central-directory record');
    count = u64(z64, 32);
    cdSize = u64(z64, 40);
    cdOffset = u64(z64, 48);
  }

  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new Error(`zip: bad central directory entry ${k}`);
    const flags = cd.readUInt16LE(p + 8);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
    };
    if (flags & 0x1) throw new Error(`zip: entry ${name} is encrypted`);
    applyZip64Extra(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The zip64 extra field holds, in order, only the sizes/offset whose 32-bit field is 0xffffffff. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      for (const field of ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const) {
        if (entry[field] === 0xffffffff && q + 8 <= p + 4 + len) {
          entry[field] = u64(extra, q);
          q += 8;
        }
      }
    }
    p += 4 + len;
  }
}

/** Reads and decompresses one entry, checking its size and CRC-32. */
export async function readZipEntry(fh: FileHandle, entry: ZipEntry): Promise<Buffer> {
  const local = await readAt(fh, entry.localHeaderOffset, 30);
  if (local.readUInt32LE(0) !== LOCAL) throw new Error(`zip: bad local header for ${entry.name}`);
  const dataAt = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const raw = await readAt(fh, dataAt, entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) data = inflateRawSync(raw);
  else throw new Error(`zip: entry ${entry.name} uses unsupported compression method ${entry.method}`);
  if (data.length !== entry.uncompressedSize) throw new Error(`zip: entry ${entry.name} has the wrong size`);
  if (crc32(data) !== entry.crc32) throw new Error(`zip: entry ${entry.name} fails its CRC check`);
  return data;
}
