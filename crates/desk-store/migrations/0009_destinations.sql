-- Schema version 9: a trip to several countries. Shipped: never edit this file; add a new
-- numbered migration instead.
--
-- A delegation keeps its first country and cities in `country` and `cities`; the further
-- countries it visits, in order, each with its cities, are a JSON list in
-- `more_destinations` ([{"country": "MY", "cities": "Kuala Lumpur"}]), empty for a trip to
-- one country (every delegation written before this version).

ALTER TABLE delegation ADD COLUMN more_destinations TEXT NOT NULL DEFAULT '[]';
