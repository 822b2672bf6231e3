import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/config.ts';
import { assertJava } from '../../functions/local/dynamodb-local.ts';

describe('local launcher and configuration', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('says how to install Java when it is missing', () => {
    process.env.PATH = '/nonexistent';
    expect(() => assertJava()).toThrow(/Java tidak ditemukan[\s\S]*apt-get install -y default-jre-headless/);
  });

  it('finds Java when it is on the PATH', () => {
    expect(() => assertJava()).not.toThrow();
  });

  it('refuses a local DynamoDB endpoint in AWS configuration', () => {
    expect(() => loadConfig({ PIAWAI_ENV: 'aws', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' })).toThrow(
      /local runs only/,
    );
  });

  it('applies the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      PIAWAI_DATA_DIR: '.data',
      TABLE_NAME: 'piawai',
      PIAWAI_ENV: 'local',
    });
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'tiga ribu' })).toThrow(/PORT/);
  });
});
