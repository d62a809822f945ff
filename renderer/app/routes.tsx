/**
 * The app's navigation: one entry per screen, in sidebar order. Each capability registers its view
 * here; a route that needs an open project is disabled until one is chosen.
 */
import type { ComponentType } from 'react';
import { ProjectsView } from '../features/projects/ProjectsView';
import { PartiesView } from '../features/parties/PartiesView';
import { SettingsView } from '../features/settings/SettingsView';
import { AuditView } from '../features/audit/AuditView';
import { SecurityView } from '../features/security/SecurityView';
import { BackupsView } from '../features/backups/BackupsView';
import { ChainView } from '../features/chain/ChainView';
import { EvidenceRegister } from '../features/evidence/EvidenceRegister';
import { ImportExportView } from '../features/import-export/ImportExportView';
import { ScreeningView } from '../features/screening/ScreeningView';
import { ReportsView } from '../features/reports/ReportsView';
import { RiskView } from '../features/risk/RiskView';

import type { RouteProps } from './route-props';

export type { RouteProps };

export interface RouteDef {
  readonly id: string;
  readonly label: string;
  readonly needsProject: boolean;
  readonly component: ComponentType<RouteProps>;
}

export const ROUTES: readonly RouteDef[] = [
  { id: 'projects', label: 'Projects', needsProject: false, component: ProjectsView },
  { id: 'chain', label: 'Chain', needsProject: true, component: ChainView },
  { id: 'parties', label: 'Parties', needsProject: true, component: PartiesView },
  { id: 'risk', label: 'Risk', needsProject: true, component: RiskView },
  { id: 'screening', label: 'Screening', needsProject: true, component: ScreeningView },
  { id: 'evidence', label: 'Evidence', needsProject: true, component: EvidenceRegister },
  { id: 'reports', label: 'Reports', needsProject: true, component: ReportsView },
  { id: 'import-export', label: 'Import & export', needsProject: false, component: ImportExportView },
  { id: 'audit', label: 'Audit log', needsProject: false, component: AuditView },
  { id: 'backups', label: 'Backups', needsProject: false, component: BackupsView },
  { id: 'security', label: 'Security', needsProject: false, component: SecurityView },
  { id: 'settings', label: 'Settings', needsProject: false, component: SettingsView },
];
