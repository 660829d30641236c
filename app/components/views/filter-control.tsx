import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFilterGroup, type FilterCondition, type FilterGroup } from '../../../core/filter/tree.ts';
import type { FilterOperator } from '../../../core/filter/operators.ts';
import type { GridField } from '../grid/types.ts';
import { changeCondition, isConditionComplete, kindOf, newCondition, operatorsFor, valueEditorFor } from './filter-operators.ts';
import {
  addCondition, addGroup, canNest, countConditions, EMPTY_FILTER, removeNode, replaceCondition, savableFilter, setConjunction, type NodePath,
} from './filter-tree-edit.ts';
import { FilterValueEditor } from './filter-value-editor.tsx';
import { Popover } from './popover.tsx';
import type { ViewControlProps } from './view-control-props.ts';

export type { ViewControlProps } from './view-control-props.ts';

/** Typing in a value waits this long before the view is saved (and everyone's rows reload). */
const SAVE_DELAY_MS = 350;

/**
 * The "Filter" toolbar button and its builder: conditions (field → operator → value) in
 * nested and/or groups. Edits apply live, debounced, through `onPatch`; a condition still
 * missing its value stays in this person's builder but is not saved until complete.
 */
export function FilterControl(props: ViewControlProps) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const count = countConditions(props.view.filter);
  return (
    <>
      <button
        ref={button} type="button" className={`button ghost toolbar-button filter-button${count ? ' active' : ''}`}
        aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}
      >
        {count ? t('views.filter.buttonCount', { count }) : t('views.filter.button')}
      </button>
      <Popover open={open} anchor={button.current} label={t('views.filter.title')} onClose={() => setOpen(false)} className="filter-popover">
        <FilterEditor {...props} />
      </Popover>
    </>
  );
}

/** The builder itself, for a panel of its own (the form of a view's settings, say). */
export function FilterEditor({ fields, view, cell, onPatch, readOnly, readOnlyReason, onMakePersonal }: ViewControlProps) {
  const { t } = useTranslation();
  const { draft, edit } = useFilterDraft(view.filter, fields, onPatch);
  const fieldById = new Map(fields.map((field) => [field.id, field]));
  const ctx: EditorContext = { fields, fieldById, cell, readOnly, draft, edit };
  return (
    <div className="filter-editor">
      <h3>{t('views.filter.title')}</h3>
      {readOnlyReason ? <p className="note" role="note">{readOnlyReason}</p> : null}
      {readOnly && onMakePersonal ? (
        <div className="actions"><button type="button" className="button ghost" onClick={onMakePersonal}>{t('views.filter.makePersonal')}</button></div>
      ) : null}
      {fields.length === 0 ? <p className="empty-note">{t('views.filter.noFields')}</p> : null}
      {draft.conditions.length === 0 && fields.length > 0 ? <p className="empty-note">{t('views.filter.empty')}</p> : null}
      <GroupEditor group={draft} path={[]} ctx={ctx} />
    </div>
  );
}

interface EditorContext {
  fields: readonly GridField[];
  fieldById: ReadonlyMap<string, GridField>;
  cell: ViewControlProps['cell'];
  readOnly: boolean;
  draft: FilterGroup;
  edit(change: (tree: FilterGroup) => FilterGroup): void;
}

/**
 * This person's builder state: the saved filter plus conditions still being written. A
 * change saved by someone else (or refused by the server) replaces it; this person's own
 * save coming back does not, so a half-typed condition survives its neighbours' saves.
 */
function useFilterDraft(saved: FilterGroup | null, fields: readonly GridField[], onPatch: ViewControlProps['onPatch']) {
  const [draft, setDraft] = useState<FilterGroup>(saved ?? EMPTY_FILTER);
  const sent = useRef(JSON.stringify(saved ?? null));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<FilterGroup | null | undefined>(undefined);
  const latest = useRef({ onPatch, fields });
  latest.current = { onPatch, fields };

  useEffect(() => {
    const incoming = JSON.stringify(saved ?? null);
    if (incoming === sent.current || pending.current !== undefined) return;
    sent.current = incoming;
    setDraft(saved ?? EMPTY_FILTER);
  }, [saved]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const next = pending.current;
    pending.current = undefined;
    if (next === undefined) return;
    const json = JSON.stringify(next);
    if (json === sent.current) return;
    sent.current = json;
    latest.current.onPatch({ filter: next });
  }, []);
  // Closing the panel (or leaving the view) saves what is there at once.
  useEffect(() => flush, [flush]);

  const edit = useCallback((change: (tree: FilterGroup) => FilterGroup) => {
    setDraft((current) => {
      const next = change(current);
      const byId = new Map(latest.current.fields.map((field) => [field.id, field]));
      pending.current = savableFilter(next, (condition) => isConditionComplete(condition, byId.get(condition.field)));
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
      return next;
    });
  }, [flush]);
  return { draft, edit };
}

