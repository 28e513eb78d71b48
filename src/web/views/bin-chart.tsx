/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { BIN_COUNT } from '../../core/item.js';
import type { DomainBins } from '../../store/sqlite/run-overview.js';

/**
 * One model × domain difficulty chart, as server-rendered SVG: per difficulty bin, the shares of
 * correct (bottom), avoidant and incorrect answers among graded trials (the paper's Fig. 2). Every
 * segment links to its trials and carries a title (its accessible name and tooltip); a table with the same numbers follows for
 * screen readers and copying. Colours are attributes (the CSP forbids inline styles).
 */
export const OUTCOME_COLOURS = { correct: '#2e7d32', avoidant: '#7b8794', incorrect: '#c62828' } as const;
const OUTCOMES = ['correct', 'avoidant', 'incorrect'] as const;
const W = 480;
const H = 210;
const LEFT = 40;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 40;
const FONT = '13';

export function trialsHref(runId: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  return `/runs/${encodeURIComponent(runId)}/trials?${params.toString()}`;
}

export function BinChart(props: { runId: string; group: DomainBins }) {
  const { group, runId } = props;
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const bw = plotW / BIN_COUNT;
  const label = `${group.modelKey}, ${group.domain}: shares of correct, avoidant and incorrect answers per difficulty bin`;
  return (
    <div class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={label}>
        {[0, 0.5, 1].map((y) => (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={TOP + plotH * (1 - y)} y2={TOP + plotH * (1 - y)} stroke="#d5dbe3" />
            <text x={LEFT - 4} y={TOP + plotH * (1 - y) + 4} font-size={FONT} text-anchor="end" fill="#55606e">{`${y * 100}%`}</text>
          </g>
        ))}
        {[0, 50, 100].map((d) => (
          <text x={LEFT + (plotW * d) / 100} y={TOP + plotH + 16} font-size={FONT} text-anchor={d === 0 ? 'start' : d === 100 ? 'end' : 'middle'} fill="#55606e">{String(d)}</text>
        ))}
        <text x={LEFT + plotW / 2} y={H - 4} font-size={FONT} text-anchor="middle" fill="#55606e">difficulty (0 easiest – 100 hardest)</text>
        {group.bins.filter((b) => b.bin >= 0).map((b) => {
          const graded = b.correct + b.avoidant + b.incorrect;
          if (graded === 0) return null;
          let y = TOP + plotH;
          return (
            <g>
              {OUTCOMES.map((o) => {
                const h = (plotH * b[o]) / graded;
                y -= h;
                if (b[o] === 0) return null;
                const tip = `bin ${b.bin} (${binFrom(b.bin)}–${binFrom(b.bin + 1)}): ${o} ${(100 * b[o] / graded).toFixed(0)}% (${b[o]} of ${graded})`;
                return (
                  <a href={trialsHref(runId, { model: group.modelKey, domain: group.domain, bin: b.bin, outcome: o })}>
                    <title>{tip}</title>
                    <rect class={`seg-${o}`} x={(LEFT + b.bin * bw + 1).toFixed(1)} y={y.toFixed(1)} width={Math.max(1, bw - 2).toFixed(1)} height={h.toFixed(1)} fill={OUTCOME_COLOURS[o]} />
                  </a>
                );
              })}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Numbers</summary>
        <div class="table-wrap">
          <table>
            <thead><tr><th>bin</th><th class="num">correct</th><th class="num">avoidant</th><th class="num">incorrect</th><th class="num">ungraded</th><th class="num">errors</th></tr></thead>
            <tbody>
              {group.bins.map((b) => (
                <tr><td>{b.bin < 0 ? 'unknown' : `${b.bin} (${binFrom(b.bin)}–${binFrom(b.bin + 1)})`}</td><td class="num">{b.correct}</td><td class="num">{b.avoidant}</td>
                  <td class="num">{b.incorrect}</td><td class="num">{b.ungraded}</td><td class="num">{b.error}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

function binFrom(bin: number): string {
  return ((100 * bin) / BIN_COUNT).toFixed(1).replace(/\.0$/, '');
}

export function ChartLegend() {
  return (
    <div class="legend" role="group" aria-label="show or dim outcomes">
      {OUTCOMES.map((o) => <button type="button" data-outcome={o} aria-pressed="true"><span class={`swatch ${o}`}></span>{o}</button>)}
    </div>
  );
}
