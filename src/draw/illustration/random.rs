//! The illustration's seed and its deterministic random numbers: the same incident always
//! draws the same picture, and a different one draws a different picture.

use crate::model::Incident;

/// A 64-bit FNV-1a hash of the incident's words: title, summary, impact, root cause and every
/// timeline entry. Times are left out, so re-reading the same story gives the same seed.
pub fn seed_of(incident: &Incident) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let texts = [
        &incident.title,
        &incident.summary,
        &incident.impact.text,
        &incident.root_cause,
    ]
    .into_iter()
    .chain(incident.timeline.iter().map(|e| &e.text));
    for text in texts {
        for byte in text.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// SplitMix64: small, fast and good enough to scatter chocolate chips.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A sequence started from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// An independent sequence for one part of the picture, so adding a crumb does not move
    /// every engineer.
    pub fn fork(&self, salt: u64) -> Rng {
        let mut forked = Rng(self.0 ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        forked.next_u64();
        forked
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A number in `[low, high)`.
    pub fn range(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    /// An index below `len` (0 when `len` is 0).
    pub fn index(&mut self, len: usize) -> usize {
        if len == 0 {
            0
        } else {
            (self.next_u64() % len as u64) as usize
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_words_give_the_same_seed_and_others_differ() {
        let a = Incident {
            title: "Cookie".into(),
            ..Incident::default()
        };
        let mut b = a.clone();
        assert_eq!(seed_of(&a), seed_of(&b));
        b.title = "Cake".into();
        assert_ne!(seed_of(&a), seed_of(&b));
    }

    #[test]
    fn numbers_stay_in_range_and_repeat_for_a_seed() {
        let mut one = Rng::new(7);
        let mut two = Rng::new(7);
        for _ in 0..1000 {
            let x = one.range(2.0, 3.0);
            assert!((2.0..3.0).contains(&x));
            assert_eq!(x, two.range(2.0, 3.0));
        }
        assert_ne!(
            Rng::new(7).fork(1).next_u64(),
            Rng::new(7).fork(2).next_u64()
        );
    }
}
