/**
 * Settings: who is recorded in the audit log as making changes, where the data lives, and the
 * version of the app. Capabilities add their own sections (screening policy, risk weights).
 */
import { useState } from 'react';
import type { RouteProps } from '../../app/route-props';
import { APP_VERSION } from '../../../src/core/version';
import { LATEST_SCHEMA_VERSION } from '../../../src/store';
import { Button, Notice, PageHeader, TextField } from '../../components/ui';
import { WeightsEditor } from '../risk/WeightsEditor';
import { PolicyEditor } from '../screening/PolicyEditor';

export function SettingsView(_props: RouteProps) {
  const [actor, setActor] = useState(() => localStorage.getItem('subtier.actor') ?? '');
  const [saved, setSaved] = useState(false);
  return (
    <div className="page">
      <PageHeader title="Settings" />
      <section className="section card pad">
        <h3>Your name in the audit log</h3>
        <p className="muted">Every change is recorded with the time, what changed and who made it.</p>
        <form className="form-row" onSubmit={(e) => {
          e.preventDefault();
          localStorage.setItem('subtier.actor', actor.trim());
          setSaved(true);
        }}>
          <TextField label="Name" value={actor} onChange={(e) => { setActor(e.target.value); setSaved(false); }} placeholder="e.g. M. Kim, Compliance" />
          <Button variant="primary" type="submit">Save</Button>
        </form>
        {saved ? <Notice kind="success">Saved. New changes are recorded under “{actor.trim() || 'local user'}”.</Notice> : null}
      </section>
      <PolicyEditor />
      <WeightsEditor />
      <section className="section card pad">
        <h3>About</h3>
        <dl className="facts">
          <dt>Version</dt><dd>Subtier {APP_VERSION}</dd>
          <dt>Database</dt><dd>Local IndexedDB, schema version {LATEST_SCHEMA_VERSION}; nothing is sent anywhere</dd>
        </dl>
      </section>
    </div>
  );
}
