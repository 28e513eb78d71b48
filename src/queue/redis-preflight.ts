import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { ReliabenchError } from '../core/errors.js';
import type { RedisTarget } from './redis-url.js';

/**
 * Asks Redis for PING (after AUTH when a password is set) over a plain socket before BullMQ is started,
 * so a wrong address or a missing password fails at once with one line that names the fix, instead of
 * BullMQ reconnecting forever. Resolves with the server's version.
 */
export async function checkRedis(target: RedisTarget, timeoutMs = 5_000): Promise<string> {
  const commands: string[][] = [];
  if (target.password !== undefined) commands.push(target.username === undefined ? ['AUTH', target.password] : ['AUTH', target.username, target.password]);
  if (target.db !== 0) commands.push(['SELECT', String(target.db)]);
  commands.push(['PING']);
  commands.push(['INFO', 'server']);
  let replies: Reply[];
  try {
    replies = await exchange(target, commands, timeoutMs);
  } catch (error) {
    throw unreachable(target, error);
  }
  for (const reply of replies) {
    if (reply.error !== undefined) throw refused(target, reply.error);
  }
  const info = replies[replies.length - 1]?.text ?? '';
  return /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown';
}

interface Reply {
  text?: string;
  error?: string;
}

function unreachable(target: RedisTarget, error: unknown): ReliabenchError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ECONNREFUSED' ? 'connection refused'
    : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? `host "${target.host}" not found`
    : code === 'ETIMEDOUT' ? 'no answer (timed out)'
    : code === 'ECONNRESET' ? 'the connection was reset (TLS to a plain port, or a firewall?)'
    : (error as Error).message;
  return new ReliabenchError(
    'BAD_ARGUMENT',
    `cannot reach Redis at ${target.display}: ${why}; is redis-server running there? start it with \`redis-server --port ${target.port}\` (add --requirepass and --bind to accept other machines) or point --queue at a running one`,
    { input: target.display, cause: error },
  );
}

function refused(target: RedisTarget, message: string): ReliabenchError {
  const fix =
    /^NOAUTH/i.test(message) ? `Redis at ${target.display} needs a password: put it in the URL as redis://:PASSWORD@host:port or set REDIS_PASSWORD`
    : /without any password configured/i.test(message)
      ? `Redis at ${target.display} has no password, but one was given (in the URL or REDIS_PASSWORD): remove it, or set one on the server with requirepass`
    : /^(WRONGPASS|ERR invalid (username-)?password)/i.test(message)
      ? `Redis at ${target.display} refused the password (${firstLine(message)}): check the password in the URL or REDIS_PASSWORD${target.username === undefined ? '' : ' and the user name'}`
    : /^DENIED/i.test(message)
      ? `Redis at ${target.display} refuses connections from other machines (protected mode): give it a password (requirepass) and use redis://:PASSWORD@host:port`
    : `Redis at ${target.display} answered "${firstLine(message)}"; check the URL (database number, user) and the server's logs`;
  return new ReliabenchError('BAD_ARGUMENT', fix, { input: target.display });
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0]?.slice(0, 200) ?? '';
}

function encode(args: readonly string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/** Sends the commands pipelined and reads one reply for each (simple strings, errors and bulk strings only). */
function exchange(target: RedisTarget, commands: readonly string[][], timeoutMs: number): Promise<Reply[]> {
  return new Promise((resolve, reject) => {
    const socket: Socket = target.tls
      ? tlsConnect({ host: target.host, port: target.port, servername: target.host })
      : netConnect({ host: target.host, port: target.port });
    let buffer = Buffer.alloc(0);
    const replies: Reply[] = [];
    const timer = setTimeout(() => finish(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
    const finish = (error?: unknown): void => {
      clearTimeout(timer);
      socket.destroy();
      if (error !== undefined) reject(error);
      else resolve(replies);
    };
    socket.once(target.tls ? 'secureConnect' : 'connect', () => socket.write(commands.map(encode).join('')));
    socket.on('error', (error) => finish(error));
    socket.on('close', () => {
      if (replies.length < commands.length) finish(Object.assign(new Error('the server closed the connection'), { code: 'ECONNRESET' }));
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const parsed = parseReply(buffer);
        if (parsed === undefined) return;
        replies.push(parsed.reply);
        buffer = buffer.subarray(parsed.length);
        // After an error (e.g. NOAUTH) the rest is the same error: stop at the first.
        if (parsed.reply.error !== undefined || replies.length === commands.length) {
          finish();
          return;
        }
      }
    });
  });
}

function parseReply(buffer: Buffer): { reply: Reply; length: number } | undefined {
  const end = buffer.indexOf('\r\n');
  if (end < 0) return undefined;
  const head = buffer.subarray(1, end).toString('utf8');
  switch (String.fromCharCode(buffer[0] ?? 0)) {
    case '+':
    case ':':
      return { reply: { text: head }, length: end + 2 };
    case '-':
      return { reply: { error: head }, length: end + 2 };
    case '$': {
      const size = Number(head);
      if (size < 0) return { reply: { text: '' }, length: end + 2 };
      if (buffer.length < end + 2 + size + 2) return undefined;
      return { reply: { text: buffer.subarray(end + 2, end + 2 + size).toString('utf8') }, length: end + 2 + size + 2 };
    }
    default:
      return { reply: { error: `unexpected reply ${JSON.stringify(buffer.subarray(0, 40).toString('utf8'))}` }, length: buffer.length };
  }
}
