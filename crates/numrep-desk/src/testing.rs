//! The store test suite: every backend runs exactly these tests through
//! [`store_suite!`](crate::store_suite), against a fresh, empty store per test.
//! Timestamps are fixed, so windows are tested to the millisecond.

use crate::{
    Category, GroupBy, Keys, ListFilter, Millis, NewComplaint, Outcome, Recorded, Rule, RuleKind,
    Store, DAY, HOUR,
};

/// Generates one `#[tokio::test]` per suite test; `$make` is an async fn
/// returning a fresh `Option<Box<dyn Store>>` (`None`: the database is not
/// available here, and the test says so on stderr and passes; a backend whose
/// database must be there makes `$make` panic instead).
#[macro_export]
macro_rules! store_suite {
    ($make:path) => {
        $crate::store_suite!(@tests $make;
            counts_after_each_complaint,
            recent_windows_are_exact,
            range_and_vendor_are_counted,
            idempotency_counts_a_retry_once,
            number_rule_fires_at_exactly_the_threshold,
            distinct_customers_gate_the_number_rule,
            range_and_vendor_rules_group_numbers,
            one_alert_per_burst_until_the_window_passes,
            two_rules_on_one_key_and_window_raise_one_alert,
            surprise_rule_against_the_baseline,
            delete_and_erasure_uncount,
            retention_purges_old_complaints_and_alerts,
            list_pages_and_filters,
            top_keys_rank_by_count);
    };
    (@tests $make:path; $($name:ident),*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                let Some(store) = $make().await else {
                    eprintln!("SKIPPED {}: no database for this backend", stringify!($name));
                    return;
                };
                $crate::testing::$name(&*store).await;
            }
        )*
    };
}

/// A fixed "now": 2026-11-18T…Z.
pub const T0: Millis = 1_795_000_000_000;

const NUMBER: &str = "+494055550123";
const VENDOR: &str = "Callcenter Nord GmbH";

/// A complaint about `number` at `at`.
pub fn complaint(number: &str, at: Millis, customer: Option<&str>) -> NewComplaint {
    NewComplaint {
        keys: Keys::new(number, None),
        category: Category::ColdCall,
        region: None,
        claimed_company: None,
        customer_hash: customer.map(str::to_string),
        note: None,
        call_time: None,
        received_at: at,
        idempotency_key: None,
    }
}

fn vendor_complaint(number: &str, at: Millis, customer: &str) -> NewComplaint {
    let mut c = complaint(number, at, Some(customer));
    c.keys.vendor = Some(VENDOR.to_string());
    c
}

async fn record_one(store: &dyn Store, c: NewComplaint, rules: &[Rule]) -> Recorded {
    match store.record(&[c], rules).await.expect("record").remove(0) {
        Outcome::Recorded(r) => r,
        Outcome::KeyReused => panic!("unexpected KeyReused"),
    }
}

fn rules_named(names: &[&str]) -> Vec<Rule> {
    Rule::defaults()
        .into_iter()
        .filter(|r| names.contains(&r.name.as_str()))
        .collect()
}

/// Stats in the answer count the complaint just stored.
pub async fn counts_after_each_complaint(store: &dyn Store) {
    let mut first = complaint(NUMBER, T0, Some("c1"));
    first.category = Category::Adult;
    let r = record_one(store, first, &[]).await;
    assert!(r.id > 0);
    assert_eq!(r.e164, NUMBER);
    assert_eq!(
        (r.stats.total, r.stats.last_24h, r.stats.distinct_customers),
        (1, 1, 1)
    );
    assert_eq!(r.stats.by_category["adult"], 1);
    assert_eq!(r.stats.by_category["fraud"], 0);
    assert_eq!(r.stats.by_category.len(), 8);
    let r2 = record_one(store, complaint(NUMBER, T0 + 1000, Some("c1")), &[]).await;
    assert!(r2.id > r.id);
    assert_eq!((r2.stats.total, r2.stats.distinct_customers), (2, 1));
    let r3 = record_one(store, complaint(NUMBER, T0 + 2000, None), &[]).await;
    assert_eq!((r3.stats.total, r3.stats.distinct_customers), (3, 1));
    assert_eq!(r3.stats.first_at, Some(T0));
    assert_eq!(r3.stats.last_at, Some(T0 + 2000));
    assert_eq!(r3.stats.by_category["cold_call"], 2);
    assert_eq!(store.count().await.unwrap(), 3);
    // A batch of several numbers answers each with its own number's counts.
    let batch = [
        complaint("+4930111111", T0 + 3000, Some("a")),
        complaint(NUMBER, T0 + 3000, Some("c2")),
        complaint("+4930111111", T0 + 3000, Some("b")),
    ];
    let out = store.record(&batch, &[]).await.unwrap();
    let totals: Vec<(u64, u64)> = out
        .iter()
        .map(|o| match o {
            Outcome::Recorded(r) => (r.stats.total, r.stats.distinct_customers),
            Outcome::KeyReused => panic!(),
        })
        .collect();
    assert_eq!(totals, [(2, 2), (4, 2), (2, 2)]);
}

