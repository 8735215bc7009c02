//! Opening an article's web address in the user's browser: `$BROWSER` (its first entry
//! when it lists several, `:`-separated; `%s` stands for the address), else `xdg-open`
//! (`open` on macOS). The address is passed as one argument to the program, never
//! through a shell, and only `http`/`https` addresses without control characters are
//! opened (the lesson of newsboat's URL shell-injection CVEs).

use std::process::{Command, Stdio};

/// The program and arguments that open `url`, given the value of `$BROWSER`.
pub fn browser_command(url: &str, browser: Option<&str>) -> Result<(String, Vec<String>), String> {
    if !crate::feeds::list::is_web_url(url)
        || url.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return Err("only http and https addresses are opened".to_string());
    }
    let first = browser
        .and_then(|b| b.split(':').map(str::trim).find(|e| !e.is_empty()))
        .map(str::to_string);
    let words: Vec<String> = match first {
        Some(cmd) => cmd.split_whitespace().map(str::to_string).collect(),
        None if cfg!(target_os = "macos") => vec!["open".to_string()],
        None => vec!["xdg-open".to_string()],
    };
    let (program, rest) = words.split_first().ok_or("$BROWSER is empty")?;
    let mut args: Vec<String> = rest.to_vec();
    if args.iter().any(|a| a.contains("%s")) {
        for a in &mut args {
            *a = a.replace("%s", url);
        }
    } else {
        args.push(url.to_string());
    }
    Ok((program.clone(), args))
}

/// Starts the browser on `url`; a message for the hint bar either way.
pub fn open(url: &str) -> String {
    let browser = std::env::var("BROWSER").ok();
    let (program, args) = match browser_command(url, browser.as_deref()) {
        Ok(c) => c,
        Err(e) => return format!("not opened: {e}"),
    };
    let spawned = Command::new(&program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match spawned {
        Ok(mut child) => {
            // Reaped when it ends, so no zombie is left behind.
            std::thread::spawn(move || child.wait());
            format!("opened {} with {program}", crate::text::inert_line(url))
        }
        Err(e) => format!("cannot start {program} ({e}): set $BROWSER to your browser"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_one_argument_and_never_a_shell_command() {
        let url = "https://news.example/a?x=1&y=$(touch${IFS}pwned);`id`|rm";
        let (p, args) = browser_command(url, Some("firefox --new-tab:chromium")).unwrap();
        assert_eq!(p, "firefox");
        assert_eq!(args, vec!["--new-tab".to_string(), url.to_string()]);
        let (p, args) = browser_command(url, Some("lynx -dump %s")).unwrap();
        assert_eq!((p.as_str(), args.len()), ("lynx", 2));
        assert_eq!(args[1], url);
        let (p, _) = browser_command(url, None).unwrap();
        assert!(p == "xdg-open" || p == "open");
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://x.example/\n-rf",
            "https://a b",
        ] {
            assert!(browser_command(bad, Some("firefox")).is_err(), "{bad:?}");
        }
        assert!(browser_command("https://x.example", Some(" : ")).is_ok());
    }
}
