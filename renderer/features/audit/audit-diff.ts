/**
 * Turns an audit entry's before/after records into what a reader needs: the fields that changed,
 * each value in short readable text, encrypted values shown as such, and a label for the record.
 */
import type { AuditEntry } from '../../../src/core/model';
import { isSealedText } from '../../../src/core/crypto';

export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

const IGNORED = new Set(['updatedAt', 'createdAt']);

/** A value as short text: encrypted values say so, objects become compact JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (isSealedText(value)) return '(encrypted)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return '—';
  return JSON.stringify(value, (_k, v: unknown) => (isSealedText(v) ? '(encrypted)' : v));
}

const asRecord = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The fields whose value differs between before and after (all fields for a creation or deletion). */
export function changedFields(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !IGNORED.has(k)).sort();
  const out: FieldChange[] = [];
  for (const field of keys) {
    const b = displayValue(before[field]);
    const a = displayValue(after[field]);
    if (b !== a) out.push({ field, before: b, after: a });
  }
  if (!entry.before || typeof entry.before !== 'object') {
    if (entry.before != null) out.push({ field: '(value)', before: displayValue(entry.before), after: displayValue(entry.after) });
  }
  return out;
}

/** The record's name as recorded in the entry, if it has one. */
export function recordLabel(entry: Pick<AuditEntry, 'before' | 'after'>): string {
  const source = { ...asRecord(entry.before), ...asRecord(entry.after) };
  const name = source.name ?? source.title ?? source.fileName;
  return typeof name === 'string' && !isSealedText(name) ? name : '';
}
