// What a viewer may ask for: managers see every panel and person; analysts only the task
// panel, scoped to themselves (asking for someone else's figures is refused, not narrowed).
import type { Viewer } from './auth/viewer.js';
import type { DashboardFilter } from './filters.js';
import type { Panel } from './panel.js';

export type ScopeResult = { ok: true; filter: DashboardFilter } | { ok: false; reason: string };

/** The filter narrowed to what the viewer may see, or why the request is refused. */
export function scopeFor(viewer: Viewer, panel: Panel, filter: DashboardFilter): ScopeResult {
  if (viewer.seesAll) return { ok: true, filter };
  if (!panel.analysts) return { ok: false, reason: `the ${panel.title} panel is for managers` };
  if (filter.user !== undefined && filter.user !== viewer.user.id) return { ok: false, reason: 'analysts see only their own figures' };
  return { ok: true, filter: { ...filter, user: viewer.user.id } };
}
