//! Batch plumbing: walking inputs, mirroring them under an output folder, writing atomically,
//! mapping over files in parallel in input order, and showing progress.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

pub mod adapt;
pub mod targets;

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
/// Returns the files found and, separately, the paths that could not be read (or that are
/// `exclude` itself), each with the reason, so one unreadable folder does not stop the batch.
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
        if exclude.is_some() && root.canonicalize().ok() == exclude {
            errors.push((
                root.clone(),
                "is the output folder too: its files would be written over; \
                 give another folder to write into"
                    .to_string(),
            ));
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
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A file written under a temporary name beside its final path and renamed there by
/// [`AtomicFile::commit`]; dropped uncommitted, the temporary is removed, so an
/// interrupted or failed run never leaves a half-written file under the real name.
pub struct AtomicFile {
    path: PathBuf,
    temp: PathBuf,
    file: Option<BufWriter<fs::File>>,
}

impl AtomicFile {
    /// Creates the temporary file (and the folders above `path`).
    pub fn create(path: &Path) -> std::io::Result<AtomicFile> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)?;
        }
        let name = path
            .file_name()
            .map_or_else(Default::default, |n| n.to_string_lossy().into_owned());
        // Unique within the process too: two threads writing beside each other never share one.
        static MADE: AtomicU64 = AtomicU64::new(0);
        let n = MADE.fetch_add(1, Ordering::Relaxed);
        let temp = path.with_file_name(format!(".{name}.{}.{n}.part", std::process::id()));
        let file = fs::File::create(&temp)?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            temp,
            file: Some(BufWriter::new(file)),
        })
    }

    /// Flushes and syncs the file, then renames it to its final path.
    pub fn commit(mut self) -> std::io::Result<()> {
        let Some(buffered) = self.file.take() else {
            return Ok(());
        };
        let file = buffered.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        fs::rename(&self.temp, &self.path)
    }

    fn writer(&mut self) -> std::io::Result<&mut BufWriter<fs::File>> {
        self.file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("file already committed"))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writer()?.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer()?.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Maps `work` over `items` on `pool` and hands each result to `take` in input order.
///
/// Items are processed in chunks of `chunk`, so at most one chunk of results is
/// held at a time: memory stays flat however many items there are, and the
/// order of `take` calls never depends on which thread finished first.
pub fn map_in_order<T, R, E>(
    pool: &rayon::ThreadPool,
    items: &[T],
    chunk: usize,
    work: impl Fn(&T) -> R + Sync,
    mut take: impl FnMut(&T, R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    for slice in items.chunks(chunk.max(1)) {
        let results: Vec<R> = pool.install(|| slice.par_iter().map(&work).collect());
        for (item, result) in slice.iter().zip(results) {
            take(item, result)?;
        }
    }
    Ok(())
}

/// A progress bar on stderr for `len` steps, hidden when stderr is not a terminal.
pub fn progress_bar(len: u64, message: &'static str) -> ProgressBar {
    use std::io::IsTerminal;
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let style = ProgressStyle::with_template(
        "{msg} [{elapsed_precise}] {wide_bar} {pos}/{len} ({per_sec}, {eta} left)",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::with_draw_target(Some(len), target)
        .with_style(style)
        .with_message(message)
}

/// True when writing `output` would overwrite one of the `inputs`.
pub fn would_overwrite_input(output: &Path, inputs: &[InputFile]) -> bool {
    would_overwrite(output, inputs.iter().map(|input| input.path.as_path()))
}

/// True when `output` is one of the files at `paths` (the same file, however named).
pub fn would_overwrite<'p>(output: &Path, paths: impl IntoIterator<Item = &'p Path>) -> bool {
    let Ok(out) = output.canonicalize() else {
        return false;
    };
    paths
        .into_iter()
        .any(|path| path.canonicalize().is_ok_and(|p| p == out))
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

    #[test]
    fn a_folder_that_is_also_the_output_is_reported_not_skipped_in_silence() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("in/out")).unwrap();
        fs::write(dir.path().join("in/x.txt"), "x").unwrap();
        fs::write(dir.path().join("in/out/y.txt"), "y").unwrap();
        let out = dir.path().join("in/out");
        // The output inside an input folder is not entered; the input folder is read.
        let (files, errors) = walk_inputs(&[dir.path().join("in")], Some(&out));
        assert_eq!(files.len(), 1);
        assert!(errors.is_empty());
        // The output folder given as the input: reported, with the reason.
        let (files, errors) = walk_inputs(std::slice::from_ref(&out), Some(&out));
        assert!(files.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].1.contains("output folder"), "{}", errors[0].1);
    }

    #[test]
    fn uncommitted_atomic_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        {
            let mut file = AtomicFile::create(&target).unwrap();
            file.write_all(b"half a table").unwrap();
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"whole").unwrap();
        assert!(
            !target.exists(),
            "nothing under the real name before commit"
        );
        file.commit().unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"whole");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn map_in_order_keeps_input_order() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let items: Vec<u64> = (0..1000).collect();
        let mut seen = Vec::new();
        map_in_order(
            &pool,
            &items,
            7,
            |n| {
                // Uneven work, so that threads finish out of order.
                let spins = (n * 7919) % 20_000;
                let noise = (0..spins).fold(0u64, |acc, k| std::hint::black_box(acc ^ k));
                (n * 2, noise)
            },
            |item, (doubled, _)| {
                assert_eq!(doubled, item * 2);
                seen.push(*item);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, items);
    }

    #[test]
    fn map_in_order_stops_at_first_error() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let items: Vec<u32> = (0..10).collect();
        let mut taken = 0;
        let result = map_in_order(
            &pool,
            &items,
            3,
            |n| *n,
            |_, n| {
                taken += 1;
                if n == 4 { Err(n) } else { Ok(()) }
            },
        );
        assert_eq!(result, Err(4));
        assert_eq!(taken, 5);
    }
}