/// last_24h/48h/7d count `received_at >= now − window`, to the millisecond.
pub async fn recent_windows_are_exact(store: &dyn Store) {
    let now = T0 + 30 * DAY;
    let ages = [
        7 * DAY + 1,
        7 * DAY,
        48 * HOUR + 1,
        48 * HOUR,
        24 * HOUR + 1,
        24 * HOUR,
        0,
    ];
    let batch: Vec<NewComplaint> = ages
        .iter()
        .map(|age| complaint(NUMBER, now - age, None))
        .collect();
    store.record(&batch, &[]).await.unwrap();
    let view = store
        .number_view(&Keys::new(NUMBER, None), now)
        .await
        .unwrap();
    let s = &view.complaints;
    assert_eq!((s.total, s.last_7d, s.last_48h, s.last_24h), (7, 6, 4, 2));
    // A day later the same complaints have aged.
    let view = store
        .number_view(&Keys::new(NUMBER, None), now + DAY)
        .await
        .unwrap();
    assert_eq!(view.complaints.last_48h, 2);
    assert_eq!(view.complaints.last_24h, 1);
}

/// A number's range holds its neighbours; the vendor all its numbers.
pub async fn range_and_vendor_are_counted(store: &dyn Store) {
    let batch = [
        vendor_complaint("+494055550123", T0, "a"),
        vendor_complaint("+494055550177", T0, "b"),
        vendor_complaint("+494055550200", T0, "c"),
        complaint("+494055550199", T0, Some("d")),
    ];
    store.record(&batch, &[]).await.unwrap();
    let view = store
        .number_view(&Keys::new(NUMBER, Some(VENDOR.into())), T0 + 1)
        .await
        .unwrap();
    assert_eq!(view.complaints.total, 1);
    assert_eq!(view.range_complaints.key, "+4940555501xx");
    assert_eq!(view.range_complaints.stats.total, 3);
    assert_eq!(view.range_complaints.stats.distinct_customers, 3);
    let vendor = view.vendor_complaints.expect("vendor stats");
    assert_eq!(vendor.key, VENDOR);
    assert_eq!((vendor.stats.total, vendor.stats.last_24h), (3, 3));
    // Unknown numbers read as zeros, not errors.
    let empty = store
        .number_view(&Keys::new("+4989123456", None), T0)
        .await
        .unwrap();
    assert_eq!(empty.complaints.total, 0);
    assert_eq!(empty.complaints.first_at, None);
    assert!(empty.vendor_complaints.is_none());
}

