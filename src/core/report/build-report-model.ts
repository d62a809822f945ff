/**
 * Builds the report model from the report input: a pure function of the input, the hash of the
 * embedded data and the app version, so the same data always gives the same model (and PDF). It
 * decides every sentence the summary and scope print; findings and records have their own modules.
 */
import { buildGraph, computeTiers, findCycles, stepOf } from '../chain/graph';
import { labelOf, TIER_RELATIONS } from '../model';
import { describePolicy } from '../screening/policy';
import type { Party } from '../model';
import { buildFindings, levelOf } from './build-findings';
import { buildAudit, buildEvidence, buildScreening } from './build-records';
import { countryLabel } from './actions';
import { LEGAL_BASIS, LEGAL_DISCLAIMER } from './legal-basis';
import { RISK_LEVELS } from './report-input';
import type { PartyRisk, ReportInput, RiskLevel } from './report-input';
import { REPORT_MODEL_VERSION } from './report-model';
import type { ChainModel, RegisterRow, ReportMeta, ReportModel, ScopeModel, SummaryModel } from './report-model';

/** A deterministic report id: the as-of date and the start of the data hash. */
export function reportIdOf(asOf: string, dataSha256: string): string {
  return `SDR-${asOf.replaceAll('-', '')}-${dataSha256.slice(0, 8).toUpperCase()}`;
}

/** Builds the whole report model. `input` must already be redacted when the report is. */
export function buildReportModel(input: ReportInput, dataSha256: string, appVersion: string): ReportModel {
  const { snapshot, risk, options } = input;
  const graph = buildGraph(snapshot.parties, snapshot.links);
  const tiers = computeTiers(graph);
  const riskById = new Map(risk.parties.map((r) => [r.partyId, r] as const));
  const ctx = { input, graph, tiers, riskById, nameOf: (id: string) => graph.parties.get(id)?.name ?? id };

  const findings = buildFindings(ctx);
  const project = snapshot.project;
  const meta: ReportMeta = {
    reportId: reportIdOf(options.asOf, dataSha256),
    title: 'Due-diligence report: DPRK overseas labour in the contractor chain',
    projectName: project.name,
    site: project.site,
    hostCountry: countryLabel(project.hostCountry),
    client: project.client,
    projectPeriod: [project.startDate, project.endDate].filter(Boolean).join(' to '),
    organisation: options.organisation,
    author: options.author,
    asOf: options.asOf,
    appVersion,
    modelVersion: risk.modelVersion,
    dataSha256,
    redacted: options.redact,
  };
  const register = buildRegister(ctx);
  return {
    version: REPORT_MODEL_VERSION,
    meta,
    sections: options.sections,
    summary: buildSummary(ctx, findings),
    scope: buildScope(ctx),
    legal: { authorities: LEGAL_BASIS, disclaimer: LEGAL_DISCLAIMER },
    chain: buildChain(ctx),
    register,
    findings,
    screening: buildScreening(ctx),
    evidence: buildEvidence(ctx),
    audit: buildAudit(input),
    signoff: {
      statement: `I have reviewed the contractor chain of ${project.name} as recorded on ${options.asOf}, the sanctions screening results and the evidence listed in this report. `
        + 'The findings and recommended actions above reflect that information. Parties, facts and documents not recorded in the project were not examined.',
      author: options.author,
      organisation: options.organisation,
      asOf: options.asOf,
    },
  };
}

