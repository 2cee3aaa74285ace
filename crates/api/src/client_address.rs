//! The address a request comes from, for sign-in throttling. Behind proxies
//! (`MFX_TRUST_PROXY=true`) it is read from `X-Forwarded-For` from the right: each proxy appends
//! the address it received the request from, so the right-most address that is not one of our
//! own proxies (`MFX_TRUSTED_PROXIES`) is the client; anything left of it was written by the
//! client and proves nothing.

use actix_web::HttpRequest;
use actix_web::http::header::HeaderName;
use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

/// One address or network (`10.0.0.0/8`, `fd00::/8`, `192.0.2.7`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    base: IpAddr,
    prefix: u8,
}

impl Network {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.base, ip) {
            (IpAddr::V4(base), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(base) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(base), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(base) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for Network {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (address, prefix) = text.split_once('/').map_or((text, None), |(a, p)| (a, Some(p)));
        let base: IpAddr = address.parse().map_err(|_| format!("`{text}` is not an IP address or network"))?;
        let longest = if base.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= longest)
                .ok_or_else(|| format!("`{text}` has a prefix length that is not 0 to {longest}"))?,
            None => longest,
        };
        Ok(Self { base, prefix })
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.base, self.prefix)
    }
}

/// The proxies in front of the platform, whose entries in `X-Forwarded-For` are skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Network>);

impl TrustedProxies {
    /// A comma-separated list of addresses and networks.
    pub fn parse(list: &str) -> Result<Self, Vec<String>> {
        let (networks, problems): (Vec<_>, Vec<_>) =
            list.split(',').filter(|p| !p.trim().is_empty()).map(Network::from_str).partition(Result::is_ok);
        if problems.is_empty() {
            Ok(Self(networks.into_iter().filter_map(Result::ok).collect()))
        } else {
            Err(problems.into_iter().filter_map(Result::err).collect())
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn contains(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|n| n.contains(ip))
    }
}

fn parse_entry(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    text.parse::<IpAddr>()
        .ok()
        .or_else(|| text.parse::<std::net::SocketAddr>().ok().map(|a| a.ip()))
        .or_else(|| text.trim_start_matches('[').split(']').next().and_then(|t| t.parse().ok()))
}

/// The client's address: the peer itself, unless `trust_proxy` is on and the peer is one of our
/// proxies (any peer, when no proxy is listed); then the right-most `X-Forwarded-For` entry that
/// is not a listed proxy. All entries listed: the left-most. An unreadable entry stops the walk
/// at the last address a proxy of ours vouched for.
pub fn resolve(
    peer: Option<IpAddr>,
    forwarded_for: &[&str],
    trust_proxy: bool,
    proxies: &TrustedProxies,
) -> Option<IpAddr> {
    let peer_is_proxy = peer.is_some_and(|p| proxies.is_empty() || proxies.contains(p));
    if !trust_proxy || !peer_is_proxy {
        return peer;
    }
    let entries: Vec<&str> = forwarded_for.iter().flat_map(|h| h.split(',')).collect();
    let mut vouched = peer;
    for entry in entries.iter().rev() {
        let Some(ip) = parse_entry(entry) else { return vouched };
        if !proxies.contains(ip) {
            return Some(ip);
        }
        vouched = Some(ip);
    }
    vouched
}

/// Who a request comes from, for limits: the client's IPv4 address, or the /64 network of an
/// IPv6 address (one subscriber usually has a whole /64 to choose addresses from); "unknown"
/// when there is none.
pub fn of_request(req: &HttpRequest, trust_proxy: bool, proxies: &TrustedProxies) -> String {
    let header = HeaderName::from_static("x-forwarded-for");
    let values: Vec<&str> = req.headers().get_all(header).filter_map(|v| v.to_str().ok()).collect();
    resolve(req.peer_addr().map(|a| a.ip()), &values, trust_proxy, proxies)
        .map_or_else(|| "unknown".to_owned(), limit_scope)
}

fn limit_scope(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let network = std::net::Ipv6Addr::from(u128::from(v6) & (u128::MAX << 64));
                format!("{network}/64")
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn networks_parse_and_match() {
        let net: Network = "10.1.0.0/16".parse().expect("network");
        assert!(net.contains(ip("10.1.200.3")));
        assert!(!net.contains(ip("10.2.0.1")));
        assert!(!net.contains(ip("::1")));
        let one: Network = "192.0.2.7".parse().expect("address");
        assert!(one.contains(ip("192.0.2.7")) && !one.contains(ip("192.0.2.8")));
        let v6: Network = "fd00::/8".parse().expect("network");
        assert!(v6.contains(ip("fd12::1")));
        assert!("0.0.0.0/0".parse::<Network>().expect("all").contains(ip("203.0.113.1")));
        assert!("10.0.0.0/33".parse::<Network>().is_err());
        assert!("proxy.local".parse::<Network>().is_err());
        assert_eq!(TrustedProxies::parse("10.0.0.1, nonsense, 10.0.0.0/99").map_err(|p| p.len()), Err(2));
    }

    #[test]
    fn the_right_most_untrusted_forwarded_address_is_the_client() {
        let none = TrustedProxies::default();
        let lb = TrustedProxies::parse("10.0.0.0/8").expect("valid");
        let peer = Some(ip("10.0.0.5"));
        // Without trust, the header is ignored.
        assert_eq!(resolve(peer, &["198.51.100.9"], false, &none), peer);
        // One proxy in front: the address it appended, not what the client wrote before it.
        assert_eq!(resolve(peer, &["1.2.3.4, 198.51.100.9"], true, &none), Some(ip("198.51.100.9")));
        // Listed proxies are skipped from the right, across several headers.
        assert_eq!(resolve(peer, &["1.2.3.4, 198.51.100.9", "10.0.0.7"], true, &lb), Some(ip("198.51.100.9")));
        // A request that did not come through a listed proxy is taken at its word: the peer.
        assert_eq!(resolve(Some(ip("203.0.113.8")), &["1.2.3.4"], true, &lb), Some(ip("203.0.113.8")));
        // No header: the peer; only proxies in the header: the left-most of them.
        assert_eq!(resolve(peer, &[], true, &lb), peer);
        assert_eq!(resolve(peer, &["10.0.0.9, 10.0.0.8"], true, &lb), Some(ip("10.0.0.9")));
        // Garbage stops the walk at the last address a proxy vouched for.
        assert_eq!(resolve(peer, &["1.2.3.4, not-an-ip"], true, &none), peer);
        assert_eq!(resolve(peer, &["[2001:db8::1]:443"], true, &none), Some(ip("2001:db8::1")));
    }

    #[test]
    fn limits_count_an_ipv6_client_by_its_64_network() {
        assert_eq!(limit_scope(ip("203.0.113.9")), "203.0.113.9");
        assert_eq!(limit_scope(ip("2001:db8:1:2:aaaa::1")), "2001:db8:1:2::/64");
        assert_eq!(limit_scope(ip("2001:db8:1:2:bbbb::7")), limit_scope(ip("2001:db8:1:2:cccc::9")));
        assert_ne!(limit_scope(ip("2001:db8:1:2::1")), limit_scope(ip("2001:db8:1:3::1")));
        assert_eq!(limit_scope(ip("::ffff:198.51.100.7")), "198.51.100.7");
    }
}
