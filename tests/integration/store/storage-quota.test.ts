// A full disk: IndexedDB refuses a write with QuotaExceededError. The Dexie backend must turn it into
// a StorageError whose message a person understands, and nothing of the refused change may remain.
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { sequentialIds, steppingClock } from '../../../src/core/model';
import { planImport, readTemplateFiles, writeTemplate } from '../../../src/core/io';
import { applyImport } from '../../../src/core/services';
import { StorageError } from '../../../src/core/services/ports';
import { Repository } from '../../../src/core/services/repository';
import { createDexieBackend } from '../../../src/store';
import { dumpBackend } from './fault-backend';
import { demo } from './v1-rows';

const realPut = IDBObjectStore.prototype.put;
const realAdd = IDBObjectStore.prototype.add;

/** From now on, the store behaves like a full disk once `budget` more rows have been written. */
function fillDiskAfter(budget: number): void {
  let left = budget;
  const guard = <F extends (...args: never[]) => unknown>(real: F) => function (this: IDBObjectStore, ...args: Parameters<F>) {
    if (left-- <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return real.apply(this, args);
  };
  IDBObjectStore.prototype.put = guard(realPut) as typeof realPut;
  IDBObjectStore.prototype.add = guard(realAdd) as typeof realAdd;
}

afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
  IDBObjectStore.prototype.add = realAdd;
});

async function seeded() {
  const backend = createDexieBackend({ name: `quota-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange });
  const repo = new Repository(backend, { ids: sequentialIds(), clock: steppingClock(), actor: () => 'tester' });
  const project = await repo.createProject({ name: 'Lusail bus depot', hostCountry: 'QA' });
  return { repo, backend, project };
}

describe('a full disk', () => {
  it('refuses a single change with a plain message and keeps the database as it was', async () => {
    const { repo, backend, project } = await seeded();
    const before = await dumpBackend(backend);
    fillDiskAfter(0);
    const error = await repo.createParty(project.id, { kind: 'organization', name: 'Lusail Transit' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'quota' });
    expect((error as Error).message).toMatch(/storage quota is full\. Nothing was saved\. Free some space/);
    expect((error as Error).message).not.toMatch(/QuotaExceededError|DOMException|IDB/);
    expect(await dumpBackend(backend)).toEqual(before);
  });

  it('stops an import that fills the disk half-way, with nothing of it kept', async () => {
    const { repo, backend } = await seeded();
    const workbook = demo;
    const plan = planImport(readTemplateFiles([{ name: 'stadium.xlsx', bytes: writeTemplate(workbook) }]), { target: { mode: 'new' }, ids: sequentialIds(100), clock: steppingClock() });
    const before = await dumpBackend(backend);
    // Room for the project and 20 of its 38 parties, then the disk is full.
    fillDiskAfter(21);
    await expect(applyImport(repo, plan)).rejects.toMatchObject({ name: 'StorageError', code: 'quota' });
    IDBObjectStore.prototype.put = realPut;
    IDBObjectStore.prototype.add = realAdd;
    expect(await dumpBackend(backend)).toEqual(before);
    // With space again, the same import goes through.
    await applyImport(repo, plan);
    expect(await repo.listParties(plan.result.project.id)).toHaveLength(38);
  });
});
