import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, createI18n, languageOf, rememberedLanguage } from './index.ts';
import { ru } from './ru.ts';

/** Every leaf of a message tree as `path -> text`. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value as object, path)) out.set(p, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('messages', () => {
  it('exist in both languages with the same keys, non-empty, with the same placeholders', () => {
    const ruLeaves = leaves(ru);
    const enLeaves = leaves(en);
    expect([...enLeaves.keys()].sort()).toEqual([...ruLeaves.keys()].sort());
    for (const [path, text] of ruLeaves) {
      expect(text.trim(), path).not.toBe('');
      expect(placeholders(enLeaves.get(path)!), path).toEqual(placeholders(text));
    }
  });
});

describe('language choice', () => {
  it('starts in Russian and remembers a switch', async () => {
    const storage = new MemoryStorage();
    const i18n = await createI18n(storage);
    expect(languageOf(i18n)).toBe(DEFAULT_LANGUAGE);
    expect(i18n.t('records.columns.category')).toBe('Категория');
    await i18n.changeLanguage('en');
    expect(i18n.t('records.columns.category')).toBe('Category');
    expect(storage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    const next = await createI18n(storage);
    expect(languageOf(next)).toBe('en');
  });

  it('ignores a remembered value that is not a supported language', () => {
    expect(rememberedLanguage({ getItem: () => 'de' })).toBe('ru');
    expect(
      rememberedLanguage({
        getItem: () => {
          throw new Error('storage disabled');
        },
      }),
    ).toBe('ru');
  });
});
