//! Hand-written cue words for each event kind, with weights: what the words of one text say.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::model::EventKind;

/// Cue words for each kind, with a weight: 3 for phrases that name the kind outright
/// ("root cause identified"; 5 for a full recovery, which outweighs the fix mentioned
/// beside it), 2 for words that usually mean it ("rolled back"), 1 for weak
/// hints ("checked"). A cue matches at the start of a word, so a stem ("investigat") covers
/// its forms and "ack" is not found in "back". The kind with the highest total wins; ties go
/// to the kind listed first. Postmortems are written in many languages, so the commonest
/// cues of a few others are here too.
const CUES: &[(EventKind, u8, &[&str])] = &[
    (
        EventKind::Resolved,
        5,
        &[
            "resolved",
            "fully recovered",
            "fully restored",
            "full service recovery",
            "fully operational",
            "fully functional",
            "fully online",
            "all clear",
            "back to normal",
            "returned to normal",
            "return to normal",
            "incident closed",
            "closed the incident",
            "end of outage",
            "outage ends",
            "outage ended",
            "outage over",
            "recovery confirmed",
            "recovered fully",
            "service recovered",
            "all systems operational",
            "fully back",
            "completely restored",
            "complete recovery",
            "복구 완료",
            "완전 복구",
            "정상화",
            "résolu",
            "rétabli",
            "behoben",
            "resuelto",
            "restaurado y funcional",
        ],
    ),
    (
        EventKind::Resolved,
        2,
        &[
            "back online",
            "back up",
            "working again",
            "working normally",
            "operational again",
            "functional",
            "recovered",
            "is back",
            "are back",
            "normal",
            "stable",
            "no further",
            "closed",
            "복구",
            "정상",
            "restaurado",
            "funcional",
            "wieder",
            "de nouveau",
        ],
    ),
    (
        EventKind::RootCauseIdentified,
        3,
        &[
            "root cause",
            "root-caus",
            "cause identified",
            "identified the cause",
            "found the cause",
            "cause was",
            "culprit",
            "traced to",
            "traced the",
            "pinpoint",
            "the issue was",
            "the problem was",
            "was caused by",
            "is caused by",
            "caused by",
            "원인",
            "原因",
            "cause racine",
            "ursache",
        ],
    ),
    (
        EventKind::RootCauseIdentified,
        2,
        &[
            "identified",
            "identifies",
            "identify",
            "discovered",
            "discovers",
            "found that",
            "finds that",
            "found the",
            "finds the",
            "realiz",
            "realis",
            "determin",
            "figured out",
            "due to",
            "because",
            "spilled the beans",
            "turns out",
            "turned out",
        ],
    ),
    (
        EventKind::MisleadingPath,
        3,
        &[
            "red herring",
            "ruled out",
            "false lead",
            "false positive",
            "did not help",
            "didn't help",
            "did not fix",
            "didn't fix",
            "did not resolve",
            "didn't resolve",
            "did not solve",
            "not solve",
            "not fix",
            "no effect",
            "no change",
            "no luck",
            "no improvement",
            "not the cause",
            "wasn't the cause",
            "was not the cause",
            "initially suspected",
            "initially thought",
            "wrongly",
            "mistakenly",
            "rabbit hole",
            "remain elevated",
            "remains elevated",
            "still failing",
            "still down",
            "still broken",
            "still not",
            "not having the intended",
            "despite",
            "unsuccessful",
            "to no avail",
            "first guess",
            "assumed",
            "rollback fails",
            "rollback failed",
            "fails again",
            "failed again",
            "is back",
            "came back",
            "problem is not fixed",
        ],
    ),
    (
        EventKind::MisleadingPath,
        1,
        &[
            "attempt", "tried", "tries", "suspect", "guess", "again", "still", "however",
        ],
    ),
    (
        EventKind::Mitigated,
        3,
        &[
            "mitigat",
            "rolled back",
            "rollback",
            "roll back",
            "reverted",
            "revert",
            "hotfix",
            "hot fix",
            "fix deployed",
            "fix applied",
            "fix was deployed",
            "deployed a fix",
            "deployed the fix",
            "fix released",
            "fix merged",
            "fix lands",
            "fix landed",
            "workaround",
            "failover",
            "failed over",
            "fail over",
            "restarted",
            "restart",
            "rebooted",
            "reboot",
            "redeploy",
            "re-deploy",
            "scaled up",
            "scaled down",
            "scale down",
            "scales down",
            "scaling down",
            "scales up",
            "scaled to",
            "relaunch",
            "power cycl",
            "power-cycl",
            "reattach",
            "reschedul",
            "terminated",
            "downgrad",
            "rolls back",
            "roll-back",
            "scale up",
            "scaled out",
            "scaling up",
            "increased",
            "patched",
            "patch",
            "cordon",
            "drain",
            "rotated",
            "revoked",
            "disabled",
            "turned off",
            "switched",
            "removed",
            "deleted",
            "purg",
            "prune",
            "freed",
            "cleared",
            "killed",
            "blocked",
            "throttl",
            "rate limit",
            "recovering",
            "partial recovery",
            "partially",
            "begin to recover",
            "begins to recover",
            "started to recover",
            "recovery",
            "monitoring the fix",
            "service restored",
            "조치",
            "재시작",
            "liberados",
            "reiniciado",
            "redémarr",
            "neustart",
        ],
    ),
    (
        EventKind::Mitigated,
        2,
        &[
            "fix",
            "fixed",
            "applied",
            "corrected",
            "correction",
            "replaced",
            "replacing",
            "moved",
            "migrated",
            "re-enabled",
            "enabled",
            "added",
            "updated",
            "changed",
            "upgraded",
            "deployed",
            "merged",
            "manually",
            "temporar",
            "suspended",
            "destroyed",
            "stopped",
            "shut down",
            "pointed",
            "point back",
            "restor",
            "recreated",
            "rebuilt",
            "reinstall",
            "resumed",
            "online again",
            "deleting",
            "places",
            "hold",
        ],
    ),
    (
        EventKind::Escalated,
        3,
        &[
            "escalat",
            "war room",
            "incident commander",
            "brought in",
            "brought onboard",
            "pulled in",
            "joined",
            "joins",
            "reached out",
            "contacted",
            "engaged",
            "summoned",
            "forwarded",
            "support ticket",
            "opened a ticket",
            "vendor",
            "informs",
            "informed",
            "called in",
            "meeting",
            "meet to",
            "bridge",
        ],
    ),
    (
        EventKind::Escalated,
        1,
        &["team", "contact", "support", "asked", "request"],
    ),
    (
        EventKind::Alerted,
        3,
        &[
            "paged",
            "page sent",
            "pager",
            "pagerduty",
            "opsgenie",
            "alerted",
            "acknowledg",
            "acked",
            "incident declared",
            "declared an incident",
            "declares an incident",
            "declared",
            "incident call",
            "incident opened",
            "incident created",
            "incident channel",
            "on-call",
            "oncall",
            "on call",
            "notified",
            "pinged",
            "pings",
            "springs to action",
            "assembled",
            "response call",
            "initiates incident",
            "sev1",
            "sev-1",
            "sev 1",
            "sev2",
            "sev-2",
            "sev 2",
        ],
    ),
    (
        EventKind::Detected,
        3,
        &[
            "noticed",
            "notices",
            "notice",
            "detected",
            "detects",
            "first report",
            "reported",
            "reports",
            "report of",
            "alert fired",
            "alerts fired",
            "alert triggered",
            "alerts triggered",
            "alarm",
            "monitoring alert",
            "uptime check",
            "spotted",
            "observed",
            "observes",
            "first detected",
            "learnt",
            "learned about",
            "woke up",
            "became aware",
            "becomes aware",
            "become aware",
            "were woken",
            "tweet",
            "user report",
            "customer report",
            "complain",
            "문의",
            "포착",
            "감지",
            "발견",
            "signalé",
            "gemeldet",
            "detectado",
        ],
    ),
    (
        EventKind::Detected,
        1,
        &[
            "alert", "warning", "users", "customer", "email", "sees", "saw", "first",
        ],
    ),
    (
        EventKind::Investigating,
        3,
        &[
            "investigat",
            "looking into",
            "look into",
            "looked into",
            "debug",
            "diagnos",
            "triag",
            "examin",
            "analyz",
            "analys",
            "checked",
            "checking",
            "checks",
            "inspect",
            "reproduc",
            "dig into",
            "digging",
            "verif",
            "confirmed the issue",
            "logs show",
            "metrics show",
            "suspicion",
            "hypothes",
            "looking at",
            "looks at",
            "looked at",
            "validat",
            "traces",
            "trace the",
            "digs",
            "shows",
            "조사",
            "확인",
            "untersuch",
            "enquête",
            "investigación",
        ],
    ),
    (
        EventKind::Investigating,
        1,
        &[
            "logs", "note", "noted", "test", "confirm", "review", "request", "trying",
        ],
    ),
    (
        EventKind::ImpactStart,
        3,
        &[
            "impact began",
            "impact started",
            "impact starts",
            "start of impact",
            "outage began",
            "outage begins",
            "outage started",
            "outage starts",
            "start of outage",
            "errors began",
            "errors started",
            "errors begin",
            "started failing",
            "began failing",
            "begins failing",
            "went down",
            "goes down",
            "go down",
            "downtime starts",
            "degradation begins",
            "outage occurred",
            "began",
            "begins",
            "crash",
            "spike",
            "surge",
            "overwhelm",
            "exhaust",
            "oom",
            "out of memory",
            "disk full",
            "ran out",
            "runs out",
            "stops working",
            "stopped working",
            "crashloop",
            "notready",
            "장애 발생",
            "livraison",
            "entra en",
            "ausfall",
        ],
    ),
    (
        EventKind::ImpactStart,
        2,
        &[
            "deploy",
            "deployment",
            "expired",
            "unreachable",
            "unavailable",
            "outage",
            "lost",
            "stuck",
            "timeout",
            "timed out",
            "fails",
            "failing",
            "released",
            "release",
            "rolled out",
            "rollout",
            "pushed",
            "merged",
            "upgrade",
            "migration",
            "installed",
            "change",
            "started",
            "starts",
            "errors",
            "error",
            "failed",
            "down",
            "degrad",
            "elevated",
            "slow",
            "latency",
            "overload",
            "spik",
        ],
    ),
];

