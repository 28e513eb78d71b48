// The floor for a Node client in the peer benchmark: the same chat requests reliabench sends, through
// the same undici connection pool and dispatch API its OpenAI-compatible adapter uses
// (src/models/http-transport.ts), each answer's JSON parsed and its text read, and nothing else: no
// rendering, retries, timeouts, response cache, SQLite or grading. A fresh process like each tool's
// repetition, so what it costs is what any client on Node's HTTP stack pays at the least.
// Plain JavaScript, not TypeScript: started with `node`, it pays no compiler's start-up.
//
//   node bench/bare-client.mjs <server-url> <bodies.json: array of request bodies> <concurrency>
// Exits 1 when any request failed or answered other than 200 with a chat completion.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [url, bodiesFile, concurrencyArg] = process.argv.slice(2);
if (!url || !bodiesFile || !concurrencyArg) {
  process.stderr.write('usage: node bench/bare-client.mjs <server-url> <bodies.json> <concurrency>\n');
  process.exit(2);
}
const Pool = createRequire(import.meta.url)('undici/lib/dispatcher/pool.js');
const bodies = JSON.parse(readFileSync(bodiesFile, 'utf8'));
const pool = new Pool(url, { headersTimeout: 0, bodyTimeout: 0 });
const headers = { 'content-type': 'application/json' };

function post(body) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let status = 0;
    pool.dispatch({ method: 'POST', path: '/v1/chat/completions', headers, body }, {
      onConnect() {},
      onHeaders(code) {
        status = code;
        return true;
      },
      onData(chunk) {
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        const text = Buffer.concat(chunks).toString('utf8');
        if (status !== 200) reject(new Error(`HTTP ${status}: ${text.slice(0, 200)}`));
        else resolve(text);
      },
      onError: reject,
    });
  });
}

let next = 0;
let answered = 0;
async function lane() {
  while (next < bodies.length) {
    const reply = JSON.parse(await post(bodies[next++]));
    if (typeof reply.choices?.[0]?.message?.content !== 'string') throw new Error('an answer without choices[0].message.content');
    answered++;
  }
}

try {
  await Promise.all(Array.from({ length: Number(concurrencyArg) }, lane));
} catch (error) {
  process.stderr.write(`bare client: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  await pool.close();
}
process.stdout.write(`${answered} answered\n`);
