//! Request metrics in the Prometheus text format: counts and latency histograms by method,
//! route pattern and status. Per instance; Prometheus adds instances up.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

const BUCKETS: [f64; 12] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5];

#[derive(Debug, Default, Clone)]
struct Series {
    count: u64,
    sum_seconds: f64,
    buckets: [u64; BUCKETS.len()],
}

#[derive(Debug, Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), Series>>,
    /// Passes of the digest scheduler that did their work, and those that met a failure.
    digest_passes: [AtomicU64; 2],
    /// Personal records the retention jobs removed, by kind ([`crate::retention::KINDS`]).
    retention_removed: [AtomicU64; crate::retention::KINDS.len()],
}

impl Metrics {
    /// Counts one pass of the digest scheduler.
    pub fn digest_pass(&self, succeeded: bool) {
        self.digest_passes[usize::from(!succeeded)].fetch_add(1, Ordering::Relaxed);
    }

    /// Counts what a retention pass removed, by kind.
    pub fn retention_removed(&self, counts: [usize; crate::retention::KINDS.len()]) {
        for (total, count) in self.retention_removed.iter().zip(counts) {
            total.fetch_add(u64::try_from(count).unwrap_or(u64::MAX), Ordering::Relaxed);
        }
    }

    pub fn record(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64();
        let mut requests = self.requests.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let series = requests.entry((method.to_owned(), route.to_owned(), status)).or_default();
        series.count += 1;
        series.sum_seconds += seconds;
        for (bucket, bound) in series.buckets.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *bucket += 1;
            }
        }
    }

    /// The exposition text.
    pub fn render(&self, extra_gauges: &[(&str, &str, f64)]) -> String {
        let requests = self.requests.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
        let mut out = String::with_capacity(4096);
        out.push_str("# HELP mfx_http_requests_total HTTP requests answered, by method, route pattern and status.\n");
        out.push_str("# TYPE mfx_http_requests_total counter\n");
        for ((method, route, status), series) in &requests {
            let _ = writeln!(
                out,
                "mfx_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {}",
                escape(route),
                series.count
            );
        }
        out.push_str("# HELP mfx_http_request_duration_seconds Time to answer HTTP requests.\n");
        out.push_str("# TYPE mfx_http_request_duration_seconds histogram\n");
        for ((method, route, status), series) in &requests {
            let labels = format!("method=\"{method}\",route=\"{}\",status=\"{status}\"", escape(route));
            for (bound, count) in BUCKETS.iter().zip(series.buckets) {
                let _ = writeln!(out, "mfx_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {count}");
            }
            let _ = writeln!(out, "mfx_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}", series.count);
            let _ = writeln!(out, "mfx_http_request_duration_seconds_sum{{{labels}}} {}", series.sum_seconds);
            let _ = writeln!(out, "mfx_http_request_duration_seconds_count{{{labels}}} {}", series.count);
        }
        out.push_str("# HELP mfx_digest_passes_total Passes of the digest scheduler, by outcome.\n");
        out.push_str("# TYPE mfx_digest_passes_total counter\n");
        for (outcome, count) in ["succeeded", "failed"].iter().zip(&self.digest_passes) {
            let _ = writeln!(out, "mfx_digest_passes_total{{outcome=\"{outcome}\"}} {}", count.load(Ordering::Relaxed));
        }
        out.push_str(
            "# HELP mfx_retention_removed_total Personal records removed past their retention period, by kind.\n",
        );
        out.push_str("# TYPE mfx_retention_removed_total counter\n");
        for (kind, count) in crate::retention::KINDS.iter().zip(&self.retention_removed) {
            let _ = writeln!(out, "mfx_retention_removed_total{{kind=\"{kind}\"}} {}", count.load(Ordering::Relaxed));
        }
        for (name, help, value) in extra_gauges {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}");
        }
        out
    }
}

fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative() {
        let metrics = Metrics::default();
        metrics.record("GET", "/api/v1/partners", 200, Duration::from_micros(700));
        metrics.record("GET", "/api/v1/partners", 200, Duration::from_millis(30));
        let text = metrics.render(&[]);
        assert!(text.contains("mfx_http_requests_total{method=\"GET\",route=\"/api/v1/partners\",status=\"200\"} 2"));
        assert!(text.contains("le=\"0.0005\"} 0"));
        assert!(text.contains("le=\"0.001\"} 1"));
        assert!(text.contains("le=\"0.05\"} 2"));
        assert!(text.contains("le=\"+Inf\"} 2"));
    }
}
