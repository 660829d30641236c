import { describe, expect, it } from 'vitest';
import { attachment, guessMimeType } from './attachment.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const options = attachment.options.parse(undefined);
const hash = 'a'.repeat(64);
const other = 'b'.repeat(64);
const file = { id: hash, filename: '合同.pdf', size: 1024, type: 'application/pdf', url: `/api/v1/attachments/${hash}` };

describe('attachment', () => {
  it.each([
    [[file], [file]],
    [[{ id: hash.toUpperCase(), filename: '合同.pdf', size: 1024 }], [file]],
    [[{ url: `/api/v1/attachments/${hash}`, filename: '合同.pdf', size: 1024 }], [file]],
    [[{ url: `https://crm.example.com/api/v1/attachments/${hash}?download=1`, filename: '合同.pdf', size: 1024 }], [file]],
    [[{ id: hash }], [{ id: hash, filename: 'aaaaaaaaaaaa', size: 0, type: 'application/octet-stream', url: `/api/v1/attachments/${hash}` }]],
    [[{ id: hash, filename: '../../etc/photo.PNG' }], [{ ...file, filename: 'photo.PNG', size: 0, type: 'image/png' }]],
    [[], null],
    [null, null],
  ])('strict %j', (input, value) => {
    expect(attachment.coerce(input, options, strict)).toEqual({ ok: true, value });
  });

  it('wraps a single object with typecast', () => {
    expect(attachment.coerce(file, options, typecast)).toEqual({ ok: true, value: [file] });
    expect(attachment.coerce(file, options, strict)).toEqual({ ok: false, error: 'expects a list of attachments, got an object' });
  });

  it.each([
    [[{ id: 'abc' }], '"abc" is not an attachment id (the file\'s SHA-256 as 64 hex digits)'],
    [[{ url: 'https://example.com/a.png' }], '"https://example.com/a.png" is not an uploaded attachment: upload the file first'],
    [[{ id: hash, url: `/api/v1/attachments/${other}` }], `attachment id "${hash.slice(0, 60)}…" and url "/api/v1/attachments/${other.slice(0, 40)}…" name different files`],
    [[{ filename: 'a.pdf' }], 'an attachment needs its id or the url of an uploaded file'],
    [[{ id: hash, size: -1 }], '-1 is not a file size in bytes'],
    [[{ id: hash, type: 'pdf' }], '"pdf" is not a MIME type'],
    [[{ id: hash, filename: 3 }], 'attachment filename must be text, got number 3'],
    [['a.pdf'], 'expects attachment objects like {"id": "<sha-256>"}, got string "a.pdf"'],
    ['a.pdf', 'expects a list of attachments, got string "a.pdf"'],
  ])('%j is refused', (input, error) => {
    expect(attachment.coerce(input, options, typecast)).toEqual({ ok: false, error });
  });

  it('stores JSON text and reads bad data without throwing', () => {
    expectRoundTrip(attachment, [file, { ...file, id: other, url: `/api/v1/attachments/${other}` }], options);
    expectRoundTrip(attachment, null, options);
    expect(attachment.fromStorage('{oops', options)).toBeNull();
    expect(attachment.fromStorage('[{"id":"x"}]', options)).toBeNull();
    expect(attachment.fromStorage(JSON.stringify([file, { id: 1 }]), options)).toEqual([file]);
  });

  it('formats file names and sorts by them', () => {
    expect(attachment.format([file, { ...file, filename: 'b.png' }], options, en)).toBe('合同.pdf, b.png');
    expect(attachment.format(null, options, zh)).toBe('');
    expectSorted(attachment, [[{ ...file, filename: 'a' }], [{ ...file, filename: 'b' }], [{ ...file, filename: 'b' }, file]], options);
    expect(attachment.operators).toEqual(['isEmpty', 'isNotEmpty']);
  });

  it.each([
    ['x.JPG', 'image/jpeg'],
    ['报价.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['noext', 'application/octet-stream'],
  ])('guesses %j as %s', (name, type) => {
    expect(guessMimeType(name)).toBe(type);
  });
});
