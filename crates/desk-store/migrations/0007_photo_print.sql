-- Schema version 7: print renditions of photos. Shipped: never edit this file; add a new
-- numbered migration instead.
--
-- A photo from a phone is 3–5 MB; the papers print a copy scaled to about 250 dpi at the
-- size a page shows it, made once when the photo is attached. The original stays in
-- attachment_content; a photo with no row here prints from its original (it is already
-- small enough, or it was attached before renditions existed and gets one when printed).
CREATE TABLE attachment_print (
    id       TEXT PRIMARY KEY NOT NULL REFERENCES attachment (id) ON DELETE CASCADE,
    content  BLOB NOT NULL
);
