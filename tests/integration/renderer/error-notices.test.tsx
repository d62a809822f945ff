// @vitest-environment jsdom
// Errors reach the user in plain words: a full disk while creating a project (real Dexie backend on
// fake-indexeddb), a database that cannot be opened, a failure nobody caught, and a screen that
// crashes while rendering, which must not take the rest of the app with it.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { ServicesProvider } from '../../../renderer/app/services-context';
import { ErrorBoundary, ErrorNotices, reportAppError } from '../../../renderer/components/ErrorBoundary';
import { StorageError } from '../../../src/core/services/ports';
import type { StorageBackend } from '../../../src/core/services/ports';
import { Repository } from '../../../src/core/services/repository';
import { createDexieBackend, createMemoryBackend } from '../../../src/store';

const realPut = IDBObjectStore.prototype.put;

beforeEach(() => {
  window.location.hash = '';
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) { this.setAttribute('open', ''); };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) { this.removeAttribute('open'); };
});
afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
  cleanup();
});

describe('errors shown to the user', () => {
  it('says the disk is full, in words, when creating a project fails for lack of space', async () => {
    const repo = new Repository(createDexieBackend({ name: `ui-quota-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange }));
    render(<App services={{ repo }} />);
    // Opening a Dexie database on fake-indexeddb can take seconds on a busy machine.
    fireEvent.click(await screen.findByRole('button', { name: 'Start an empty project' }, { timeout: 15_000 }));
    const dialog = screen.getByRole('dialog', { name: 'New project' });
    fireEvent.change(within(dialog).getByLabelText('Project name'), { target: { value: 'Stadium East Stand' } });
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create project' }));
    const alerts = await screen.findAllByText(/storage quota is full\. Nothing was saved/);
    expect(alerts.length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(/QuotaExceededError|DOMException/);
    IDBObjectStore.prototype.put = realPut;
    expect(await repo.listProjects()).toEqual([]);
  });

  it('explains a database that will not open instead of showing empty screens', async () => {
    const memory = createMemoryBackend();
    const broken: StorageBackend = {
      ...memory,
      read: () => Promise.reject(new StorageError('This database was written by a newer version of Subtier. Update the app to open it.', 'version')),
    };
    const quiet = console.error;
    console.error = () => undefined;
    try {
      render(<App services={{ repo: new Repository(broken) }} />);
      const alert = await screen.findByText('This database needs a newer Subtier');
      expect(alert.closest('[role="alert"]')?.textContent).toContain('Update the app to open it.');
    } finally {
      console.error = quiet;
    }
  });

  it('shows failures nobody caught, once each, and lets the user dismiss them', async () => {
    render(<App services={{ repo: new Repository(createMemoryBackend()) }} />);
    await screen.findByRole('heading', { name: 'Projects' });
    const event = new Event('unhandledrejection') as Event & { reason?: unknown };
    event.reason = new StorageError('The disk or the browser storage quota is full. Nothing was saved.', 'quota');
    window.dispatchEvent(event);
    window.dispatchEvent(event);
    expect(await screen.findAllByText('Storage is full')).toHaveLength(1);
    reportAppError(new Error('The report could not be written: the font file is damaged.'));
    expect(await screen.findByText('The report could not be written: the font file is damaged.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Storage is full' }));
    await waitFor(() => expect(screen.queryByText('Storage is full')).toBeNull());
    expect(screen.getByText('Something went wrong')).toBeTruthy();
  });

  it('keeps a crashing screen to itself and offers to try again', async () => {
    let broken = true;
    function Fragile() {
      if (broken) throw new Error('cannot read the chain layout');
      return <p>Chain drawn</p>;
    }
    function Shell() {
      const [clicks, setClicks] = useState(0);
      return (
        <>
          <button type="button" onClick={() => setClicks(clicks + 1)}>Sidebar {clicks}</button>
          <ErrorBoundary><Fragile /></ErrorBoundary>
        </>
      );
    }
    const quiet = console.error;
    console.error = () => undefined;
    try {
      render(<ServicesProvider services={{ repo: new Repository(createMemoryBackend()) }}><ErrorNotices /><Shell /></ServicesProvider>);
      expect(screen.getByRole('heading', { name: 'This screen stopped working' })).toBeTruthy();
      expect(screen.getByText(/cannot read the chain layout/)).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Sidebar 0' }));
      expect(screen.getByRole('button', { name: 'Sidebar 1' })).toBeTruthy();
      broken = false;
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(screen.getByText('Chain drawn')).toBeTruthy();
    } finally {
      console.error = quiet;
    }
  });
});
