//! The UI's files as built into the binary (`ui/dist`): the app's window shows them, and the room
//! serves them to co-editors' browsers, so a co-editor gets the same front end, not a second one.

use std::borrow::Cow;
use std::sync::Arc;

use tauri::utils::assets::{AssetKey, AssetsIter, CspHash};
use tauri::{Assets, Context, Wry};

/// The built UI, shared by the window and the room.
#[derive(Clone)]
pub struct UiAssets(Arc<dyn Assets<Wry>>);

impl UiAssets {
    /// The app's context (`tauri::generate_context!`, expanded once) and the UI in it, which the
    /// context still serves to the window.
    pub fn context() -> (Context<Wry>, UiAssets) {
        let mut context = tauri::generate_context!();
        let embedded: Arc<dyn Assets<Wry>> = Arc::from(context.set_assets(Box::new(Nothing)));
        context.set_assets(Box::new(UiAssets(embedded.clone())));
        (context, UiAssets(embedded))
    }

    /// The UI for a process without a window (`journeywall rpc`, `journeywall room`): made once,
    /// however often a database is opened.
    pub fn standalone() -> UiAssets {
        static UI: std::sync::OnceLock<UiAssets> = std::sync::OnceLock::new();
        UI.get_or_init(|| UiAssets::context().1).clone()
    }

    /// A file of the UI by its path below `ui/dist` (`index.html`, `assets/…`).
    pub fn get(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        self.0.get(&AssetKey::from(path))
    }
}

impl Assets<Wry> for UiAssets {
    fn get(&self, key: &AssetKey) -> Option<Cow<'_, [u8]>> {
        self.0.get(key)
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        self.0.iter()
    }

    fn csp_hashes(&self, html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        self.0.csp_hashes(html_path)
    }
}

/// What the context holds for the moment its assets are taken out.
struct Nothing;

impl Assets<Wry> for Nothing {
    fn get(&self, _: &AssetKey) -> Option<Cow<'_, [u8]>> {
        None
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        Box::new(std::iter::empty())
    }

    fn csp_hashes(&self, _: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        Box::new(std::iter::empty())
    }
}