/// A cue and its kind's index in [`EventKind::ALL`], with its weight.
type Cue = (usize, u8, &'static [u8]);

/// The cues grouped by their first two bytes (a one-byte cue by that byte and 0): looking up
/// only the few cues that can start at a word keeps classifying 10,000 events to a few
/// milliseconds.
fn cues_by_first_bytes() -> &'static FxHashMap<[u8; 2], Vec<Cue>> {
    static TABLE: OnceLock<FxHashMap<[u8; 2], Vec<Cue>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxHashMap<[u8; 2], Vec<Cue>> = FxHashMap::default();
        for &(kind, weight, cues) in CUES {
            let index = EventKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
            for cue in cues {
                let bytes = cue.as_bytes();
                if let Some(&first) = bytes.first() {
                    let key = [first, bytes.get(1).copied().unwrap_or(0)];
                    table.entry(key).or_default().push((index, weight, bytes));
                }
            }
        }
        table
    })
}

/// The order ties are settled in: the kinds that end a story first.
const TIE_ORDER: [EventKind; 9] = [
    EventKind::Resolved,
    EventKind::RootCauseIdentified,
    EventKind::MisleadingPath,
    EventKind::Mitigated,
    EventKind::Escalated,
    EventKind::Alerted,
    EventKind::Detected,
    EventKind::Investigating,
    EventKind::ImpactStart,
];

