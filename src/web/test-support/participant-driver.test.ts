import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { participate } from './participant-driver.js';

// The driver against a participant site whose item pages arrive in two chunks: the progress first,
// the form 400 ms later. Ending at a half-parsed page once cut a participant short in CI ([7, 7, 3]).
it('a slowly streamed next page does not end the participant early', async () => {
  const total = 3;
  let answered = 0;
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.method === 'POST') { answered++; res.writeHead(303, { location: '/item' }); res.end(); return; }
    if (req.url === '/') { res.end('<!DOCTYPE html><html><body><h1>S</h1><a href="/item">Start</a></body></html>'); return; }
    if (answered >= total) { res.end('<!DOCTYPE html><html><body><h1>Thank you!</h1></body></html>'); return; }
    res.write(`<!DOCTYPE html><html><body><p id="progress">Item ${answered + 1} of ${total}</p><pre id="question">q${answered}</pre>` + ' '.repeat(4096));
    setTimeout(() => res.end(`<form id="answer" method="post" action="/answer"><fieldset class="choices"><label><input type="radio" name="v" value="c"> <span>Correct</span></label></fieldset><button>Next</button></form></body></html>`), 400);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await launchBrowser();
  try {
    const run = await participate(browser, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { choice: 'Correct', input: 'tap' });
    expect([run.answered, answered]).toEqual([3, 3]);
  } finally {
    await browser.close();
    server.close();
  }
}, 60_000);
