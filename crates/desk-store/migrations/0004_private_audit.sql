-- Schema version 4: the audit trail keeps that a passport number or a birth date changed,
-- never the value (personal data under Viet Nam's Personal Data Protection Law must not
-- outlive its record). Shipped: never edit this file; add a new numbered migration instead.
--
-- Field changes keep their field name and lose both values; whole-record entries (a person
-- created or deleted) lose the two fields. The store writes new entries the same way.

UPDATE audit_entry SET old_value = NULL, new_value = NULL
 WHERE entity = 'person' AND field IN ('passport_no', 'born_on');

UPDATE audit_entry SET old_value = json_remove(old_value, '$.passport_no', '$.born_on')
 WHERE entity = 'person' AND field = '*' AND json_valid(old_value);

UPDATE audit_entry SET new_value = json_remove(new_value, '$.passport_no', '$.born_on')
 WHERE entity = 'person' AND field = '*' AND json_valid(new_value);
