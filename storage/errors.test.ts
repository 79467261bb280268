import { describe, expect, it } from 'vitest';
import { errorMessage, isDuplicateKeyError, StorageError } from './errors.js';

describe('isDuplicateKeyError', () => {
  it('recognizes code 11000 on the error or on every write error of a bulk write', () => {
    expect(isDuplicateKeyError({ code: 11000 })).toBe(true);
    expect(isDuplicateKeyError({ code: 1, writeErrors: [{ code: 11000 }, { code: 11000 }] })).toBe(true);
    expect(isDuplicateKeyError({ writeErrors: [{ code: 11000 }, { code: 66 }] })).toBe(false);
    expect(isDuplicateKeyError(new Error('E11000'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
    expect(isDuplicateKeyError(new StorageError('x', { code: 'DUPLICATE_KEY' }))).toBe(true);
    expect(isDuplicateKeyError(new StorageError('x', { code: 'CONNECT' }))).toBe(false);
  });
});

describe('StorageError', () => {
  it('keeps a one-line message and a code', () => {
    const e = new StorageError('first line\n  second line', { code: 'CONNECT' });
    expect(e.message).toBe('first line');
    expect(e.code).toBe('CONNECT');
    expect(new StorageError('x').code).toBe('STORAGE');
    expect(errorMessage(new Error('\nboom\nstack'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
  });
});
