import { describe, expect, it } from 'vitest';
import { mongoCredentials, mongoHosts, scrubCredentials } from './uri.js';

describe('mongoHosts', () => {
  it('keeps only the host list', () => {
    expect(mongoHosts('mongodb://127.0.0.1:27017/')).toBe('127.0.0.1:27017');
    expect(mongoHosts('mongodb://bob:p%40ss@db1:27017,db2:27018/arbot?replicaSet=rs0')).toBe('db1:27017,db2:27018');
    expect(mongoHosts('mongodb+srv://bob:secret@cluster0.example.net/?retryWrites=true')).toBe('cluster0.example.net');
    expect(mongoHosts('mongodb://a@b:c@host')).toBe('host');
  });
});

describe('scrubCredentials', () => {
  it('removes the user, the password and their decoded forms', () => {
    const uri = 'mongodb://bob:p%40ss@db1:27017/';
    expect(mongoCredentials(uri)).toBe('bob:p%40ss');
    expect(scrubCredentials('auth failed for bob with p@ss (p%40ss)', uri)).toBe('auth failed for *** with *** (***)');
    expect(scrubCredentials('unchanged', 'mongodb://db1/')).toBe('unchanged');
  });
});