/// The weight of each kind's cues in the text, indexed as [`EventKind::ALL`]: each word start
/// counts once per kind, with its heaviest cue there ("error" and "errors" are one hint).
pub fn cue_scores(text: &str) -> Cues {
    let lower = text.to_lowercase();
    let hay = lower.as_bytes();
    let table = cues_by_first_bytes();
    let mut score = [0u32; EventKind::ALL.len()];
    for at in 0..hay.len() {
        // Cues start words: not inside one (`ack` in `back`), and not mid-character.
        let word_start = at == 0
            || !hay[at - 1].is_ascii_alphanumeric() && hay[at - 1] < 0x80
            || hay[at] >= 0x80 && (hay[at] & 0xC0) != 0x80;
        if !word_start {
            continue;
        }
        let mut here = [0u8; EventKind::ALL.len()];
        let rest = &hay[at..];
        let second = rest.get(1).copied().unwrap_or(0);
        let candidates = [[rest[0], second], [rest[0], 0]];
        for key in candidates.iter().take(if second == 0 { 1 } else { 2 }) {
            for &(kind, weight, cue) in table.get(key).into_iter().flatten() {
                if rest.starts_with(cue) {
                    here[kind] = here[kind].max(weight);
                }
            }
        }
        for (total, weight) in score.iter_mut().zip(here) {
            *total += u32::from(weight);
        }
    }
    Cues { score }
}

/// What the cues of one text say.
#[derive(Debug, Clone, Copy)]
pub struct Cues {
    /// The weight of each kind's cues, indexed as [`EventKind::ALL`].
    pub score: [u32; EventKind::ALL.len()],
}

/// The kind whose cues weigh most, `Other` when none is found; ties go to the kind that
/// ends a story first.
pub fn cue_kind(cues: &Cues) -> EventKind {
    let mut best = EventKind::Other;
    let mut best_score = 0;
    for kind in TIE_ORDER {
        let index = EventKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        if cues.score[index] > best_score {
            best = kind;
            best_score = cues.score[index];
        }
    }
    best
}