/// The same Idempotency-Key counts once, in later batches and within one.
pub async fn idempotency_counts_a_retry_once(store: &dyn Store) {
    let mut c = complaint(NUMBER, T0, Some("c1"));
    c.idempotency_key = Some("ticket-1".into());
    let first = record_one(store, c.clone(), &[]).await;
    assert!(!first.replayed);
    let mut retry = c.clone();
    retry.received_at = T0 + 5000;
    let again = record_one(store, retry, &[]).await;
    assert!(again.replayed);
    assert_eq!(again.id, first.id);
    assert_eq!(again.stats.total, 1);
    // Other content under the same key is refused.
    let mut other = c.clone();
    other.category = Category::Fraud;
    assert_eq!(
        store.record(&[other], &[]).await.unwrap(),
        vec![Outcome::KeyReused]
    );
    // Twice in one batch: one insert, the second a replay of the first.
    let mut d = complaint(NUMBER, T0 + 10, None);
    d.idempotency_key = Some("ticket-2".into());
    let out = store.record(&[d.clone(), d], &[]).await.unwrap();
    let (Outcome::Recorded(a), Outcome::Recorded(b)) = (&out[0], &out[1]) else {
        panic!("{out:?}");
    };
    assert_eq!(a.id, b.id);
    assert!(!a.replayed && b.replayed);
    assert_eq!(store.count().await.unwrap(), 2);
}

/// Number rule: 4 complaints → nothing; the 5th (3 customers) fires; exactly once.
pub async fn number_rule_fires_at_exactly_the_threshold(store: &dyn Store) {
    let rules = rules_named(&["number_burst"]);
    for (i, customer) in ["a", "b", "c", "a"].iter().enumerate() {
        let r = record_one(
            store,
            complaint(NUMBER, T0 + i as i64, Some(customer)),
            &rules,
        )
        .await;
        assert!(r.alerts.is_empty(), "complaint {} fired", i + 1);
    }
    assert!(store.alerts(T0 + 10, 100).await.unwrap().is_empty());
    let fifth = record_one(store, complaint(NUMBER, T0 + 4, Some("b")), &rules).await;
    assert_eq!(fifth.alerts.len(), 1);
    let alert = &fifth.alerts[0];
    assert_eq!(alert.rule, "number_burst");
    assert_eq!(alert.group_by, GroupBy::Number);
    assert_eq!(alert.key, NUMBER);
    assert_eq!((alert.count, alert.customers), (5, 3));
    assert_eq!((alert.first_at, alert.last_at), (T0, T0 + 4));
    assert_eq!(alert.window, "48h");
    let active = store.alerts(T0 + 10, 100).await.unwrap();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].id, alert.id);
    // The 6th updates the alert instead of raising another.
    let sixth = record_one(store, complaint(NUMBER, T0 + 5, Some("d")), &rules).await;
    assert!(sixth.alerts.is_empty());
    let active = store.alerts(T0 + 10, 100).await.unwrap();
    assert_eq!(active.len(), 1);
    assert_eq!((active[0].count, active[0].customers), (6, 4));
    assert_eq!(active[0].last_at, T0 + 5);
}

/// Five complaints from two customers are one angry customer, not a burst.
pub async fn distinct_customers_gate_the_number_rule(store: &dyn Store) {
    let rules = rules_named(&["number_burst"]);
    for i in 0..5 {
        let customer = if i % 2 == 0 { "a" } else { "b" };
        let r = record_one(store, complaint(NUMBER, T0 + i, Some(customer)), &rules).await;
        assert!(r.alerts.is_empty());
    }
    // Complaints without a customer ref do not make up customers either.
    for i in 5..10 {
        let r = record_one(store, complaint(NUMBER, T0 + i, None), &rules).await;
        assert!(r.alerts.is_empty());
    }
    let r = record_one(store, complaint(NUMBER, T0 + 20, Some("c")), &rules).await;
    assert_eq!(r.alerts.len(), 1);
    assert_eq!((r.alerts[0].count, r.alerts[0].customers), (11, 3));
}

