//! Each new alert is posted as JSON to the configured `alert_webhook`, in the
//! background, with a few retries; failures are logged, never block a complaint.

use std::time::Duration;

use numrep_desk::Alert;

use crate::logging::mask;

/// Tries per alert.
const ATTEMPTS: u32 = 3;

/// Timeout per try.
const TIMEOUT: Duration = Duration::from_secs(5);

/// Where alerts are posted.
#[derive(Debug, Clone)]
pub struct Webhook {
    client: reqwest::Client,
    url: reqwest::Url,
}

impl Webhook {
    /// A webhook to `url` (http or https).
    pub fn new(url: &str) -> Result<Webhook, String> {
        let parsed = reqwest::Url::parse(url).map_err(|e| format!("alert_webhook: {e}"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err("alert_webhook must be an http:// or https:// URL".into());
        }
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .map_err(|e| format!("alert_webhook: {e}"))?;
        Ok(Webhook {
            client,
            url: parsed,
        })
    }

    /// Posts each alert in the background.
    pub fn send(&self, alerts: Vec<Alert>) {
        for alert in alerts {
            let hook = self.clone();
            tokio::spawn(async move { hook.deliver(&alert).await });
        }
    }

    async fn deliver(&self, alert: &Alert) {
        for attempt in 1..=ATTEMPTS {
            let sent = self.client.post(self.url.clone()).json(alert).send().await;
            match sent {
                Ok(r) if r.status().is_success() => return,
                Ok(r) => tracing::warn!(
                    alert = alert.id, key = %mask(&alert.key), status = r.status().as_u16(), attempt,
                    "alert webhook refused the alert"
                ),
                Err(e) => tracing::warn!(
                    alert = alert.id, key = %mask(&alert.key), error = %e.without_url(), attempt,
                    "alert webhook unreachable"
                ),
            }
            tokio::time::sleep(Duration::from_millis(500 * u64::from(attempt))).await;
        }
        tracing::error!(
            alert = alert.id,
            "alert webhook: gave up after {ATTEMPTS} tries"
        );
    }
}
