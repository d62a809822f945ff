/**
 * The fingerprint of a list entry: SHA-256 over the fields that identify and describe the target
 * (names, type, programs, dates, addresses, remarks) in canonical JSON. A dismissed hit reopens only
 * when this changes, so a new list issue that leaves the entry alone never undoes a review.
 */
import { canonicalJson, sha256Hex } from '../model/hash';
import type { ListEntry } from './types';

/** Hex SHA-256 of the entry's content; alias order does not matter. */
export function entryFingerprint(entry: ListEntry): string {
  return sha256Hex(canonicalJson({
    ref: entry.ref,
    type: entry.type,
    name: entry.name,
    aliases: entry.aliases.map((a) => `${a.quality}:${a.name}`).sort(),
    programs: [...entry.programs].sort(),
    listedOn: entry.listedOn,
    addresses: [...entry.addresses].sort(),
    countries: [...entry.countries].sort(),
    birthDates: [...entry.birthDates].sort(),
    remarks: entry.remarks,
  }));
}
