//! The client's address, for login throttling. `X-Forwarded-For` is anyone's to write, so it is
//! read only when the TCP peer is one of the operator's own proxies (`--trusted-proxy`).

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use ipnet::IpNet;

use super::AppError;
use super::AppState;

/// The proxies whose `X-Forwarded-For` is believed: addresses or CIDR blocks. Empty by
/// default, so the client is the TCP peer.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses `10.0.0.1`, `10.0.0.0/8`, `::1` or `fd00::/8`, each entry possibly itself a
    /// comma-separated list (as an environment variable holds them).
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<Self, String> {
        let mut nets = vec![];
        for raw in entries.iter().flat_map(|e| e.as_ref().split(',')) {
            let raw = raw.trim();
            if raw.is_empty() {
                continue;
            }
            let net = IpNet::from_str(raw)
                .or_else(|_| IpAddr::from_str(raw).map(IpNet::from))
                .map_err(|_| format!("not an IP address or CIDR block: {raw}"))?;
            nets.push(net);
        }
        Ok(TrustedProxies(nets))
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|n| n.contains(&ip))
    }

    /// The client of a request that arrived from `peer`: the peer itself unless it is trusted;
    /// then, walking `X-Forwarded-For` from the right (each proxy appends the address it
    /// heard from), the first address that is not a trusted proxy. A header that cannot be
    /// read leaves the nearest trusted hop as the client, never a made-up one.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.contains(client) {
            return client;
        }
        let hops = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        for hop in hops.into_iter().rev() {
            let Ok(ip) = IpAddr::from_str(hop) else {
                return client;
            };
            client = ip.to_canonical();
            if !self.contains(client) {
                return client;
            }
        }
        client
    }
}

/// The client address of this request, as [`TrustedProxies::client`] decides it.
pub struct ClientAddr(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .ok_or_else(|| AppError::internal("served without connect info: use app::serve"))?;
        Ok(ClientAddr(s.trusted_proxies.client(peer, &parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xff(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", v.parse().expect("header"));
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client() {
        let t = TrustedProxies::default();
        assert_eq!(
            t.client(ip("192.0.2.1"), &xff("203.0.113.9")),
            ip("192.0.2.1")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client() {
        let t = TrustedProxies::parse(&["10.0.0.0/8, 127.0.0.1"]).expect("parse");
        let peer = ip("127.0.0.1");
        assert_eq!(t.client(peer, &xff("203.0.113.9")), ip("203.0.113.9"));
        // A forged left-most entry is ignored: the proxy appended the real one.
        assert_eq!(
            t.client(peer, &xff("198.51.100.1, 203.0.113.9, 10.1.2.3")),
            ip("203.0.113.9")
        );
        assert_eq!(t.client(peer, &HeaderMap::new()), peer);
        assert_eq!(t.client(peer, &xff("junk, 10.1.2.3")), ip("10.1.2.3"));
        assert_eq!(
            t.client(ip("::ffff:127.0.0.1"), &xff("203.0.113.9")),
            ip("203.0.113.9")
        );
        assert_eq!(
            t.client(ip("192.0.2.1"), &xff("203.0.113.9")),
            ip("192.0.2.1")
        );
    }

    #[test]
    fn entries_that_are_not_addresses_are_refused() {
        assert!(TrustedProxies::parse(&["10.0.0.0/33"]).is_err());
        assert!(TrustedProxies::parse(&["proxy.internal"]).is_err());
        assert!(TrustedProxies::parse(&["fd00::/8", ""]).is_ok());
    }
}