function GroupEditor({ group, path, ctx }: { group: FilterGroup; path: NodePath; ctx: EditorContext }) {
  const { t } = useTranslation();
  const first = ctx.fields[0];
  return (
    <div className={path.length ? 'filter-group nested' : 'filter-group'} role="group" aria-label={path.length ? t('views.filter.group') : t('views.filter.title')}>
      {group.conditions.map((node, index) => {
        const nodePath = [...path, index];
        const lead = <Lead index={index} group={group} path={path} ctx={ctx} />;
        if (isFilterGroup(node)) {
          return (
            <div key={index} className="filter-row group-row">
              {lead}
              <GroupEditor group={node} path={nodePath} ctx={ctx} />
              <RemoveButton path={nodePath} ctx={ctx} />
            </div>
          );
        }
        return <ConditionRow key={index} condition={node} path={nodePath} lead={lead} ctx={ctx} />;
      })}
      {!ctx.readOnly && first ? (
        <div className="actions">
          <button type="button" className="button ghost add-condition" onClick={() => ctx.edit((tree) => addCondition(tree, path, newCondition(first)))}>
            + {t('views.filter.addCondition')}
          </button>
          {canNest(path) ? (
            <button type="button" className="button ghost add-group" onClick={() => ctx.edit((tree) => addGroup(tree, path, newCondition(first)))}>
              + {t('views.filter.addGroup')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** "Where" before the first condition, the group's and/or picker before the second, its word after. */
function Lead({ index, group, path, ctx }: { index: number; group: FilterGroup; path: NodePath; ctx: EditorContext }) {
  const { t } = useTranslation();
  if (index === 0) return <span className="lead">{t('views.filter.where')}</span>;
  if (index > 1) return <span className="lead">{t(`views.filter.${group.conjunction}`)}</span>;
  return (
    <span className="lead">
      <select
        aria-label={t('views.filter.conjunction')} value={group.conjunction} disabled={ctx.readOnly}
        onChange={(event) => ctx.edit((tree) => setConjunction(tree, path, event.target.value === 'or' ? 'or' : 'and'))}
      >
        <option value="and">{t('views.filter.and')}</option>
        <option value="or">{t('views.filter.or')}</option>
      </select>
    </span>
  );
}

function ConditionRow({ condition, path, lead, ctx }: { condition: FilterCondition; path: NodePath; lead: React.ReactNode; ctx: EditorContext }) {
  const { t } = useTranslation();
  const field = ctx.fieldById.get(condition.field);
  const complete = isConditionComplete(condition, field);
  const replace = (next: FilterCondition) => ctx.edit((tree) => replaceCondition(tree, path, next));
  return (
    <div className={`filter-row condition-row${complete ? '' : ' incomplete'}`} title={complete ? undefined : t('views.filter.incomplete')}>
      {lead}
      <select
        aria-label={t('views.filter.field')} value={field ? field.id : ''} disabled={ctx.readOnly}
        onChange={(event) => {
          const next = ctx.fieldById.get(event.target.value);
          if (next) replace(changeCondition(condition, { field: next }, field));
        }}
      >
        {field ? null : <option value="" disabled>—</option>}
        {ctx.fields.map((entry) => <option key={entry.id} value={entry.id}>{entry.name}</option>)}
      </select>
      <select
        aria-label={t('views.filter.operator')} value={condition.operator} disabled={ctx.readOnly || !field}
        onChange={(event) => replace(changeCondition(condition, { operator: event.target.value as FilterOperator }, field))}
      >
        {(field ? operatorsFor(field) : [condition.operator]).map((operator) => <option key={operator} value={operator}>{t(`views.operators.${operator}`)}</option>)}
      </select>
      {field ? (
        <FilterValueEditor
          editor={valueEditorFor(kindOf(field), condition.operator)} field={field} value={condition.value} cell={ctx.cell} disabled={ctx.readOnly}
          label={t('views.filter.value')} onChange={(value) => replace({ ...condition, value })}
        />
      ) : <span className="value-editor" />}
      <RemoveButton path={path} ctx={ctx} />
    </div>
  );
}

function RemoveButton({ path, ctx }: { path: NodePath; ctx: EditorContext }) {
  const { t } = useTranslation();
  if (ctx.readOnly) return <span />;
  return (
    <button type="button" className="ui-icon-button danger remove-condition" aria-label={t('views.filter.removeCondition')} title={t('views.filter.removeCondition')} onClick={() => ctx.edit((tree) => removeNode(tree, path))}>
      <span aria-hidden="true">×</span>
    </button>
  );
}
