//! The web view may show the app's own pages and nothing else: a link or a script that
//! tries to navigate to another origin is refused.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|_webview, url| is_app_page(url))
        .build()
}

/// The app's own origin: `tauri://localhost` on Linux and macOS, `http(s)://tauri.localhost`
/// on Windows.
pub fn is_app_page(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(url: &str) -> bool {
        Url::parse(url).map(|u| is_app_page(&u)).unwrap_or(false)
    }

    #[test]
    fn only_the_app_origin_is_allowed() {
        assert!(allowed("tauri://localhost/index.html"));
        assert!(allowed("http://tauri.localhost/"));
        assert!(
            !allowed("https://example.org/"),
            "remote origins are refused"
        );
        assert!(
            !allowed("http://localhost:5173/"),
            "a dev server is not the app"
        );
        assert!(
            !allowed("file:///etc/passwd"),
            "local files are not pages of the app"
        );
        assert!(!allowed("tauri://evil.example/"));
    }
}
