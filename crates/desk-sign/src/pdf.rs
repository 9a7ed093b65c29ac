//! The signed PDF: an incremental update appended after the original's last byte (which is
//! left exactly as it was), holding the signature field's widget on the signing page, its
//! appearance, the `/Sig` dictionary with a `/ByteRange` over the whole file but the
//! `/Contents` hole, and the catalog's `/AcroForm`. lopdf reads the original and writes the
//! appended objects with their own cross-reference section; we then fill the byte range in
//! place, hash the two ranges, and write the CMS into the hole.

use chrono::{DateTime, FixedOffset, Utc};
use lopdf::{Dictionary, Document, IncrementalDocument, Object, StringFormat, dictionary};

use crate::appearance::{Appearance, draw, to_unicode};
use crate::cms::sign_detached;
use crate::error::SignError;
use crate::signer::Credential;

/// Room kept for the CMS (bytes): a chain of four 2,048-bit RSA certificates and the
/// signature take about 6 KB; tokens from the Vietnamese CAs carry chains of two or three.
const CONTENTS_BYTES: usize = 16_384;
/// Written where the byte range goes, then overwritten with the real numbers and spaces.
const RANGE_PLACEHOLDER: i64 = 9_999_999_999;

/// What to sign and how it should read.
#[derive(Debug, Clone)]
pub struct SignRequest {
    /// When the signature is made, with the offset it is shown in (+07:00 in Viet Nam).
    pub at: DateTime<FixedOffset>,
    /// The signer's name for the `/Name` entry (the certificate's name when empty).
    pub name: String,
    /// Why (e.g. "Ký phát hành báo cáo").
    pub reason: String,
    /// Where (e.g. "Hà Nội").
    pub location: String,
    /// The visible signature; an invisible one when `None`.
    pub appearance: Option<Appearance>,
}

/// A PDF date with the offset written the PDF way: `D:20261202145500+07'00'`.
pub fn pdf_date(at: &DateTime<FixedOffset>) -> String {
    let offset = at.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let abs = offset.abs();
    format!(
        "D:{}{sign}{:02}'{:02}'",
        at.format("%Y%m%d%H%M%S"),
        abs / 3600,
        (abs % 3600) / 60
    )
}

/// A PDF text string: ASCII as is, anything else as UTF-16BE with its byte-order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

fn bad_pdf(e: impl std::fmt::Display) -> SignError {
    SignError::bad("pdf", format!("the PDF cannot be read ({e})"))
}

