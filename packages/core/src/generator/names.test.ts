import { describe, expect, it } from 'vitest';
import { belarusianPatronymic, feminineForms, parseEntry, reformedSurname, russianPatronymic, TRADITIONS, NATIONALITIES } from './names/index.ts';
import { createRandom } from './random.ts';
import * as t from './transliterate.ts';

describe('romanization systems', () => {
  it('spell Щербаков, Юлия and Иванов the way each system does', () => {
    const cases: [t.RussianLatinSystem, string][] = [
      ['icao', 'Shcherbakov Iuliia Ivanov'],
      ['bgn', 'Shcherbakov Yuliya Ivanov'],
      ['gost', 'Shherbakov Yuliya Ivanov'],
      ['french', 'Chtcherbakoff Iouliia Ivanoff'],
      ['german', 'Schtscherbakow Julija Iwanow'],
    ];
    for (const [system, expected] of cases) expect(t.romanizeRussian('Щербаков Юлия Иванов', system)).toBe(expected);
  });

  it('follow the national passport systems', () => {
    expect(t.romanizeBelarusian('Аляксандр Лукашэнка')).toBe('Aliaksandr Lukashenka');
    expect(t.romanizeBelarusian('Кавалёў Сяргей')).toBe('Kavaliou Siarhei');
    expect(t.romanizeKazakh('Ерлан Жақсылықов')).toBe('Yerlan Zhaksylykov');
    expect(t.romanizeTajik('Ҷӯраев Ғафур')).toBe('Juraev Ghafur');
    expect(t.romanizeArmenian('Հովհաննիսյան Եղիազարյան Ոսկանյան')).toBe('Hovhannisyan Yeghiazaryan Voskanyan');
    expect(t.azerbaijaniToAscii('Məmmədov Xəlilov Cəfərov')).toBe('Mammadov Khalilov Jafarov');
  });

  it('render between the members\u2019 scripts', () => {
    expect(t.foldToRussian('Нұрсұлтан Ҷӯраев')).toBe('Нурсултан Джураев');
    expect(t.uzbekToCyrillic("G'ulomov Yo'ldoshev")).toBe('Ғуломов Йўлдошев');
    expect(t.uzbekToRussian('Toshmatov Yoqubov Elyor')).toBe('Ташматов Якубов Элёр');
    expect(t.azerbaijaniToCyrillic('Hüseynov')).toBe('Һүсејнов');
    expect(t.russianToAzerbaijani('Сергей Иванов')).toBe('Serqey İvanov');
    expect(t.russianToRomanian('Сергей Кузнецов')).toBe('Serghei Cuznețov');
    expect(t.russianToArmenian('Иванов Олег')).toBe('Իվանով Օլեգ');
    expect(t.upperName('İvanov', 'az')).toBe('İVANOV');
  });
});

describe('national naming rules', () => {
  it('builds Russian and Belarusian patronymics', () => {
    expect(russianPatronymic('Дмитрий', false)).toBe('Дмитриевич');
    expect(russianPatronymic('Юрий', true)).toBe('Юрьевна');
    expect(russianPatronymic('Сергей', false)).toBe('Сергеевич');
    expect(russianPatronymic('Игорь', true)).toBe('Игоревна');
    expect(russianPatronymic('Илья', false)).toBe('Ильич');
    expect(russianPatronymic('Абдулло', false)).toBe('Абдуллоевич');
    expect(russianPatronymic('Ашот', true)).toBe('Ашотовна');
    expect(belarusianPatronymic('Уладзіслаў', false)).toBe('Уладзіслававіч');
    expect(belarusianPatronymic('Сяргей', true)).toBe('Сяргееўна');
    expect(belarusianPatronymic('Павел', false)).toBe('Паўлавіч');
  });

  it('forms female surnames by each tradition', () => {
    expect(feminineForms({ native: 'Островский', ru: 'Островский' }).ru).toBe('Островская');
    expect(feminineForms({ native: 'Кавалёў', ru: 'Ковалёв' })).toEqual({ native: 'Кавалёва', ru: 'Ковалёва' });
    expect(feminineForms({ native: 'Əliyev', ru: 'Алиев' })).toEqual({ native: 'Əliyeva', ru: 'Алиева' });
    expect(feminineForms({ native: 'Հակոբյան', ru: 'Акопян' })).toEqual({ native: 'Հակոբյան', ru: 'Акопян' });
    expect(feminineForms({ native: 'Шевченко', ru: 'Шевченко' }).ru).toBe('Шевченко');
  });

  it('reforms Tajik and Azerbaijani surnames both ways', () => {
    const rng = createRandom(1);
    expect(reformedSurname(rng, parseEntry('Раҳимов', 'tajik'), 'tajik', false)).toEqual({ native: 'Раҳимзода', ru: 'Рахимзода' });
    expect(reformedSurname(rng, parseEntry('Ҷӯраев', 'tajik'), 'tajik', false)?.ru).toBe('Джуразода');
    expect(reformedSurname(rng, parseEntry('Шарифзода', 'tajik'), 'tajik', true)?.native).toBe('Шарифова');
    expect(reformedSurname(rng, parseEntry('Əliyev|Алиев', 'azerbaijani'), 'azerbaijani', false)).toEqual({ native: 'Əlizadə', ru: 'Ализаде' });
    expect(reformedSurname(rng, parseEntry('Həsənli|Гасанлы', 'azerbaijani'), 'azerbaijani', false)).toEqual({ native: 'Həsənov', ru: 'Гасанов' });
    expect(reformedSurname(rng, parseEntry('Иванов', 'russian'), 'russian', false)).toBeNull();
  });

  it('keeps list sizes and entries valid for every tradition', () => {
    const namePart = /^[\p{L}\p{M}][\p{L}\p{M}'ʼʻ’‘`\-. ]*$/u;
    for (const nationality of NATIONALITIES) {
      const { list } = TRADITIONS[nationality];
      expect(list.surnames.length, nationality).toBeGreaterThanOrEqual(60);
      expect(list.male.length, nationality).toBeGreaterThanOrEqual(40);
      expect(list.female.length, nationality).toBeGreaterThanOrEqual(40);
      for (const names of [list.surnames, list.male, list.female]) expect(new Set(names).size, nationality).toBe(names.length);
      for (const entry of [...list.surnames, ...list.male, ...list.female]) {
        const forms = parseEntry(entry, nationality);
        expect(forms.native, entry).toMatch(namePart);
        expect(forms.ru, entry).toMatch(namePart);
        expect(forms.ru, entry).toMatch(/\p{Script=Cyrillic}/u);
      }
    }
  });
});
