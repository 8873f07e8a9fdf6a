//! What a node built from the database, kept under the token of the stamp it reflects: a row
//! that every change of the data writes with a fresh random token, so one query for the token
//! tells any node whether its copy is still right, and a change through one node is seen by
//! every node at its next use. Used by the working calendars (`calendar/working.rs`) and the
//! signed status lists (`credentials/status.rs`).

use std::sync::{Arc, Mutex};

/// Values by a key that holds the stamp's token (with whatever else picks the value), the
/// last used first, at most `keep` of them. A token is random and only a change writes it,
/// so an entry is right for any database that names it: a stale one is never asked for
/// again, and falls off the end.
pub struct Stamped<K, V> {
    built: Mutex<Vec<(K, Arc<V>)>>,
    keep: usize,
}

impl<K: PartialEq, V> Stamped<K, V> {
    pub const fn new(keep: usize) -> Self {
        Stamped {
            built: Mutex::new(Vec::new()),
            keep,
        }
    }

    /// The value kept under `key`, or the one `build` makes, then kept. The lock is not held
    /// while building: two requests may build the same value, and the last one kept wins.
    pub async fn get_or_build<E, F, B>(&self, key: K, build: F) -> Result<Arc<V>, E>
    where
        F: FnOnce() -> B,
        B: Future<Output = Result<V, E>>,
    {
        let known = self
            .lock()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone());
        if let Some(v) = known {
            return Ok(v);
        }
        let built = Arc::new(build().await?);
        let mut kept = self.lock();
        kept.retain(|(k, _)| *k != key);
        kept.insert(0, (key, built.clone()));
        kept.truncate(self.keep);
        Ok(built)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(K, Arc<V>)>> {
        self.built.lock().expect("stamped cache")
    }
}

#[cfg(test)]
mod tests {
    use super::Stamped;

    async fn get(
        cache: &Stamped<&'static str, String>,
        key: &'static str,
        built: &mut u32,
    ) -> String {
        let v = cache
            .get_or_build(key, move || async move {
                *built += 1;
                Ok::<_, ()>(format!("{key}:{built}"))
            })
            .await
            .unwrap();
        (*v).clone()
    }

    #[tokio::test]
    async fn a_value_is_built_once_per_token_and_the_oldest_falls_off() {
        let cache = Stamped::new(2);
        let mut built = 0;
        assert_eq!(get(&cache, "a", &mut built).await, "a:1");
        assert_eq!(get(&cache, "a", &mut built).await, "a:1", "kept");
        assert_eq!(get(&cache, "b", &mut built).await, "b:2", "a new token");
        assert_eq!(get(&cache, "c", &mut built).await, "c:3");
        assert_eq!(get(&cache, "b", &mut built).await, "b:2", "still kept");
        assert_eq!(get(&cache, "a", &mut built).await, "a:4", "fell off");
    }

    #[tokio::test]
    async fn a_failed_build_keeps_nothing() {
        let cache: Stamped<u8, u8> = Stamped::new(2);
        assert_eq!(
            cache.get_or_build(1, || async { Err("down") }).await,
            Err("down")
        );
        let v = cache.get_or_build(1, || async { Ok::<_, ()>(7) }).await;
        assert_eq!(v.map(|v| *v), Ok(7));
    }
}