/// Signs `original` and returns the signed file: the original bytes, then the update.
pub fn sign_pdf(
    original: &[u8],
    credential: &Credential,
    request: &SignRequest,
) -> Result<Vec<u8>, SignError> {
    let at_utc: DateTime<Utc> = request.at.with_timezone(&Utc);
    credential.check_usable(at_utc)?;
    // Everything that can be refused is checked before a byte is produced.
    let drawn = request.appearance.as_ref().map(draw).transpose()?;

    let prev = Document::load_mem(original).map_err(bad_pdf)?;
    if prev.is_encrypted() {
        return Err(SignError::bad("pdf", "an encrypted PDF cannot be signed"));
    }
    let root_id = prev
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(bad_pdf)?;
    let pages = prev.get_pages();
    let page_index = request.appearance.as_ref().map(|a| a.page).unwrap_or(0);
    let page_id = *pages
        .values()
        .nth(page_index)
        .or_else(|| pages.values().last())
        .ok_or_else(|| SignError::bad("pdf", "the PDF has no page"))?;
    let mut inc = IncrementalDocument::create_from(original.to_vec(), prev);
    let doc = &mut inc.new_document;

    // The signature value: a placeholder hole and byte range, filled in after writing.
    // (A &str becomes a PDF name in lopdf's dictionary! macro.)
    let placeholder = Object::Integer(RANGE_PLACEHOLDER);
    let mut sig = dictionary! {
        "Type" => "Sig",
        "Filter" => "Adobe.PPKLite",
        "SubFilter" => "ETSI.CAdES.detached",
        "ByteRange" => vec![0.into(), placeholder.clone(), placeholder.clone(), placeholder],
        "Contents" => Object::String(vec![0; CONTENTS_BYTES], StringFormat::Hexadecimal),
        "M" => Object::string_literal(pdf_date(&request.at)),
    };
    let signer_name = if request.name.trim().is_empty() {
        credential.signer_name()
    } else {
        request.name.clone()
    };
    sig.set("Name", text_string(&signer_name));
    if !request.reason.is_empty() {
        sig.set("Reason", text_string(&request.reason));
    }
    if !request.location.is_empty() {
        sig.set("Location", text_string(&request.location));
    }
    let sig_id = doc.add_object(sig);

    // The widget and its appearance.
    let mut widget = Dictionary::new();
    widget.set("Type", name("Annot"));
    widget.set("Subtype", name("Widget"));
    widget.set("FT", name("Sig"));
    widget.set("T", text_string(&format!("Signature{}", sig_id.0)));
    widget.set("V", Object::Reference(sig_id));
    widget.set("P", Object::Reference(page_id));
    // Print + Locked: it prints, and a viewer does not let it be moved.
    widget.set("F", 132);
    match &drawn {
        Some(d) => {
            widget.set(
                "Rect",
                Object::Array(
                    [d.rect.x0, d.rect.y0, d.rect.x1, d.rect.y1]
                        .into_iter()
                        .map(Object::Real)
                        .collect(),
                ),
            );
            let mut xobjects = Dictionary::new();
            for (img_name, img, mask) in &d.images {
                let mask_id = doc.add_object(mask.clone());
                let mut img = img.clone();
                img.dict.set("SMask", Object::Reference(mask_id));
                let img_id = doc.add_object(img);
                xobjects.set(*img_name, Object::Reference(img_id));
            }
            let mut resources = Dictionary::new();
            resources.set("XObject", xobjects);
            if let Some(f) = &d.font {
                let mut file = Dictionary::new();
                file.set("Filter", name("FlateDecode"));
                file.set("Length1", f.file_len as i64);
                let file_id = doc.add_object(lopdf::Stream::new(file, f.file.clone()));
                let mut desc = Dictionary::new();
                desc.set("Type", name("FontDescriptor"));
                desc.set("FontName", name(&f.base_font));
                desc.set("Flags", 34);
                desc.set(
                    "FontBBox",
                    Object::Array(f.bbox.iter().map(|v| Object::Integer(*v)).collect()),
                );
                desc.set("ItalicAngle", 0);
                desc.set("Ascent", f.ascent);
                desc.set("Descent", f.descent);
                desc.set("CapHeight", f.cap_height);
                desc.set("StemV", 80);
                desc.set("FontFile2", Object::Reference(file_id));
                let desc_id = doc.add_object(desc);
                let mut w = Vec::new();
                for (gid, width) in &f.widths {
                    w.push(Object::Integer(*gid as i64));
                    w.push(Object::Array(vec![Object::Integer(*width)]));
                }
                let mut cid = Dictionary::new();
                cid.set("Type", name("Font"));
                cid.set("Subtype", name("CIDFontType2"));
                cid.set("BaseFont", name(&f.base_font));
                let mut info = Dictionary::new();
                info.set("Registry", Object::string_literal("Adobe"));
                info.set("Ordering", Object::string_literal("Identity"));
                info.set("Supplement", 0);
                cid.set("CIDSystemInfo", info);
                cid.set("FontDescriptor", Object::Reference(desc_id));
                cid.set("W", Object::Array(w));
                cid.set("CIDToGIDMap", name("Identity"));
                let cid_id = doc.add_object(cid);
                let cmap_id = doc.add_object(lopdf::Stream::new(
                    Dictionary::new(),
                    to_unicode(&f.to_unicode),
                ));
                let mut font = Dictionary::new();
                font.set("Type", name("Font"));
                font.set("Subtype", name("Type0"));
                font.set("BaseFont", name(&f.base_font));
                font.set("Encoding", name("Identity-H"));
                font.set(
                    "DescendantFonts",
                    Object::Array(vec![Object::Reference(cid_id)]),
                );
                font.set("ToUnicode", Object::Reference(cmap_id));
                let font_id = doc.add_object(font);
                let mut fonts = Dictionary::new();
                fonts.set("F1", Object::Reference(font_id));
                resources.set("Font", fonts);
            }
            let form = dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![
                    0.into(),
                    0.into(),
                    (d.rect.x1 - d.rect.x0).into(),
                    (d.rect.y1 - d.rect.y0).into(),
                ],
                "Resources" => resources,
            };
            let form_id = doc.add_object(lopdf::Stream::new(form, d.content.clone()));
            let mut ap = Dictionary::new();
            ap.set("N", Object::Reference(form_id));
            widget.set("AP", ap);
        }
        None => {
            widget.set(
                "Rect",
                Object::Array(vec![0.into(), 0.into(), 0.into(), 0.into()]),
            );
        }
    }
    let widget_id = doc.add_object(widget);

    // The page lists the widget among its annotations; the catalog's form lists the field.
    inc.opt_clone_object_to_new_document(page_id)
        .map_err(bad_pdf)?;
    let prev_doc = inc.get_prev_documents();
    let page_annots = {
        let page = prev_doc.get_dictionary(page_id).map_err(bad_pdf)?;
        match page.get(b"Annots") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(Object::Reference(r)) => prev_doc
                .get_object(*r)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    };
    let mut annots = page_annots;
    annots.push(Object::Reference(widget_id));
    inc.new_document
        .get_dictionary_mut(page_id)
        .map_err(bad_pdf)?
        .set("Annots", Object::Array(annots));

    inc.opt_clone_object_to_new_document(root_id)
        .map_err(bad_pdf)?;
    let existing_fields = {
        let prev_doc = inc.get_prev_documents();
        let catalog = prev_doc.get_dictionary(root_id).map_err(bad_pdf)?;
        let form = match catalog.get(b"AcroForm") {
            Ok(Object::Dictionary(d)) => Some(d.clone()),
            Ok(Object::Reference(r)) => prev_doc.get_dictionary(*r).ok().cloned(),
            _ => None,
        };
        form.and_then(|f| {
            f.get(b"Fields")
                .ok()
                .and_then(|v| v.as_array().ok().cloned())
        })
        .unwrap_or_default()
    };
    let mut fields = existing_fields;
    fields.push(Object::Reference(widget_id));
    let mut acroform = Dictionary::new();
    acroform.set("Fields", Object::Array(fields));
    // SignaturesExist + AppendOnly: viewers must save further changes incrementally.
    acroform.set("SigFlags", 3);
    inc.new_document
        .get_dictionary_mut(root_id)
        .map_err(bad_pdf)?
        .set("AcroForm", acroform);

    let mut out = Vec::with_capacity(original.len() + CONTENTS_BYTES * 2 + 64 * 1024);
    inc.save_to(&mut out)
        .map_err(|e| SignError::Failed(format!("cannot write the signed PDF ({e})")))?;

    // Find the hole and the byte range in what we appended.
    let tail = original.len();
    let hole_start = find(&out[tail..], b"<0000000000000000")
        .map(|p| p + tail)
        .ok_or_else(|| SignError::Failed("the signature placeholder was not written".into()))?;
    let hole_end = hole_start + 2 + CONTENTS_BYTES * 2;
    if out.get(hole_end - 1) != Some(&b'>') {
        return Err(SignError::Failed(
            "the signature placeholder was not written as expected".into(),
        ));
    }
    let range_key = find(&out[tail..], b"/ByteRange")
        .map(|p| p + tail)
        .ok_or_else(|| SignError::Failed("the byte range was not written".into()))?;
    let open = range_key
        + find(&out[range_key..], b"[")
            .ok_or_else(|| SignError::Failed("the byte range was not written".into()))?;
    let close = open
        + find(&out[open..], b"]")
            .ok_or_else(|| SignError::Failed("the byte range was not written".into()))?;
    let ranges = format!("0 {} {} {}", hole_start, hole_end, out.len() - hole_end);
    let room = close - open - 1;
    if ranges.len() > room {
        return Err(SignError::Failed("the byte range does not fit".into()));
    }
    let padded = format!("{ranges:<room$}");
    out[open + 1..close].copy_from_slice(padded.as_bytes());

    let mut signed = Vec::with_capacity(out.len() - (hole_end - hole_start));
    signed.extend_from_slice(&out[..hole_start]);
    signed.extend_from_slice(&out[hole_end..]);
    let cms = sign_detached(credential, &signed, at_utc)?;
    if cms.len() > CONTENTS_BYTES {
        return Err(SignError::Failed(format!(
            "the signature ({} bytes) is larger than the room kept for it",
            cms.len()
        )));
    }
    let hex: String = cms.iter().map(|b| format!("{b:02X}")).collect();
    out[hole_start + 1..hole_start + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn pdf_dates_carry_the_viet_nam_offset_as_pdf_writes_it() {
        let at = FixedOffset::east_opt(7 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 12, 2, 14, 55, 9)
            .unwrap();
        assert_eq!(pdf_date(&at), "D:20261202145509+07'00'");
        let west = FixedOffset::west_opt(3 * 3600 + 1800)
            .unwrap()
            .with_ymd_and_hms(2026, 1, 5, 8, 0, 0)
            .unwrap();
        assert_eq!(pdf_date(&west), "D:20260105080000-03'30'");
    }
}