export interface BuildContext {
  readonly input: ReportInput;
  readonly graph: ReturnType<typeof buildGraph>;
  readonly tiers: ReadonlyMap<string, number>;
  readonly riskById: ReadonlyMap<string, PartyRisk>;
  readonly nameOf: (id: string) => string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function buildSummary(ctx: BuildContext, findings: ReportModel['findings']): SummaryModel {
  const { snapshot, risk } = ctx.input;
  const levelCounts = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;
  for (const r of risk.parties) levelCounts[levelOf(r)]++;
  const insufficient = risk.parties.filter((r) => r.insufficient);
  const confirmed = snapshot.hits.filter((h) => h.status === 'confirmed');
  const openHits = snapshot.hits.filter((h) => h.status === 'open').length;
  const dprkCrews = snapshot.parties.filter((p) => p.workforce?.nationality === 'KP');

  const keyFindings: string[] = [];
  keyFindings.push(`The project is rated ${risk.project.rating.toUpperCase()} (score ${Math.round(risk.project.score)} of 100) with ${pct(risk.project.completeness)} of the facts that matter known.`);
  keyFindings.push(`${snapshot.parties.length} parties and ${snapshot.links.length} relationships were assessed: ${levelCounts.critical} critical, ${levelCounts.high} high, ${levelCounts.medium} medium and ${levelCounts.low} low.`);
  if (confirmed.length) keyFindings.push(`${confirmed.length} confirmed designation match${confirmed.length === 1 ? '' : 'es'}: ${unique(confirmed.map((h) => `${ctx.nameOf(h.partyId)} = ${h.entryName}`)).join('; ')}.`);
  else keyFindings.push('No party was confirmed as a designated person or entity.');
  if (dprkCrews.length) keyFindings.push(`DPRK nationals are recorded in ${dprkCrews.length} workforce${dprkCrews.length === 1 ? '' : 's'}: ${dprkCrews.map((p) => p.name).join(', ')}.`);
  if (openHits) keyFindings.push(`${openHits} potential screening match${openHits === 1 ? ' is' : 'es are'} still awaiting review.`);
  if (insufficient.length) keyFindings.push(`${insufficient.length} part${insufficient.length === 1 ? 'y has' : 'ies have'} insufficient information to be cleared; unknown is treated as a gap, not as low risk.`);
  const top = topIndicators(risk.parties);
  if (top.length) keyFindings.push(`Most frequent red flags: ${top.join('; ')}.`);
  if (risk.cycles.length) keyFindings.push(`The chain contains ${risk.cycles.length} subcontracting loop${risk.cycles.length === 1 ? '' : 's'}, which can hide who does the work.`);

  return {
    rating: risk.project.rating,
    score: risk.project.score,
    completeness: risk.project.completeness,
    partyCount: snapshot.parties.length,
    linkCount: snapshot.links.length,
    levelCounts,
    insufficientCount: insufficient.length,
    keyFindings,
    confirmedMatches: confirmed.map((h) => ({ party: ctx.nameOf(h.partyId), entry: h.entryName, list: h.listSource, ref: h.entryRef })),
    openHits,
    actionParties: findings.map((f) => ({ partyId: f.partyId, name: f.name, level: maxLevel(f.inherent.level, f.exposure.level), actions: f.actions.map((a) => a.title) })),
  };
}

function topIndicators(parties: readonly PartyRisk[]): string[] {
  const counts = new Map<string, number>();
  for (const p of parties) for (const i of new Set(p.indicators.map((x) => x.title))) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([t, n]) => `${t} (${n} part${n === 1 ? 'y' : 'ies'})`);
}

export function maxLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RISK_LEVELS.indexOf(a) >= RISK_LEVELS.indexOf(b) ? a : b;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function buildScope(ctx: BuildContext): ScopeModel {
  const { snapshot, risk, lists } = ctx.input;
  const untiered = snapshot.parties.filter((p) => !ctx.tiers.has(p.id) && !ctx.graph.out.get(p.id)?.length && !ctx.graph.in.get(p.id)?.length);
  const unknownNationality = snapshot.parties.filter((p) => p.kind === 'workforce' && !p.workforce?.nationality);
  const unknownChannel = snapshot.links.filter((l) => l.relation === 'pays' && (l.channel === null || l.channel === 'unknown'));
  const insufficient = risk.parties.filter((r) => r.insufficient).map((r) => ctx.nameOf(r.partyId));
  const notExamined = [
    'Parties, workers and payments not recorded in the project: the assessment covers the chain as disclosed to the auditor.',
    'The contents of evidence files: the register lists each file by its SHA-256; the files themselves were examined by the auditor outside this report.',
    `Sanctions lists other than those listed above, and designations made after the lists' publication dates.`,
  ];
  if (insufficient.length) notExamined.push(`Parties with insufficient information (${insufficient.length}): ${listNames(insufficient)}.`);
  if (unknownNationality.length) notExamined.push(`Workforces whose nationality is not recorded (${unknownNationality.length}): ${listNames(unknownNationality.map((p) => p.name))}.`);
  if (unknownChannel.length) notExamined.push(`${unknownChannel.length} payment${unknownChannel.length === 1 ? '' : 's'} whose channel is unknown.`);
  if (untiered.length) notExamined.push(`Parties recorded without any relationship (${untiered.length}): ${listNames(untiered.map((p) => p.name))}.`);
  return {
    paragraphs: [
      `The assessment covers the contractor chain of ${snapshot.project.name} as recorded in Subtier on ${ctx.input.options.asOf}: ${snapshot.parties.length} parties (contractors, labour agencies, crews, banks, owners) and ${snapshot.links.length} relationships (who subcontracts to, supplies labour to, employs, recruits, pays, banks with or owns whom).`,
      'Each party was screened by name and alias against the sanctions lists below. Potential matches were reviewed by a person and confirmed or dismissed with a reason.',
      ...(ctx.input.screeningPolicy ? [describePolicy(ctx.input.screeningPolicy)] : []),
      `Each party's inherent risk (0 to 100) combines the indicators that apply to it, weighted by severity and confidence. Its exposure adds the risk of everything below it in the chain and of where its payments go, attenuated with distance. Unknown facts lower a party's completeness; a party with too little information is flagged and cannot be rated simply low. Risk model ${risk.modelVersion}, weights hash ${risk.weightsHash.slice(0, 16)}.`,
    ],
    modelVersion: risk.modelVersion,
    weightsHash: risk.weightsHash,
    indicators: risk.catalog.map((c) => ({ id: c.id, title: c.title, severity: c.severity, weight: c.weight, sources: sourceIds(c.sources) })),
    sources: [...new Set(risk.catalog.flatMap((c) => c.sources))].sort(bySourceId),
    lists: lists.map((l) => ({ name: l.name, source: l.source, publishedAt: l.publishedAt || 'not stated', files: l.files.map((f) => `${f.name}: ${f.sha256}`).join('\n'), entries: l.entries })),
    notExamined,
  };
}

