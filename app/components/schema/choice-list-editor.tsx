import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choice } from '../../../core/fields/index.ts';
import { addChoice, addChoicesFromText, moveChoice, recolorChoice, removeChoice, renameChoice, type ChoiceProblem } from './choice-list.ts';
import { ColorSwatchButton } from './color-swatch-button.tsx';

interface Props {
  choices: Choice[];
  onChange(choices: Choice[]): void;
  /** Per choice id, shown once someone tried to save. */
  problems?: ReadonlyMap<string, ChoiceProblem>;
  /** The choices fieldset's heading id, for aria-labelledby. */
  labelId: string;
}

/**
 * A select field's choices: name, color, order, add and remove. Enter in a name adds the
 * next choice below it and pasting several lines adds one choice per line, so a list
 * typed or copied out of Excel goes in without the mouse.
 */
export function ChoiceListEditor({ choices, onChange, problems, labelId }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  // The choice whose name input should take focus after the next render (just added).
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    list.current?.querySelector<HTMLInputElement>(`input[data-choice-id="${focusId}"]`)?.focus();
    setFocusId(null);
  }, [focusId]);

  const add = (after?: string) => {
    const added = addChoice(choices);
    const created = added[added.length - 1]!;
    let next = added;
    if (after) {
      next = added.slice(0, -1);
      next.splice(next.findIndex((choice) => choice.id === after) + 1, 0, created);
    }
    onChange(next);
    setFocusId(created.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, choice: Choice) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault(); // Enter must not submit the dialog's form from here
      add(choice.id);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, choice: Choice) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\r\n\t]/.test(text.trim())) return;
    event.preventDefault();
    // The pasted lines replace an empty choice instead of leaving it blank above them.
    const rest = choice.name.trim() ? choices : removeChoice(choices, choice.id);
    onChange(addChoicesFromText(rest, text));
  };

  return (
    <div className="choice-editor">
      {choices.length ? (
        <ol ref={list} className="choice-list" aria-labelledby={labelId}>
          {choices.map((choice, index) => {
            const problem = problems?.get(choice.id);
            const name = choice.name.trim() || t('schema.options.unnamed');
            const errorId = `${choice.id}-problem`;
            return (
              <li key={choice.id} className="choice-row">
                <ColorSwatchButton color={choice.color} label={t('schema.options.choiceColor', { name })} onChange={(color) => onChange(recolorChoice(choices, choice.id, color))} />
                <input
                  data-choice-id={choice.id}
                  className={`choice-name chip-${choice.color}`}
                  value={choice.name}
                  maxLength={210}
                  aria-label={t('schema.options.choiceName')}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? errorId : undefined}
                  onChange={(event) => onChange(renameChoice(choices, choice.id, event.target.value))}
                  onKeyDown={(event) => onKeyDown(event, choice)}
                  onPaste={(event) => onPaste(event, choice)}
                />
                <button type="button" className="ui-icon-button" disabled={index === 0} aria-label={t('schema.options.moveUp', { name })} onClick={() => onChange(moveChoice(choices, choice.id, -1))}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button type="button" className="ui-icon-button" disabled={index === choices.length - 1} aria-label={t('schema.options.moveDown', { name })} onClick={() => onChange(moveChoice(choices, choice.id, 1))}>
                  <span aria-hidden="true">↓</span>
                </button>
                <button type="button" className="ui-icon-button danger" aria-label={t('schema.options.remove', { name })} onClick={() => onChange(removeChoice(choices, choice.id))}>
                  <span aria-hidden="true">×</span>
                </button>
                {problem ? <p id={errorId} className="field-error choice-problem">{t(`schema.options.choiceProblems.${problem}`)}</p> : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted small">{t('schema.options.noChoices')}</p>
      )}
      <button type="button" className="button ghost" onClick={() => add()}>+ {t('schema.options.addChoice')}</button>
      <p className="hint">{t('schema.options.pasteHint')}</p>
    </div>
  );
}
