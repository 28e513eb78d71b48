import type { FileHandle } from 'node:fs/promises';

/**
 * A small tar reader (ustar, with GNU long names and pax `path`/`size` records): walks the 512-byte
 * headers by offset and reads only the regular files `want` accepts, so a large archive is never
 * loaded whole. Throws a plain Error on anything malformed; the caller turns it into a ReliabenchError.
 */

const BLOCK = 512;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw new Error(`tar: unexpected end of file at byte ${position + bytesRead}`);
  return buf;
}

function text(header: Buffer, from: number, length: number): string {
  const field = header.subarray(from, from + length);
  const end = field.indexOf(0);
  return field.toString('utf8', 0, end < 0 ? length : end);
}

/** Octal number field, or base-256 when the top bit of the first byte is set (GNU large sizes). */
function number(header: Buffer, from: number, length: number): number {
  if ((header[from] as number) & 0x80) {
    let value = 0;
    for (let i = from + 1; i < from + length; i++) value = value * 256 + (header[i] as number);
    return value;
  }
  const digits = text(header, from, length).trim();
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits)) throw new Error(`tar: bad number field ${JSON.stringify(digits)}`);
  return parseInt(digits, 8);
}

function checksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] as number);
  return sum === number(header, 148, 8);
}

/** Parses pax extended-header records: "<length> <key>=<value>\n". */
function paxRecords(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let p = 0;
  while (p < data.length) {
    const space = data.indexOf(0x20, p);
    if (space < 0) break;
    const length = Number(data.toString('utf8', p, space));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.toString('utf8', space + 1, p + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    p += length;
  }
  return out;
}

/** Returns the content of every regular file whose full path `want` accepts, keyed by that path. */
export async function extractTar(fh: FileHandle, want: (path: string) => boolean): Promise<Map<string, Buffer>> {
  const { size } = await fh.stat();
  const out = new Map<string, Buffer>();
  let offset = 0;
  let longName: string | undefined;
  let pax = new Map<string, string>();
  while (offset + BLOCK <= size) {
    const header = await readAt(fh, offset, BLOCK);
    if (header.every((b) => b === 0)) break; // end-of-archive marker
    if (!checksumOk(header)) throw new Error(`tar: bad header checksum at byte ${offset}`);
    const type = String.fromCharCode(header[156] as number);
    const prefix = text(header, 345, 155);
    const baseName = text(header, 0, 100);
    const name = longName ?? pax.get('path') ?? (prefix ? `${prefix}/${baseName}` : baseName);
    const paxSize = pax.get('size');
    const entrySize = paxSize !== undefined ? Number(paxSize) : number(header, 124, 12);
    const dataAt = offset + BLOCK;
    offset = dataAt + Math.ceil(entrySize / BLOCK) * BLOCK;
    if (offset > size) throw new Error(`tar: entry ${name} runs past the end of the archive`);

    if (type === 'L') {
      longName = (await readAt(fh, dataAt, entrySize)).toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'x') {
      pax = paxRecords(await readAt(fh, dataAt, entrySize));
      continue;
    }
    longName = undefined;
    pax = new Map();
    if (type !== '0' && type !== '\0' && type !== '7') continue; // directories, links, global headers
    if (want(name) && !out.has(name)) out.set(name, await readAt(fh, dataAt, entrySize));
  }
  return out;
}