/// Ten complaints over ten numbers of one range (or one vendor) fire the range
/// (or vendor) rule; nine do not.
pub async fn range_and_vendor_rules_group_numbers(store: &dyn Store) {
    let rules = rules_named(&["range_burst", "vendor_burst"]);
    for i in 0..9 {
        let number = format!("+4940555501{i:02}");
        let r = record_one(store, complaint(&number, T0 + i, None), &rules).await;
        assert!(r.alerts.is_empty(), "range fired at {}", i + 1);
    }
    let r = record_one(store, complaint("+494055550150", T0 + 9, None), &rules).await;
    assert_eq!(r.alerts.len(), 1);
    assert_eq!(r.alerts[0].group_by, GroupBy::Range);
    assert_eq!(r.alerts[0].key, "+4940555501xx");
    assert_eq!(r.alerts[0].count, 10);
    // A neighbouring range is another key.
    let r = record_one(store, complaint("+494055550250", T0 + 10, None), &rules).await;
    assert!(r.alerts.is_empty());

    // Vendor: ten complaints over numbers in different ranges.
    for i in 0..10 {
        let number = format!("+49405555{:02}00", 10 + i);
        let r = record_one(store, vendor_complaint(&number, T0 + 100 + i, "x"), &rules).await;
        if i < 9 {
            assert!(r.alerts.is_empty(), "vendor fired at {}", i + 1);
        } else {
            assert_eq!(r.alerts.len(), 1);
            assert_eq!(r.alerts[0].group_by, GroupBy::Vendor);
            assert_eq!(r.alerts[0].key, VENDOR);
            assert_eq!(r.alerts[0].vendor.as_deref(), Some(VENDOR));
        }
    }
}

/// An alert stays one alert while its burst goes on; a new burst after a quiet
/// window is a new alert.
pub async fn one_alert_per_burst_until_the_window_passes(store: &dyn Store) {
    let rules = vec![Rule {
        name: "two".into(),
        group_by: GroupBy::Number,
        window: 48 * HOUR,
        kind: RuleKind::Threshold {
            min_complaints: 2,
            min_customers: 0,
        },
    }];
    record_one(store, complaint(NUMBER, T0, None), &rules).await;
    let fired = record_one(store, complaint(NUMBER, T0 + HOUR, None), &rules).await;
    assert_eq!(fired.alerts.len(), 1);
    let id = fired.alerts[0].id;
    // Complaints every 30 h keep two in every 48 h: the same alert, updated.
    for n in 1..5 {
        let r = record_one(
            store,
            complaint(NUMBER, T0 + HOUR + n * 30 * HOUR, None),
            &rules,
        )
        .await;
        assert!(r.alerts.is_empty(), "flapped at step {n}");
    }
    let last = T0 + HOUR + 4 * 30 * HOUR;
    let active = store.alerts(last + 48 * HOUR, 10).await.unwrap();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].id, id);
    assert_eq!(active[0].active_until, last + 48 * HOUR);
    assert!(store
        .alerts(last + 48 * HOUR + 1, 10)
        .await
        .unwrap()
        .is_empty());
    // Quiet for longer than the window: the next burst is a new alert.
    let later = last + 5 * DAY;
    record_one(store, complaint(NUMBER, later, None), &rules).await;
    let again = record_one(store, complaint(NUMBER, later + 1, None), &rules).await;
    assert_eq!(again.alerts.len(), 1);
    assert_ne!(again.alerts[0].id, id);
}

/// The shipped range rules (threshold and surprise) both hold at the tenth
/// complaint of a quiet range: one alert, not two.
pub async fn two_rules_on_one_key_and_window_raise_one_alert(store: &dyn Store) {
    let rules = rules_named(&["range_burst", "range_surprise"]);
    assert_eq!(rules.len(), 2);
    let batch: Vec<NewComplaint> = (0..10)
        .map(|i| complaint(&format!("+4940555501{i:02}"), T0 + i, None))
        .collect();
    let out = store.record(&batch, &rules).await.unwrap();
    let Outcome::Recorded(last) = &out[9] else {
        panic!()
    };
    assert_eq!(last.alerts.len(), 1, "{:?}", last.alerts);
    assert_eq!(store.alerts(T0 + 10, 10).await.unwrap().len(), 1);
    // The surprise rule's probability is kept on the one alert.
    record_one(store, complaint("+494055550111", T0 + 20, None), &rules).await;
    let active = store.alerts(T0 + 30, 10).await.unwrap();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].count, 11);
    assert!(active[0].p_value.is_some_and(|p| p < 1e-7));
}

