/**
 * A generated chain of any size, for benchmarks, screenshots and scale tests: a client, a general
 * contractor, specialist subcontractors, labour agencies and crews, with banks, owners, payments,
 * aliases in Hangul, Cyrillic and Arabic, and a few deliberate gaps. Seeded and deterministic:
 * the same size and seed always give the same chain.
 */
import type { Link, Party, Project } from '../model/schemas';
import { linkSchema, partySchema, projectSchema } from '../model/schemas';
import type { PartyKind, Relation } from '../model/enums';
import { seededRandom } from '../model/seeded-random';

export interface GeneratedChain {
  readonly project: Project;
  readonly parties: Party[];
  readonly links: Link[];
}

const AT = '2026-01-01T00:00:00.000Z';
const TRADES = ['Facade', 'Precast', 'Steel', 'MEP', 'Landscaping', 'Glazing', 'Roofing', 'Scaffolding', 'Ductwork', 'Electrical', 'Plumbing', 'Paving'];
const WORDS = ['Gulf', 'Pearl', 'Falcon', 'Oasis', 'Crescent', 'Summit', 'Harbour', 'Delta', 'Meridian', 'Coral', 'Atlas', 'Nordic', 'Sejong', 'Baltic', 'Sahara', 'Amber'];
const COUNTRIES = ['QA', 'QA', 'QA', 'AE', 'AE', 'SA', 'NP', 'IN', 'BD', 'RU', 'CN', 'KR', 'KP', 'PH', 'TR'];
const HANGUL = ['건설', '무역', '개발', '인력'];
const CYRILLIC = ['Строй', 'Монтаж', 'Трейд', 'Сервис'];
const ARABIC = ['للمقاولات', 'للتجارة', 'لخدمات القوى العاملة', 'للإنشاءات'];

/**
 * Generates a chain of `partyCount` parties and about `linkCount` links (at least one tier link per
 * party below the client). `projectId` lets a test page load it under a known id.
 */
export function generateChain(partyCount: number, linkCount: number, seed = 1, projectId = 'prj_generated'): GeneratedChain {
  const rnd = seededRandom(seed);
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const parties: Party[] = [];
  const links: Link[] = [];
  const pad = (n: number) => String(n).padStart(5, '0');
  const addParty = (kind: PartyKind, name: string, extra: Partial<Party> = {}): Party => {
    const country = extra.country ?? pickOf(COUNTRIES);
    const p = partySchema.parse({
      id: `pty_gen_${pad(parties.length + 1)}`, projectId, kind, name, createdAt: AT, updatedAt: AT, country,
      registrationNumber: rnd() < 0.8 ? `CR-${Math.floor(rnd() * 900000 + 100000)}` : '',
      workforce: kind === 'workforce' ? { nationality: rnd() < 0.7 ? pickOf(COUNTRIES) : '', headcount: rnd() < 0.8 ? Math.floor(rnd() * 120 + 5) : null } : null,
      ...extra,
    });
    parties.push(p);
    return p;
  };
  const link = (relation: Relation, from: string, to: string, extra: Partial<Link> = {}) => {
    links.push(linkSchema.parse({ id: `lnk_gen_${pad(links.length + 1)}`, projectId, relation, from, to, createdAt: AT, updatedAt: AT, ...extra }));
  };
  const aliasFor = (country: string, base: string): string[] => {
    if (country === 'KR' || country === 'KP') return [`${base} ${pickOf(HANGUL)}`];
    if (country === 'RU') return [`${pickOf(CYRILLIC)}${base}`];
    if (country === 'QA' || country === 'AE' || country === 'SA') return [`${base} ${pickOf(ARABIC)}`];
    return [];
  };

  // Most organizations disclose at least one crew of their own; the rest are where the chain goes dark.
  const ownCrew = (p: Party, base: string) => {
    if (parties.length >= partyCount || rnd() >= 0.85) return;
    const crew = addParty('workforce', `${base} site crew`, { country: 'QA' });
    link('employs', p.id, crew.id);
  };

  const client = addParty('organization', 'Generated Stadium Development Authority', { isClient: true, country: 'QA' });
  const gc = addParty('organization', 'Generated General Contracting', { country: 'QA' });
  link('subcontracts', client.id, gc.id, { value: 250_000_000, currency: 'USD' });
  link('pays', client.id, gc.id, { channel: 'bank_transfer' });
  const banks = Array.from({ length: Math.max(2, Math.round(partyCount / 100)) }, (_, i) => addParty('bank', `${pickOf(WORDS)} Bank ${i + 1}`));
  // Organizations at each tier give work to the tier below; crews sit at the bottom.
  const open: Party[] = [gc];
  let n = 0;
  while (parties.length < partyCount) {
    const parent = open[Math.floor(rnd() * Math.min(open.length, 40 + open.length / 4))]!;
    n++;
    const roll = rnd();
    const country = pickOf(COUNTRIES);
    const base = `${pickOf(WORDS)} ${pickOf(TRADES)} ${n}`;
    if (roll < 0.45) {
      const p = addParty('organization', `${base} Contracting`, { country, aliases: aliasFor(country, base) });
      link('subcontracts', parent.id, p.id);
      if (rnd() < 0.7) link('pays', parent.id, p.id, { channel: rnd() < 0.9 ? 'bank_transfer' : 'cash' });
      open.push(p);
      ownCrew(p, base);
    } else if (roll < 0.6) {
      const p = addParty('organization', `${base} Manpower Supply`, { country, aliases: aliasFor(country, base) });
      link('supplies_labor', p.id, parent.id);
      open.push(p);
      ownCrew(p, base);
    } else if (roll < 0.93) {
      const p = addParty('workforce', `${base} crew`, { country: 'QA' });
      link('employs', parent.id, p.id);
      if (rnd() < 0.5) link('pays', parent.id, p.id, { channel: rnd() < 0.8 ? 'bank_transfer' : 'team_leader' });
    } else {
      const p = addParty('person', `${pickOf(['Kim', 'Pak', 'Ivanov', 'Al-Marri', 'Choi', 'Lee'])} ${pickOf(['Song-il', 'Min', 'Andrei', 'Khalid', 'Jun', 'Hye'])} ${n}`, { country, aliases: aliasFor(country, 'Person') });
      link(rnd() < 0.5 ? 'owns' : 'pays', p.id, parent.id);
    }
  }
  // Extra links up to the target: accounts, cross-payments and second contracts.
  const orgs = parties.filter((p) => p.kind === 'organization' && !p.isClient);
  let guard = 0;
  while (links.length < linkCount && guard++ < linkCount * 10) {
    const a = pickOf(orgs);
    const roll = rnd();
    if (roll < 0.35) link('banks_with', a.id, pickOf(banks).id);
    else if (roll < 0.8) {
      // Mostly payments down the chain by bank transfer; a few in cash or through third parties.
      const b = pickOf(parties);
      if (b.id > a.id) link('pays', a.id, b.id, { channel: rnd() < 0.85 ? 'bank_transfer' : pickOf(['cash', 'third_party_account', 'team_leader'] as const) });
    } else {
      // Second contracts run down the chain only (from an earlier party to a later one): no cycles.
      const b = pickOf(orgs);
      if (a.id < b.id && b.id !== gc.id) link('subcontracts', a.id, b.id);
    }
  }
  const project = projectSchema.parse({ id: projectId, name: `Generated chain (${partyCount} parties)`, site: 'Generated site', hostCountry: 'QA', client: client.name, createdAt: AT, updatedAt: AT });
  return { project, parties, links };
}
