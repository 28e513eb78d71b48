import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildReportResult } from './build-report.js';
import { planCharts } from './charts/plan-charts.js';
import { sampleReportInput, XSS_MODEL_KEY, XSS_RESPONSE } from './test-support/sample-input.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const input = sampleReportInput({ models: 4, perBin: 90 });
const dirs: string[] = [];
let first: BuildReportResult;
let second: BuildReportResult;

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rb-report-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  first = await buildReport(input, tempDir());
  // A fresh input object: equal content must give equal files, not just the same object twice.
  second = await buildReport(sampleReportInput({ models: 4, perBin: 90 }), tempDir());
}, 240_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const read = (i: number, file: string): Buffer => readFileSync(join(dirs[i] ?? '', file));

describe('buildReport', () => {
  it('lists exactly the files it wrote', () => {
    const onDisk = [...readdirSync(dirs[0] ?? '').filter((f) => f !== 'charts'), ...readdirSync(join(dirs[0] ?? '', 'charts')).map((f) => `charts/${f}`)].sort();
    expect(first.files).toEqual(onDisk);
    expect(first.files).toEqual(expect.arrayContaining(['index.html', 'summary.md', 'metrics.json']));
  });

  it('is deterministic: two builds of the same input are byte-identical', () => {
    expect(second.files).toEqual(first.files);
    for (const file of first.files) expect(read(1, file).equals(read(0, file)), file).toBe(true);
  });

  it('writes every planned chart as SVG and as a valid PNG', () => {
    const plans = planCharts(input.analysis);
    // Indicators, outcomes and templates per model, three trend axes, supervision for one model of four.
    expect(plans.length).toBe(1 + 4 + 4 + 3 + 1);
    for (const { name } of plans) {
      expect(read(0, `charts/${name}.svg`).toString('utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      const png = read(0, `charts/${name}.png`);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE), name).toBe(true);
      expect(png.length).toBeGreaterThan(5000);
    }
  });

  it('writes metrics.json as the Analysis, verbatim', () => {
    const text = read(0, 'metrics.json').toString('utf8');
    expect(JSON.parse(text)).toEqual(input.analysis);
    expect(text).toBe(`${JSON.stringify(input.analysis, null, 2)}\n`);
  });

  it('inlines everything: no external URL is loaded by index.html', () => {
    const page = read(0, 'index.html').toString('utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1]?.replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    // Attribute names of every tag (values blanked: escaped text inside them may say "src=").
    const attributes = [...page.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((m) => [...m[0].replace(/"[^"]*"/g, '""').matchAll(/\s([a-zA-Z:-]+)=/g)].map((a) => a[1]));
    expect(attributes).not.toContain('src');
    const hrefs = [...page.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1] ?? '');
    for (const href of hrefs) expect(href).toMatch(/^(#[a-z-]+|charts\/[a-z0-9-]+\.(svg|png))$/);
    expect(page.match(/<script\b/g)).toHaveLength(1);
    // The only URLs are the vega namespace attributes in the SVGs.
    const urls = [...page.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
  });

  it('escapes the untrusted texts in index.html', () => {
    const page = read(0, 'index.html').toString('utf8');
    expect(page).not.toContain(XSS_MODEL_KEY);
    expect(page).not.toContain(XSS_RESPONSE);
    expect(page).not.toMatch(/<img|onerror=alert\(1\)>|<\/textarea>|<svg onload/);
    expect(page).toContain('&lt;img src=x onerror=alert(&quot;response&quot;)&gt; The answer is 5. &lt;/textarea&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
  });

  it('gives every element id in the page once', () => {
    const page = read(0, 'index.html').toString('utf8');
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('buildReport without optional inputs', () => {
  it('leaves out trend and supervision charts and says why, and can skip PNGs', async () => {
    const bare = sampleReportInput({ models: 2, perBin: 30, domains: ['addition', 'science'] });
    bare.analysis.trends = [];
    for (const m of bare.analysis.models) for (const d of m.domains) d.supervision = null;
    const dir = tempDir();
    const { files } = await buildReport(bare, dir, { png: false });
    expect(files.filter((f) => f.startsWith('charts/'))).toEqual([
      'charts/indicators.svg',
      'charts/outcomes-01-ollama-llama-1b.svg',
      'charts/outcomes-02-replay-img-src-x-onerror-alert-1-script.svg',
      'charts/templates-01-ollama-llama-1b.svg',
      'charts/templates-02-replay-img-src-x-onerror-alert-1-script.svg',
    ]);
    const page = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(page).toContain('<section id="trends"><h2>Scaling and shaping</h2><p class="note">No trends:');
    expect(page).toContain('<p class="note">No supervision judgements (study S2) in this analysis.</p>');
  });
});
