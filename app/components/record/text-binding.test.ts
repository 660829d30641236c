import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffText, TextBinding, transformPosition, type TextSurface } from './text-binding.ts';

/** A textarea as far as the binding can tell: value, selection, and a user who types. */
class FakeTextarea implements TextSurface {
  value = '';
  selectionStart = 0;
  selectionEnd = 0;
  setSelectionRange(start: number, end: number) {
    this.selectionStart = start;
    this.selectionEnd = end;
  }
  /** Types `text` at the caret (replacing a selection), as the browser does before `input`. */
  type(text: string) {
    this.value = this.value.slice(0, this.selectionStart) + text + this.value.slice(this.selectionEnd);
    this.setSelectionRange(this.selectionStart + text.length, this.selectionStart + text.length);
  }
  backspace() {
    const at = this.selectionStart;
    this.value = this.value.slice(0, at - 1) + this.value.slice(at);
    this.setSelectionRange(at - 1, at - 1);
  }
}

/** Two replicas of one record doc, connected like two browsers through the server. */
function docPair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  let online = true;
  const queued: Array<[Y.Doc, Uint8Array]> = [];
  const relay = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin === 'remote') return;
    if (online) Y.applyUpdate(to, update, 'remote');
    else queued.push([to, update]);
  };
  a.on('update', relay(b));
  b.on('update', relay(a));
  a.getMap('fields').set('fldNotes', new Y.Text('Hello world'));
  const text = (doc: Y.Doc) => doc.getMap('fields').get('fldNotes') as Y.Text;
  return {
    a, b, textA: text(a), textB: text(b),
    offline: () => { online = false; },
    reconnect: () => { online = true; for (const [doc, update] of queued.splice(0)) Y.applyUpdate(doc, update, 'remote'); },
  };
}

describe('diffText', () => {
  it('finds the one edit, placed by the caret among repeated characters', () => {
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(diffText('abc', 'ac', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    expect(diffText('hello world', 'hello there world', 12)).toEqual({ index: 6, remove: 0, insert: 'there ' });
    expect(diffText('abXcd', 'abcd')).toEqual({ index: 2, remove: 1, insert: '' });
    expect(diffText('same', 'same')).toBeNull();
  });

  it('never splits an emoji', () => {
    // 😀 and 😃 share their high surrogate.
    expect(diffText('a😀b', 'a😃b', 3)).toEqual({ index: 1, remove: 2, insert: '😃' });
  });
});

describe('transformPosition', () => {
  it('moves a position through inserts and deletes before it', () => {
    expect(transformPosition(5, [{ insert: 'Oh, ' }])).toBe(9);
    expect(transformPosition(5, [{ retain: 5 }, { insert: '!' }])).toBe(5);
    expect(transformPosition(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 3 }, { delete: 4 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 8 }, { insert: 'x' }])).toBe(5);
  });
});

describe('TextBinding on a real Y.Doc pair', () => {
  it('sends local typing as small edits', () => {
    const { textA, textB } = docPair();
    const area = new FakeTextarea();
    const binding = new TextBinding(textB, area);
    expect(area.value).toBe('Hello world');
    area.setSelectionRange(11, 11);
    area.type('!');
    binding.input();
    area.setSelectionRange(5, 5);
    area.type(',');
    binding.input();
    area.backspace();
    binding.input();
    expect(textA.toString()).toBe('Hello world!');
    binding.destroy();
  });

  it("applies the other person's typing and keeps the caret on the same character", () => {
    const { textA, textB } = docPair();
    const area = new FakeTextarea();
    const binding = new TextBinding(textB, area);
    area.setSelectionRange(5, 5); // after "Hello"
    textA.insert(0, 'Oh, ');
    expect(area.value).toBe('Oh, Hello world');
    expect([area.selectionStart, area.selectionEnd]).toEqual([9, 9]);
    textA.insert(area.value.length, ' again'); // after the caret: it stays
    expect(area.selectionStart).toBe(9);
    textA.delete(0, 4);
    expect(area.value).toBe('Hello world again');
    expect(area.selectionStart).toBe(5);
    binding.destroy();
  });

  it('merges edits made at the same time while disconnected; both sides converge', () => {
    const pair = docPair();
    const area = new FakeTextarea();
    const binding = new TextBinding(pair.textB, area);
    pair.offline();
    pair.textA.insert(0, '张伟: ');
    area.setSelectionRange(11, 11);
    area.type(' 李娜');
    binding.input();
    expect(pair.textB.toString()).toBe('Hello world 李娜');
    pair.reconnect();
    expect(pair.textA.toString()).toBe('张伟: Hello world 李娜');
    expect(area.value).toBe('张伟: Hello world 李娜');
    expect(area.selectionStart).toBe('张伟: Hello world 李娜'.length);
    binding.destroy();
  });

  it('holds remote changes while an IME composes, then merges both', () => {
    const { textA, textB } = docPair();
    const area = new FakeTextarea();
    const binding = new TextBinding(textB, area);
    area.setSelectionRange(11, 11);
    binding.compositionStart();
    area.type('ni');
    binding.input(); // pinyin still composing: nothing is written
    expect(textA.toString()).toBe('Hello world');
    textA.insert(0, '>> ');
    expect(area.value).toBe('Hello worldni'); // the textarea is left alone mid-composition
    area.setSelectionRange(11, 13);
    area.type('你');
    binding.compositionEnd();
    expect(textA.toString()).toBe('>> Hello world你');
    expect(area.value).toBe('>> Hello world你');
    expect(area.selectionStart).toBe('>> Hello world你'.length);
    binding.destroy();
  });

  it('moves a selection through a remote delete that swallows part of it', () => {
    const { textA, textB } = docPair();
    const area = new FakeTextarea();
    const binding = new TextBinding(textB, area);
    area.setSelectionRange(6, 11); // "world"
    textA.delete(4, 4); // "o wo"
    expect(area.value).toBe('Hellrld');
    expect([area.selectionStart, area.selectionEnd]).toEqual([4, 7]);
    binding.destroy();
  });
});
