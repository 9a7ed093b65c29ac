//! Attachments: the file's bytes kept in the database beside their size, type and SHA-256.

use desk_domain::{Attachment, AttachmentInput, Error, Rule, Violation};
use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};

use crate::record;
use crate::{Store, StoreError, new_id};

/// Lower-case hex SHA-256.
pub fn sha256_hex(content: &[u8]) -> String {
    Sha256::digest(content)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    pub fn add_attachment(
        &mut self,
        input: &AttachmentInput,
        content: &[u8],
    ) -> Result<Attachment, StoreError> {
        self.add_attachment_with_print(input, content, None)
    }

    /// Attaches a file together with its print rendition (a photo scaled for the papers),
    /// in one transaction: the rendition never exists without its original.
    pub fn add_attachment_with_print(
        &mut self,
        input: &AttachmentInput,
        content: &[u8],
        print: Option<&[u8]>,
    ) -> Result<Attachment, StoreError> {
        let valid = input.validate(content)?;
        if let Some(id) = input.delegation_id.as_deref().filter(|s| !s.is_empty()) {
            self.delegation(id)?;
        }
        let writer = self.writer()?;
        let attachment = Attachment {
            id: new_id(),
            delegation_id: input.delegation_id.clone().filter(|s| !s.is_empty()),
            person_id: input.person_id.clone().filter(|s| !s.is_empty()),
            kind: valid.kind,
            file_name: valid.file_name,
            media_type: valid.media_type.to_owned(),
            size_bytes: i64::try_from(content.len()).unwrap_or(i64::MAX),
            sha256: sha256_hex(content),
            caption: valid.caption,
            created_at: writer.at.clone(),
            updated_at: writer.at.clone(),
        };
        writer.create(&attachment)?;
        writer.put_attachment_content(&attachment.id, content, print)?;
        writer.commit()?;
        Ok(attachment)
    }

    /// What the papers print for an attachment: its print rendition when one was made,
    /// otherwise its bytes as attached.
    pub fn attachment_for_print(&self, id: &str) -> Result<Vec<u8>, StoreError> {
        let print: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT content FROM attachment_print WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?;
        match print {
            Some(print) => Ok(print),
            None => self.attachment_content(id),
        }
    }

    /// Changes the caption (and kind) of an attachment; its content never changes.
    pub fn update_attachment(
        &mut self,
        id: &str,
        kind: &str,
        caption: &str,
    ) -> Result<Attachment, StoreError> {
        let old: Attachment = record::get(&self.conn, id)?;
        let kind = if kind.trim().is_empty() {
            old.kind
        } else {
            desk_domain::AttachmentKind::parse(kind).ok_or_else(|| {
                StoreError::Domain(Error::invalid(vec![Violation::new(
                    "kind",
                    Rule::UnknownCode,
                    format!("\"{kind}\" is not a kind of attachment"),
                )]))
            })?
        };
        let writer = self.writer()?;
        let new = Attachment {
            kind,
            caption: desk_domain::text::clean(caption),
            updated_at: writer.at.clone(),
            ..old.clone()
        };
        writer.change(&old, &new)?;
        writer.commit()?;
        Ok(new)
    }

    pub fn attachments(&self, delegation_id: &str) -> Result<Vec<Attachment>, StoreError> {
        record::select(
            &self.conn,
            "delegation_id = ?1",
            "created_at, id",
            &[&delegation_id],
        )
    }

    /// One attachment's record.
    pub fn attachment(&self, id: &str) -> Result<Attachment, StoreError> {
        record::get(&self.conn, id)
    }

    /// The bytes of an attachment, checked against its SHA-256.
    pub fn attachment_content(&self, id: &str) -> Result<Vec<u8>, StoreError> {
        let attachment: Attachment = record::get(&self.conn, id)?;
        let content: Vec<u8> = self.conn.query_row(
            "SELECT content FROM attachment_content WHERE id = ?1",
            [id],
            |row| row.get(0),
        )?;
        if sha256_hex(&content) != attachment.sha256 {
            return Err(StoreError::Corrupt(format!(
                "the content of {} does not match its SHA-256",
                attachment.file_name
            )));
        }
        Ok(content)
    }

    pub fn remove_attachment(&mut self, id: &str) -> Result<(), StoreError> {
        let attachment: Attachment = record::get(&self.conn, id)?;
        let writer = self.writer()?;
        // The content row goes with it (ON DELETE CASCADE).
        writer.remove(&attachment)?;
        writer.commit()
    }
}
