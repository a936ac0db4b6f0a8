//! How many files the process may hold open. A room holds a connection per phone (and whatever
//! a mischievous participant opens); the usual soft limit of 1,024 would be met before the room's
//! own connection limit, so the process raises it to the hard limit at start.

/// Raises the open-file limit to the hard limit the system allows; keeps it where it is if that
/// cannot be done.
pub fn raise_limit() {
    #[cfg(unix)]
    {
        // SAFETY: getrlimit and setrlimit only read and write the struct passed to them.
        unsafe {
            let mut limit = std::mem::zeroed::<libc::rlimit>();
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max {
                // macOS refuses more than OPEN_MAX for the soft limit, whatever the hard one.
                #[cfg(target_os = "macos")]
                let max = limit.rlim_max.min(libc::OPEN_MAX as libc::rlim_t);
                #[cfg(not(target_os = "macos"))]
                let max = limit.rlim_max;
                limit.rlim_cur = max;
                let _ = libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
            }
        }
    }
}

/// The open-file limit now in force (a generous guess where the system does not say).
pub fn limit() -> usize {
    #[cfg(unix)]
    {
        // SAFETY: as above.
        unsafe {
            let mut limit = std::mem::zeroed::<libc::rlimit>();
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
                return usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX);
            }
        }
    }
    8192
}
