import { describe, expect, it } from 'vitest';
import {
  countryName,
  countryNames,
  formatDate,
  formatDateRange,
  formatRate,
  parseDateInput,
  placesText,
} from './format';

describe('dates as staff read and type them', () => {
  it('shows Vietnamese dates as dd/mm/yyyy', () => {
    expect(formatDate('2016-09-06', 'vi')).toBe('06/09/2016');
  });

  it('shows English dates with a month name, never month-first', () => {
    expect(formatDate('2016-09-06', 'en'), 'office English, not the platform\'s "Sept"').toBe('6 Sep 2016');
  });

  it('writes a one-day range once', () => {
    expect(formatDateRange('2017-11-27', '2017-11-27', 'vi')).toBe('27/11/2017');
    expect(formatDateRange('2017-11-27', '2017-11-30', 'vi')).toBe('27/11/2017 – 30/11/2017');
  });

  it('reads day-first input in its common spellings', () => {
    expect(parseDateInput('6/9/2016')).toBe('2016-09-06');
    expect(parseDateInput(' 06.09.2016 ')).toBe('2016-09-06');
    expect(parseDateInput('2016-09-06')).toBe('2016-09-06');
  });

  it('passes anything else on for the domain to refuse', () => {
    expect(parseDateInput('next Tuesday')).toBe('next Tuesday');
    expect(parseDateInput('31/02/2016')).toBe('2016-02-31');
  });
});

describe('countries', () => {
  it('are named in the user language', () => {
    expect(countryName('SG', 'en')).toBe('Singapore');
    expect(countryName('VN', 'vi')).toBe('Việt Nam');
  });

  it('of a trip to several are all named, in the order visited', () => {
    const trip = {
      country: 'SG',
      cities: 'Singapore',
      more_destinations: [
        { country: 'MY', cities: 'Kuala Lumpur' },
        { country: 'TH', cities: '' },
      ],
    };
    expect(countryNames(trip, 'en')).toBe('Singapore, Malaysia, Thailand');
    expect(placesText(trip, 'en')).toBe('Singapore · Singapore; Malaysia · Kuala Lumpur; Thailand');
    expect(countryNames({ ...trip, more_destinations: [] }, 'en'), 'a trip to one country as before').toBe('Singapore');
  });
});

import { formatDuration, formatMoney, minorDigits } from './format';

describe('money as people read it', () => {
  it('uses each currency’s own decimals', () => {
    expect(minorDigits('VND')).toBe(0);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('writes amounts exactly from minor units', () => {
    expect(formatMoney(185000000, 'VND', 'vi')).toBe('185.000.000 ₫');
    expect(formatMoney(45000, 'SGD', 'vi')).toBe('450,00 SGD');
    expect(formatMoney(123456789, 'USD', 'en')).toBe('USD 1,234,567.89');
    expect(formatMoney(30, 'USD', 'en')).toBe('USD 0.30');
  });
});

describe('durations', () => {
  it('read as hours and minutes', () => {
    expect(formatDuration(140, 'en')).toBe('2 h 20 min');
    expect(formatDuration(140, 'vi')).toBe('2 giờ 20 phút');
  });
});

describe('exchange rates', () => {
  it('are grouped the way each language writes numbers, decimals kept exactly', () => {
    expect(formatRate('22300', 'vi')).toBe('22.300');
    expect(formatRate('22300', 'en')).toBe('22,300');
    expect(formatRate('23456.75', 'vi')).toBe('23.456,75');
    expect(formatRate('0.0000431', 'en')).toBe('0.0000431');
  });
});
