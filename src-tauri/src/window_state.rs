//! The window opens where and as large as it was closed, kept in the database's meta table.

use serde::{Deserialize, Serialize};
use tauri::{Manager, PhysicalPosition, PhysicalSize, Runtime, WebviewWindow, Window};

use crate::commands::AppState;

const KEY: &str = "window_placement";

#[derive(Serialize, Deserialize)]
struct Placement {
    x: i32,
    y: i32,
    width: u32,
    height: u32,
    maximized: bool,
}

pub fn save<R: Runtime>(window: &Window<R>) {
    let (Ok(pos), Ok(size)) = (window.outer_position(), window.inner_size()) else { return };
    let placement =
        Placement { x: pos.x, y: pos.y, width: size.width, height: size.height, maximized: window.is_maximized().unwrap_or(false) };
    if let Ok(json) = serde_json::to_string(&placement) {
        let _ = window.state::<AppState>().with(|s| s.set_meta(KEY, &json));
    }
}

pub fn restore<R: Runtime>(window: &WebviewWindow<R>) {
    let Ok(Some(json)) = window.state::<AppState>().with(|s| s.meta(KEY)) else { return };
    let Ok(p) = serde_json::from_str::<Placement>(&json) else { return };
    // A size that no longer fits any screen is not worth restoring.
    if p.width < 400 || p.height < 300 {
        return;
    }
    let _ = window.set_size(PhysicalSize::new(p.width, p.height));
    let _ = window.set_position(PhysicalPosition::new(p.x, p.y));
    if p.maximized {
        let _ = window.maximize();
    }
}