/// A key with a steady 0.5 complaints a day: 5 in 48 h is ordinary, a burst of
/// 23 is not (p ≈ 1.5e-23).
pub async fn surprise_rule_against_the_baseline(store: &dyn Store) {
    let mut rules = rules_named(&["range_surprise"]);
    rules[0].group_by = GroupBy::Number;
    rules[0].name = "number_surprise".into();
    let now = T0 + 60 * DAY;
    // 14 complaints spread over 4 to 30 days ago: inside every burst complaint's
    // 28-day baseline, outside its 48-hour window.
    let history: Vec<NewComplaint> = (0..14)
        .map(|i| complaint(NUMBER, now - 4 * DAY - i * 2 * DAY, None))
        .collect();
    store.record(&history, &rules).await.unwrap();
    let mut fired_at = None;
    for i in 0..23 {
        let r = record_one(
            store,
            complaint(NUMBER, now - 40 * HOUR + i * HOUR, None),
            &rules,
        )
        .await;
        if !r.alerts.is_empty() && fired_at.is_none() {
            fired_at = Some((i + 1, r.alerts[0].clone()));
        }
    }
    let (count, alert) = fired_at.expect("the burst fires");
    // λT = 1: P(X ≥ 7) = 8.3e-5, P(X ≥ 9) = 1.1e-6, P(X ≥ 10) = 1.1e-7.
    assert_eq!(count, 10, "fires at the first count with p < 1e-6");
    assert_eq!(alert.rule, "number_surprise");
    assert_eq!(alert.baseline_per_day, Some(0.5));
    assert!(alert.p_value.unwrap() < 1e-6 && alert.p_value.unwrap() > 1e-8);
    let active = store.alerts(now, 10).await.unwrap();
    assert_eq!(active.len(), 1);
    assert!(active[0].p_value.unwrap() < 1e-22, "updated with the burst");
}

