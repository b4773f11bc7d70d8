//! The documents a new draft starts from: the seed's plain format, the SRE book's postmortem
//! and Google's incident template (both in Markdown). Each reads without errors and has a
//! timeline entry to copy (tests below).

/// A starting point for a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// The plain-text format of the embedded sample.
    Plain,
    /// The SRE book's example postmortem, in Markdown.
    SreBook,
    /// Google's incident template (Google Docs), in Markdown.
    Google,
}

impl Template {
    /// Every template, in the order the editor offers them.
    pub const ALL: [Template; 3] = [Template::Plain, Template::SreBook, Template::Google];

    /// Its name, as offered.
    pub fn name(self) -> &'static str {
        match self {
            Template::Plain => "Plain (the sample's format)",
            Template::SreBook => "SRE book (Markdown)",
            Template::Google => "Google incident template (Markdown)",
        }
    }

    /// A short stable name, for test ids and file names.
    pub fn slug(self) -> &'static str {
        match self {
            Template::Plain => "plain",
            Template::SreBook => "sre-book",
            Template::Google => "google",
        }
    }

    /// The file name a draft from it is downloaded as, before it has a title.
    pub fn file_name(self) -> &'static str {
        match self {
            Template::Plain => "postmortem.txt",
            Template::SreBook | Template::Google => "postmortem.md",
        }
    }

    /// Its text.
    pub fn text(self) -> &'static str {
        match self {
            Template::Plain => PLAIN,
            Template::SreBook => SRE_BOOK,
            Template::Google => GOOGLE,
        }
    }
}

const PLAIN: &str = "Postmortem: Title of the incident

Issue Summary:
Duration: January 15, 2024, 10:00 AM - January 15, 2024, 11:00 AM (UTC)
Impact: What users saw, and how many of them.
Root Cause: What went wrong, in one sentence.

Timeline:
10:00 AM: Issue detected by monitoring alerts.
10:05 AM: On-call engineer alerted.

Root Cause and Resolution:
Root Cause: What went wrong, and why.
Resolution: What was done to restore service.

Corrective and Preventative Measures:
Improvements: What will make this less likely, or shorter.
Tasks:
  - A follow-up task (owner: someone).
";

const SRE_BOOK: &str = "# Title of the incident Postmortem (incident #1)

**Date:** 2024-01-15

**Authors:** you

**Status:** Draft

**Summary:** What happened, in one sentence.

**Impact:** What users saw, and how many of them.

**Root Causes:** What went wrong, and why.

**Trigger:** What set it off.

**Resolution:** What was done to restore service.

**Detection:** How it was noticed.

## Action Items

| Action Item | Type | Owner | Bug |
| --- | --- | --- | --- |
| A follow-up task | prevent | someone | n/a |

## Lessons Learned

### What went well

- Something that helped.

### What went wrong

- Something that hurt.

### Where we got lucky

- Something that could have been worse.

## Timeline

2024-01-15 (all times UTC)

- 10:00 Issue detected by monitoring alerts
- 10:05 On-call engineer alerted
";

const GOOGLE: &str = "# Incident: Title of the incident

| | |
| --- | --- |
| **Incident date** | 2024-01-15 |
| **Severity** | SEV-2 |
| **Status** | Draft |
| **Owner** | you |

## Summary

What happened, in one sentence.

## Impact

What users saw, and how many of them.

## Root cause

What went wrong, and why.

## Timeline (all times UTC)

| Time | Event |
| --- | --- |
| 2024-01-15 10:00 | Issue detected by monitoring alerts |
| 2024-01-15 10:05 | On-call engineer alerted |

## Action items

- [ ] A follow-up task (owner: someone)

## Lessons learned

- What we learned.
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_document, Severity};

    #[test]
    fn every_template_reads_cleanly_with_a_title_and_two_entries() {
        for template in Template::ALL {
            let parsed = parse_document(template.file_name(), template.text());
            let errors: Vec<_> = parsed
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{template:?}: {errors:?}");
            assert!(
                parsed.incident.title.contains("Title of the incident"),
                "{template:?}: {:?}",
                parsed.incident.title
            );
            let times: Vec<String> = parsed
                .incident
                .timeline
                .iter()
                .map(|e| e.at.time.format("%H:%M").to_string())
                .collect();
            assert_eq!(times, ["10:00", "10:05"], "{template:?}");
            assert!(
                parsed.incident.timeline.iter().all(|e| e.at.date.is_some()),
                "{template:?}: every entry is dated"
            );
        }
    }
}
