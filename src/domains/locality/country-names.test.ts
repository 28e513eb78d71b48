import { describe, expect, it } from 'vitest';
import { COUNTRY_ALIASES, COUNTRY_NAMES, DEPENDENCIES, countryName } from './country-names.js';
import { countriesNamedBy } from './country-qualifier.js';

/** Every country code in GeoNames cities500 (cut -f9 cities500.txt | sort -u). */
const CODES_IN_CITIES500 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HN HR HT HU ID IE IL IM IN IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'.split(' ');

describe('country names', () => {
  it('names every country code of cities500, and every alias or dependency refers to a known code', () => {
    for (const code of CODES_IN_CITIES500) expect(COUNTRY_NAMES[code], code).toBeTruthy();
    for (const code of [...Object.keys(COUNTRY_ALIASES), ...Object.keys(DEPENDENCIES), ...Object.values(DEPENDENCIES).flat()]) {
      expect(COUNTRY_NAMES[code], code).toBeTruthy();
    }
    expect(countryName('FR')).toBe('France');
  });

  it('reads country qualifiers, with aliases and dependencies, but not two-letter codes', () => {
    expect([...(countriesNamedBy('France') ?? [])]).toContain('RE');
    expect(countriesNamedBy('the Netherlands')?.has('NL')).toBe(true);
    expect(countriesNamedBy('U.S.A.')?.has('US')).toBe(true);
    expect(countriesNamedBy('England')?.has('GB')).toBe(true);
    expect(countriesNamedBy('Côte d’Ivoire')?.has('CI')).toBe(true);
    expect(countriesNamedBy('Congo')).toEqual(new Set(['CD', 'CG']));
    expect(countriesNamedBy('DE')).toBeUndefined();
    expect(countriesNamedBy('Rhône')).toBeUndefined();
  });
});
