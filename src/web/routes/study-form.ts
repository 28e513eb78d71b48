import { isDomainName, type DomainName } from '../../core/item.js';
import type { NewStudy } from '../../store/sqlite/studies-repo.js';
import type { StudyFormValues } from '../views/study-new-page.js';

/** The new-study form read back: the values (to refill the form) and the study, or what is wrong. */
export function readStudyForm(form: URLSearchParams): { values: StudyFormValues; study: NewStudy } | { values: StudyFormValues; error: string } | undefined {
  const kind = form.get('kind');
  if (kind !== 'S1' && kind !== 'S2') return undefined;
  const text = (name: string): string => (form.get(name) ?? '').trim().slice(0, 1000);
  const values: StudyFormValues = {
    kind, title: text('title'), run: text('run'), models: text('models'), domains: form.getAll('domains').slice(0, 10), perBin: text('perBin'),
    wrongShare: text('wrongShare'), perParticipant: text('perParticipant'), attentionChecks: text('attentionChecks'), participants: text('participants'),
    openCap: text('openCap'), seed: text('seed'),
  };
  const int = (value: string, what: string): number | string => (/^\d{1,6}$/.test(value) ? Number(value) : `${what}: a whole number`);
  const numbers = {
    perBin: int(values.perBin, 'per difficulty bin'),
    perParticipant: int(values.perParticipant, 'items per participant'),
    attentionChecks: int(values.attentionChecks, 'attention checks'),
    participants: int(values.participants, 'participant links'),
    openCap: values.openCap === '' ? undefined : int(values.openCap, 'open link cap'),
  };
  const bad = Object.values(numbers).find((n): n is string => typeof n === 'string');
  if (bad !== undefined) return { values, error: bad };
  const domains = values.domains.filter(isDomainName) as DomainName[];
  if (domains.length !== values.domains.length) return { values, error: 'domains: unknown domain' };
  const wrongShare = kind === 'S2' ? Number(values.wrongShare) : undefined;
  if (wrongShare !== undefined && !(values.wrongShare !== '' && wrongShare >= 0 && wrongShare <= 1)) return { values, error: 'share of wrong answers: a number from 0 to 1' };
  if (values.seed === '') return { values, error: 'seed: required' };
  const models = values.models.split(',').map((m) => m.trim()).filter((m) => m !== '');
  const study: NewStudy = {
    kind, title: values.title, perParticipant: numbers.perParticipant as number, attentionChecks: numbers.attentionChecks as number,
    participants: numbers.participants as number, ...(numbers.openCap === undefined ? {} : { openCap: numbers.openCap as number }),
    ...(kind === 'S2' ? { runId: values.run } : {}),
    sampling: {
      seed: values.seed, perBin: numbers.perBin as number, ...(domains.length > 0 ? { domains } : {}),
      ...(kind === 'S2' ? { wrongShare: wrongShare as number, ...(models.length > 0 ? { models } : {}) } : {}),
    },
  };
  return { values, study };
}
