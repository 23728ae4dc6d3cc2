import { phoneticSkeleton } from '../names/index.ts';

/**
 * Car makes as registration documents of the member states write them: the Latin trade name
 * and the Cyrillic forms of Soviet-era and Russian registration cards (ВАЗ for LADA, ХЕНДЭ for
 * Hyundai). Sound folding alone cannot join these: ВАЗ is the factory, ХЕНДЭ a transcription
 * of the Korean name.
 */
const MAKE_NAMES: Record<string, readonly string[]> = {
  lada: ['LADA', 'ЛАДА', 'ВАЗ', 'VAZ', 'AvtoVAZ', 'АвтоВАЗ', 'ЖИГУЛИ'],
  gaz: ['GAZ', 'ГАЗ'],
  uaz: ['UAZ', 'УАЗ'],
  kamaz: ['KAMAZ', 'КАМАЗ'],
  moskvich: ['Moskvich', 'Москвич', 'АЗЛК', 'AZLK'],
  zaz: ['ZAZ', 'ЗАЗ'],
  toyota: ['Toyota', 'ТОЙОТА'],
  lexus: ['Lexus', 'ЛЕКСУС'],
  hyundai: ['Hyundai', 'ХЕНДЭ', 'ХЁНДЭ', 'ХЕНДАЙ', 'ХУНДАЙ', 'ХЮНДАЙ'],
  kia: ['Kia', 'КИА'],
  chevrolet: ['Chevrolet', 'ШЕВРОЛЕ', 'ШЕВРОЛЕТ'],
  daewoo: ['Daewoo', 'ДЭУ', 'ДЭВУ', 'ДЕУ'],
  ravon: ['Ravon', 'РАВОН'],
  nissan: ['Nissan', 'НИССАН'],
  mitsubishi: ['Mitsubishi', 'МИЦУБИСИ', 'МИТСУБИСИ'],
  honda: ['Honda', 'ХОНДА'],
  mazda: ['Mazda', 'МАЗДА'],
  subaru: ['Subaru', 'СУБАРУ'],
  suzuki: ['Suzuki', 'СУЗУКИ'],
  mercedes: ['Mercedes-Benz', 'Mercedes', 'МЕРСЕДЕС-БЕНЦ', 'МЕРСЕДЕС'],
  bmw: ['BMW', 'БМВ'],
  volkswagen: ['Volkswagen', 'VW', 'ФОЛЬКСВАГЕН'],
  audi: ['Audi', 'АУДИ'],
  opel: ['Opel', 'ОПЕЛЬ'],
  ford: ['Ford', 'ФОРД'],
  renault: ['Renault', 'РЕНО'],
  peugeot: ['Peugeot', 'ПЕЖО'],
  citroen: ['Citroen', 'Citroën', 'СИТРОЕН'],
  skoda: ['Skoda', 'Škoda', 'ШКОДА'],
  volvo: ['Volvo', 'ВОЛЬВО'],
  geely: ['Geely', 'ДЖИЛИ'],
  chery: ['Chery', 'ЧЕРИ'],
  haval: ['Haval', 'ХАВАЛ'],
  tesla: ['Tesla', 'ТЕСЛА'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, names] of Object.entries(MAKE_NAMES)) {
  for (const name of names) CANONICAL.set(phoneticSkeleton(name), canonical);
}

/** A make folded so that every known spelling of it agrees; unknown makes are folded by sound. */
export function makeKey(make: string | undefined): string | undefined {
  if (!make) return undefined;
  const skeleton = phoneticSkeleton(make.slice(0, 100));
  if (!skeleton) return undefined;
  return CANONICAL.get(skeleton) ?? skeleton;
}
