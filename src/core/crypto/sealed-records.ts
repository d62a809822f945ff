/**
 * Which stored fields are sensitive, and how a record looks with them sealed. A worker (a person
 * marked as a worker) keeps only a pseudonym, its reference code and its links in clear; evidence
 * marked sensitive keeps only its hash, size, date and subject in clear (enough to verify a bundle
 * and to list it "by hash only" in a report). Everything else goes into one AES-GCM sealed string.
 */
import type { Evidence, Party } from '../model';
import { isSealedText, openJson, sealJson } from './cipher';

export const PARTY_PURPOSE = 'subtier sealed party fields v1';
export const EVIDENCE_PURPOSE = 'subtier sealed evidence fields v1';
export const EVIDENCE_BYTES_PURPOSE = 'subtier sealed evidence bytes v1';

export interface SealedPartyFields {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly registrationNumber: string;
  readonly address: string;
  readonly notes: string;
}

export interface SealedEvidenceFields {
  readonly title: string;
  readonly description: string;
  readonly fileName: string;
  readonly mediaType: string;
}

/** A party whose details must be encrypted at rest: a person marked as a worker. */
export const isSensitiveParty = (party: Pick<Party, 'isWorker'>): boolean => party.isWorker;
/** Evidence whose metadata and bytes must be encrypted at rest. */
export const isSensitiveEvidence = (evidence: Pick<Evidence, 'sensitive'>): boolean => evidence.sensitive;

/** True when the record's sensitive fields are sealed (encrypted) rather than in clear. */
export const isSealed = (record: { sealed?: string }): boolean => isSealedText(record.sealed);

/**
 * The name a sealed worker shows while the vault is locked (by its reference code, so the auditor
 * can still tell workers apart). Redacted reports use their own pseudonym (report/redaction.ts),
 * which never shows the reference code.
 */
export function lockedWorkerName(party: Pick<Party, 'id' | 'ref'>): string {
  return `Protected worker ${party.ref || party.id.slice(-6).toUpperCase()}`;
}

/** What a sealed worker keeps in clear in place of each sealed field. */
function partyBlanks(party: Party): Pick<Party, keyof SealedPartyFields> {
  return { name: lockedWorkerName(party), aliases: [], registrationNumber: '', address: '', notes: '' };
}

function evidenceBlanks(): SealedEvidenceFields {
  return { title: '', description: '', fileName: 'protected-evidence', mediaType: 'application/octet-stream' };
}

/** The sealed fields of a party, as they go into the sealed string. */
function partyFields(party: Party): SealedPartyFields {
  return { name: party.name, aliases: party.aliases, registrationNumber: party.registrationNumber, address: party.address, notes: party.notes };
}

/** Replaces a worker's identifying fields by a pseudonym and one sealed string. */
export async function sealParty(key: CryptoKey, party: Party): Promise<Party> {
  const sealed = await sealJson(key, partyFields(party), PARTY_PURPOSE);
  return { ...party, ...partyBlanks(party), sealed };
}

/** Marks a record whose sensitive fields were left out of a copy (the audit log) rather than sealed. */
export const WITHHELD = 'withheld';

/**
 * The form of a record that may be copied into the audit log while a passphrase is set: sealed
 * records as they are; sensitive records still in clear (written before they were marked, or
 * before the passphrase was set) with their sensitive fields left out; anything else unchanged.
 */
export function auditCopy(entity: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || isSealed(value as { sealed?: string })) return value;
  if (entity === 'party' && isSensitiveParty(value as Party)) return { ...(value as Party), ...partyBlanks(value as Party), sealed: WITHHELD };
  if (entity === 'evidence' && isSensitiveEvidence(value as Evidence)) return { ...(value as Evidence), ...evidenceBlanks(), sealed: WITHHELD };
  return value;
}

/** Restores a sealed party's fields; throws DecryptionError with the wrong key or changed data. */
export async function openParty(key: CryptoKey, party: Party): Promise<Party> {
  if (!isSealed(party)) return party;
  const fields = (await openJson(key, party.sealed!, PARTY_PURPOSE)) as SealedPartyFields;
  return { ...party, ...fields, aliases: [...fields.aliases], sealed: '' };
}

export async function sealEvidence(key: CryptoKey, evidence: Evidence): Promise<Evidence> {
  const fields: SealedEvidenceFields = { title: evidence.title, description: evidence.description, fileName: evidence.fileName, mediaType: evidence.mediaType };
  const sealed = await sealJson(key, fields, EVIDENCE_PURPOSE);
  return { ...evidence, ...evidenceBlanks(), sealed };
}

export async function openEvidence(key: CryptoKey, evidence: Evidence): Promise<Evidence> {
  if (!isSealed(evidence)) return evidence;
  const fields = (await openJson(key, evidence.sealed!, EVIDENCE_PURPOSE)) as SealedEvidenceFields;
  return { ...evidence, ...fields, sealed: '' };
}
