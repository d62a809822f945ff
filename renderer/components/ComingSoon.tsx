// An honest placeholder for a screen whose capability has not landed yet: it says what will be there.
import type { RouteProps } from '../app/routes';
import { EmptyState, PageHeader } from './ui';

export function ComingSoon(title: string, description: string) {
  function ComingSoonView(_props: RouteProps) {
    return (
      <div className="page">
        <PageHeader title={title} />
        <EmptyState title="Not available in this version yet">{description}</EmptyState>
      </div>
    );
  }
  return ComingSoonView;
}
