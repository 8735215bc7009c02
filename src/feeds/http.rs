//! HTTP for feeds and pages, by ureq (rustls): a User-Agent naming crosscheck and its
//! version, connect and total timeouts, at most 5 redirects, a size limit per response,
//! gzip, conditional GET (ETag / Last-Modified → 304), at most two requests to one host at
//! once, and one wait-and-retry on 429/503 when the server's `Retry-After` is short.
//! Only `http`/`https` URLs are requested.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use super::list::is_web_url;

/// Limits and identity of the HTTP client.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub connect_timeout: Duration,
    /// For one request, redirects and body included.
    pub timeout: Duration,
    /// A larger response is refused.
    pub max_bytes: u64,
    /// Requests at once to one host.
    pub per_host: usize,
    /// A `Retry-After` up to this long is waited for (once); a longer one is an error.
    pub max_retry_wait: Duration,
}

/// Default size limit of one response (8 MiB).
pub const DEFAULT_MAX_BYTES: u64 = 8 * 1024 * 1024;

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: DEFAULT_MAX_BYTES,
            per_host: 2,
            max_retry_wait: Duration::from_secs(10),
        }
    }
}

/// The User-Agent crosscheck sends.
pub fn user_agent() -> String {
    format!(
        "crosscheck/{} (terminal news reader; +https://github.com/crosscheck)",
        env!("CARGO_PKG_VERSION")
    )
}

/// What a previous response said, for a conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A successful response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub bytes: Vec<u8>,
    /// The URL after redirects.
    pub url: String,
    pub mime_type: Option<String>,
    pub charset: Option<String>,
    pub validators: Validators,
}

/// The outcome of a request that did not fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    Body(Response),
    /// 304: unchanged since the validators were given.
    NotModified,
}

/// The HTTP client shared by a fetch's workers.
pub struct Client {
    agent: ureq::Agent,
    options: HttpOptions,
    in_flight: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

impl Client {
    pub fn new(options: HttpOptions) -> Client {
        let config = ureq::Agent::config_builder()
            .user_agent(user_agent())
            .timeout_connect(Some(options.connect_timeout))
            .timeout_global(Some(options.timeout))
            .max_redirects(5)
            .http_status_as_error(false)
            .build();
        Client {
            agent: config.into(),
            options,
            in_flight: Mutex::new(HashMap::new()),
            freed: Condvar::new(),
        }
    }

    pub fn options(&self) -> &HttpOptions {
        &self.options
    }

    /// GETs a URL; with validators, a conditional GET. Errors are sentences for the user.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Fetched, String> {
        if !is_web_url(url) {
            return Err("not fetched: only http and https addresses are".to_string());
        }
        let host = host_key(url);
        let _slot = self.acquire(&host);
        let mut retried = false;
        loop {
            let mut req = self.agent.get(url);
            if let Some(e) = &validators.etag {
                req = req.header("If-None-Match", e);
            }
            if let Some(m) = &validators.last_modified {
                req = req.header("If-Modified-Since", m);
            }
            let mut resp = req.call().map_err(|e| describe(&e, &self.options))?;
            let status = resp.status().as_u16();
            if status == 304 {
                return Ok(Fetched::NotModified);
            }
            if matches!(status, 429 | 503) {
                let wait = resp
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                match wait {
                    Some(w) if !retried && w <= self.options.max_retry_wait => {
                        retried = true;
                        std::thread::sleep(w);
                        continue;
                    }
                    Some(w) => {
                        return Err(format!(
                            "HTTP {status}: the server asks to retry after {} s",
                            w.as_secs()
                        ));
                    }
                    None => return Err(format!("HTTP {status}: {}", reason(status))),
                }
            }
            if !(200..300).contains(&status) {
                return Err(format!("HTTP {status}: {}", reason(status)));
            }
            let header = |name: &str| {
                resp.headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            let validators = Validators {
                etag: header("etag"),
                last_modified: header("last-modified"),
            };
            let final_url = ureq::ResponseExt::get_uri(&resp).to_string();
            let mime_type = resp.body().mime_type().map(str::to_ascii_lowercase);
            let charset = resp.body().charset().map(str::to_string);
            let bytes = resp
                .body_mut()
                .with_config()
                .limit(self.options.max_bytes)
                .read_to_vec()
                .map_err(|e| describe(&e, &self.options))?;
            return Ok(Fetched::Body(Response {
                bytes,
                url: final_url,
                mime_type,
                charset,
                validators,
            }));
        }
    }

    /// Waits for one of the host's request slots.
    fn acquire(&self, host: &str) -> HostSlot<'_> {
        let mut map = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        while map.get(host).copied().unwrap_or(0) >= self.options.per_host.max(1) {
            map = self.freed.wait(map).unwrap_or_else(|e| e.into_inner());
        }
        *map.entry(host.to_string()).or_insert(0) += 1;
        HostSlot {
            client: self,
            host: host.to_string(),
        }
    }
}

struct HostSlot<'a> {
    client: &'a Client,
    host: String,
}

impl Drop for HostSlot<'_> {
    fn drop(&mut self) {
        let mut map = self
            .client
            .in_flight
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(n) = map.get_mut(&self.host) {
            *n = n.saturating_sub(1);
        }
        self.client.freed.notify_all();
    }
}

/// The host (and port) of a URL, lower-cased: what the per-host limit counts.
pub fn host_key(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host.to_ascii_lowercase()
}

fn describe(e: &ureq::Error, options: &HttpOptions) -> String {
    match e {
        ureq::Error::BodyExceedsLimit(_) => format!(
            "the response is larger than the limit of {} bytes (feeds.max_response_bytes in the config)",
            options.max_bytes
        ),
        ureq::Error::TooManyRedirects => "more than 5 redirects".to_string(),
        ureq::Error::Timeout(_) => format!(
            "timed out (connect {} s, total {} s)",
            options.connect_timeout.as_secs(),
            options.timeout.as_secs()
        ),
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::ConnectionFailed => "connection failed".to_string(),
        ureq::Error::Io(io) => format!("network error: {io}"),
        other => other.to_string(),
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "bad request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not found",
        410 => "gone",
        429 => "too many requests",
        500 => "server error",
        502 => "bad gateway",
        503 => "service unavailable",
        504 => "gateway timeout",
        _ if status >= 500 => "server error",
        _ => "request refused",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_counted_by_authority() {
        assert_eq!(
            host_key("https://User@News.Example:8080/a?b"),
            "news.example:8080"
        );
        assert_eq!(host_key("http://a.example"), "a.example");
    }

    #[test]
    fn non_web_addresses_are_never_requested() {
        let c = Client::new(HttpOptions::default());
        for u in ["file:///etc/passwd", "ftp://x.example/", "gopher://x"] {
            assert!(c.get(u, &Validators::default()).is_err());
        }
    }
}
