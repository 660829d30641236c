import { describe, expect, it } from 'vitest';
import { addChoice, choicesOf, renameChoice } from './choice-list.ts';
import { createPayload, editPlan, hasErrors, initialFieldForm, validateFieldForm, withChoices, withOption, withType } from './field-form.ts';
import type { FieldJson } from './types.ts';

const stage: FieldJson = {
  id: 'fldStage',
  name: '阶段',
  type: 'singleSelect',
  options: { choices: [{ id: 'selA', name: '初步接触', color: 'blue' }, { id: 'selB', name: '报价', color: 'cyan' }] },
  description: null,
};
const fields = [{ id: 'fldName', name: '客户名称' }, stage];

describe('creating a field', () => {
  it('turns the form into the POST body', () => {
    let state = initialFieldForm(undefined, { name: '预估金额 ' });
    state = withType(state, 'currency');
    state = withOption(state, 'symbol', '$');
    expect(createPayload(state)).toEqual({ name: '预估金额', type: 'currency', options: { symbol: '$', precision: 2 } });
  });

  it('sends a description only when there is one', () => {
    const state = { ...initialFieldForm(undefined, { name: 'Notes', type: 'longText' }), description: '  Call notes  ' };
    expect(createPayload(state)).toEqual({ name: 'Notes', type: 'longText', options: {}, description: 'Call notes' });
  });

  it('validates the name and the choices before sending', () => {
    let state = withType(initialFieldForm(undefined, { name: '阶段' }), 'multipleSelects');
    state = withChoices(state, addChoice(addChoice([], 'A'), ' A'));
    const errors = validateFieldForm(state, { fields });
    expect(errors.name).toBe('taken');
    expect([...errors.choices!.values()]).toEqual(['duplicate']);
  });

  it('reports an option the type refuses', () => {
    const state = withOption(withType(initialFieldForm(undefined, { name: 'Score' }), 'rating'), 'max', 12);
    expect(validateFieldForm(state, { fields }).option).toMatchObject({ option: 'max' });
  });
});

describe('editing a field', () => {
  it('is nothing to save when nothing changed', () => {
    expect(editPlan(initialFieldForm(stage), stage)).toBeUndefined();
  });

  it('renames without converting', () => {
    const state = { ...initialFieldForm(stage), name: '销售阶段' };
    expect(editPlan(state, stage)).toEqual({ patch: { name: '销售阶段' }, converts: false });
  });

  it('renaming a choice is an options change that converts, ids kept', () => {
    const state = initialFieldForm(stage);
    const next = withChoices(state, renameChoice(choicesOf(state.options), 'selB', '方案报价'));
    const plan = editPlan(next, stage)!;
    expect(plan.converts).toBe(true);
    expect(plan.patch.options).toEqual({ choices: [{ id: 'selA', name: '初步接触', color: 'blue' }, { id: 'selB', name: '方案报价', color: 'cyan' }] });
  });

  it('a type change sends the type and the carried-over options', () => {
    const plan = editPlan(withType(initialFieldForm(stage), 'multipleSelects'), stage)!;
    expect(plan).toMatchObject({ converts: true, patch: { type: 'multipleSelects', options: stage.options } });
  });

  it('refuses a type the primary field cannot have', () => {
    const name: FieldJson = { id: 'fldName', name: '客户名称', type: 'singleLineText', options: {}, description: null };
    const errors = validateFieldForm(withType(initialFieldForm(name), 'checkbox'), { fields, fieldId: 'fldName', isPrimary: true });
    expect(errors.type).toBe('notPrimary');
    expect(hasErrors(validateFieldForm(initialFieldForm(name), { fields, fieldId: 'fldName', isPrimary: true }))).toBe(false);
  });

  it('clears a description with null', () => {
    const described = { ...stage, description: 'Where the deal is' };
    expect(editPlan({ ...initialFieldForm(described), description: ' ' }, described)).toEqual({ patch: { description: null }, converts: false });
  });

  it('edits only the name and description of a computed field', () => {
    const formula: FieldJson = { id: 'fldF', name: 'Total', type: 'formula', options: { formula: '1' }, description: null };
    expect(editPlan(initialFieldForm(formula), formula)).toBeUndefined();
    expect(editPlan({ ...initialFieldForm(formula), name: 'Sum' }, formula)).toEqual({ patch: { name: 'Sum' }, converts: false });
  });
});
