//! Attachments: invitation letters, decisions, tickets, photos, receipts. The content is
//! kept with its size, media type and SHA-256, and a caption for photos in reports.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::error::{Error, Rule};
use crate::named;

/// Largest file accepted, in bytes (50 MiB): a scanned decision or a phone photo fits
/// easily; a video does not belong in the record.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

named! {
    pub enum AttachmentKind {
        Invitation = "invitation",
        Decision = "decision",
        Ticket = "ticket",
        Photo = "photo",
        Receipt = "receipt",
        Letter = "letter",
        Other = "other",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attachment {
    pub id: String,
    pub delegation_id: Option<String>,
    pub person_id: Option<String>,
    pub kind: AttachmentKind,
    pub file_name: String,
    /// Sniffed from the content: `image/jpeg`, `image/png`, `application/pdf`, ...
    pub media_type: String,
    #[ts(type = "number")]
    pub size_bytes: i64,
    /// Lower-case hex SHA-256 of the content.
    pub sha256: String,
    pub caption: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct AttachmentInput {
    pub delegation_id: Option<String>,
    pub person_id: Option<String>,
    /// One of [`AttachmentKind`]'s names; empty: `photo` for images, else `other`.
    pub kind: String,
    pub file_name: String,
    pub caption: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAttachment {
    pub kind: AttachmentKind,
    pub file_name: String,
    pub media_type: &'static str,
    pub caption: String,
}

/// The media type of `content`, from its first bytes (never from the file name alone,
/// which anyone can change).
pub fn sniff(content: &[u8], file_name: &str) -> &'static str {
    match content {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [b'%', b'P', b'D', b'F', b'-', ..] => "application/pdf",
        [b'G', b'I', b'F', b'8', ..] => "image/gif",
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => "image/webp",
        [b'P', b'K', 0x03, 0x04, ..] => {
            let lower = file_name.to_lowercase();
            if lower.ends_with(".docx") {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            } else if lower.ends_with(".xlsx") {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            } else {
                "application/zip"
            }
        }
        _ if std::str::from_utf8(content).is_ok() => "text/plain",
        _ => "application/octet-stream",
    }
}

impl AttachmentInput {
    pub fn validate(&self, content: &[u8]) -> Result<ValidAttachment, Error> {
        let mut check = Check::new();
        let file_name = check.required("file_name", "File name", &self.file_name);
        if file_name.contains(['/', '\\']) {
            check.fail(
                "file_name",
                Rule::InvalidFormat,
                "File name must be a name, not a path",
            );
        }
        if content.is_empty() {
            check.fail("content", Rule::Required, "The file is empty");
        } else if content.len() > MAX_BYTES {
            check.fail(
                "content",
                Rule::TooLarge,
                format!(
                    "The file is {} MiB; at most {} MiB can be attached",
                    content.len() / (1024 * 1024),
                    MAX_BYTES / (1024 * 1024)
                ),
            );
        }
        let media_type = sniff(content, &file_name);
        let kind = if self.kind.trim().is_empty() {
            Some(if media_type.starts_with("image/") {
                AttachmentKind::Photo
            } else {
                AttachmentKind::Other
            })
        } else {
            check.one_of("kind", "Kind", &self.kind, &AttachmentKind::choices())
        };
        let caption = check.optional("caption", "Caption", &self.caption);
        check.finish(|| {
            Some(ValidAttachment {
                kind: kind?,
                file_name,
                media_type,
                caption,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_from_the_content_not_the_name() {
        assert_eq!(sniff(b"%PDF-1.7 ...", "photo.jpg"), "application/pdf");
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0], "x.bin"), "image/jpeg");
        assert_eq!(
            sniff(&[0, 159, 146, 150], "x.jpg"),
            "application/octet-stream"
        );
    }

    #[test]
    fn an_image_defaults_to_a_photo_and_empty_files_are_refused() {
        let input = AttachmentInput {
            file_name: "flag.jpg".into(),
            ..Default::default()
        };
        let valid = input.validate(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]);
        assert_eq!(valid.map(|v| v.kind), Ok(AttachmentKind::Photo));
        let error = input.validate(&[]).err();
        assert_eq!(
            error.map(|e| e.violations[0].field.clone()),
            Some("content".into())
        );
    }
}
