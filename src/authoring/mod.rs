//! Writing postmortems in the browser (the editor, `?view=edit`): the templates a draft starts
//! from, the "add entry now" line in the document's own style, where each event was written,
//! the session's undo history, and drafts as they are kept on the device. Plain Rust, no
//! web-sys: the editor's component only wires these to the page.

pub mod drafts;
pub mod entry;
pub mod history;
pub mod source_lines;
pub mod templates;
