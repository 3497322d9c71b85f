import type { SchemeContent } from '../../../worker/domain/scheme';
import { ApiFailure } from '../api';
import { h } from '../dom';
import { type Detail, type Input, loadEvaluation, type Step, step } from '../evaluation-api';
import { describeInput } from '../format';
import { t } from '../i18n';
import { isAdmin, isEmployee, isSupervisor } from '../session';
import { recordForms } from './record-forms';

export type Render = (d: Detail) => void;
export type Run = (work: () => Promise<Detail>) => Promise<void>;

/**
 * Runs one change: on success re-renders with the API's answer (and so its new ETag); on failure
 * shows the API's own, localised words, with a reload button when someone else changed it first.
 */
export function runner(d: Detail, render: Render, error: HTMLElement): Run {
  return async (work) => {
    error.replaceChildren();
    try {
      render(await work());
    } catch (err) {
      error.replaceChildren((err as Error).message);
      if (err instanceof ApiFailure && err.status === 412) {
        const reload = async () => render(await loadEvaluation(d.id));
        error.append(' ', h('button', { type: 'button', className: 'link', onclick: reload }, t('reload')));
      }
    }
  };
}

const textArea = (name: string, label: string) =>
  h('label', {}, label, h('textarea', { name, required: true, rows: 2, maxLength: 2000 }));

/** Checkboxes naming inputs; `mark` flags some of them (the disputed ones, for HR). */
function ticks(legend: string, inputs: Input[], content: SchemeContent, mark = new Set<string>()) {
  return h(
    'fieldset',
    {},
    h('legend', {}, legend),
    ...inputs.map((i) =>
      h(
        'label',
        { className: 'tick' },
        h('input', { type: 'checkbox', name: 'input', value: i.id }),
        describeInput(content, i) + (mark.has(i.id) ? t('disputedMark') : ''),
      ),
    ),
  );
}

const ticked = (form: HTMLFormElement) =>
  [...form.querySelectorAll<HTMLInputElement>('input[name="input"]:checked')].map((x) => x.value);
const text = (form: HTMLFormElement, name: string) =>
  (form.elements.namedItem(name) as HTMLTextAreaElement).value.trim();

/** A form whose submit runs `send`; the button carries the step's name. */
function stepForm(id: string, label: string, fields: HTMLElement[], send: (f: HTMLFormElement) => void) {
  const form = h('form', { className: 'stack', id }, ...fields, h('button', { className: 'primary' }, label));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send(form);
  });
  return form;
}

/** What the caller may do now, by role and state; null when nothing. */
export function actionsCard(d: Detail, content: SchemeContent, render: Render): HTMLElement | null {
  const error = h('p', { className: 'error', role: 'alert', id: 'action-error' });
  const run = runner(d, render, error);
  const button = (name: Step, label: string) =>
    h('button', { className: 'primary', type: 'button', onclick: () => run(() => step(d, name, {})) }, label);
  const live = d.inputs.filter((i) => !i.voided);
  const parts: HTMLElement[] = [];

  if (d.status === 'draft' && (isAdmin() || isSupervisor())) {
    parts.push(...recordForms(d, content, run), h('div', {}, button('submit', t('submit'))));
  }
  if (d.status === 'submitted' && isEmployee()) {
    parts.push(
      h('div', {}, button('confirm', t('confirm'))),
      stepForm(
        'appeal-form',
        t('appeal'),
        [textArea('reason', t('appealReason')), ticks(t('tickDisputed'), live, content)],
        (f) => run(() => step(d, 'appeal', { reason: text(f, 'reason'), disputedInputIds: ticked(f) })),
      ),
    );
  }
  if ((d.status === 'submitted' || d.status === 'confirmed') && isAdmin()) {
    parts.push(h('div', {}, button('approve', t('approve'))));
  }
  if (d.status === 'appealed' && isAdmin()) {
    const open = d.appeals.filter((a) => a.status === 'open');
    const disputed = new Set(open.flatMap((a) => a.disputedInputIds));
    const events = live.filter((i) => i.kind === 'event');
    parts.push(
      stepForm(
        'resolve-form',
        t('resolve'),
        [
          ...open.map((a) => h('p', {}, t('labelled', { label: t('appealReason'), value: a.reason }))),
          textArea('answer', t('appealAnswer')),
          ticks(t('tickVoid'), events, content, disputed),
        ],
        (f) => run(() => step(d, 'resolve', { answer: text(f, 'answer'), voidInputIds: ticked(f) })),
      ),
    );
  }
  if ((d.status === 'approved' || d.status === 'locked') && isAdmin()) {
    parts.push(
      stepForm('reopen-form', t('reopen'), [textArea('reason', t('reopenReason'))], (f) =>
        run(() => step(d, 'reopen', { reason: text(f, 'reason') })),
      ),
    );
  }
  if (parts.length === 0) return null;
  return h('section', { className: 'card', id: 'actions' }, h('h3', {}, t('actions')), ...parts, error);
}
