// The message catalogue: both languages cover every code and every part, and fill in their parameters.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de } from '../src/core/messages/de.js';
import { en } from '../src/core/messages/en.js';
import { detectLang, msg, say } from '../src/core/messages/index.js';
import { root } from './helpers.js';

/** Every path to a leaf (a word or a sentence pattern) of a catalogue. */
function leaves(value: unknown, path = ''): string[] {
  if (typeof value === 'function' || typeof value === 'string') return [path];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  return [path];
}

describe('the catalogues', () => {
  it('cover the same codes and parts in German and English', () => {
    expect(leaves(de).sort()).toEqual(leaves(en).sort());
  });

  it('have words for every code that the sources emit', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const used = new Set(
      sources(join(root, 'src')).flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/msg\('([a-z0-9-]+)'/g)].map((m) => m[1]!),
      ),
    );
    expect(used.size).toBeGreaterThan(50);
    for (const code of used) {
      expect(Object.keys(de.messages)).toContain(code);
      expect(Object.keys(en.messages)).toContain(code);
    }
  });

  it('give no empty words', () => {
    for (const catalogue of [de, en]) {
      for (const [code, fill] of Object.entries(catalogue.messages)) {
        const text = (fill as (p: unknown) => string)(new Proxy({}, { get: () => ['x'] }));
        expect(text.trim(), code).not.toBe('');
      }
    }
  });

  it('fill in the parameters in either language', () => {
    expect(say(msg('value-suppressed-count', { min: 5 }), 'de')).toBe('nicht ausgewiesen: eine Fallzahl unter 5');
    expect(say(msg('value-suppressed-count', { min: 5 }), 'en')).toBe('suppressed: a count below 5');
    expect(say(msg('value-few-respondents', { n: 42 }), 'de')).toBe('nur 42 Befragte: mit Vorsicht zu lesen');
  });

  it('put the signs of official statistics into words and leave a project’s own reasons as they are', () => {
    const m = msg('value-source-missing', { reasons: ['secret', 'not-applicable', 'unter 3 Fälle'] });
    expect(say(m, 'de')).toBe(
      'nicht berechenbar: Wert der Quelle geheim oder unbekannt; nicht zutreffend; unter 3 Fälle',
    );
    expect(say(m, 'en')).toBe('not computable: source cell secret or unknown; not applicable; unter 3 Fälle');
    expect(say(msg('value-source-flags', { flags: ['provisional'] }), 'de')).toBe(
      'enthält Werte mit dem Vermerk vorläufig',
    );
  });
});

describe('the language of the command line', () => {
  it('is German when the locale says so, English otherwise, and --lang decides over both', () => {
    expect(detectLang({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(detectLang({ LANG: 'de' })).toBe('de');
    expect(detectLang({ LANG: 'en_US.UTF-8', LC_ALL: 'de_AT.UTF-8' })).toBe('de');
    expect(detectLang({ LANG: 'de_DE.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(detectLang({ LANG: 'C.UTF-8' })).toBe('en');
    expect(detectLang({ LANG: 'dense' })).toBe('en');
    expect(detectLang({})).toBe('en');
    expect(detectLang({ LANG: 'de_DE.UTF-8' }, 'en')).toBe('en');
  });
});