/** "[S1] title; [S20] title" → "S1, S20": tables cite by id, the scope section lists the titles. */
export function sourceIds(sources: readonly string[]): string {
  return sources.map((s) => /^\[([^\]]+)\]/.exec(s)?.[1] ?? s).join(', ');
}

function bySourceId(a: string, b: string): number {
  const n = (s: string) => Number(/^\[S(\d+)\]/.exec(s)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return n(a) - n(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function listNames(names: readonly string[], max = 12): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function buildChain(ctx: BuildContext): ChainModel {
  const { snapshot } = ctx.input;
  const confirmed = new Set(snapshot.hits.filter((h) => h.status === 'confirmed').map((h) => h.partyId));
  return {
    nodes: snapshot.parties.map((p) => {
      const r = ctx.riskById.get(p.id);
      return {
        id: p.id, label: p.name, kind: p.kind, tier: ctx.tiers.get(p.id) ?? null, level: r ? levelOf(r) : 'medium',
        insufficient: r?.insufficient ?? true, country: p.country, confirmedHit: confirmed.has(p.id),
      };
    }),
    // Tier links are drawn down the chain (a labour supplier below the contractor it supplies).
    edges: [...ctx.graph.out.values()].flat().map((l) => {
      const s = TIER_RELATIONS.has(l.relation) ? stepOf(l) : { parent: l.from, child: l.to };
      return { from: s.parent, to: s.child, relation: l.relation };
    }),
    cycles: findCycles(ctx.graph).map((c) => c.map(ctx.nameOf).join(' → ')),
  };
}

function buildRegister(ctx: BuildContext): RegisterRow[] {
  const { snapshot } = ctx.input;
  const rows = snapshot.parties.map((p) => registerRow(ctx, p));
  // Tier order, then name: the order a reader walks the chain in.
  return rows.sort((a, b) => tierKey(a.tier) - tierKey(b.tier) || a.name.localeCompare(b.name, 'en') || (a.partyId < b.partyId ? -1 : 1));
}

const tierKey = (tier: string) => (tier === '—' ? 1e9 : Number(tier));

function registerRow(ctx: BuildContext, p: Party): RegisterRow {
  const r = ctx.riskById.get(p.id);
  const hits = ctx.input.snapshot.hits.filter((h) => h.partyId === p.id);
  const count = (s: string) => hits.filter((h) => h.status === s).length;
  const parts = [['confirmed', count('confirmed')], ['open', count('open')], ['dismissed', count('dismissed')]].filter(([, n]) => n) as [string, number][];
  const tier = ctx.tiers.get(p.id);
  return {
    partyId: p.id,
    ref: p.ref,
    name: p.name,
    kind: labelOf(p.kind),
    country: countryLabel(p.country),
    tier: tier === undefined ? '—' : String(tier),
    inherent: r ? { level: r.inherent.level, score: r.inherent.score } : { level: 'medium', score: 0 },
    exposure: r ? { level: r.exposure.level, score: r.exposure.score } : { level: 'medium', score: 0 },
    insufficient: r?.insufficient ?? true,
    completeness: r?.completeness ?? 0,
    hits: parts.length ? parts.map(([s, n]) => `${n} ${s}`).join(', ') : '—',
  };
}
