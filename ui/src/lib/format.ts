// Dates, countries and numbers in the user's language. Dates are stored as ISO
// `YYYY-MM-DD`; Vietnamese shows them `dd/mm/yyyy`.
import type { Lang } from './i18n/index.svelte';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

function isoParts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

// English month abbreviations written out: the platform's en-GB data says "Sept", which
// office English does not.
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The short name of month `m` (1–12): "Sep" in English, "T9" in Vietnamese. */
export function monthShort(m: number, lang: Lang): string {
  return lang === 'en' ? (EN_MONTHS[m - 1] ?? String(m)) : `T${m}`;
}

/** `2016-09-06` → `06/09/2016` in Vietnamese, `6 Sep 2016` in English. */
export function formatDate(iso: string, lang: Lang): string {
  const parts = isoParts(iso);
  if (!parts) return iso;
  const [y, m, d] = parts;
  if (lang === 'vi') {
    return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  }
  return `${d} ${monthShort(m, 'en')} ${y}`;
}

/** A range written once: `06/09/2016 – 09/09/2016`. */
export function formatDateRange(start: string, end: string, lang: Lang): string {
  return start === end ? formatDate(start, lang) : `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/**
 * What a user typed in a date field, as ISO when it reads as a day-first date
 * (`6/9/2016`, `06/09/2016`, `06-09-2016`, `06.09.2016`) or is ISO already. Anything else is
 * passed on trimmed, so that the domain refuses it and names the field.
 */
export function parseDateInput(text: string): string {
  const trimmed = text.trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (dayFirst) {
    const [, d, m, y] = dayFirst;
    return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  }
  return trimmed;
}

/** An ISO date as the user would type it back into a field. */
export function dateInputValue(iso: string, lang: Lang): string {
  const parts = isoParts(iso);
  if (!parts) return iso;
  const [y, m, d] = parts;
  void lang; // Both languages type dates day first.
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

const regionNames = new Map<Lang, Intl.DisplayNames>();

/** What a trip's countries are read from: its first country and the further ones. */
type Trip = { country: string; cities: string; more_destinations: { country: string; cities: string }[] };

/** Every country of a trip in order, named in the user's language: "Singapore, Malaysia". */
export function countryNames(trip: Trip, lang: Lang): string {
  return [trip.country, ...trip.more_destinations.map((d) => d.country)].map((c) => countryName(c, lang)).join(', ');
}

/** Every destination with its cities: "Singapore · Singapore; Malaysia · Kuala Lumpur". */
export function placesText(trip: Trip, lang: Lang): string {
  return [{ country: trip.country, cities: trip.cities }, ...trip.more_destinations]
    .map((d) =>
      d.cities.trim() ? `${countryName(d.country, lang)} · ${d.cities.trim()}` : countryName(d.country, lang),
    )
    .join('; ');
}

/** The country's name in the user's language, from the platform's locale data. */
export function countryName(code: string, lang: Lang): string {
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([LOCALES[lang]], { type: 'region' });
    regionNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

/** Minor-unit digits of an ISO 4217 currency, from the platform's locale data (VND 0, USD 2). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An amount in minor units, written exactly (no floating point on the way): "1.234.567 ₫",
 * "450,00 SGD" in Vietnamese; "₫1,234,567", "SGD 450.00" in English.
 */
export function formatMoney(minor: number, currency: string, lang: Lang): string {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const abs = BigInt(Math.abs(Math.trunc(minor)));
  const scale = 10n ** BigInt(digits);
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(digits, '0');
  const locale = LOCALES[lang];
  const parts = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).formatToParts(0);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? (lang === 'vi' ? ',' : '.');
  const grouped = new Intl.NumberFormat(locale, { useGrouping: true }).format(whole);
  const number = digits > 0 ? `${grouped}${decimal}${fraction}` : grouped;
  const symbol = currency === 'VND' ? '₫' : currency;
  const text = lang === 'vi' || currency === 'VND' ? `${number} ${symbol}` : `${symbol} ${number}`;
  return negative ? `−${text}` : text;
}

/**
 * An exchange rate kept as a decimal string ("22300", "0.93"), grouped the user's way
 * without going through floating point: "22.300" in Vietnamese, "22,300" in English.
 */
export function formatRate(decimal: string, lang: Lang): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!m) return decimal;
  const [, sign, whole = '0', fraction] = m;
  const grouped = new Intl.NumberFormat(LOCALES[lang], { useGrouping: true }).format(BigInt(whole));
  const point = lang === 'vi' ? ',' : '.';
  return `${sign}${grouped}${fraction ? point + fraction : ''}`;
}

/** "2 h 20 min" / "2 giờ 20 phút". */
export function formatDuration(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return lang === 'vi' ? `${h} giờ ${String(m).padStart(2, '0')} phút` : `${h} h ${String(m).padStart(2, '0')} min`;
}

/** A local time "2016-09-05T23:50:00" as "05/09/2016 23:50". */
export function formatLocal(local: string, lang: Lang): string {
  const [date = '', time = ''] = local.split('T');
  return `${formatDate(date, lang)} ${time.slice(0, 5)}`;
}
