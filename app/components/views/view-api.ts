import { viewConfigSchema, type ViewConfig, type ViewJson, type ViewType } from '../../../core/views/view-config.ts';
import { apiPath, apiRequest } from '../ui/api-client.ts';
import type { GridView } from '../grid/types.ts';

/**
 * The saved views' REST calls (API.md "Views"). The server announces every change on the
 * table channel, so each open page (this one included) reloads its views from that.
 */
export interface NewView extends ViewConfig {
  name: string;
  type: ViewType;
  personal?: boolean;
}

export function createView(tableId: string, input: NewView): Promise<ViewJson> {
  return apiRequest<ViewJson>(apiPath`/tables/${tableId}/views`, { method: 'POST', body: input });
}

export function updateView(tableId: string, viewId: string, patch: Partial<ViewConfig> & { name?: string; locked?: boolean }): Promise<ViewJson> {
  return apiRequest<ViewJson>(apiPath`/tables/${tableId}/views/${viewId}`, { method: 'PATCH', body: patch });
}

export async function deleteView(tableId: string, viewId: string): Promise<void> {
  await apiRequest(apiPath`/tables/${tableId}/views/${viewId}`, { method: 'DELETE' });
}

const CONFIG_KEYS = Object.keys(viewConfigSchema.shape) as Array<keyof ViewConfig>;

/** A view's whole config (filter, sorts, layout, kanban/calendar/form settings), to copy it. */
export function configOf(view: GridView): ViewConfig {
  const config: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) if (view[key] !== undefined) config[key] = view[key];
  return config as ViewConfig;
}

/** A copy of a view with all its config, never locked; `personal` decides who sees it. */
export function duplicateView(tableId: string, view: GridView, name: string, personal: boolean): Promise<ViewJson> {
  return createView(tableId, { ...configOf(view), name: name.slice(0, 100), type: view.type, personal });
}
