import { TRANSFORM_TYPE_NAMES, type TransformType, type TransformTypeName } from './gold.js';
import { caseChange } from './types/case-change.js';
import { csvToJson } from './types/csv-to-json.js';
import { currencyFormat } from './types/currency-format.js';
import { dateIso } from './types/date-iso.js';
import { dedupe } from './types/dedupe.js';
import { extractEmails } from './types/extract-emails.js';
import { extractPhones } from './types/extract-phones.js';
import { extractPrices } from './types/extract-prices.js';
import { filterLines } from './types/filter-lines.js';
import { identifierCase } from './types/identifier-case.js';
import { initials } from './types/initials.js';
import { jsonToCsv } from './types/json-to-csv.js';
import { nameOrder } from './types/name-order.js';
import { numberFormat } from './types/number-format.js';
import { reverseWords } from './types/reverse-words.js';
import { sortAlpha } from './types/sort-alpha.js';
import { sortNumeric } from './types/sort-numeric.js';
import { time24h } from './types/time-24h.js';
import { unitConvert } from './types/unit-convert.js';
import { ReliabenchError } from '../../core/errors.js';

const BY_NAME: Record<TransformTypeName, TransformType> = {
  'date-iso': dateIso,
  'time-24h': time24h,
  'name-order': nameOrder,
  initials,
  'unit-convert': unitConvert,
  'sort-alpha': sortAlpha,
  'sort-numeric': sortNumeric,
  dedupe,
  'case-change': caseChange,
  'identifier-case': identifierCase,
  'extract-emails': extractEmails,
  'extract-phones': extractPhones,
  'extract-prices': extractPrices,
  'csv-to-json': csvToJson,
  'json-to-csv': jsonToCsv,
  'number-format': numberFormat,
  'currency-format': currencyFormat,
  'reverse-words': reverseWords,
  'filter-lines': filterLines,
};

/** Every transformation type, in TRANSFORM_TYPE_NAMES order. */
export const TRANSFORM_TYPES: readonly TransformType[] = TRANSFORM_TYPE_NAMES.map((n) => BY_NAME[n]);

export function transformType(name: string): TransformType {
  const type = (BY_NAME as Record<string, TransformType | undefined>)[name];
  if (!type) throw new ReliabenchError('BAD_ARGUMENT', `unknown transforms type "${name}"; known: ${TRANSFORM_TYPE_NAMES.join(', ')}`, { input: name });
  return type;
}
