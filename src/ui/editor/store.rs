//! Drafts in local storage (gloo-storage): each draft under its own key, its revision and
//! saving tab under another (so a tab checks for a newer save without reading the whole
//! draft), and the list of drafts. Which draft a tab has open is kept in session storage
//! (each tab its own), and the last one used in local storage (for a new tab).

use gloo::storage::errors::StorageError;
use gloo::storage::{LocalStorage, SessionStorage, Storage};

use crate::authoring::drafts::{with_summary, Draft, DraftSummary};

const LIST_KEY: &str = "postmortem-explorer:drafts";
const CURRENT_KEY: &str = "postmortem-explorer:draft-current";

fn draft_key(id: &str) -> String {
    format!("postmortem-explorer:draft:{id}")
}

/// The key that holds a draft's revision and the tab that saved it: the `storage` event of
/// another tab's save names it.
pub fn revision_key(id: &str) -> String {
    format!("postmortem-explorer:draft-revision:{id}")
}

/// Why a draft was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    Full,
    /// Storage is unavailable (disabled, private mode) or refused for another reason.
    Refused(String),
}

/// The draft stored under `id`.
pub fn load(id: &str) -> Option<Draft> {
    LocalStorage::get(draft_key(id)).ok()
}

/// The revision of the draft `id` as stored, and the tab that saved it.
pub fn stored_revision(id: &str) -> Option<(u64, String)> {
    LocalStorage::get(revision_key(id)).ok()
}

/// Saves `draft` (its text, then its revision, then the list).
pub fn save(draft: &Draft) -> Result<(), SaveError> {
    LocalStorage::set(draft_key(&draft.id), draft).map_err(reason)?;
    LocalStorage::set(revision_key(&draft.id), (draft.revision, &draft.tab)).map_err(reason)?;
    LocalStorage::set(LIST_KEY, with_summary(list(), draft)).map_err(reason)?;
    Ok(())
}

/// Every draft kept on this device, newest first.
pub fn list() -> Vec<DraftSummary> {
    LocalStorage::get(LIST_KEY).unwrap_or_default()
}

/// Forgets the draft `id`.
pub fn remove(id: &str) {
    LocalStorage::delete(draft_key(id));
    LocalStorage::delete(revision_key(id));
    let mut drafts = list();
    drafts.retain(|d| d.id != id);
    let _ = LocalStorage::set(LIST_KEY, drafts);
}

/// The draft this tab has open, else the one used last on this device.
pub fn current() -> Option<String> {
    SessionStorage::get(CURRENT_KEY)
        .ok()
        .or_else(|| LocalStorage::get(CURRENT_KEY).ok())
}

/// Makes `id` this tab's draft and the last one used.
pub fn set_current(id: &str) {
    let _ = SessionStorage::set(CURRENT_KEY, id);
    let _ = LocalStorage::set(CURRENT_KEY, id);
}

fn reason(error: StorageError) -> SaveError {
    let text = error.to_string();
    if text.contains("QuotaExceeded") || text.to_ascii_lowercase().contains("quota") {
        SaveError::Full
    } else {
        SaveError::Refused(text)
    }
}
