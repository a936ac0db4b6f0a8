//! The addresses a room listens on: the laptop's own addresses on a private network (its hotspot,
//! or the room's Wi-Fi), never a public one and never every interface at once.

use std::net::{IpAddr, Ipv4Addr};

/// The laptop's private IPv4 addresses (10/8, 172.16/12, 192.168/16), hotspot first: phones on
/// a laptop's own hotspot reach it on the 10.42.x (NetworkManager) or 192.168.137.x (Windows)
/// address.
pub fn private() -> Vec<IpAddr> {
    let mut found: Vec<Ipv4Addr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| !i.is_loopback())
        .filter_map(|i| match i.ip() {
            IpAddr::V4(v4) if v4.is_private() => Some(v4),
            _ => None,
        })
        .collect();
    found.sort_by_key(|a| (!is_hotspot(*a), *a));
    found.dedup();
    found.into_iter().map(IpAddr::V4).collect()
}

fn is_hotspot(a: Ipv4Addr) -> bool {
    let [x, y, z, _] = a.octets();
    (x, y) == (10, 42) || (x, y, z) == (192, 168, 137)
}

/// How an address is written in a link and in a `Host` header: `10.42.0.1:8765`, `[::1]:8765`.
pub fn host(ip: IpAddr, port: u16) -> String {
    std::net::SocketAddr::from((ip, port)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_private_addresses_are_offered() {
        for a in private() {
            let IpAddr::V4(v4) = a else { panic!("{a}") };
            assert!(v4.is_private() && !v4.is_loopback(), "{a}");
        }
        assert_eq!(host("::1".parse().unwrap(), 8765), "[::1]:8765");
        assert!(is_hotspot(Ipv4Addr::new(10, 42, 0, 1)) && !is_hotspot(Ipv4Addr::new(10, 0, 0, 1)));
    }
}
