//! Batch plumbing: walking inputs, mirroring them under an output folder, writing atomically.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One input file found by [`walk_inputs`], with where its output goes relative to OUT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The file to read.
    pub path: PathBuf,
    /// Its path relative to the folder it was found in (its name, for a file given directly).
    pub relative: PathBuf,
}

/// Walks files and folders (sorted, hidden entries skipped, `exclude` not entered).
///
/// Returns the files found and, separately, the paths that could not be read,
/// each with the reason, so one unreadable folder does not stop the batch.
pub fn walk_inputs(
    paths: &[PathBuf],
    exclude: Option<&Path>,
) -> (Vec<InputFile>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    for root in paths {
        if root.is_file() {
            let name = root.file_name().map(PathBuf::from).unwrap_or_default();
            files.push(InputFile {
                path: root.clone(),
                relative: name,
            });
            continue;
        }
        if !root.exists() {
            errors.push((root.clone(), "no such file or folder".to_string()));
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                let hidden =
                    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
                let excluded = exclude
                    .as_ref()
                    .is_some_and(|ex| entry.path().canonicalize().is_ok_and(|p| &p == ex));
                !hidden && !excluded
            });
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let relative = entry
                        .path()
                        .strip_prefix(root)
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|_| entry.path().to_path_buf());
                    files.push(InputFile {
                        path: entry.into_path(),
                        relative,
                    });
                }
                Ok(_) => {}
                Err(err) => {
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    let reason = err
                        .io_error()
                        .map_or_else(|| err.to_string(), |io| io.to_string());
                    errors.push((path, reason));
                }
            }
        }
    }
    (files, errors)
}

/// Writes `bytes` to `path` whole or not at all: a temporary file beside it, then a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let name = path
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy().into_owned());
    let temp = path.with_file_name(format!(".{name}.{}.part", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// True when writing `output` would overwrite one of the `inputs`.
pub fn would_overwrite_input(output: &Path, inputs: &[InputFile]) -> bool {
    let Ok(out) = output.canonicalize() else {
        return false;
    };
    inputs
        .iter()
        .any(|input| input.path.canonicalize().is_ok_and(|p| p == out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/out.txt");
        write_atomic(&target, b"xin chao").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"xin chao");
        let names: Vec<_> = fs::read_dir(target.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn walk_mirrors_and_reports_missing() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("a/b")).unwrap();
        fs::write(dir.path().join("a/b/x.txt"), "x").unwrap();
        fs::write(dir.path().join("a/.hidden"), "x").unwrap();
        let (files, errors) =
            walk_inputs(&[dir.path().join("a"), dir.path().join("missing")], None);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].relative, PathBuf::from("b/x.txt"));
        assert_eq!(errors.len(), 1);
    }
}
