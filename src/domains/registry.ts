import type { Domain } from '../core/domain.js';
import { DOMAIN_NAMES, isDomainName, type DomainName } from '../core/item.js';
import { ReliabenchError } from '../core/errors.js';
import { additionDomain } from './addition/index.js';
import { anagramDomain } from './anagram/index.js';
import { localityDomain } from './locality/index.js';
import { scienceDomain } from './science/index.js';
import { transformsDomain } from './transforms/index.js';

const DOMAINS: Record<DomainName, Domain> = {
  addition: additionDomain as Domain,
  anagram: anagramDomain as Domain,
  locality: localityDomain as Domain,
  science: scienceDomain as Domain,
  transforms: transformsDomain as Domain,
};

export function getDomain(name: DomainName): Domain {
  return DOMAINS[name];
}

export function allDomains(): Domain[] {
  return DOMAIN_NAMES.map((n) => DOMAINS[n]);
}

/** Parses a comma-separated domain list from a person; unknown names are an error that lists the valid ones. */
export function parseDomainList(text: string): DomainName[] {
  const names = text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw new ReliabenchError('BAD_ARGUMENT', `--domains is empty; choose from ${DOMAIN_NAMES.join(', ')}`);
  const out: DomainName[] = [];
  for (const name of names) {
    if (!isDomainName(name)) {
      throw new ReliabenchError('UNKNOWN_DOMAIN', `unknown domain "${name}"; choose from ${DOMAIN_NAMES.join(', ')}`, { input: name });
    }
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
