/**
 * What every screen receives from the router. Kept apart from the route table so that screens do
 * not import the table that imports them.
 */
export interface RouteProps {
  readonly projectId: string | null;
}
