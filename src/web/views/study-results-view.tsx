/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { StudyResponseRow } from '../../store/sqlite/study-results.js';

/**
 * A study's results so far, from participants who passed the attention checks. S2: per difficulty
 * bin, how many wrong answers were judged and how many people accepted as correct (the supervision
 * analysis's input); S1: per domain and bin, the mean rating.
 */
export function StudyResults(props: { kind: 'S1' | 'S2'; rows: StudyResponseRow[] }) {
  const rows = props.rows.filter((r) => !r.attention_check && r.attention_passed);
  return props.kind === 'S2' ? <S2Results rows={rows} /> : <S1Results rows={rows} />;
}

function S2Results(props: { rows: StudyResponseRow[] }) {
  const bins = new Map<string, { judged: number; wrong: number; accepted: number }>();
  for (const r of props.rows) {
    const key = `${r.domain} ${r.bin}`;
    const b = bins.get(key) ?? { judged: 0, wrong: 0, accepted: 0 };
    b.judged++;
    if (r.outcome === 'incorrect') {
      b.wrong++;
      if (r.verdict === 'correct') b.accepted++;
    }
    bins.set(key, b);
  }
  return (
    <section>
      <h2>Results: wrong answers accepted as correct</h2>
      <p>{props.rows.length} judgements from participants who passed the attention checks.</p>
      <div class="table-wrap">
        <table id="results">
          <thead><tr><th>domain · bin</th><th class="num">judgements</th><th class="num">of wrong answers</th><th class="num">accepted as correct</th></tr></thead>
          <tbody>
            {[...bins.entries()].sort(byKey).map(([key, b]) => (
              <tr><td>{key}</td><td class="num">{b.judged}</td><td class="num">{b.wrong}</td><td class="num">{b.wrong === 0 ? '—' : `${b.accepted} (${((100 * b.accepted) / b.wrong).toFixed(0)}%)`}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function S1Results(props: { rows: StudyResponseRow[] }) {
  const bins = new Map<string, { n: number; sum: number }>();
  for (const r of props.rows) {
    const key = `${r.domain} ${r.bin}`;
    const b = bins.get(key) ?? { n: 0, sum: 0 };
    b.n++;
    b.sum += r.rating ?? 0;
    bins.set(key, b);
  }
  return (
    <section>
      <h2>Results: mean difficulty rating (0 very easy – 100 very hard)</h2>
      <p>{props.rows.length} ratings from participants who passed the attention checks.</p>
      <div class="table-wrap">
        <table id="results">
          <thead><tr><th>domain · bin</th><th class="num">ratings</th><th class="num">mean rating</th></tr></thead>
          <tbody>
            {[...bins.entries()].sort(byKey).map(([key, b]) => <tr><td>{key}</td><td class="num">{b.n}</td><td class="num">{(b.sum / b.n).toFixed(1)}</td></tr>)}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function byKey(a: [string, unknown], b: [string, unknown]): number {
  const [da, ba] = a[0].split(' ');
  const [db, bb] = b[0].split(' ');
  return da === db ? Number(ba) - Number(bb) : String(da).localeCompare(String(db));
}