/// Deleting a complaint or erasing a customer takes them out of every count.
pub async fn delete_and_erasure_uncount(store: &dyn Store) {
    let a = record_one(store, vendor_complaint(NUMBER, T0, "a"), &[]).await;
    record_one(store, vendor_complaint(NUMBER, T0 + 1, "b"), &[]).await;
    record_one(store, vendor_complaint(NUMBER, T0 + 2, "b"), &[]).await;
    let last = record_one(store, vendor_complaint("+494055550124", T0 + 3, "a"), &[]).await;
    let keys = Keys::new(NUMBER, Some(VENDOR.into()));
    assert!(store.delete(a.id).await.unwrap());
    assert!(!store.delete(a.id).await.unwrap());
    let view = store.number_view(&keys, T0 + 10).await.unwrap();
    assert_eq!(
        (view.complaints.total, view.complaints.distinct_customers),
        (2, 1)
    );
    assert_eq!(view.complaints.first_at, Some(T0 + 1), "first_at moved on");
    let vendor = view.vendor_complaints.unwrap().stats;
    assert_eq!((vendor.total, vendor.distinct_customers), (3, 2));
    // Erasing customer b leaves only a's complaint about the neighbour number.
    assert_eq!(store.erase_customer("b").await.unwrap(), 2);
    let view = store.number_view(&keys, T0 + 10).await.unwrap();
    assert_eq!(view.complaints.total, 0);
    assert_eq!(view.complaints.first_at, None);
    assert_eq!(view.complaints.by_category["cold_call"], 0);
    let range = view.range_complaints.stats;
    assert_eq!((range.total, range.distinct_customers), (1, 1));
    assert_eq!(
        (range.first_at, range.last_at),
        (Some(T0 + 3), Some(T0 + 3))
    );
    let listed = store
        .list(&ListFilter {
            limit: 10,
            ..ListFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, last.id);
    assert_eq!(store.erase_customer("nobody").await.unwrap(), 0);
}

/// Retention deletes complaints before the cutoff (in batches) and old alerts.
pub async fn retention_purges_old_complaints_and_alerts(store: &dyn Store) {
    let rules = vec![Rule {
        name: "one".into(),
        group_by: GroupBy::Range,
        window: HOUR,
        kind: RuleKind::Threshold {
            min_complaints: 1,
            min_customers: 0,
        },
    }];
    let old: Vec<NewComplaint> = (0..2500)
        .map(|i| complaint(&format!("+49301{:06}", i % 40), T0 + i, Some("old")))
        .collect();
    store.record(&old, &rules).await.unwrap();
    let recent = T0 + 200 * DAY;
    record_one(store, complaint("+4930100000", recent, Some("new")), &rules).await;
    assert_eq!(store.purge(recent - DAY).await.unwrap(), 2500);
    assert_eq!(store.count().await.unwrap(), 1);
    let view = store
        .number_view(&Keys::new("+4930100000", None), recent)
        .await
        .unwrap();
    assert_eq!(
        (view.complaints.total, view.complaints.distinct_customers),
        (1, 1)
    );
    assert_eq!(view.complaints.first_at, Some(recent));
    assert_eq!(view.range_complaints.stats.total, 1);
    // The old range alerts are gone; the recent one stays.
    let alerts = store.alerts(recent, 100).await.unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!(store.purge(recent - DAY).await.unwrap(), 0);
}

/// Listing is newest first, filtered by number and time, paged by id.
pub async fn list_pages_and_filters(store: &dyn Store) {
    let mut c = complaint(NUMBER, T0, Some("h"));
    c.note = Some("rude".into());
    c.claimed_company = Some("Telekom".into());
    c.call_time = Some(T0 - HOUR);
    c.region = Some("DE".into());
    record_one(store, c, &[]).await;
    for i in 1..5 {
        record_one(store, complaint("+4930222222", T0 + i * HOUR, None), &[]).await;
    }
    let all = store
        .list(&ListFilter {
            limit: 3,
            ..ListFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    assert!(all[0].id > all[1].id && all[1].id > all[2].id);
    let rest = store
        .list(&ListFilter {
            limit: 3,
            before_id: Some(all[2].id),
            ..ListFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(rest.len(), 2);
    let mine = store
        .list(&ListFilter {
            e164: Some(NUMBER.into()),
            limit: 10,
            ..ListFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(mine.len(), 1);
    let m = &mine[0];
    assert_eq!(m.range, "+4940555501xx");
    assert_eq!(m.note.as_deref(), Some("rude"));
    assert_eq!(m.claimed_company.as_deref(), Some("Telekom"));
    assert_eq!(m.customer_hash.as_deref(), Some("h"));
    assert_eq!((m.call_time, m.received_at), (Some(T0 - HOUR), T0));
    assert_eq!(m.region.as_deref(), Some("DE"));
    let since = store
        .list(&ListFilter {
            since: Some(T0 + 3 * HOUR),
            limit: 10,
            ..ListFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(since.len(), 2);
}

/// Analysts' ranking per grouping.
pub async fn top_keys_rank_by_count(store: &dyn Store) {
    let mut batch = Vec::new();
    for i in 0..3 {
        batch.push(vendor_complaint("+494055550111", T0 + i, &format!("c{i}")));
    }
    batch.push(complaint("+4930999999", T0, Some("z")));
    batch.push(complaint("+4930999999", T0 - 10 * DAY, Some("z")));
    store.record(&batch, &[]).await.unwrap();
    let top = store.top_keys(GroupBy::Number, T0 - DAY, 10).await.unwrap();
    assert_eq!(top.len(), 2);
    assert_eq!(
        (top[0].key.as_str(), top[0].count, top[0].customers),
        ("+494055550111", 3, 3)
    );
    assert_eq!((top[0].first_at, top[0].last_at), (T0, T0 + 2));
    assert_eq!((top[1].key.as_str(), top[1].count), ("+4930999999", 1));
    let vendors = store.top_keys(GroupBy::Vendor, T0 - DAY, 10).await.unwrap();
    assert_eq!(vendors.len(), 1);
    assert_eq!(vendors[0].key, VENDOR);
    let ranges = store
        .top_keys(GroupBy::Range, T0 - 30 * DAY, 1)
        .await
        .unwrap();
    assert_eq!(ranges.len(), 1);
    assert_eq!(ranges[0].key, "+4940555501xx");
}
