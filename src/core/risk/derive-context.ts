/**
 * Indicators a party gets from its surroundings rather than its own answers: screening hits on it
 * or its owners (A1), a name in the pattern of DPRK labour-export companies, the host country and
 * sector (A13), DPRK nationals earning income after the repatriation deadline (A15), crews it employs
 * recorded as North Korean (A2), and banks in a third country (A12).
 */
import type { Party } from '../model/schemas';
import { countryEvidence, COUNTRY_TIERS, sectorEvidence } from './context-tables';
import { contextText, ev, recorded, selfEvidence } from './evidence';
import type { PartyRole } from './facts';
import type { PartyEntry, RiskIndex } from './risk-index';
import type { Derivation } from './types';

/** UNSCR 2397 para. 8: DPRK nationals earning income abroad were to be repatriated by this date. */
export const REPATRIATION_DEADLINE = '2019-12-22';
// Link and hit lists are walked by index, not for-of (see derive.ts).
const DPRK_NAME = /\b(korea|korean|dprk|pyongyang|chosun|choson|joson)\b/i;
const LABOUR_EXPORT_NAME = /(trading|external construction|overseas project|foreign construction|general corporation|technology cooperation|economic cooperation)/i;

/** Screening hits on the party (A1), and on any party that owns it. Dismissed hits count for nothing. */
export function deriveHits(entry: PartyEntry, out: Derivation[]): void {
  addHits(entry.party, entry, out);
  for (let k = 0; k < entry.in.length; k++) if (entry.in[k]!.relation === 'owns') addHits(entry.party, entry.in[k]!.from, out);
}

function addHits(party: Party, subjectEntry: PartyEntry, out: Derivation[]): void {
  const subject = subjectEntry.party;
  for (let k = 0; k < subjectEntry.hits.length; k++) {
    const hit = subjectEntry.hits[k]!;
    if (hit.status === 'dismissed') continue;
    const who = subject === party ? `"${hit.queryName}"` : `Owner ${subject.name}`;
    const status = hit.status === 'confirmed' ? `confirmed${hit.reviewer ? ` by ${hit.reviewer}` : ''}` : 'open, not yet reviewed';
    out.push({
      indicatorId: 'designation-match',
      confidence: hit.status === 'confirmed' ? 'confirmed' : 'suspected',
      strength: 1,
      evidence: ev('hit', `${who} matches ${hit.listSource} ${hit.entryRef} "${hit.entryName}" (score ${hit.score.toFixed(2)}, ${status})`, hit.id, subject.id),
    });
  }
}

/** Indicators from context: names, host country and sector (A13), dates (A15), banks abroad (A12). */
export function deriveContext(idx: RiskIndex, entry: PartyEntry, role: PartyRole, out: Derivation[]): void {
  const party = entry.party;
  if (party.kind === 'organization' && party.country !== 'KP' && DPRK_NAME.test(party.name) && LABOUR_EXPORT_NAME.test(party.name)) {
    out.push({ indicatorId: 'dprk-labour-agent', confidence: 'suspected', strength: 1, evidence: selfEvidence(entry, 'fact', `Name "${party.name}" follows the pattern of DPRK labour-export companies`) });
  }
  if ((party.kind === 'organization' || party.kind === 'workforce') && !party.isClient) {
    const country = idx.project.hostCountry || party.country;
    const row = countryEvidence(country);
    if (row) {
      const sector = party.kind === 'workforce' && !party.sector.trim() ? undefined : sectorEvidence(party.sector);
      const inSector = party.kind === 'workforce' ? !party.sector.trim() || sector !== undefined : sector !== undefined;
      out.push({
        indicatorId: 'high-evidence-location', confidence: 'reported',
        strength: COUNTRY_TIERS[row.tier] * (inSector ? 1 : 0.4),
        evidence: selfEvidence(entry, 'context', contextText(row, sector, inSector, idx.project.hostCountry !== '')),
      });
    }
  }
  const wf = party.workforce;
  if (wf?.nationality === 'KP') {
    const end = idx.project.endDate;
    const after = (d: string) => d !== '' && d > REPATRIATION_DEADLINE;
    const when = after(wf.arrivalDate) ? `arrived ${wf.arrivalDate}`
      : after(end) ? `project runs until ${end}`
        : !end && after(idx.project.startDate) ? `project started ${idx.project.startDate}`
          : !end && after(idx.asOf) ? `present as of ${idx.asOf}` : '';
    if (when) out.push({ indicatorId: 'dprk-income-after-2019', confidence: recorded(idx, party.id), strength: 1, evidence: selfEvidence(entry, 'fact', `DPRK nationals earning income after ${REPATRIATION_DEADLINE}: ${when}`) });
  }
  for (let k = 0; k < entry.out.length; k++) {
    if (entry.out[k]!.relation !== 'employs') continue;
    const { link, to } = entry.out[k]!;
    const worker = to.party;
    const kp = worker.kind === 'workforce' ? worker.workforce?.nationality === 'KP' : worker.kind === 'person' && worker.country === 'KP';
    if (kp) out.push({ indicatorId: 'dprk-nationals', confidence: recorded(idx, worker.id, link.id), strength: 1, evidence: ev('link', `Employs ${worker.name}, recorded as North Korean (KP)`, link.id, worker.id) });
  }
  if (role.kind !== 'bank') {
    const home = party.country;
    const host = idx.project.hostCountry;
    for (let k = 0; k < entry.out.length; k++) {
      if (entry.out[k]!.relation !== 'banks_with') continue;
      const { link, to } = entry.out[k]!;
      const bank = to.party;
      // A third country: the bank's is known and is neither the party's nor the site's (when those are known).
      if (bank.country && (home || host) && bank.country !== home && bank.country !== host) {
        out.push({ indicatorId: 'opaque-payment-channel', confidence: recorded(idx, link.id), strength: 0.6, evidence: ev('link', `Banks with ${bank.name} in a third country (${bank.country})`, link.id, bank.id) });
      }
    }
  }
}
