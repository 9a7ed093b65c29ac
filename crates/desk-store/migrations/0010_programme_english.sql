-- Schema version 10: a programme item has a title in English beside the Vietnamese one, so
-- that the bilingual programme prints both and the English papers print the English.
-- Shipped: never edit this file; add a new numbered migration instead.

ALTER TABLE programme_item ADD COLUMN title_en TEXT NOT NULL DEFAULT '';
