//! A bounded answer cache with a time to live, keyed by source and number.
//! When full, expired entries go first, then the oldest inserted. "Not found"
//! is an answer and is cached too; problems never are.

use crate::sources::Answer;
use crate::time::Instant;
use std::collections::{HashMap, VecDeque};
use std::time::Duration;

type Key = (usize, String);

/// Bounded TTL cache of answers.
#[derive(Debug)]
pub struct Cache {
    capacity: usize,
    ttl: Duration,
    entries: HashMap<Key, Entry>,
    order: VecDeque<(Key, u64)>,
    next_seq: u64,
}

#[derive(Debug)]
struct Entry {
    stored: Instant,
    seq: u64,
    value: Answer,
}

impl Cache {
    /// A cache holding at most `capacity` answers for `ttl` each.
    /// A capacity or TTL of zero disables caching.
    pub fn new(capacity: usize, ttl: Duration) -> Cache {
        Cache {
            capacity,
            ttl,
            entries: HashMap::new(),
            order: VecDeque::new(),
            next_seq: 0,
        }
    }

    /// Number of stored answers (expired ones included until evicted).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is stored.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The fresh answer of source `source` for `number`, if any.
    pub fn get(&mut self, source: usize, number: &str) -> Option<Answer> {
        let key = (source, number.to_string());
        let fresh = self
            .entries
            .get(&key)
            .map(|e| e.stored.elapsed() < self.ttl)?;
        if fresh {
            self.entries.get(&key).map(|e| e.value.clone())
        } else {
            self.entries.remove(&key);
            None
        }
    }

    /// Stores an answer, evicting when full.
    pub fn put(&mut self, source: usize, number: &str, value: Answer) {
        if self.capacity == 0 || self.ttl.is_zero() {
            return;
        }
        let key = (source, number.to_string());
        let seq = self.next_seq;
        self.next_seq += 1;
        if !self.entries.contains_key(&key) {
            while self.entries.len() >= self.capacity {
                if !self.evict_one() {
                    break;
                }
            }
        }
        self.entries.insert(
            key.clone(),
            Entry {
                stored: Instant::now(),
                seq,
                value,
            },
        );
        self.order.push_back((key, seq));
        if self.order.len() > self.capacity.saturating_mul(2).max(16) {
            self.compact();
        }
    }

    /// Removes expired entries, or else the oldest one. Returns whether any went.
    fn evict_one(&mut self) -> bool {
        let ttl = self.ttl;
        let before = self.entries.len();
        self.entries.retain(|_, e| e.stored.elapsed() < ttl);
        if self.entries.len() < before {
            return true;
        }
        while let Some((key, seq)) = self.order.pop_front() {
            if self.entries.get(&key).is_some_and(|e| e.seq == seq) {
                self.entries.remove(&key);
                return true;
            }
        }
        false
    }

    /// Drops order records whose entry was replaced or removed.
    fn compact(&mut self) {
        let entries = &self.entries;
        self.order
            .retain(|(key, seq)| entries.get(key).is_some_and(|e| e.seq == *seq));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reputation::{Reputation, ReputationVerdict};

    fn rep(v: ReputationVerdict) -> Answer {
        Answer::Found(Reputation::new(v))
    }

    fn verdict(answer: Option<Answer>) -> Option<ReputationVerdict> {
        match answer {
            Some(Answer::Found(rep)) => Some(rep.verdict),
            _ => None,
        }
    }

    #[test]
    fn stores_and_evicts_oldest() {
        let mut c = Cache::new(2, Duration::from_secs(60));
        c.put(0, "+491", rep(ReputationVerdict::Spam));
        c.put(1, "+491", rep(ReputationVerdict::Neutral));
        assert_eq!(verdict(c.get(0, "+491")), Some(ReputationVerdict::Spam));
        c.put(0, "+492", rep(ReputationVerdict::Unknown));
        assert_eq!(c.len(), 2);
        assert!(c.get(0, "+491").is_none());
        assert!(c.get(1, "+491").is_some());
    }

    #[test]
    fn expires() {
        let mut c = Cache::new(10, Duration::from_millis(1));
        c.put(0, "+491", rep(ReputationVerdict::Spam));
        std::thread::sleep(Duration::from_millis(5));
        assert!(c.get(0, "+491").is_none());
        assert!(c.is_empty());
    }

    #[test]
    fn replacing_keeps_bound() {
        let mut c = Cache::new(3, Duration::from_secs(60));
        for i in 0..1000 {
            c.put(0, &format!("+49{}", i % 5), rep(ReputationVerdict::Spam));
        }
        assert!(c.len() <= 3);
        assert!(c.order.len() <= 16);
    }

    #[test]
    fn disabled() {
        let mut c = Cache::new(0, Duration::from_secs(60));
        c.put(0, "+491", rep(ReputationVerdict::Spam));
        assert!(c.get(0, "+491").is_none());
    }
}
