import { crc32, deflateRawSync } from 'node:zlib';

/** Test support: tiny zip and tar writers, so archive readers and downloads run on real bytes. */

export interface ArchiveFile {
  name: string;
  data: Buffer | string;
}

/** A zip with one central directory; `deflate` chooses method 8 (else 0, stored) per file. */
export function buildZip(files: (ArchiveFile & { deflate?: boolean })[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = Buffer.from(f.data);
    const name = Buffer.from(f.name, 'utf8');
    const method = f.deflate === false ? 0 : 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function tarHeader(name: string, size: number, type: string, prefix = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(0, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

function padded(data: Buffer): Buffer {
  const rest = data.length % 512;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(512 - rest)]);
}

/**
 * A ustar archive. Names over 100 bytes use a GNU long-name record unless `usePrefix` splits them
 * into the ustar prefix field; `dirs` adds directory entries first.
 */
export function buildTar(files: ArchiveFile[], options: { dirs?: string[]; usePrefix?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const dir of options.dirs ?? []) parts.push(tarHeader(dir.endsWith('/') ? dir : `${dir}/`, 0, '5'));
  for (const f of files) {
    const data = Buffer.from(f.data);
    if (Buffer.byteLength(f.name) > 100) {
      if (options.usePrefix) {
        const cut = f.name.lastIndexOf('/');
        parts.push(tarHeader(f.name.slice(cut + 1), data.length, '0', f.name.slice(0, cut)));
      } else {
        const longName = Buffer.from(`${f.name}\0`);
        parts.push(tarHeader('././@LongLink', longName.length, 'L'), padded(longName));
        parts.push(tarHeader(f.name.slice(0, 100), data.length, '0'));
      }
    } else {
      parts.push(tarHeader(f.name, data.length, '0'));
    }
    parts.push(padded(data));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}
